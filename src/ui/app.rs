//! The app: owns the one reducer, loads the dataset, keeps the URL in step, lays out the page.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::browser;
use super::contest_detail::ContestDetail;
use super::embed_customizer::EmbedCustomizer;
use super::embed_view::EmbedView;
use super::filters::Filters;
use super::notices::{Notices, ProblemsPanel};
use super::state::{Action, Data, Shared, State};
use super::winners::Winners;
use crate::model::{load_bytes, merge_details, Catalog, Filter, Query};

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

    let on_filter = {
        let dispatch = state.dispatcher();
        use_callback((), move |filter: Filter, _| {
            dispatch.dispatch(Action::SetFilter(filter))
        })
    };
    let on_text = {
        let dispatch = state.dispatcher();
        use_callback((), move |text: String, _| dispatch.dispatch(Action::SetText(text)))
    };
    // Stable callbacks: props stay equal between renders, so unchanged components are skipped.
    let on_open = {
        let dispatch = state.dispatcher();
        use_callback((), move |id: String, _| dispatch.dispatch(Action::Open(Some(id))))
    };
    let on_close = {
        let dispatch = state.dispatcher();
        use_callback((), move |(), _| dispatch.dispatch(Action::Open(None)))
    };
    let on_bundled = {
        let dispatch = state.dispatcher();
        use_callback((), move |_: MouseEvent, _| dispatch.dispatch(Action::UseBundled))
    };

    if state.query.embed {
        return html! { <EmbedView state={(*state).clone()} /> };
    }

    // The filtered set, computed once per render and shared by the list, the status and the embed title.
    let selected: Vec<usize> = state
        .catalog()
        .map(|catalog| state.query.filter.apply(catalog))
        .unwrap_or_default();
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
            let open = state
                .query
                .contest
                .as_deref()
                .and_then(|id| catalog.contest(id))
                .cloned();
            html! {
                <>
                    <Filters filter={state.query.filter.clone()} cycles={catalog.cycles().to_vec()} on_change={on_filter} {on_text} />
                    <p role="status" class="status">{ state.query.filter.describe(selected.len()) }</p>
                    if let Some(contest) = open {
                        <ContestDetail contest={Rc::new(contest)} details={state.details()} as_of={catalog.dataset.as_of.clone()} {on_close} />
                    } else {
                        <Winners catalog={catalog.clone()} {selected} query={state.query.clone()} {on_open} />
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
                    <EmbedCustomizer query={state.query.clone()} title={embed_title} />
                }
            </header>
            <Notices notices={state.notices.clone()} />
            <ProblemsPanel problems={state.problems.clone()} on_bundled={on_bundled} />
            { body }
        </>
    }
}
