//! The app: the one component; owns the reducer, runs the effects (`effects.rs`), lays out the page.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::board::board;
use super::browser;
use super::contest_detail::{contest_detail, DetailView};
use super::effects::use_effects;
#[cfg(feature = "newsroom")]
use super::embed_customizer::embed_customizer;
use super::embed_view::embed_view;
use super::filters::{filters, list_order};
use super::glance::glance;
use super::notices::{feed_line, notices, Rejected};
#[cfg(feature = "newsroom")]
use super::notices::{problems_panel, provenance};
use super::state::{Action, Data, Shared, Sort, State};
#[cfg(not(feature = "newsroom"))]
use super::tools::{embed_customizer, problems_panel, provenance};
use super::winners::{contest_href, winners};
use crate::model::derive::list_order::{newest_first, ordered};
#[cfg(feature = "newsroom")]
use crate::model::words::export::list_csv;
#[cfg(feature = "newsroom")]
use crate::model::words::format::contest_label;
#[cfg(feature = "newsroom")]
use crate::model::Catalog;
use crate::model::Edition;
use crate::model::{only_territory, Query};

#[derive(Properties)]
pub struct AppProps {
    /// The first render's state: a prerendered page's own, or loading what the address asks for.
    pub first: Rc<State>,
    /// What the address asks for beyond the prerendered page, applied once the app has taken it
    /// over (the first render must match the page exactly).
    #[prop_or_default]
    pub then: Option<Rc<(Query, Vec<String>)>>,
}

/// Props are given once, at the start: the same `Rc`s are the same props (comparing the states
/// field by field would put every type's equality into the wasm).
impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        let same_then = match (&self.then, &other.then) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        Rc::ptr_eq(&self.first, &other.first) && same_then
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| (*props.first).clone());

    // Every event goes through this one callback: the reducer's own dispatch function, the same
    // on every render, so rows that hold it compare equal.
    let dispatch = state.dispatcher().to_callback();
    let on_bundled = dispatch.reform(|_: MouseEvent| Action::UseBundled);

    let kept = use_mut_ref(|| None);
    let (selected, board) = made(&kept, &state, &dispatch);
    let heading = use_effects(&state, props.then.clone(), selected.clone(), &dispatch);

    // A download the address asked for (`download=1`, from the reader's build), once the list is ready.
    #[cfg(feature = "newsroom")]
    {
        // Keyed on the request alone (not the list, whose comparison would cost every render);
        // the list is this render's, the one it was asked for.
        let ready = state.catalog().cloned().filter(|_| state.download);
        let (dispatch, selected) = (dispatch.clone(), selected.clone());
        use_effect_with(ready.is_some(), move |_| {
            if let Some(catalog) = ready {
                download_csv(&catalog, &selected);
                dispatch.emit(Action::Downloaded);
            }
        });
    }

    if state.query.embed {
        return embed_view(&state, &selected, &heading, &dispatch);
    }
    // While editions load, the rows shown before stay (`State::shown`); the filters show the choice.
    let shown = state.shown();
    let open = state
        .catalog()
        .and_then(|c| shown.contest.as_deref().and_then(|id| c.contest(id)));
    let status = state.editions_status().unwrap_or_else(|| {
        state
            .catalog()
            .map_or_else(String::new, |c| shown.filter.describe(selected.len(), c))
    });
    // The embed's iframe title, in words; only the newsroom's open customizer shows it.
    #[cfg(feature = "newsroom")]
    let embed_title = &match (&state.customizer, open) {
        (None, _) => String::new(),
        (Some(_), Some(contest)) => format!("{}, {} results", contest.territory_name(), contest_label(contest)),
        (Some(_), None) => status.clone(),
    };
    #[cfg(not(feature = "newsroom"))]
    let embed_title = "";
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
            // The CSV writer is one of the newsroom's tools: the reader's build reloads for it.
            #[cfg(feature = "newsroom")]
            let download = {
                let (catalog, selected) = (catalog.clone(), selected.clone());
                // Written on a click, not on every render.
                Callback::from(move |_: MouseEvent| download_csv(&catalog, &selected))
            };
            #[cfg(not(feature = "newsroom"))]
            let download = Callback::from(|_: MouseEvent| browser::open_tools("download"));
            let as_of = catalog.dataset.as_of.as_deref();
            let history = only_territory(&shown.filter).is_some() && !selected.is_empty();
            let back = state.query.list(catalog.newest()).to_href();
            html! {
                <>
                    { filters(&state.query.filter, catalog, &state.picker, state.filters_open, &dispatch) }
                    { board }
                    // Where the skip link leads: the results, from their status line.
                    <div class="list-head" id="results" tabindex="-1">
                        <p role="status" class="status">{ status.clone() }</p>
                        // A territory's page keeps its history's order.
                        if open.is_none() && !history { { list_order(state.query.sort, &dispatch) } }
                        if open.is_none() && !selected.is_empty() {
                            <button type="button" class="download" onclick={download}>{ "Download CSV" }</button>
                        }
                    </div>
                    if let Some(contest) = open {
                        { contest_detail(DetailView { contest, details: state.details(), as_of, embedded: false, card: None, back: back.clone(), sort: state.sort, heading: &heading }, &dispatch) }
                    } else if history {
                        // A territory's own page: its contests at a glance, then each in full.
                        { glance(catalog, &selected, &state.query.to_href()) }
                        { for selected.iter().map(|&i| contest_detail(DetailView { contest: &catalog.contests()[i], details: state.details(), as_of, embedded: false, card: Some(contest_href(&state.query.data, &catalog.contests()[i].id)), back: back.clone(), sort: Sort::default(), heading: &NodeRef::default() }, &dispatch)) }
                    } else {
                        { winners(catalog, &selected, shown.sort, &state.query.data, state.limit, false, state.feed.get(), &dispatch) }
                    }
                </>
            }
        }
    };

    html! {
        <>
            // The first tab stop. A link to this page's own address (every page names the site's
            // root as its base), so it works without scripts too.
            if state.catalog().is_some() {
                <a class="skip" href={format!("{}#results", state.query.to_href())}>{ "Skip to results" }</a>
            }
            <header class="masthead">
                <h1>{ "Tally" }</h1>
                <p class="tagline">{ crate::model::words::site::tagline(state.catalog().map(|c| &**c)) }</p>
                if state.catalog().is_some() {
                    { embed_customizer(&state.query, embed_title, state.customizer.as_ref(), &dispatch) }
                }
            </header>
            { notices(&state.notices) }
            if let Some(catalog) = state.catalog() { { provenance(&state.query.data, &catalog.dataset.title) } }
            { feed_line(&state) }
            { problems_panel(&state.problems, Rejected::Contests, &on_bundled) }
            { problems_panel(&state.details_problems, Rejected::Details, &on_bundled) }
            { body }
        </>
    }
}

/// The filtered set (shared by the list, the status, the download and the embed title) and the
/// board (race totals, tiles; nothing while a contest is open), as made for a view of the data.
struct Made {
    data: Option<Shared>,
    query: Query,
    edition: Option<Edition>,
    selected: Rc<Vec<usize>>,
    board: Html,
}

/// The set and the board, kept between renders in `kept` and made again only when what they show
/// changes: the set when the data, the filters or the order do, not on a picker keystroke; the
/// board not on a sort of the options table or the customizer either. (One kept value rather
/// than a `use_memo` each: each costs ~0.6 KB of wasm.)
fn made(kept: &RefCell<Option<Made>>, state: &State, dispatch: &Callback<Action>) -> (Rc<Vec<usize>>, Html) {
    let (data, query, edition) = (state.catalog(), state.shown(), state.edition);
    let mut kept = kept.borrow_mut();
    let before = kept.take();
    let made = match before {
        Some(made) if made.data.as_ref() == data && made.query == *query && made.edition == edition => made,
        before => {
            let selected = match before {
                Some(made)
                    if made.data.as_ref() == data
                        && made.query.filter == query.filter
                        && made.query.sort == query.sort =>
                {
                    made.selected
                }
                _ => Rc::new(
                    data.map(|c| {
                        let set = query.filter.apply(c);
                        // A territory's own page reads as its history, newest first.
                        match only_territory(&query.filter) {
                            Some(_) => newest_first(c, &set),
                            None => ordered(c, &set, query.sort),
                        }
                    })
                    .unwrap_or_default(),
                ),
            };
            let board = match data {
                Some(catalog) if query.contest.is_none() => board(catalog, &selected, query, edition, false, dispatch),
                _ => Html::default(),
            };
            Made {
                data: data.cloned(),
                query: query.clone(),
                edition,
                selected,
                board,
            }
        }
    };
    let shown = (made.selected.clone(), made.board.clone());
    *kept = Some(made);
    shown
}

/// The list, as the table shows it, as a CSV file.
#[cfg(feature = "newsroom")]
fn download_csv(catalog: &Catalog, selected: &[usize]) {
    browser::download(
        "tally-results.csv",
        "text/csv;charset=utf-8",
        &list_csv(catalog, selected),
    );
}
