//! The sentences and figures a reader sees: result cells and sentences, the tile map's labels,
//! a place's history at a glance, page titles and headlines, a live feed's calls, the CSV export
//! and the embed snippets.

pub mod allocation;
pub mod board;
pub mod corrections;
pub mod delegates;
pub mod export;
pub mod format;
pub mod history;
pub mod live;
pub mod site;
pub mod snippet;
