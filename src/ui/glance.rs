//! A territory's page opens on its history at a glance: one row per contest, newest first, each a
//! link to the contest's card below it on the same page.

use yew::prelude::*;

use super::winners::{party_cell, winner_cell};
use crate::model::words::format::summary;
use crate::model::words::history::{glance_caption, glance_margin};
use crate::model::Catalog;

/// The table of `selected` (a territory's contests, newest first, at least one). `page` is this
/// page's own address: every page names the site's root as its base, so a bare `#id` would lead
/// to the front page.
pub fn glance(catalog: &Catalog, selected: &[usize], page: &str) -> Html {
    let contests = catalog.contests();
    let (first, last) = (&contests[selected[0]], &contests[selected[selected.len() - 1]]);
    let caption = glance_caption(first.territory_name(), first.cycle, last.cycle, selected.len());
    let rows = selected.iter().map(|&index| {
        let contest = &contests[index];
        let s = summary(contest);
        html! {
            <tr>
                <th scope="row"><a href={format!("{page}#{}-detail-title", contest.id)}>{ contest.cycle }</a></th>
                { party_cell(contest) }
                { super::cell(contest.kind.label().into()) }
                { winner_cell(catalog, index, s.winner, s.basis_note) }
                { super::cell(glance_margin(contest, &s.margin)) }
                { super::cell(s.delegates) }
            </tr>
        }
    });
    html! {
        <table class="glance">
            <caption><h2>{ caption }</h2></caption>
            <thead>
                <tr>
                    { super::col("Year") }
                    { super::col("Party") }
                    { super::col("Contest") }
                    { super::col("Winner") }
                    { super::col("Margin") }
                    { super::col("Delegates") }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
