//! Tally: an election results explorer. `model` and `page` are plain Rust; the rest only exists on wasm32.

pub mod model;
pub mod page;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
