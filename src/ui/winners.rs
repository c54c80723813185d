//! The winners list: one row per contest of the filtered set; a table that reflows on phones.

use yew::prelude::*;

use super::state::{Action, Shared, PAGE_ROWS};
use crate::model::derive::list_order::ListOrder;
use crate::model::words::format::{contest_date, row_note, summary};
use crate::model::{Catalog, Contest, Query};

/// A contest's permalink: its static page (or, with a newsroom dataset, the front page asking
/// for it). It leaves the filters out, so rows keep their props, and so their render, when the
/// filters change.
pub fn contest_href(data: &Option<String>, id: &str) -> String {
    Query {
        contest: Some(id.to_string()),
        data: data.clone(),
        ..Query::default()
    }
    .to_href()
}

/// The winner's cell of contest `index`: the winner in words, the presumptive nominee's loss, how
/// the winner was decided. Built in one place for the list and a territory's table at a glance.
#[inline(never)]
pub fn winner_cell(catalog: &Catalog, index: usize, winner: String, basis: Option<String>) -> Html {
    html! {
        <td class="winner">
            { winner }
            if let Some(nomination) = catalog.nominee_lost(index) { <span class="lost-mark">{ format!("{} lost", nomination.surname()) }</span> }
            if let Some(note) = basis { { super::basis(note.into()) } }
        </td>
    }
}

/// The party's cell: its badge.
#[inline(never)]
pub fn party_cell(contest: &Contest) -> Html {
    html! { <td>{ party_badge(contest) }</td> }
}

pub fn party_badge(contest: &Contest) -> Html {
    html! { <span class="party" data-party={contest.party.code()}>{ contest.party.name() }</span> }
}

/// The list as a view function. Long lists render `limit` rows at a time, so a newsroom's 10,000
/// contests stay fast to filter; rows are components, so unchanged ones are skipped.
/// `data` is the newsroom dataset's address, kept in the links; `order` is the list's, said in its
/// caption; `external`: links open the full explorer in a new tab (inside an embed).
// A view function's inputs, each from a different part of the state: a props struct would be
// a component's, and a component of its own costs wasm for nothing here.
#[allow(clippy::too_many_arguments)]
pub fn winners(
    catalog: &Shared,
    selected: &[usize],
    order: ListOrder,
    data: &Option<String>,
    limit: usize,
    external: bool,
    feed: Option<&crate::app_state::Feed>,
    dispatch: &Callback<Action>,
) -> Html {
    if selected.is_empty() {
        return html! { <p class="empty">{ "No contest matches these filters. Clear a filter to see more." }</p> };
    }
    let contests = catalog.contests();
    let hidden = selected.len().saturating_sub(limit);
    let on_more = dispatch.reform(move |_| Action::ShowRows(limit + PAGE_ROWS));
    let rows = selected.iter().take(limit).map(|&index| {
        let contest = &contests[index];
        // A feed's update marks the rows it changed, alternating between two animations so a
        // row changed twice in a row is marked twice (none in a build that reads no feeds).
        let mark =
            feed.filter(|f| f.changed.contains(&contest.id))
                .map(|f| if f.updates.is_multiple_of(2) { "0" } else { "1" });
        html! {
            <WinnerRow key={contest.id.clone()} catalog={catalog.clone()} {index}
                data={data.clone()} {external} {mark} dispatch={dispatch.clone()} />
        }
    });
    html! {
        <>
        <table class="winners" aria-busy={(limit < PAGE_ROWS && selected.len() > limit).to_string()}>
            <caption elementtiming="results">{ order.caption() }</caption>
            <thead>
                <tr>
                    { super::col("Territory") }
                    { super::col("Date") }
                    { super::col("Party") }
                    { super::col("Contest") }
                    { super::col("Winner") }
                    { super::num_col("Share") }
                    { super::num_col("Margin") }
                    { super::num_col("Delegates") }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
        if hidden > 0 {
            <button type="button" class="more" onclick={on_more}>{ format!("Show {} more of {hidden} not shown", hidden.min(PAGE_ROWS)) }</button>
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct WinnerRowProps {
    catalog: Shared,
    index: usize,
    /// The newsroom dataset's address, kept in the row's link; the link itself is built only
    /// when the row renders, not for every row on every render of the list.
    data: Option<String>,
    external: bool,
    /// Changed by the feed's latest update: marked briefly (`winners`).
    mark: Option<&'static str>,
    /// Stable across renders (the app memoises it), so rows compare equal.
    dispatch: Callback<Action>,
}

/// One contest's row; a component so that unchanged rows are skipped when the list changes.
#[component]
fn WinnerRow(props: &WinnerRowProps) -> Html {
    let contest = &props.catalog.contests()[props.index];
    let s = summary(contest);
    let (id, dispatch, external) = (contest.id.clone(), props.dispatch.clone(), props.external);
    let onclick = Callback::from(move |e: MouseEvent| {
        if !external && super::browser::plain_click(&e) {
            e.prevent_default();
            dispatch.emit(Action::Open(Some(id.clone())));
        }
    });
    let href = contest_href(&props.data, &contest.id);
    html! {
        <tr data-changed={props.mark.filter(|_| crate::model::LIVE_FEEDS)}>
            <th scope="row">
                <a {href} {onclick} target={external.then_some("_blank")} rel={external.then_some("noopener")}>{ contest.territory_name() }</a>
                <span class="note">{ " " }{ row_note(contest) }</span>
            </th>
            { super::cell(contest_date(contest)) }
            { party_cell(contest) }
            { super::cell(contest.kind.label().into()) }
            { winner_cell(&props.catalog, props.index, s.winner, s.basis_note) }
            // Share, margin and delegates are figures: right-aligned by the stylesheet, by position.
            <td>{ s.share }if let Some(source) = s.share_source { { super::basis(source.note().into()) } }</td>
            { super::cell(s.margin) }
            // Lines may break between candidates, never inside "Palmer 3" or "of 6 pledged".
            <td>{ for crate::model::data::fold::split(&s.delegates, ", ").enumerate().map(|(i, part)| html! { <>{ if i > 0 { ", " } else { "" } }<span>{ part.to_string() }</span></> }) }</td>
        </tr>
    }
}
