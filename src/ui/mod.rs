//! The Yew app: one component (`App`) and view functions, one per file. They render what `model`
//! computed and `page` holds, and report every event as a `page::Action`.

mod app;
pub(crate) mod browser;
mod contest_detail;
mod effects;
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
    std::panic::set_hook(Box::new(|_| {
        // Never a blank page: a message a reader can act on. (Formatting the panic's own
        // message would pull the whole formatter into the wasm; the message is for readers.)
        browser::show_fatal("Tally stopped because of an internal error. Reload the page to try again.");
    }));
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    // The static "Loading" line of index.html stays until the app takes over.
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
