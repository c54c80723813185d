//! Tally: an election results explorer. `model` and `app_state` are plain Rust; `ui` renders
//! them, natively to HTML at build time and in the browser as wasm.

pub mod app_state;
pub mod model;

pub mod ui;
