//! Tally: an election results explorer. `model` is plain Rust; the rest only exists on wasm32.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
