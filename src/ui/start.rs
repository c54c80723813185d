//! The browser's entry: take over a prerendered page, or render afresh where the page was not
//! prerendered or the address asks for another dataset or the embed view.
//!
//! Taking over: the app renders the page's own state (the same components, the same data, so
//! the same DOM) into a copy of `<main id="app">` off the document, then swaps it in within the
//! same task, before the browser paints again: no flash, no layout shift, and focus and scroll
//! are carried over. Yew's `hydration` would do the same by walking the DOM, at 16 KB more wasm
//! (gzip), and a page that differs by a node would stop it with a panic rather than a re-render.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::browser;
use super::{App, AppProps};
use crate::model::{load_bytes, merge_details, Catalog, Query};
use crate::page::{Shared, State};

/// Installs the panic hook, then takes over or mounts the app on `<main id="app">`.
pub fn start() {
    std::panic::set_hook(Box::new(|_| {
        // Never a blank page: a message a reader can act on. (Formatting the panic's own
        // message would pull the whole formatter into the wasm; the message is for readers.)
        browser::show_fatal("Tally stopped because of an internal error. Reload the page to try again.");
    }));
    let Some(root) = gloo::utils::document().get_element_by_id("app") else {
        return browser::show_fatal("This page has no place for Tally's results (no element with id \"app\").");
    };
    let (path, search) = browser::address();
    let address = Query::from_address(&path, &search);
    if address.0.embed {
        // The resize protocol lives in one small script; only an embed needs it.
        browser::add_script("tally-child.js");
    }
    match root.get_attribute("data-page") {
        // The page's own view is what the build rendered; only the bundled data matches it.
        Some(page) if address.0.data.is_none() && !address.0.embed => {
            let page = Query::parse(&page).0;
            wasm_bindgen_futures::spawn_local(take_over(root, page, address));
        }
        _ => {
            // The static page (or its "Loading" line) gives way to what the address asks for.
            root.set_inner_html("");
            let (query, notices) = address;
            let props = AppProps {
                first: Rc::new(State::new(query, notices)),
                then: None,
            };
            yew::Renderer::<App>::with_root_and_props(root, props).render();
            wasm_bindgen_futures::spawn_local(async { mark_live() });
        }
    }
}

/// Says on `<html data-tally="live">` that the app now runs the page (tests and the bench wait
/// for it; a stylesheet could too).
fn mark_live() {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("data-tally", "live");
    }
}

/// Reads the data the page was rendered from, renders the page's own state and swaps it in; what
/// the address asks for beyond the page is applied after. If the data cannot be read, the static
/// page stays as it is (it is complete) and says why its controls do nothing.
async fn take_over(page_root: Element, page: Query, address: (Query, Vec<String>)) {
    let catalog = match page_data(&page).await {
        Ok(catalog) => catalog,
        Err(message) => {
            return browser::show_fatal(&format!(
                "The results below are complete, but the filters do not work: {message} Reload the page to try again."
            ))
        }
    };
    let Ok(app_root) = page_root.clone_node().map(JsCast::unchecked_into::<Element>) else {
        return;
    };
    let then = (address != (page.clone(), Vec::new())).then(|| Rc::new(address));
    let props = AppProps {
        first: Rc::new(State::prerendered(page, catalog)),
        then,
    };
    yew::Renderer::<App>::with_root_and_props(app_root.clone(), props).render();
    // Yew renders in a task queued just now; this one runs right after it, before a paint.
    wasm_bindgen_futures::spawn_local(async move { swap(&page_root, &app_root) });
}

/// Puts the app's root where the static one was, keeping the reader's focus and scroll.
fn swap(page_root: &Element, app_root: &Element) {
    let document = gloo::utils::document();
    let window = gloo::utils::window();
    let focused = document
        .active_element()
        .filter(|e| page_root.contains(Some(e)))
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    if page_root.replace_with_with_node_1(app_root).is_err() {
        return;
    }
    if let Some(element) = focused.and_then(|id| document.get_element_by_id(&id)) {
        if let Ok(element) = element.dyn_into::<HtmlElement>() {
            let _ = element.focus();
        }
    }
    if (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0)) != scroll {
        window.scroll_to_with_x_and_y(scroll.0, scroll.1);
    }
    mark_live();
}

/// The bundled dataset, with its sources and corrections read in when the page shows them.
async fn page_data(page: &Query) -> Result<Shared, String> {
    let url = browser::bundled_dataset();
    let bytes = browser::fetch_bytes(&url).await?;
    let mut dataset = load_bytes(&bytes).map_err(|e| e.to_string())?.dataset;
    if let (true, Some(file)) = (page.shows_details(), dataset.details.clone()) {
        let details_url = browser::resolve(&file, &browser::absolute(&url));
        let bytes = browser::fetch_bytes(&details_url).await?;
        dataset = merge_details(&dataset, &bytes).map_err(|e| e.to_string())?.0;
    }
    Ok(Shared(Rc::new(Catalog::new(dataset))))
}
