//! The app: owns the one reducer, loads the dataset, keeps the URL in step, lays out the page.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::browser;
use super::contest_detail::{contest_detail, DetailView};
use super::embed_customizer::{embed_customizer, resize_preview};
use super::embed_view::embed_view;
use super::filters::filters;
use super::notices::{notices, problems_panel};
use super::state::{Action, Data, Shared, State};
use super::winners::{winners, PAGE_ROWS};
use crate::model::{load_bytes, merge_details, Catalog, Query};

pub const BUNDLED_DATA: &str = "data/results.json";

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::from_location(&browser::location_search()));

    // Load the dataset: the bundled one, or a newsroom's from `?data=`.
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.query.data.clone(), move |data_url| {
            let url = data_url.clone().unwrap_or_else(|| BUNDLED_DATA.to_string());
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

    // Sources and corrections: read from their own file the first time a contest is opened.
    {
        let dispatch = state.dispatcher();
        let data_url = state.query.data.clone().unwrap_or_else(|| BUNDLED_DATA.to_string());
        use_effect_with(state.details_wanted().cloned(), move |wanted| {
            let Some(from) = wanted.clone() else { return };
            let Some(file) = from.dataset.details.clone() else {
                return;
            };
            let url = browser::resolve(&file, &browser::absolute(&data_url));
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

    // The URL follows the state; one place writes it.
    use_effect_with((state.query.clone(), state.push_history), |(query, push)| {
        browser::write_search(&query.to_search(), *push);
        browser::apply_theme(query.theme);
    });

    // Embedded: tell the parent page our height (Pym, AMP, Datawrapper, Medium), for as long as we live.
    {
        let (embed, child_id, embed_id) = (
            state.query.embed,
            state.query.child_id.clone(),
            state.query.embed_id.clone(),
        );
        use_effect_with((), move |_| {
            let resizer = embed.then(|| crate::embed::start(child_id, embed_id));
            move || drop(resizer)
        });
    }

    // The customizer's preview sizes itself from the messages every embed sends.
    let preview = use_node_ref();
    {
        let preview = preview.clone();
        use_effect_with(state.customizer.is_some(), move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    resize_preview(&preview, event)
                })
            });
            move || drop(listener)
        });
    }

    // Opening a contest moves focus (and a phone's scroll) to its title, as a new page would; not
    // inside an embed, where it would scroll the news article.
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

    // Back and forward restore the state the URL describes.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                let (query, notices) = Query::parse(&browser::location_search());
                dispatch.dispatch(Action::Navigate(query, notices));
            });
            move || drop(listener)
        });
    }

    // Every event goes through this one callback; it never changes, so rows that hold it compare equal.
    let dispatch = {
        let dispatch = state.dispatcher();
        use_callback((), move |action: Action, _| dispatch.dispatch(action))
    };
    let on_bundled = dispatch.reform(|_: MouseEvent| Action::UseBundled);

    // The filtered set, computed once per render and shared by the list, the status and the embed title.
    let selected: Vec<usize> = state
        .catalog()
        .map(|catalog| state.query.filter.apply(catalog))
        .unwrap_or_default();

    // The list's first render is a screenful, so results paint sooner; a full page follows once that
    // frame is painted (not before: the rest must not delay the first paint), and on each new selection.
    {
        let dispatch = dispatch.clone();
        use_effect_with(selected.clone(), move |selected| {
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

    if state.query.embed {
        return embed_view(&state, &selected, &heading, &dispatch);
    }
    let embed_title = match state.catalog() {
        Some(catalog) => match state.query.contest.as_deref().and_then(|id| catalog.contest(id)) {
            Some(c) => format!(
                "{}, {} {} {} results",
                c.territory_name(),
                c.cycle,
                c.party.name(),
                c.kind.label().to_ascii_lowercase()
            ),
            None => state.query.filter.describe(selected.len()),
        },
        None => "election results".into(),
    };

    let body = match &state.data {
        Data::Loading => {
            html! { <p class="loading" role="status">{ "Loading results\u{2026}" }</p> }
        }
        Data::Failed(message) => html! {
            <section class="error-state" role="alert">
                <h2>{ "The results could not be loaded" }</h2>
                <p>{ message.clone() }</p>
                if state.query.data.is_some() {
                    <button type="button" onclick={on_bundled.clone()}>{ "Show the bundled results instead" }</button>
                } else {
                    <p>{ "Check your connection and reload the page." }</p>
                }
            </section>
        },
        Data::Ready(catalog) => {
            let open = state.query.contest.as_deref().and_then(|id| catalog.contest(id));
            html! {
                <>
                    { filters(&state.query.filter, catalog.cycles(), &state.picker, &dispatch) }
                    <p role="status" class="status">{ state.query.filter.describe(selected.len()) }</p>
                    if let Some(contest) = open {
                        { contest_detail(DetailView { contest, details: state.details(), as_of: catalog.dataset.as_of.as_deref(), embedded: false, plain: false, sort: state.sort, heading: &heading }, &dispatch) }
                    } else {
                        { winners(catalog, &selected, &state.query, state.limit, false, &dispatch) }
                    }
                </>
            }
        }
    };

    html! {
        <>
            <header class="masthead">
                <h1>{ "Tally" }</h1>
                <p class="tagline">{ "US presidential primaries and caucuses: every state, DC, the territories and Democrats Abroad." }</p>
                if state.catalog().is_some() {
                    { embed_customizer(&state.query, &embed_title, state.customizer.as_ref(), &preview, &dispatch) }
                }
            </header>
            { notices(&state.notices) }
            { problems_panel(&state.problems, &on_bundled) }
            { body }
        </>
    }
}
