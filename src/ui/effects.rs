//! The app's effects, each a hook: loading data, the address bar, the list's pages, focus and the
//! embed protocol. They all run in the one `App` component; here they are named and kept apart
//! from the layout.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::browser;
use super::embed_customizer::resize_preview;
use super::state::{Action, Shared, State, PAGE_ROWS};
use crate::model::{load_bytes, merge_details, Catalog, Query};

pub const BUNDLED_DATA: &str = "data/results.json";

/// Where the dataset comes from: `?data=`, or the bundled file.
fn dataset_url(data: &Option<String>) -> String {
    data.clone().unwrap_or_else(|| BUNDLED_DATA.to_string())
}

/// Loads the dataset: the bundled one, or a newsroom's from `?data=`.
#[hook]
pub fn use_dataset(state: &UseReducerHandle<State>) {
    let dispatch = state.dispatcher();
    use_effect_with(state.query.data.clone(), move |data_url| {
        let url = dataset_url(data_url);
        wasm_bindgen_futures::spawn_local(async move {
            let action = match browser::fetch_bytes(&url).await {
                Err(message) => Action::Failed(message),
                Ok(bytes) => match load_bytes(&bytes) {
                    Err(error) => Action::Failed(error.to_string()),
                    Ok(loaded) => Action::Loaded(Shared(Rc::new(Catalog::new(loaded.dataset))), loaded.problems),
                },
            };
            dispatch.dispatch(action);
        });
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
        wasm_bindgen_futures::spawn_local(async move {
            let read = browser::fetch_bytes(&url)
                .await
                .and_then(|bytes| merge_details(&from.dataset, &bytes).map_err(|e| e.to_string()));
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

/// The address bar follows the state (the one place that writes it), and back and forward
/// restore the state it describes.
#[hook]
pub fn use_address_bar(state: &UseReducerHandle<State>) {
    use_effect_with((state.query.clone(), state.push_history), |(query, push)| {
        browser::write_search(&query.to_search(), *push);
        browser::apply_theme(query.theme);
    });
    let dispatch = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
            let (query, notices) = Query::parse(&browser::location_search());
            dispatch.dispatch(Action::Navigate(query, notices));
        });
        move || drop(listener)
    });
}

/// Embedded: tells the parent page our height (Pym, AMP, Datawrapper, Medium), for as long as we live.
#[hook]
pub fn use_embed_resizer(query: &Query) {
    let (embed, child_id, embed_id) = (query.embed, query.child_id.clone(), query.embed_id.clone());
    use_effect_with((), move |_| {
        let resizer = embed.then(|| crate::embed::start(child_id, embed_id));
        move || drop(resizer)
    });
}

/// While the customizer is open, its preview sizes itself from the messages every embed sends.
/// Returns the preview iframe's ref.
#[hook]
pub fn use_preview_size(open: bool) -> NodeRef {
    let preview = use_node_ref();
    {
        let preview = preview.clone();
        use_effect_with(open, move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    resize_preview(&preview, event)
                })
            });
            move || drop(listener)
        });
    }
    preview
}

/// Opening a contest moves focus (and a phone's scroll) to its title, as a new page would; not
/// inside an embed, where it would scroll the news article. Returns the title's ref.
#[hook]
pub fn use_focus_on_open(state: &UseReducerHandle<State>) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let opened = (
            state.query.contest.clone(),
            state.query.embed,
            state.catalog().is_some(),
        );
        use_effect_with(opened, move |(contest, embed, ready)| {
            if let (Some(_), false, true, Some(title)) = (contest, embed, ready, heading.cast::<web_sys::HtmlElement>())
            {
                let _ = title.focus();
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
