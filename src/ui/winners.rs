//! The winners list: one row per contest of the filtered set; a table that reflows on phones.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::format::{date, summary};
use crate::model::{Catalog, Contest, Query};

#[derive(Properties, PartialEq)]
pub struct WinnersProps {
    pub catalog: Rc<Catalog>,
    pub selected: Vec<usize>,
    pub query: Query,
    pub on_open: Callback<String>,
    /// Links open the full explorer in a new tab (inside an embed).
    #[prop_or_default]
    pub external_links: bool,
}

/// The link to a contest's detail, carrying the current filters.
pub fn contest_href(query: &Query, id: &str) -> String {
    let mut target = query.clone();
    target.contest = Some(id.to_string());
    target.embed = false;
    target.plain = false;
    target.child_id = None;
    target.embed_id = None;
    let search = target.to_search();
    if search.is_empty() {
        "./".into()
    } else {
        search
    }
}

pub fn party_badge(contest: &Contest) -> Html {
    html! { <span class={classes!("party", format!("party-{}", contest.party.code()))}>{ contest.party.name() }</span> }
}

#[component]
pub fn Winners(props: &WinnersProps) -> Html {
    if props.selected.is_empty() {
        return html! { <p class="empty">{ "No contest matches these filters. Clear a filter to see more." }</p> };
    }
    let contests = props.catalog.contests();
    let rows = props.selected.iter().map(|&i| {
        let contest = &contests[i];
        let s = summary(contest);
        let id = contest.id.clone();
        let on_open = props.on_open.clone();
        let external = props.external_links;
        let onclick = Callback::from(move |e: MouseEvent| {
            // Plain clicks stay in the page; modified clicks open a new tab as links do.
            if !(external || e.ctrl_key() || e.meta_key() || e.shift_key()) {
                e.prevent_default();
                on_open.emit(id.clone());
            }
        });
        let href = contest_href(&props.query, &contest.id);
        html! {
            <tr key={contest.id.clone()} data-contest={contest.id.clone()}>
                <th scope="row" data-label="Territory">
                    <a href={if external { crate::ui::browser::absolute(&href) } else { href }} {onclick}
                       target={external.then_some("_blank")} rel={external.then_some("noopener")}>{ contest.territory_name() }</a>
                    if contest.extra { <span class="extra">{ format!(" ({})", contest.kind.label().to_ascii_lowercase()) }</span> }
                </th>
                <td data-label="Date">{ date(contest.date.as_deref()) }</td>
                <td data-label="Party">{ party_badge(contest) }</td>
                <td data-label="Contest">{ contest.kind.label() }</td>
                <td data-label="Winner" class="winner">
                    { s.winner }
                    if let Some(note) = s.basis_note { <span class="basis">{ note }</span> }
                </td>
                <td data-label="Share" class="num">{ s.share }</td>
                <td data-label="Margin" class="num">{ s.margin }</td>
                <td data-label="Delegates" class="num">{ s.delegates }</td>
            </tr>
        }
    });
    html! {
        <table class="winners">
            <caption>{ "Winners by contest, in date order" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Territory" }</th>
                    <th scope="col">{ "Date" }</th>
                    <th scope="col">{ "Party" }</th>
                    <th scope="col">{ "Contest" }</th>
                    <th scope="col">{ "Winner" }</th>
                    <th scope="col" class="num">{ "Share" }</th>
                    <th scope="col" class="num">{ "Margin" }</th>
                    <th scope="col" class="num">{ "Delegates" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
