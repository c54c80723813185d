//! The sentences and figures a reader sees: result cells and sentences, the tile map's labels,
//! page titles and headlines, the CSV export and the embed snippets.

pub mod board;
pub mod corrections;
pub mod delegates;
pub mod export;
pub mod format;
pub mod site;
pub mod snippet;
