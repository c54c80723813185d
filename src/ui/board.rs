//! The results board above the list: a tile map with every jurisdiction (one tab stop, arrow keys
//! between tiles, a table alternative) and the delegate race, both of one edition (one switch for
//! both). It renders what `words::board` and `derive::race` computed for the filtered set.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew::virtual_dom::VNode;

use super::state::{Action, Shared};
use super::winners::contest_href;
use crate::model::data::dataset::LIVE_FEEDS;
use crate::model::words::board::{
    checked_line, edition_race, legend, legend_rank, losses_filter, map_choice, map_title, needed, race_rest,
    race_title, story, tiles, StoryLink, Tile, TileResult, WHAT_COUNTS,
};
use crate::model::words::format::thousands;
use crate::model::{at_tile, territory, Edition, Query, TILE_GRID};

/// Colours for the most frequent winners; the rest share the last ("others"). Text always names
/// the winner: colour is never the only cue.
const COLOURS: usize = 6;
/// Candidates shown in the race; the rest are summed in words.
const RACE_ROWS: usize = 6;

/// `external`: inside an embed, tiles open the full explorer in a new tab.
pub fn board(
    catalog: &Shared,
    selected: &[usize],
    query: &Query,
    picked: Option<Edition>,
    external: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let filter = &query.filter;
    // An embed of chosen places shows only them: their list, not a national map of faded tiles
    // (nor one edition's race beside contests of several).
    if external && !filter.territories.is_empty() {
        return html! {};
    }
    let Some(choice) = map_choice(catalog, filter, selected, picked) else {
        return html! {};
    };
    let edition = choice.shown;
    let mut tiles = tiles(catalog, selected, edition);
    // In reading order, as the grid shows them: the order keys and screen readers follow.
    crate::model::data::order::sort_short(&mut tiles, |a, b| a.territory.tile.cmp(&b.territory.tile));
    let legend = legend(&tiles, catalog);
    let colour = |tile: &Tile| match (&tile.result, legend_rank(&legend, tile, catalog)) {
        (_, Some(rank)) => format!("w{}", rank.min(COLOURS - 1) + 1),
        (TileResult::Led { .. } | TileResult::Tie | TileResult::Level | TileResult::Undecided, _) => "tie".into(),
        (TileResult::Cancelled | TileResult::NoVote, _) => "held-none".into(),
        _ => "no-figures".into(),
    };
    let switch = choice.must_choose().then(|| {
        html! {
            <div class="editions" role="group" aria-label="Edition shown on the map and in the delegate race">
                { for choice.choices.iter().map(|&e| html! {
                    <button type="button" aria-pressed={(e == edition).to_string()}
                        onclick={dispatch.reform(move |_| Action::PickEdition(e))}>{ e.label() }</button>
                }) }
            </div>
        }
    });
    let on_key = Callback::from(move_between_tiles);
    let cells = tiles.iter().map(|tile| {
        let code = tile.territory.code;
        let (row, column) = tile.territory.tile;
        // The contest's own page: a link without scripts too, opened in the page with them.
        let contest = tile.contest.map(|i| catalog.contests()[i].id.clone());
        let href = contest.as_ref().map(|id| contest_href(&query.data, id));
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if let (false, true, Some(id)) = (external, super::browser::plain_click(&e), &contest) {
                e.prevent_default();
                dispatch.emit(Action::OpenFromMap(id.clone()));
            }
        });
        html! {
            // Its name in words follows the visible code and winner, which it must contain.
            <a id={format!("tile-{code}")} class="tile" data-r={(row + 1).to_string()} data-c={(column + 1).to_string()}
                data-result={colour(tile)} data-muted={tile.muted.then_some("")} data-lost={tile.nominee_lost.then_some("")} {href} {onclick} tabindex={super::LIVE.then_some("-1")}
                target={external.then_some("_blank")} rel={external.then_some("noopener")}>
                <span class="tile-code">{ code }</span>
                { tile_text(tile.text(catalog)) }
                <span class="visually-hidden">{ format!(": {}", tile.label(catalog, edition)) }</span>
            </a>
        }
    });
    let swatch = |class: &str, text: String| {
        html! { <li><span class="swatch" data-result={class.to_string()} aria-hidden="true"></span>{ text }</li> }
    };
    let rows = tiles.iter().map(|tile| {
        html! { <tr><th scope="row">{ tile.territory.name }</th>{ super::cell(tile.result_words(catalog, edition)) }</tr> }
    });

    html! {
        <section class="board" aria-labelledby="map-title">
            // Not in an embed, which shows only what was selected.
            if !external { { the_story(catalog, edition, query) } }
            <div class="map">
            <div class="map-head">
                <h2 id="map-title">{ map_title(edition) }</h2>
                { for switch }
            </div>
            // One tab stop: the map itself; arrow keys then move between its tiles. Without scripts
            // its tiles are the links they are, each a tab stop.
            <div class="tiles" role="group" tabindex={super::LIVE.then_some("0")} aria-labelledby="map-title" aria-describedby="map-help" onkeydown={on_key}>
                { for cells }
            </div>
            <p id="map-help" class="hint">
                <span class="live-only">{ "Arrow keys move between places, Home and End to the first and last; Enter opens one. " }</span>
                { "Faded: outside the filters. " }{ WHAT_COUNTS }
            </p>
            <ul class="legend" aria-label="Legend">
                // In a list of their own, keyed where feeds are read: a winner who joins on a live
                // night is a new item and the others keep their nodes (unkeyed, yew matches from
                // the end, so each would take another's text and move: a layout shift). Keyed by
                // the folded name, so a feed's new spelling is the same item. A reader's build
                // without feeds leaves these keys out (0.2 KB of wasm).
                <>{ for legend.iter().take(COLOURS).enumerate().filter(|(_, e)| e.selected > 0).map(|(i, e)| {
                    let mut item = swatch(&format!("w{}", i + 1), format!("{} ({})", e.name, e.selected));
                    if let (true, VNode::VTag(tag)) = (LIVE_FEEDS, &mut item) {
                        std::rc::Rc::make_mut(tag).key = Some(e.key.as_str().into());
                    }
                    item
                }) }</>
                { swatch("tie", "Tie, level, unclear or no winner named".into()) }
                { swatch("held-none", "Cancelled or no count".into()) }
                { swatch("no-figures", "No figures or no contest".into()) }
                if let Some(nomination) = catalog.nomination(edition) {
                    { swatch("lost", format!("Where {} lost", nomination.surname())) }
                }
            </ul>
            <details class="map-table">
                <summary>{ "The map as a table" }</summary>
                <table><caption>{ format!("{} results by jurisdiction", edition.label()) }</caption><tbody>{ for rows }</tbody></table>
            </details>
            </div>
            { delegate_race(catalog, selected, edition) }
        </section>
    }
}

/// What the presumptive nominee won and where they lost, each place a plain link to its result's
/// page: "Biden won 51 of 56 contests (no winner named in 4) and lost 1: American Samoa, to Jason
/// Palmer."
fn the_story(catalog: &Shared, edition: Edition, query: &Query) -> Html {
    let Some(story) = story(catalog, edition) else {
        return html! {};
    };
    let parts = story.parts(catalog).into_iter().map(|(text, at)| {
        let href = match at {
            Some(StoryLink::Contest(i)) => contest_href(&query.data, &catalog.contests()[i].id),
            // The reader's address (its look kept) with the edition's losses as its filter.
            Some(StoryLink::Losses) => Query {
                filter: losses_filter(edition),
                contest: None,
                ..query.clone()
            }
            .to_href(),
            None => return text.into(),
        };
        html! { <a {href}>{ text }</a> }
    });
    // Another edition's story is a new node: its words re-wrapping in place would count as moving.
    html! { <p class="story" key={edition.label()}>{ for parts }</p> }
}

/// Arrow keys move focus to the next tile in that direction (skipping empty cells), from the map
/// itself to its first tile; Home and End to the first and last tile in reading order; Space
/// opens a tile as Enter does. Tiles are never tab stops, so the map stays one however it
/// re-renders.
fn move_between_tiles(event: KeyboardEvent) {
    let Some(from) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    let key = event.key();
    let place = from.id().strip_prefix("tile-").and_then(territory);
    // Tiles are the map's only children, in reading order; on the map itself any arrow enters it.
    let edge = match key.as_str() {
        "Home" => ".tile",
        "End" => ".tile:last-child",
        arrow if place.is_none() && arrow.starts_with("Arrow") => ".tile",
        _ => "",
    };
    let map = if place.is_some() {
        from.parent_element()
    } else {
        Some(from.clone().into())
    };
    if !edge.is_empty() {
        event.prevent_default();
        let tile = map.and_then(|m| m.query_selector(edge).ok().flatten());
        if let Some(tile) = tile.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            let _ = tile.focus();
        }
        return;
    }
    let Some(place) = place else { return };
    let (dr, dc): (i16, i16) = match key.as_str() {
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        " " => {
            event.prevent_default();
            return from.click();
        }
        _ => return,
    };
    event.prevent_default();
    let (mut row, mut column) = (i16::from(place.tile.0), i16::from(place.tile.1));
    let (rows, columns) = (i16::from(TILE_GRID.0), i16::from(TILE_GRID.1));
    loop {
        (row, column) = (row + dr, column + dc);
        if !(0..rows).contains(&row) || !(0..columns).contains(&column) {
            return;
        }
        // A jurisdiction off this party's calendar has no tile: skipped like an empty cell.
        let next = at_tile(row as u8, column as u8)
            .and_then(|next| gloo::utils::document().get_element_by_id(&format!("tile-{}", next.code)))
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(to) = next {
            let _ = to.focus();
            return;
        }
    }
}

/// A tile's word; a new word is a new node (keyed by the word): the browser counts centred text
/// whose word changes in place (a feed's update, another edition's winner) as moved, not new.
fn tile_text(text: String) -> Html {
    html! { <span class="tile-text" key={text.clone()}>{ text }</span> }
}

/// The edition's race, per candidate: pledged delegates as bars with the figures beside them,
/// contests won, votes; every figure the data lacks is counted and said.
fn delegate_race(catalog: &Shared, selected: &[usize], edition: Edition) -> Html {
    let race = edition_race(catalog, selected, edition);
    if race.standings.is_empty() {
        return html! {};
    }
    // A live feed's counts change with every update: its notes keep their length (no re-wrap, CLS 0).
    let night = catalog.dataset.poll_seconds.get().is_some();
    let rows = race.standings.iter().take(RACE_ROWS).map(|s| {
        let gaps = s.notes(race.contests, night);
        html! {
            <tr>
                <th scope="row">
                    { s.name.clone() }
                    if s.labels.len() > 1 { { super::basis(s.labels.join(", ").into()) } }
                    if !gaps.is_empty() { { super::basis(gaps.join("; ").into()) } }
                </th>
                <td class="bar">
                    <meter aria-hidden="true" min="0" max={race.pledged.halves().max(1).to_string()} value={s.delegates.halves().to_string()}></meter>
                    <span>{ format!("{} of {}", s.delegates.grouped(), race.pledged.grouped()) }</span>
                </td>
                { super::num_cell(s.won.to_string()) }
                { super::num_cell(thousands(s.votes)) }
            </tr>
        }
    });
    let gaps = race.gaps();
    html! {
        // Another edition's race is new nodes, not the last one's rows moved as they re-wrap.
        <section class="race" aria-labelledby="race-title" key={edition.label()}>
            <h2 id="race-title">{ race_title(edition, &race) }</h2>
            <table class="race-table">
                <thead><tr>
                    { super::col("Candidate") }
                    { super::col("Pledged delegates won") }
                    { super::num_col("Contests won") }
                    { super::num_col("Votes counted") }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some(needed) = catalog.nomination(edition).and_then(needed) { <p class="needed">{ needed }</p> }
            if let Some(rest) = race_rest(&race, RACE_ROWS) { { super::hint(rest) } }
            if !gaps.is_empty() { { super::hint(format!("Not in these totals: {}.", gaps.join("; "))) } }
            <p class="hint rule-checks">{ checked_line(&race) }</p>
        </section>
    }
}
