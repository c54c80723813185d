//! The embed view (`?embed=1`): the content only, for an iframe in a news article.

use yew::prelude::*;

use super::board::board;
use super::contest_detail::{contest_detail, DetailView};
#[cfg(feature = "newsroom")]
use super::notices::provenance;
use super::state::{Action, Data, Details, State};
#[cfg(not(feature = "newsroom"))]
use super::tools::provenance;
use super::winners::winners;
use crate::model::url::origin::host;
use crate::model::Query;

/// A list of up to this many contests is shown whole; a longer one, its first `COMPACT_ROWS`
/// before "Show all".
const WHOLE_ROWS: usize = 10;
const COMPACT_ROWS: usize = 8;

/// The full explorer at the same filters, for the "Full results" link (relative: a link in the
/// iframe's own document, opened in a new tab).
pub fn full_results_href(query: &Query) -> String {
    Query {
        embed: false,
        plain: false,
        child_id: None,
        embed_id: None,
        ..query.clone()
    }
    .to_href()
}

/// A view function: the resize protocol and the "Show all" state live in the app, since each
/// component costs wasm.
pub fn embed_view(state: &State, selected: &[usize], heading: &NodeRef, dispatch: &Callback<Action>) -> Html {
    let query = &state.query;
    let body = match &state.data {
        Data::Loading => {
            html! { <p class="loading" role="status">{ "Loading results\u{2026}" }</p> }
        }
        Data::Failed(message) => {
            html! { <p class="error-state" role="alert">{ message.clone() }</p> }
        }
        // An embed that names a contest these results lack says so, rather than show them all.
        Data::Ready(_) if state.absent_contest.is_some() && query.contest.is_none() => {
            let id = state.absent_contest.as_deref().unwrap_or_default();
            html! { <p class="empty" role="status">{ Query::absent_contest(id) }</p> }
        }
        // Nor does one whose places are all unknown ("territory=ZZ").
        Data::Ready(_) if query.filter.territories.is_empty() && query.unknown_territory.is_some() => {
            let code = query.unknown_territory.as_deref().unwrap_or_default();
            html! { <p class="empty" role="status">{ Query::absent_territory(code) }</p> }
        }
        Data::Ready(catalog) => {
            let as_of = catalog.dataset.as_of.as_deref();
            match query.contest.as_deref().and_then(|id| catalog.contest(id)) {
                Some(contest) => {
                    let details = state.details();
                    let source = match (contest.sources.first(), &details) {
                        (Some(url), _) => host(url).unwrap_or("not stated"),
                        (None, Details::Loading) => "\u{2026}",
                        (None, _) => "not stated",
                    };
                    html! {
                        <>
                            { contest_detail(DetailView { contest, details, as_of: None, embedded: true, card: None, back: full_results_href(query), sort: state.sort, heading }, dispatch) }
                            { credit(source, as_of, query) }
                        </>
                    }
                }
                None => {
                    let total = selected.len();
                    let shown = if state.embed_expanded || total <= WHOLE_ROWS {
                        selected
                    } else {
                        &selected[..total.min(COMPACT_ROWS)]
                    };
                    let more = total.saturating_sub(shown.len());
                    html! {
                        <>
                            if !query.plain {
                                <h1 class="embed-title">{ format!("Tally: {}", query.filter.describe(total, catalog)) }</h1>
                            }
                            { board(catalog, selected, query, state.edition, true, dispatch) }
                            { winners(catalog, shown, query.sort, &query.data, state.limit, true, state.feed.get(), dispatch) }
                            if more > 0 {
                                <button type="button" class="more" onclick={dispatch.reform(|_| Action::ShowAllInEmbed)}>{ format!("Show all {total} contests") }</button>
                            }
                            { credit(&catalog.dataset.title, as_of, query) }
                        </>
                    }
                }
            }
        }
    };
    let provenance = match &state.data {
        Data::Ready(catalog) => provenance(&query.data, &catalog.dataset.title),
        _ => html! {},
    };
    html! { <div class="embed">{ provenance }{ body }</div> }
}

/// The line under an embed: whose figures, as of when, and the way to the full explorer.
fn credit(source: &str, as_of: Option<&str>, query: &Query) -> Html {
    let as_of = as_of.map(|d| format!(" \u{00b7} Data as of {d}")).unwrap_or_default();
    html! {
        <p class="credit">
            { format!("Source: {source}{as_of} \u{00b7} ") }
            <a class="full" href={full_results_href(query)} target="_blank" rel="noopener">{ "Full results" }</a>
        </p>
    }
}
