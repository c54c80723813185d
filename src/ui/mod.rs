//! The Yew app: one component (`App`) and view functions, one per file. They render what `model`
//! computed and `app_state` holds, and report every event as an `app_state::Action`. The same `App` renders
//! natively to HTML at build time (`server.rs`) and in the browser, where it takes that HTML over
//! (`start.rs`).

mod app;
#[cfg(all(feature = "newsroom", target_arch = "wasm32"))]
pub mod bench;
mod board;
pub(crate) mod browser;
mod contest_detail;
mod effects;
#[cfg(feature = "newsroom")]
mod embed_customizer;
mod embed_view;
mod filters;
mod glance;
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
use yew::{html, AttrValue, Html};

/// Whether this render is the browser's app, not the build's prerender: what works only with
/// scripts (the map's keys, the options table's sort buttons) is the app's alone, so a page read
/// without scripts offers nothing that does nothing. Both renders have the same geometry.
const LIVE: bool = cfg!(target_arch = "wasm32");
#[cfg(not(target_arch = "wasm32"))]
pub use server::render;

// Elements the views repeat, built out of line: each `html!` element is inlined construction
// where it is written, so one written once and called from each place is smaller wasm.

/// A figure's cell: `<td class="num">`.
#[inline(never)]
fn num_cell(text: String) -> Html {
    html! { <td class="num">{ text }</td> }
}

/// A column's heading: `<th scope="col">`.
#[inline(never)]
fn col(label: &'static str) -> Html {
    html! { <th scope="col">{ label }</th> }
}

/// A figures column's heading: `<th scope="col" class="num">`.
#[inline(never)]
fn num_col(label: &'static str) -> Html {
    html! { <th scope="col" class="num">{ label }</th> }
}

/// A cell of text: `<td>`.
#[inline(never)]
fn cell(text: String) -> Html {
    html! { <td>{ text }</td> }
}

/// A sentence of results: `<p class="result">`.
#[inline(never)]
fn result_line(text: String) -> Html {
    html! { <p class="result">{ text }</p> }
}

/// What a figure or a name stands on, beside it: `<span class="basis">`.
#[inline(never)]
fn basis(text: AttrValue) -> Html {
    html! { <span class="basis">{ text }</span> }
}

/// A line of the board's small print: `<p class="hint">`.
#[inline(never)]
fn hint(text: String) -> Html {
    html! { <p class="hint">{ text }</p> }
}
#[cfg(target_arch = "wasm32")]
pub use start::start;
