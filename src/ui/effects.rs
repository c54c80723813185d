//! The app's effects: loading data, the address bar, back and forward, focus, the list's pages.
//! They all run in the one `App` component, from one hook; here they are named and kept apart
//! from the layout.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::state::{title, Action, DataRequest, EditionsRequest, Opener, Shared, State, PAGE_ROWS};
use super::winners::contest_href;
use crate::model::{Catalog, Dataset, EditionFile, Loaded, Problem, Query};

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
        let _ = url;
        // Another site's file is checked against the rules it carries (the bundled one was, by the build).
        match bundled {
            true => crate::model::load_bytes(bytes),
            false => crate::model::read::load::load_with_rules(bytes),
        }
    };
    #[cfg(not(feature = "newsroom"))]
    let read = match bundled {
        true => crate::model::load_as_built(bytes, url),
        false => return Err(ANOTHER_SITE.into()),
    };
    read.map_err(words)
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
        let _ = url;
        // The bundled file's delegate checks are the build's; another site's are not shown.
        match bundled {
            true => crate::model::merge_own_details(dataset, bytes),
            false => crate::model::merge_details(dataset, bytes),
        }
    };
    #[cfg(not(feature = "newsroom"))]
    let read = match bundled {
        true => crate::model::merge_details_as_built(dataset, bytes, url).map(|merged| (merged, Vec::new())),
        false => return Err(ANOTHER_SITE.into()),
    };
    read.map_err(words)
}

/// A read error in words: the newsroom's build says each; the reader's, which reads only bundled
/// files as built, says they are not (`NOT_AS_BUILT`, where it says why).
#[cfg(feature = "newsroom")]
fn words(error: crate::model::LoadError) -> String {
    error.to_string()
}

#[cfg(not(feature = "newsroom"))]
fn words(_: crate::model::LoadError) -> String {
    crate::model::NOT_AS_BUILT.into()
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

/// What each effect is keyed on, as of a render: an effect runs after a render in which its key
/// changed (and after the first), as `use_effect_with` would run it.
struct Keys {
    /// The dataset the page wants: the bundled one, or a newsroom's from `?data=`.
    dataset: Option<DataRequest>,
    /// The edition files the view asked for last.
    editions: Option<EditionsRequest>,
    /// The details file the view wants, of which dataset request: not the catalog wanting it,
    /// which an edition's arrival replaces while the file is on its way (it was fetched twice).
    details: Option<(u32, String)>,
    /// What the address bar and the document's title say.
    address: (Query, bool, Option<Shared>),
    /// The open contest, whether in an embed, whether the data is there.
    opened: (Option<String>, bool, bool),
    /// The list's selection.
    selected: Rc<Vec<usize>>,
    /// The feed to poll, and the dataset request that loaded what it updates.
    #[cfg(any(feature = "newsroom", feature = "live"))]
    feed: Option<(u32, String)>,
}

/// What the effects keep between renders.
struct Ran {
    keys: Keys,
    /// Whether the list's full page is still wanted: a newer selection calls it off.
    page_wanted: Rc<Cell<bool>>,
    /// Back and forward, heard for as long as the app lives.
    _back_forward: BackForward,
    /// The feed's poller, while there is one: whether it should go on, and its next wait.
    #[cfg(any(feature = "newsroom", feature = "live"))]
    poller: (Rc<Cell<bool>>, Rc<Cell<Option<u32>>>),
}

impl Drop for Ran {
    fn drop(&mut self) {
        self.page_wanted.set(false);
        #[cfg(any(feature = "newsroom", feature = "live"))]
        self.poller.0.set(false);
    }
}

/// The app's effects, in one hook: one `use_effect` that runs each effect whose key changed,
/// in this order, rather than a `use_effect_with` each (every one costs ~0.7 KB of wasm).
/// `then` is what the address asks for beyond a prerendered page. Returns the ref of the open
/// contest's title, which gets the focus.
#[hook]
pub fn use_effects(
    state: &UseReducerHandle<State>,
    then: Option<Rc<(Query, Vec<String>)>>,
    selected: Rc<Vec<usize>>,
    dispatch: &Callback<Action>,
) -> NodeRef {
    // The title's ref lives beside what the effects keep: one hook holds both.
    let kept = use_mut_ref(|| (NodeRef::default(), None::<Ran>));
    let heading = kept.borrow().0.clone();
    let keys = Keys {
        dataset: state.data_wanted(),
        editions: state.editions_wanted().cloned(),
        details: state.details_file_wanted(),
        address: (state.query.clone(), state.push_history, state.catalog().cloned()),
        opened: (
            state.query.contest.clone(),
            state.query.embed,
            state.catalog().is_some(),
        ),
        selected,
        #[cfg(any(feature = "newsroom", feature = "live"))]
        feed: feed_of(state),
    };
    #[cfg(any(feature = "newsroom", feature = "live"))]
    let wait = poll_wait(state);
    let (data, dispatch, title) = (state.query.data.clone(), dispatch.clone(), heading.clone());
    let (details_for, request) = (state.details_wanted().cloned(), state.request);
    // Going back closes the contest, so the focus effect runs then; which one is read from the state.
    let back = state.back_from.clone();
    use_effect(move || {
        let ran = &mut kept.borrow_mut().1;
        let before = ran.as_ref().map(|r| &r.keys);
        if before.is_none_or(|b| b.dataset != keys.dataset) {
            load_dataset(&keys.dataset, &dispatch);
        }
        if before.is_none_or(|b| b.editions != keys.editions) {
            load_editions(&keys.editions, &dispatch);
        }
        if before.is_none_or(|b| b.details != keys.details) {
            load_details(&details_for, request, &data, &dispatch);
        }
        if before.is_none_or(|b| b.address != keys.address) {
            show_address(&keys.address);
        }
        match ran.as_mut() {
            Some(last) => {
                if last.keys.opened != keys.opened {
                    focus_on_open(&last.keys.opened, &keys.opened, &title, &back, &data);
                }
                if last.keys.selected != keys.selected {
                    last.page_wanted.set(false);
                    last.page_wanted = list_page(&keys.selected, &dispatch);
                }
                #[cfg(any(feature = "newsroom", feature = "live"))]
                if last.keys.feed != keys.feed {
                    last.poller.0.set(false);
                    last.poller = poll(&keys.feed, &dispatch);
                }
                #[cfg(any(feature = "newsroom", feature = "live"))]
                last.poller.1.set(wait);
                last.keys = keys;
            }
            None => {
                let back_forward = listen_back_forward(&dispatch);
                // A prerendered page's view is the page's own; what the address asks for beyond
                // it (filters, `?contest=`, `&embed=1`, `?data=`) is applied once the app has
                // taken it over.
                if let Some(address) = &then {
                    let (query, notices) = (**address).clone();
                    dispatch.emit(Action::Navigate(query, notices));
                }
                // A page that may show a feed asks for its styles at once, before the feed renders.
                #[cfg(any(feature = "newsroom", feature = "live"))]
                if data.is_some() || LIVE_FEED.is_some() {
                    browser::add_stylesheet("tally-live.css");
                }
                #[cfg(any(feature = "newsroom", feature = "live"))]
                let poller = poll(&keys.feed, &dispatch);
                #[cfg(any(feature = "newsroom", feature = "live"))]
                poller.1.set(wait);
                *ran = Some(Ran {
                    #[cfg(any(feature = "newsroom", feature = "live"))]
                    poller,
                    page_wanted: list_page(&keys.selected, &dispatch),
                    keys,
                    _back_forward: back_forward,
                });
            }
        }
    });
    heading
}

/// Loads the dataset wanted: the bundled one, or a newsroom's from `?data=`. A prerendered page
/// starts with its data, so nothing is fetched twice.
fn load_dataset(wanted: &Option<DataRequest>, dispatch: &Callback<Action>) {
    let Some(DataRequest { number: request, data }) = wanted else {
        return;
    };
    let (url, bundled, request, dispatch) = (dataset_url(data), data.is_none(), *request, dispatch.clone());
    if let (false, Err(message)) = (bundled, permitted(&url)) {
        return dispatch.emit(Action::Failed { request, message });
    }
    // The reply names its request: the reader may have asked for another file meanwhile.
    wasm_bindgen_futures::spawn_local(async move {
        dispatch.emit(match browser::fetch_bytes(&url).await {
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
}

/// Fetches each edition file asked for, with its sources, and hands each to the state as it comes:
/// the view shows them once it has all it needs.
fn load_editions(wanted: &Option<EditionsRequest>, dispatch: &Callback<Action>) {
    let Some(EditionsRequest {
        number: request,
        data,
        files,
    }) = wanted.clone()
    else {
        return;
    };
    for file in files {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.emit(match edition(&file).await {
                Ok(dataset) => Action::EditionsLoaded {
                    request,
                    data,
                    editions: vec![(file, dataset)],
                },
                Err(message) => Action::EditionsFailed {
                    request,
                    data,
                    files: vec![file.file],
                    message,
                },
            });
        });
    }
}

/// An edition's own file, named by the bundled one, read as built, with its sources and corrections.
pub async fn edition(file: &EditionFile) -> Result<Dataset, String> {
    let url = browser::resolve(&file.file, &browser::absolute(&browser::bundled_dataset()));
    let bytes = browser::fetch_bytes(&url).await?;
    let dataset = read_dataset(&bytes, &url, true)?.dataset;
    let Some(details) = dataset.details.clone() else {
        return Ok(dataset);
    };
    let details_url = browser::resolve(&details, &url);
    let bytes = browser::fetch_bytes(&details_url).await?;
    Ok(read_details(&dataset, &bytes, &details_url, true)?.0)
}

/// Reads sources and corrections from their own file the first time a contest is opened.
fn load_details(wanted: &Option<Shared>, request: u32, data: &Option<String>, dispatch: &Callback<Action>) {
    let Some(from) = wanted.clone() else { return };
    let Some(file) = from.dataset.details.clone() else {
        return;
    };
    let url = browser::resolve(&file, &browser::absolute(&dataset_url(data)));
    let (bundled, dispatch) = (data.is_none(), dispatch.clone());
    // A newsroom's file may name its details anywhere: they pass the same check as the file.
    if let (false, Err(message)) = (bundled, permitted(&url)) {
        return dispatch.emit(Action::DetailsFailed { request, from, message });
    }
    // The reply names the catalog it was read for (`from`), which the page may have replaced.
    wasm_bindgen_futures::spawn_local(async move {
        let read = browser::fetch_bytes(&url)
            .await
            .and_then(|bytes| read_details(&from.dataset, &bytes, &url, bundled));
        dispatch.emit(match read {
            Ok((dataset, problems)) => Action::DetailsLoaded {
                request,
                merged: Shared(Rc::new(Catalog::new(dataset))),
                from,
                problems,
            },
            Err(message) => Action::DetailsFailed { request, from, message },
        });
    });
}

/// The address bar and the document's title follow the state (the one place that writes them).
fn show_address((query, push, catalog): &(Query, bool, Option<Shared>)) {
    browser::write_address(&query.to_href(), *push);
    browser::apply_theme(query.theme);
    if let Some(catalog) = catalog {
        gloo::utils::document().set_title(&title(query, catalog));
    }
}

/// Back and forward restore the state the address describes, for as long as this lives. (Yew's
/// own kind of listener closure, rather than gloo's: no second set of closure glue in the wasm.)
struct BackForward(Closure<dyn Fn(&web_sys::Event)>);

fn listen_back_forward(dispatch: &Callback<Action>) -> BackForward {
    let dispatch = dispatch.clone();
    let listener = Closure::wrap(Box::new(move |_: &web_sys::Event| {
        let (path, search) = browser::address();
        let (query, notices) = Query::from_address(&path, &search);
        dispatch.emit(Action::Navigate(query, notices));
    }) as Box<dyn Fn(&web_sys::Event)>);
    let _ = gloo::utils::window().add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
    BackForward(listener)
}

impl Drop for BackForward {
    fn drop(&mut self) {
        let listener = self.0.as_ref().unchecked_ref();
        let _ = gloo::utils::window().remove_event_listener_with_callback("popstate", listener);
    }
}

/// Opening a contest moves focus (and a phone's scroll) to its title, as a new page would; not
/// inside an embed, where it would scroll the news article, and not when the app takes over a
/// page that already shows the contest (the first render's), where the reader's focus and scroll stay.
/// Going back returns it to where the contest was opened (its row or its tile; the results if that
/// is not shown), not to the top of the page.
fn focus_on_open(
    (contest_before, _, ready_before): &(Option<String>, bool, bool),
    (contest, embed, ready): &(Option<String>, bool, bool),
    title: &NodeRef,
    back: &Option<(String, Opener)>,
    data: &Option<String>,
) {
    if *embed || !*ready {
        return;
    }
    let shown_before = ready_before.then_some(contest_before);
    let place = match (contest, back) {
        (Some(_), _) if shown_before != Some(contest) => title.get(),
        (None, Some((id, opener))) => {
            let scope = match opener {
                Opener::List => "table.winners",
                Opener::Map => ".tiles",
            };
            let document = gloo::utils::document();
            let link = format!("{scope} a[href=\"{}\"]", contest_href(data, id));
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
}

/// The list's first render is a screenful, so results paint sooner; a full page follows once that
/// frame is painted (not before: the rest must not delay the first paint), and on each new
/// selection. Returns the switch that calls it off.
fn list_page(selected: &[usize], dispatch: &Callback<Action>) -> Rc<Cell<bool>> {
    // Nothing is listed while the data loads: the first list still gets its screenful first.
    let wanted = Rc::new(Cell::new(!selected.is_empty()));
    if wanted.get() {
        let (still, dispatch) = (wanted.clone(), dispatch.clone());
        wasm_bindgen_futures::spawn_local(async move {
            browser::after_paint().await;
            if still.get() {
                dispatch.emit(Action::ShowRows(PAGE_ROWS));
            }
        });
    }
    wanted
}

/// The feed this build polls, if any, with the dataset request whose figures it updates: a file
/// that declares `poll_seconds` (a newsroom's `?data=`), or the bundled page of a live build
/// (`cargo xtask dist --live <url>`), which polls the feed the build named.
#[cfg(any(feature = "newsroom", feature = "live"))]
fn feed_of(state: &State) -> Option<(u32, String)> {
    let catalog = state.catalog()?;
    match (&state.query.data, LIVE_FEED) {
        (None, Some(feed)) => Some((state.request, feed.to_string())),
        (data, _) if catalog.dataset.poll_seconds.get().is_some() => Some((state.request, dataset_url(data))),
        _ => None,
    }
}

/// The feed a live build polls (`TALLY_LIVE_FEED` when it was compiled: `cargo xtask dist --live`).
#[cfg(any(feature = "newsroom", feature = "live"))]
const LIVE_FEED: Option<&str> = option_env!("TALLY_LIVE_FEED");

/// Seconds until the next poll (`app_state::live`). The bundled page of a live build polls at once,
/// then as the feed says.
#[cfg(any(feature = "newsroom", feature = "live"))]
fn poll_wait(state: &State) -> Option<u32> {
    let bundled = state.query.data.is_none() && LIVE_FEED.is_some();
    let declared = state.catalog().is_some_and(|c| c.dataset.poll_seconds.get().is_some());
    match state.poll_delay() {
        None if bundled && !declared => Some(match state.failures() {
            0 => 0,
            failures => crate::app_state::live::delay(0, failures),
        }),
        wait => wait,
    }
}

/// Polls `feed` until told to stop or every contest is settled: waits its time (from the state,
/// after each render), never while the page is hidden (at once when it is shown again), asks with
/// the last reply's validators, and hands each reply to the state, which decides what it changes.
#[cfg(any(feature = "newsroom", feature = "live"))]
fn poll(feed: &Option<(u32, String)>, dispatch: &Callback<Action>) -> (Rc<Cell<bool>>, Rc<Cell<Option<u32>>>) {
    use crate::app_state::Poll;
    let (alive, wait) = (Rc::new(Cell::new(true)), Rc::new(Cell::new(None)));
    let Some((request, url)) = feed.clone() else {
        alive.set(false);
        return (alive, wait);
    };
    let (going, next, dispatch) = (alive.clone(), wait.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let (mut etag, mut modified) = (None, None);
        // Let the render that started the poller set its first wait.
        browser::after_paint().await;
        while going.get() {
            let Some(seconds) = next.get() else { return };
            let hidden_before = browser::hidden();
            if seconds > 0 || hidden_before {
                browser::sleep_or_shown((!hidden_before).then_some(seconds * 1000)).await;
            }
            // Hidden: wait until shown, then poll at once.
            if !going.get() || browser::hidden() {
                while going.get() && browser::hidden() {
                    browser::sleep_or_shown(None).await;
                }
                if !going.get() {
                    return;
                }
            }
            let reply = browser::fetch_feed(&url, &etag, &modified).await;
            if !going.get() {
                return;
            }
            let poll = match reply {
                Err(()) => Poll::Failed,
                Ok(None) => Poll::Unchanged,
                Ok(Some((bytes, tag, date))) => match crate::model::read::load::load_feed(&bytes) {
                    Err(_) => Poll::Failed,
                    Ok(loaded) => {
                        (etag, modified) = (tag, date);
                        Poll::Changed {
                            catalog: Shared(Rc::new(Catalog::new(loaded.dataset))),
                            problems: loaded.problems,
                        }
                    }
                },
            };
            dispatch.emit(Action::Polled {
                request,
                poll: crate::model::Live::new(Some(poll)),
            });
            // The state's render sets the next wait (backed off, or none once all is settled).
            browser::after_paint().await;
        }
    });
    (alive, wait)
}
