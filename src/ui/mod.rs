//! Yew components, one per file. They render what `model` computed and report up by callbacks.

mod app;
pub(crate) mod browser;
mod contest_detail;
mod embed_customizer;
mod embed_view;
mod filters;
mod notices;
mod state;
mod territory_picker;
mod winners;

pub use app::App;

/// Installs the panic hook, then mounts the app on `<main id="app">`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        // Never a blank page: replace whatever was left with a message a reader can act on.
        browser::show_fatal(&format!(
            "Tally stopped because of an internal error ({info}). Reload the page to try again."
        ));
    }));
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    // The static "Loading" line of index.html stays until the app takes over.
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
