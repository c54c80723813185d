//! Tally: an election results explorer. `model` and `page` are plain Rust; `ui` renders
//! them, natively to HTML at build time and in the browser as wasm.

pub mod model;
pub mod page;

pub mod ui;
