//! The Yew app: one component (`App`) and view functions, one per file. They render what `model`
//! computed and `app_state` holds, and report every event as an `app_state::Action`. The same `App` renders
//! natively to HTML at build time (`server.rs`) and in the browser, where it takes that HTML over
//! (`start.rs`).

mod app;
mod board;
pub(crate) mod browser;
mod contest_detail;
mod effects;
#[cfg(feature = "newsroom")]
mod embed_customizer;
mod embed_view;
mod filters;
mod notices;
#[cfg(not(target_arch = "wasm32"))]
mod server;
#[cfg(target_arch = "wasm32")]
mod start;
mod state;
mod territory_picker;
#[cfg(not(feature = "newsroom"))]
mod tools;
mod winners;

pub use app::{App, AppProps};
#[cfg(not(target_arch = "wasm32"))]
pub use server::render;
#[cfg(target_arch = "wasm32")]
pub use start::start;
