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
use super::effects::{edition, read_dataset, read_details};
use super::{App, AppProps};
use crate::app_state::{Shared, State};
use crate::model::{Catalog, Query};

/// Installs the panic hook, then takes over or mounts the app on `<main id="app">`.
pub fn start() {
    // Through yew, or its renderer would put its own hook (a console message) in place of this one.
    yew::set_custom_panic_hook(Box::new(|_| {
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
        // `&plain=1`: a card's title is for screen readers only, by the stylesheet's rule for
        // static cards, whose mark that script sets once it runs: here before the first render.
        if address.0.plain {
            mark_root("data-plain", "");
        }
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
    mark_root("data-tally", "live");
}

fn mark_root(name: &str, value: &str) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute(name, value);
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
    // What the reader already chose on the static page, while the app was on its way, is kept.
    let address = with_choices_made(&page_root, address);
    let then = (address != (page.clone(), Vec::new())).then(|| Rc::new(address));
    let props = AppProps {
        first: Rc::new(State::prerendered(page, catalog)),
        then,
    };
    yew::Renderer::<App>::with_root_and_props(app_root.clone(), props).render();
    // Yew renders in a task queued just now; this one runs right after it, before a paint.
    wasm_bindgen_futures::spawn_local(async move { swap(&page_root, &app_root) });
}

/// The address, with whatever the reader changed in the static page's filters and order before the
/// app arrived (a party chosen, a search typed): the app must not undo it.
fn with_choices_made(page_root: &Element, (mut query, notices): (Query, Vec<String>)) -> (Query, Vec<String>) {
    let read = |element: &Element, key: &str| js_sys::Reflect::get(element, &key.into()).ok();
    // A control's value, only if the reader changed it from what the page was built with.
    let changed = |id: &str| -> Option<String> {
        let element = page_root.query_selector(&format!("#{id}")).ok().flatten()?;
        let value = read(&element, "value")?.as_string()?;
        let built = match element.query_selector("option[selected]") {
            Ok(Some(option)) => option.get_attribute("value"),
            _ if element.tag_name() == "SELECT" => Some(String::new()),
            _ => read(&element, "defaultValue").and_then(|v| v.as_string()),
        };
        (built.as_deref() != Some(value.as_str())).then_some(value)
    };
    let f = &mut query.filter;
    if let Some(party) = changed("filter-party") {
        f.party = crate::model::Party::from_code(&party);
    }
    if let Some(cycle) = changed("filter-cycle") {
        f.cycle = crate::model::Cycles::from_code(&cycle).unwrap_or_default();
    }
    if let Some(kind) = changed("filter-kind") {
        f.kind = crate::model::ContestKind::from_code(&kind);
    }
    if let Some(text) = changed("filter-text") {
        f.text = text;
    }
    if let Some(lost) = page_root.query_selector("#filter-lost").ok().flatten() {
        let (now, built) = (read(&lost, "checked"), read(&lost, "defaultChecked"));
        if now != built {
            f.nominee_lost = now.and_then(|v| v.as_bool()).unwrap_or(f.nominee_lost);
        }
    }
    if let Some(order) = changed("list-sort").and_then(|v| crate::model::derive::list_order::ListOrder::from_code(&v)) {
        query.sort = order;
    }
    (query, notices)
}

/// Where `element` sits under `root`: its index among its parent's elements, at each level. Text
/// nodes are not counted: the parsed page joins neighbouring text that the app keeps apart.
fn path_in(root: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut at = element.clone();
    while !at.is_same_node(Some(root)) {
        let parent = at.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| siblings.item(i).is_some_and(|e| e.is_same_node(Some(&at))))?;
        path.push(index);
        at = parent;
    }
    path.reverse();
    Some(path)
}

/// Puts the app's root where the static one was, keeping the reader's focus (the element at the
/// same place in the same DOM) and scroll.
fn swap(page_root: &Element, app_root: &Element) {
    let document = gloo::utils::document();
    let window = gloo::utils::window();
    let focused = document
        .active_element()
        .filter(|e| page_root.contains(Some(e)))
        .and_then(|e| path_in(page_root, &e));
    let scroll = (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0));
    if page_root.replace_with_with_node_1(app_root).is_err() {
        return;
    }
    let mut target = Some(app_root.clone());
    for index in focused.iter().flatten() {
        target = target.and_then(|e| e.children().item(*index));
    }
    if let Some(element) = focused.and(target).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
    if (window.scroll_x().unwrap_or(0.0), window.scroll_y().unwrap_or(0.0)) != scroll {
        window.scroll_to_with_x_and_y(scroll.0, scroll.1);
    }
    mark_live();
}

/// The bundled dataset, with its sources and corrections read in when the page shows them, and
/// the editions in files of their own the page shows (a contest's, every one of a territory's).
async fn page_data(page: &Query) -> Result<Shared, String> {
    let url = browser::bundled_dataset();
    let bytes = browser::fetch_bytes(&url).await?;
    let mut dataset = read_dataset(&bytes, &url, true)?.dataset;
    if let (true, Some(file)) = (page.shows_details(), dataset.details.clone()) {
        let details_url = browser::resolve(&file, &browser::absolute(&url));
        let bytes = browser::fetch_bytes(&details_url).await?;
        dataset = read_details(&dataset, &bytes, &details_url, true)?.0;
    }
    let catalog = Catalog::new(dataset);
    let mut editions = Vec::new();
    for file in crate::app_state::editions::needed(&catalog, page) {
        editions.push((file.clone(), edition(file).await?));
    }
    Ok(Shared(Rc::new(match editions.is_empty() {
        true => catalog,
        false => catalog.with_editions(editions),
    })))
}
