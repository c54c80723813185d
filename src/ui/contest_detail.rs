//! One contest in full: every ballot option, the results stated in words, corrections, sources.

use yew::prelude::*;

use super::state::{Action, Details, Sort, SortKey};
use super::winners::party_badge;
use crate::model::data::fold::replace;
use crate::model::words::corrections::correction_line;
use crate::model::words::format::{
    contest_date, contest_label, delegate_cells, delegate_sentence, popular_sentence, share_cells, share_sentence,
    share_source, thousands, total_label, Marks, ShareSource, NOT_REPORTED,
};
use crate::model::{shares, totals, Contest, OptionKind, Percent};

/// What the detail shows and how; the sort order lives in the app's state.
pub struct DetailView<'a> {
    pub contest: &'a Contest,
    /// Sources and corrections may still be on their way (a details file).
    pub details: Details,
    pub as_of: Option<&'a str>,
    /// Inside an embed: no close button, links open a new tab, the title is the page's h1.
    pub embedded: bool,
    /// One of several on a territory's page: its own ids, its title a link to this address (the
    /// contest's page, with a newsroom's dataset if one is shown).
    pub card: Option<String>,
    /// Where "All results" leads: the list the reader came from, as a real link.
    pub back: String,
    pub sort: Sort,
    /// The title, which the app focuses when a contest is opened.
    pub heading: &'a NodeRef,
}

/// A view function over the app's state (a component of its own would cost more wasm).
pub fn contest_detail(props: DetailView, dispatch: &Callback<Action>) -> Html {
    let contest = props.contest;
    let shares = shares(contest);
    let (share_cells, delegate_cells) = (share_cells(contest), delegate_cells(contest));
    let totals = totals(contest);
    let marks = Marks::new(contest);

    let Sort { key, descending } = props.sort;
    let mut order: Vec<usize> = (0..contest.options.len()).collect();
    // In millionths: a count weighs as that many percent, as a share does (no floats in the wasm).
    let figure = |i: usize| -> i64 {
        let o = &contest.options[i];
        match key {
            SortKey::Votes => o
                .votes
                .map(|v| v.saturating_mul(1_000_000))
                .or(shares[i].map(Percent::millionths))
                .unwrap_or(-1),
            SortKey::Delegates => o.delegates.map_or(-1, |d| d.halves().saturating_mul(500_000)),
            SortKey::Name => 0,
        }
    };
    crate::model::data::order::sort_short(&mut order, |&a, &b| {
        // Rows that are no one's votes stay at the bottom in every order.
        let void = |i: usize| contest.options[i].kind == OptionKind::Void;
        let by_key = match key {
            SortKey::Name => contest.options[a]
                .name
                .to_ascii_lowercase()
                .cmp(&contest.options[b].name.to_ascii_lowercase()),
            _ => figure(a).cmp(&figure(b)),
        };
        void(a)
            .cmp(&void(b))
            .then(if descending { by_key.reverse() } else { by_key })
    });

    // The columns' headings, in one loop: the sortable ones are buttons, except in a card in an
    // iframe, which is static (it has no wasm) and states its order, the default.
    let header = |(label, column): (&'static str, Option<SortKey>)| {
        let Some(column) = column.filter(|_| !props.embedded) else {
            return super::col(label);
        };
        let active = key == column;
        let aria = if active {
            if descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let next = if active {
            Sort {
                key: column,
                descending: !descending,
            }
        } else {
            Sort {
                key: column,
                descending: column != SortKey::Name,
            }
        };
        let onclick = dispatch.reform(move |_| Action::Sort(next));
        let label = html! {
            <>{ label }<span aria-hidden="true" class="arrow">{ if !active { "\u{2195}" } else if descending { "\u{2193}" } else { "\u{2191}" } }</span></>
        };
        // Without scripts a sort does nothing: the page the build writes shows the label alone,
        // where the app's button will be (the arrow, which hints at a sort, is not shown then).
        html! {
            <th scope="col" aria-sort={aria}>
                if super::LIVE {
                    <button type="button" class="sort" {onclick}>{ label }</button>
                } else {
                    <span class="sort">{ label }</span>
                }
            </th>
        }
    };

    let rows = order.iter().map(|&i| {
        let o = &contest.options[i];
        let share = shares[i];
        let kind_note = match o.kind {
            OptionKind::Void => Some("not a vote for anyone; outside the shares"),
            OptionKind::Other => Some("several people's votes together"),
            _ => None,
        };
        html! {
            <tr data-winner={marks.winner(i).then_some("")}>
                <th scope="row">
                    { o.name.clone() }
                    { for marks.of(i).map(|m| html! { <span class="mark">{ m.to_string() }</span> }) }
                    if let Some(note) = kind_note { { super::basis(note.into()) } }
                </th>
                { super::num_cell(o.votes.map(thousands).unwrap_or_else(|| NOT_REPORTED.into())) }
                <td class="num share">
                    // A missing share ("Not reported") may wrap where a figure may not.
                    <span data-missing={share.is_none().then_some("")}>{ share_cells[i].clone() }</span>
                    if let Some(value) = share {
                        <meter aria-hidden="true" min="0" max="100" value={value.drawn()}></meter>
                    }
                </td>
                { super::num_cell(delegate_cells[i].clone()) }
            </tr>
        }
    });

    // Only web pages are links, each with its host beside it, so a reader sees whose page it is.
    let link = |url: &String| match crate::model::url::origin::host(url) {
        Some(host) => html! {
            <li><a href={url.clone()} target="_blank" rel="noopener noreferrer">{ url.clone() }</a>{ format!(" ({host})") }</li>
        },
        None => html! { <li>{ url.clone() }</li> },
    };
    let title = format!("{}: {}", contest.territory_name(), contest_label(contest));
    let on_close = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if super::browser::plain_click(&e) {
                e.prevent_default();
                dispatch.emit(Action::Open(None));
            }
        })
    };
    let subheading = if props.embedded { "h2" } else { "h3" };
    // Several cards share a page: each names its sections by its own id.
    let id = |name: &str| {
        if props.card.is_some() {
            format!("{}-{name}", contest.id)
        } else {
            name.to_string()
        }
    };
    // Several cards' sections must not share one name: each is named with its contest too.
    let labelled = |name: &str| {
        if props.card.is_some() {
            format!("{} {}", id(name), id("detail-title"))
        } else {
            name.to_string()
        }
    };
    let title = match &props.card {
        Some(href) => html! { <a href={href.clone()}>{ title }</a> },
        None => html! { { title } },
    };

    html! {
        <article class="detail" aria-labelledby={id("detail-title")}>
            if !props.embedded && props.card.is_none() {
                <a class="back" href={props.back.clone()} onclick={on_close}>{ "\u{2190} All results" }</a>
            }
            // In an embed the card is the whole page, so its title is the page's h1.
            <@{if props.embedded { "h1" } else { "h2" }} id={id("detail-title")} ref={props.heading.clone()} tabindex="-1">{ title }</@>
            <p class="meta">
                { party_badge(contest) }{ " " }
                { contest_date(contest) }{ " \u{00b7} " }{ contest.status.label() }
                { " \u{00b7} " }{ contest.pledged_delegates.map(|p| p.count("pledged delegate", "pledged delegates")).unwrap_or_else(|| "Pledged delegates not reported".into()) }
            </p>
            { super::result_line(popular_sentence(contest)) }
            { super::result_line(delegate_sentence(contest)) }
            if !contest.options.is_empty() {
                <table class="options">
                    <caption>{ format!("Results by ballot option, {}", contest.territory_name()) }</caption>
                    <thead><tr>
                        { for [
                            ("Option", Some(SortKey::Name)),
                            ("Votes", Some(SortKey::Votes)),
                            (share_source(contest).map_or("Share", ShareSource::heading), None),
                            ("Delegates", Some(SortKey::Delegates)),
                        ].into_iter().map(header) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                    if let Some(label) = total_label(contest) {
                        <tfoot><tr>
                            <th scope="row">{ label }</th>
                            { super::num_cell(thousands(totals.valid)) }
                            { super::num_cell(if totals.void > 0 { format!("plus {} blank or void", thousands(totals.void)) } else { String::new() }) }
                            <td></td>
                        </tr></tfoot>
                    }
                </table>
            }
            // A card in an article is compact: the corrections in one line, the methods folded
            // (`?full=1` opens them: tally-child.js).
            if let Some(line) = correction_line(contest).filter(|_| props.embedded) {
                <p class="correction">{ line }{ ". " }<a href={props.back.clone()} target="_blank" rel="noopener">{ "Full details" }</a></p>
            }
            <@{if props.embedded { "details" } else { "div" }} class="methods">
                if props.embedded { <summary>{ "About these figures" }</summary> }
                // The delegate check, in the build's words (the details file): no arithmetic here.
                if let Some(check) = &contest.rule_check {
                    <p class="rule-check">{ check.line.clone() }</p>
                    if !check.how.is_empty() {
                        <details class="working">
                            <summary>{ "How this is worked out" }</summary>
                            <p>{ check.how.clone() }</p>
                        </details>
                    }
                }
                if let Some(shares) = share_sentence(contest) { { super::result_line(shares) } }
                if !contest.corrections.is_empty() {
                    <section class="corrections" aria-labelledby={labelled("corrections-title")}>
                        <@{subheading} id={id("corrections-title")}>{ "Corrections" }</@>
                        <ul>
                            { for contest.corrections.iter().map(|c| html! {
                                <li>
                                    <strong>{ format!("{} {}: first reported {}, corrected to {}", c.option, c.field, c.from, c.to) }</strong>
                                    if !c.reported_at.is_empty() {
                                        { format!(" ({})", replace(&replace(&c.reported_at, 'T', " "), 'Z', " UTC")) }
                                    }
                                    if let Some(note) = &c.note { <p>{ note.clone() }</p> }
                                </li>
                            }) }
                        </ul>
                    </section>
                }
                if let Some(notes) = &contest.notes { <p class="notes">{ notes.clone() }</p> }
            </@>
            if !props.embedded {
            <section class="sources" aria-labelledby={labelled("sources-title")} aria-busy={(props.details == Details::Loading).then_some("true")}>
                <h3 id={id("sources-title")}>{ "Sources" }</h3>
                { match &props.details {
                    Details::Ready => html! { <ul>{ for contest.sources.iter().map(link) }</ul> },
                    Details::Loading => html! { <p class="pending">{ "Loading sources and corrections\u{2026}" }</p> },
                    Details::Failed(message) => html! {
                        <p class="details-error">{ format!("The sources and corrections could not be loaded. {message} Reload the page to try again.") }</p>
                    },
                } }
                if let Some(as_of) = props.as_of { <p class="as-of">{ format!("Data as of {as_of}.") }</p> }
            </section>
            }
        </article>
    }
}
