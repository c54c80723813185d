//! The app's effects, each a hook: loading data, the address bar, the list's pages, focus and the
//! embed protocol. They all run in the one `App` component; here they are named and kept apart
//! from the layout.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::state::{title, Action, DataRequest, Opener, Shared, State, PAGE_ROWS};
use super::winners::contest_href;
use crate::model::{Catalog, Dataset, Loaded, Problem, Query};

/// Where the dataset comes from: `?data=`, or the bundled file the page names (its name carries a
/// hash of its content, so a cache never pairs a page with another build's data).
pub fn dataset_url(data: &Option<String>) -> String {
    data.clone().unwrap_or_else(browser::bundled_dataset)
}

/// A fetched dataset, read as this build reads files: the newsroom's validates any file; the
/// reader's reads only the bundled one, and only as built (`load_as_built`).
pub fn read_dataset(bytes: &[u8], url: &str, bundled: bool) -> Result<Loaded, String> {
    #[cfg(feature = "newsroom")]
    let read = {
        let _ = (url, bundled);
        crate::model::load_bytes(bytes)
    };
    #[cfg(not(feature = "newsroom"))]
    let read = match bundled {
        true => crate::model::load_as_built(bytes, url),
        false => return Err(ANOTHER_SITE.into()),
    };
    read.map_err(|e| e.to_string())
}

/// A fetched details file merged into `dataset`, as this build reads files (as `read_dataset`):
/// the newsroom's build checks every entry (and leaves out what does not fit, said in `problems`);
/// the reader's merges the bundled file as built.
pub fn read_details(
    dataset: &Dataset,
    bytes: &[u8],
    url: &str,
    bundled: bool,
) -> Result<(Dataset, Vec<Problem>), String> {
    #[cfg(feature = "newsroom")]
    let read = {
        let _ = (url, bundled);
        crate::model::merge_details(dataset, bytes)
    };
    #[cfg(not(feature = "newsroom"))]
    let read = match bundled {
        true => crate::model::merge_details_as_built(dataset, bytes, url).map(|merged| (merged, Vec::new())),
        false => return Err(ANOTHER_SITE.into()),
    };
    read.map_err(|e| e.to_string())
}

/// Whether this site reads `url`, a `?data=` file or the details file one names: its own, and
/// those of sites its builder allowed (`url::permission`). Only the newsroom's build reads them.
#[cfg(feature = "newsroom")]
fn permitted(url: &str) -> Result<(), String> {
    crate::model::url::permission::may_read(
        &browser::absolute(url),
        &browser::absolute("./"),
        &browser::allowed_origins(),
    )
}

#[cfg(not(feature = "newsroom"))]
fn permitted(_: &str) -> Result<(), String> {
    Err(ANOTHER_SITE.into())
}

/// The reader's build, asked for another site's file (its loader sends such addresses to the
/// newsroom's build, so only a changed address in a running page can).
#[cfg(not(feature = "newsroom"))]
const ANOTHER_SITE: &str = "Another site's results open only from their own address: reload the page.";

/// Loads the dataset whenever one is wanted: the bundled one, or a newsroom's from `?data=`.
/// A prerendered page starts with its data, so nothing is fetched twice.
#[hook]
pub fn use_dataset(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.data_wanted(), move |wanted| {
        let Some(DataRequest { number: request, data }) = wanted else {
            return;
        };
        let (url, bundled, request) = (dataset_url(data), data.is_none(), *request);
        if let (false, Err(message)) = (bundled, permitted(&url)) {
            return dispatch.dispatch(Action::Failed { request, message });
        }
        // The reply names its request: the reader may have asked for another file meanwhile.
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.dispatch(match browser::fetch_bytes(&url).await {
                Err(message) => Action::Failed { request, message },
                Ok(bytes) => match read_dataset(&bytes, &url, bundled) {
                    Err(message) => Action::Failed { request, message },
                    Ok(loaded) => Action::Loaded {
                        request,
                        catalog: Shared(Rc::new(Catalog::new(loaded.dataset))),
                        problems: loaded.problems,
                    },
                },
            });
        });
    });
}

/// A prerendered page's view is the page's own; what the address asks for beyond it (filters,
/// `?contest=`, `&embed=1`, `?data=`) is applied once the app has taken the page over.
#[hook]
pub fn use_address_after_takeover(then: Option<Rc<(Query, Vec<String>)>>, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        if let Some(address) = then {
            let (query, notices) = (*address).clone();
            dispatch.emit(Action::Navigate(query, notices));
        }
    });
}

/// Reads sources and corrections from their own file the first time a contest is opened.
#[hook]
pub fn use_details(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    let data = state.query.data.clone();
    use_effect_with(state.details_wanted().cloned(), move |wanted| {
        let Some(from) = wanted.clone() else { return };
        let Some(file) = from.dataset.details.clone() else {
            return;
        };
        let url = browser::resolve(&file, &browser::absolute(&dataset_url(&data)));
        let bundled = data.is_none();
        // A newsroom's file may name its details anywhere: they pass the same check as the file.
        if let (false, Err(message)) = (bundled, permitted(&url)) {
            return dispatch.dispatch(Action::DetailsFailed { from, message });
        }
        // The reply names the catalog it was read for (`from`), which the page may have replaced.
        wasm_bindgen_futures::spawn_local(async move {
            let read = browser::fetch_bytes(&url)
                .await
                .and_then(|bytes| read_details(&from.dataset, &bytes, &url, bundled));
            dispatch.dispatch(match read {
                Ok((dataset, problems)) => Action::DetailsLoaded {
                    merged: Shared(Rc::new(Catalog::new(dataset))),
                    from,
                    problems,
                },
                Err(message) => Action::DetailsFailed { from, message },
            });
        });
    });
}

/// The address bar and the document's title follow the state (the one place that writes them),
/// and back and forward restore the state the address describes.
#[hook]
pub fn use_address_bar(state: &UseReducerHandle<State>) {
    let view = (state.query.clone(), state.push_history, state.catalog().cloned());
    use_effect_with(view, |(query, push, catalog)| {
        browser::write_address(&query.to_href(), *push);
        browser::apply_theme(query.theme);
        if let Some(catalog) = catalog {
            gloo::utils::document().set_title(&title(query, catalog));
        }
    });
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            let (path, search) = browser::address();
            let (query, notices) = Query::from_address(&path, &search);
            dispatch.dispatch(Action::Navigate(query, notices));
        });
        move || drop(listener)
    });
}

/// Opening a contest moves focus (and a phone's scroll) to its title, as a new page would; not
/// inside an embed, where it would scroll the news article, and not when the app takes over a
/// page that already shows the contest, where the reader's focus and scroll stay. Going back
/// returns it to where the contest was opened (its row or its tile; the results if that is not
/// shown), not to the top of the page. Returns the title's ref.
#[hook]
pub fn use_focus_on_open(state: &UseReducerHandle<State>) -> NodeRef {
    let heading = use_node_ref();
    let shown = use_mut_ref(|| state.catalog().is_some().then(|| state.query.contest.clone()));
    {
        let heading = heading.clone();
        // Going back closes the contest, so the effect runs then; which one is read from the state.
        let (back, data) = (state.back_from.clone(), state.query.data.clone());
        let opened = (
            state.query.contest.clone(),
            state.query.embed,
            state.catalog().is_some(),
        );
        use_effect_with(opened, move |(contest, embed, ready)| {
            let before = shown.replace(ready.then(|| contest.clone()));
            let place = match (contest, &back) {
                _ if *embed || !*ready => None,
                (Some(_), _) if before.as_ref() != Some(contest) => heading.get(),
                (None, Some((id, opener))) => {
                    let scope = match opener {
                        Opener::List => "table.winners",
                        Opener::Map => ".tiles",
                    };
                    let document = gloo::utils::document();
                    let link = format!("{scope} a[href=\"{}\"]", contest_href(&data, id));
                    document
                        .query_selector(&link)
                        .ok()
                        .flatten()
                        .or_else(|| document.get_element_by_id("results"))
                        .map(Into::into)
                }
                _ => None,
            };
            if let Some(place) = place.and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = place.focus();
            }
        });
    }
    heading
}

/// The list's first render is a screenful, so results paint sooner; a full page follows once that
/// frame is painted (not before: the rest must not delay the first paint), and on each new selection.
#[hook]
pub fn use_list_pages(selected: Rc<Vec<usize>>, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with(selected, move |selected| {
        // Nothing is listed while the data loads: the first list still gets its screenful first.
        let later = (!selected.is_empty()).then(|| {
            let later = Rc::new(RefCell::new(None));
            let slot = later.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                *slot.borrow_mut() = Some(Timeout::new(0, move || dispatch.emit(Action::ShowRows(PAGE_ROWS))));
            });
            (frame, later)
        });
        move || drop(later)
    });
}
