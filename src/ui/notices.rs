//! Short notices: what the address asked for that was ignored, whose data is shown, a live
//! feed's line and announcements, and contests a dataset lost.

use yew::prelude::*;

#[cfg(feature = "newsroom")]
use crate::model::{words::format::count, Problem};

pub fn notices(notices: &[String]) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notice" aria-label="Ignored address settings">
            <ul>{ for notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <p>{ "The rest of the page works as usual." }</p>
        </section>
    }
}

/// Whose results these are, whenever they are not the bundled file: in the page and in every
/// embed, never dismissed, so no one can publish their figures under this site's name unseen.
#[cfg(feature = "newsroom")]
pub fn provenance(data: &Option<String>, title: &str) -> Html {
    let Some(url) = data else { return html! {} };
    let from = crate::model::url::origin::host(url).unwrap_or("a file on this site");
    html! {
        <p class="provenance" role="note">
            { format!("Results from {from}, not the bundled Tally data: \u{201c}{title}\u{201d}.") }
        </p>
    }
}

/// Which file the problems are in: the dataset (those contests are not shown) or its details
/// file (those sources or corrections are not shown; the contests are).
#[derive(Clone, Copy, PartialEq)]
pub enum Rejected {
    Contests,
    Details,
}

/// Every rejected entry, with its contest id, field and reason.
#[cfg(feature = "newsroom")]
pub fn problems_panel(problems: &[Problem], rejected: Rejected, on_bundled: &Callback<MouseEvent>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let (class, heading, caption) = match rejected {
        Rejected::Contests => (
            "problems",
            format!(
                "{} in this dataset: the contests named here are not shown",
                count(problems.len() as i64, "problem", "problems")
            ),
            "Rejected contests",
        ),
        Rejected::Details => (
            "details-problems",
            format!(
                "{} in the sources and corrections file: what is named here is not shown (the results are)",
                count(problems.len() as i64, "problem", "problems")
            ),
            "Left-out sources and corrections",
        ),
    };
    let heading_id = format!("{class}-heading");
    html! {
        <section {class} aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ heading }</h2>
            <table>
                <caption class="visually-hidden">{ caption }</caption>
                <thead><tr><th scope="col">{ "Contest" }</th><th scope="col">{ "Field" }</th><th scope="col">{ "Reason" }</th></tr></thead>
                <tbody>
                    { for problems.iter().map(|p| html! {
                        <tr><td>{ p.contest.clone() }</td><td>{ p.field.clone() }</td><td>{ p.kind.to_string() }</td></tr>
                    }) }
                </tbody>
            </table>
            if rejected == Rejected::Contests {
                <button type="button" onclick={on_bundled.clone()}>{ "Show the bundled results instead" }</button>
            }
        </section>
    }
}

/// A feed's line over its results ("Live: figures from 11:45 p.m.", or that the feed is not
/// answering), and the polite live region that says each call and correction once. Nothing for a
/// file that is no feed, nor in a build that reads none.
pub fn feed_line(state: &crate::app_state::State) -> Html {
    let Some(line) = state.feed_status() else {
        return html! {};
    };
    let answering = state.failures() == 0;
    let announcement = state.feed.get().map(|f| f.announcement.clone()).unwrap_or_default();
    html! {
        <>
            <p class="feed" data-answering={answering.to_string()}>{ line }</p>
            <p class="visually-hidden" aria-live="polite">{ announcement }</p>
        </>
    }
}
