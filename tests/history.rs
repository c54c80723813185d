//! A territory's page is its whole history (issue 20): rendered natively as the build renders it,
//! from a catalog of every edition's own file (`static/data/editions/`), each page lists every
//! contest of its place exactly once in the table at its top and once in full below, newest
//! first, with the winner, margin and delegates the spreadsheet's figures give (`data/*.csv`,
//! read by the tests' own reader).

mod bundled;
mod html;
mod spreadsheet;

use std::cmp::Reverse;
use std::rc::Rc;

use html::{between, cell_text};
use spreadsheet::editions::group;
use spreadsheet::winner::most_votes;
use tally::app_state::{Shared, State};
use tally::model::url::pages::Page;
use tally::model::words::site::headline;
use tally::model::Catalog;

/// Every edition's file with its details merged in, as one catalog: what every page of a build
/// that holds them all renders from.
fn every_edition() -> Shared {
    Shared(Rc::new(Catalog::new(bundled::every_edition())))
}

/// A territory's page as the build renders it, entities decoded.
fn territory_page(code: &str, catalog: &Shared) -> String {
    let page = Page::Territory(code.into());
    html::decoded(&tally::ui::render(State::prerendered(page.query(), catalog.clone())))
}

/// The table at the top: its caption and its rows' HTML, in the page's order.
fn glance(html: &str) -> (String, Vec<&str>) {
    let table = between(html, "<table class=\"glance\"", "</table>").expect("the table at the top");
    let caption = between(table, "<caption", "</caption>")
        .map(cell_text)
        .unwrap_or_default();
    let body = between(table, "<tbody>", "</tbody>").expect("its rows");
    (caption, body.split("<tr").skip(1).collect())
}

/// The contest a row of the table leads to: its card's title on this page.
fn row_target<'h>(row: &'h str, code: &str) -> &'h str {
    let link = format!("href=\"territory/{code}.html#");
    let at = row
        .find(&link)
        .unwrap_or_else(|| panic!("a row without a link to a card: {row}"));
    let rest = &row[at + link.len()..];
    rest[..rest.find('"').unwrap()]
        .strip_suffix("-detail-title")
        .expect("a card's title")
}

/// A row's cells after its heading (the year): party, contest, winner, margin, delegates.
fn cells(row: &str) -> Vec<String> {
    row.split("<td").skip(1).map(cell_text).collect()
}

/// Delegate votes as a page writes them: "3", "1,765.5".
fn delegate_votes(votes: f64) -> String {
    let whole = (votes.trunc() as i64).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if votes.fract() == 0.5 {
        grouped.push_str(".5");
    }
    grouped
}

/// The order a place's history reads in, from the data alone: newest cycle first, Democratic before
/// Republican, a party's main contest before a second one, then by date and id.
fn newest_first(catalog: &Catalog, code: &str) -> Vec<String> {
    let mut contests: Vec<_> = catalog.contests().iter().filter(|c| c.territory == code).collect();
    contests.sort_by_key(|c| {
        (
            Reverse(c.cycle),
            c.party,
            c.extra,
            c.date.is_none(),
            c.date.clone(),
            c.id.clone(),
        )
    });
    contests.into_iter().map(|c| c.id.clone()).collect()
}

/// What the row of `contest` gets wrong against the spreadsheet; `margins` counts the rows whose
/// margin the spreadsheet's counts decide (so the check cannot quietly find nothing to check).
fn row_differences(contest: &spreadsheet::Contest, cells: &[String], margins: &mut usize) -> Vec<String> {
    let mut wrong = Vec::new();
    let [party, kind, winner, margin, delegates] = cells else {
        return vec![format!("{}: cells {cells:?}", contest.id)];
    };
    let mut expect = |ok: bool, what: String| {
        if !ok {
            wrong.push(format!("{}: {what}", contest.id));
        }
    };
    expect(party == contest.party_name(), format!("party {party:?}"));
    expect(
        kind.eq_ignore_ascii_case(&contest.kind) || kind.eq_ignore_ascii_case(&contest.kind.replace('-', " ")),
        format!("contest {kind:?}, the data say {}", contest.kind),
    );
    // Where a figure is missing the cell says so: none is empty or a bare 0.
    for cell in cells {
        expect(
            !cell.is_empty() && cell != "0",
            format!("an empty or zero cell in {cells:?}"),
        );
    }
    if let Ok(top) = most_votes(contest) {
        let name = top.name.split(" (").next().unwrap();
        expect(
            winner.starts_with(name),
            format!("winner {winner:?}, the figures make {name}"),
        );
        // Where every option has a count, the margin is the two leaders' difference in votes.
        let mut counted: Vec<(&str, i64)> = contest
            .candidates
            .iter()
            .filter(|c| !spreadsheet::is_void(&c.name))
            .filter_map(|c| c.votes.map(|v| (c.name.as_str(), v)))
            .collect();
        counted.sort_by_key(|(_, v)| Reverse(*v));
        let all_counted = counted.len()
            == contest
                .candidates
                .iter()
                .filter(|c| !spreadsheet::is_void(&c.name))
                .count();
        if let [(first, a), (second, b), ..] = counted[..] {
            if all_counted && group(first).is_some() && group(second).is_some() {
                let votes = if a - b == 1 { "vote" } else { "votes" };
                let words = format!("{} {votes}", delegate_votes((a - b) as f64));
                *margins += 1;
                expect(
                    margin.contains(&words),
                    format!("margin {margin:?}, the figures give {words}"),
                );
            }
        }
    }
    for candidate in &contest.candidates {
        if let Some(d) = candidate.delegates.filter(|d| *d > 0.0) {
            let surname = candidate.name.split(" (").next().unwrap().rsplit(' ').next().unwrap();
            let words = format!("{surname} {}", delegate_votes(d));
            expect(
                delegates.contains(&words),
                format!("delegates {delegates:?} without {words}"),
            );
        }
    }
    wrong
}

#[test]
fn american_samoa_reads_palmer_bloomberg_clinton_clinton_and_its_republican_contests() {
    let catalog = every_edition();
    let sheet = spreadsheet::all_contests();
    let samoa: Vec<&spreadsheet::Contest> = sheet.iter().filter(|c| c.territory == "AS").collect();
    let html = territory_page("AS", &catalog);
    let (caption, rows) = glance(&html);
    let oldest = samoa.iter().map(|c| c.cycle).min().unwrap();
    assert_eq!(
        caption,
        format!("American Samoa: every contest since {oldest} in these results, at a glance")
    );

    let ids: Vec<&str> = rows.iter().map(|r| row_target(r, "AS")).collect();
    assert_eq!(ids, newest_first(&catalog, "AS"), "newest first");
    assert_eq!(
        ids.len(),
        samoa.len(),
        "every contest of American Samoa in the spreadsheet"
    );

    // The Democratic winners as the figures make them, in the table's order: the story.
    let democratic: Vec<String> = ids
        .iter()
        .map(|id| samoa.iter().find(|c| c.id == *id).unwrap())
        .filter(|c| c.party == "D")
        .map(|c| {
            let winner = most_votes(c).unwrap_or_else(|why| panic!("{}: {why}", c.id));
            format!("{} {}", winner.name.rsplit(' ').next().unwrap(), c.cycle)
        })
        .collect();
    assert_eq!(
        democratic,
        ["Palmer 2024", "Bloomberg 2020", "Clinton 2016", "Clinton 2008"]
    );

    // Every row, Republican ones among them, states the spreadsheet's figures; its year is its link.
    let mut wrong = Vec::new();
    for (row, id) in rows.iter().zip(&ids) {
        let contest = samoa.iter().find(|c| c.id == *id).unwrap();
        let year = between(row, "<th", "</th>").map(cell_text).unwrap();
        assert_eq!(year, contest.cycle.to_string(), "{id}'s row heading");
        wrong.extend(row_differences(contest, &cells(row), &mut 0));
    }
    assert_eq!(wrong, Vec::<String>::new());
    let republican = samoa.iter().filter(|c| c.party == "R").count();
    assert!(
        republican >= 4,
        "2024, 2020, 2016, 2012 and 2008 Republican: {republican}"
    );

    // Clinton over Obama in 2008, by the votes the spreadsheet holds (163 to 121, the issue says).
    let clinton = samoa.iter().find(|c| c.cycle == 2008 && c.party == "D").unwrap();
    let votes: Vec<i64> = clinton.candidates.iter().filter_map(|c| c.votes).collect();
    let row = rows[ids.iter().position(|id| *id == clinton.id).unwrap()];
    let lead = votes.iter().max().unwrap() - votes.iter().filter(|v| *v < votes.iter().max().unwrap()).max().unwrap();
    assert!(cells(row)[3].contains(&format!("{lead} votes")), "{:?}", cells(row));

    // The page's description tells the same history in the same order.
    let description = Page::Territory("AS".into()).head(&catalog).description;
    let told: Vec<usize> = ids
        .iter()
        .map(|id| {
            let contest = catalog.contest(id).unwrap();
            description
                .find(&headline(contest))
                .unwrap_or_else(|| panic!("{id} in {description:?}"))
        })
        .collect();
    assert!(told.windows(2).all(|w| w[0] < w[1]), "newest first: {description}");

    // Then each contest in full, in the same order, after the table.
    let table_end = html.find("</table>").unwrap();
    let cards: Vec<usize> = ids
        .iter()
        .map(|id| {
            html.find(&format!("<h2 id=\"{id}-detail-title\""))
                .unwrap_or_else(|| panic!("{id}'s card"))
        })
        .collect();
    assert!(cards[0] > table_end, "the table comes before the cards");
    assert!(
        cards.windows(2).all(|w| w[0] < w[1]),
        "the cards are in the table's order"
    );
}

#[test]
fn every_contest_of_every_edition_is_on_its_territory_s_page_once_in_the_table_and_once_in_full() {
    let catalog = every_edition();
    let sheet = spreadsheet::all_contests();
    assert_eq!(
        catalog.contests().len(),
        sheet.len(),
        "the editions' files hold the spreadsheet's contests"
    );
    let mut territories: Vec<&str> = sheet.iter().map(|c| c.territory.as_str()).collect();
    territories.sort_unstable();
    territories.dedup();
    let (mut wrong, mut margins) = (Vec::new(), 0);
    for code in territories {
        let html = territory_page(code, &catalog);
        let (_, rows) = glance(&html);
        let ids: Vec<&str> = rows.iter().map(|r| row_target(r, code)).collect();
        let expected = newest_first(&catalog, code);
        if ids != expected {
            wrong.push(format!("{code}: rows {ids:?}, newest first is {expected:?}"));
        }
        for contest in sheet.iter().filter(|c| c.territory == code) {
            let id = &contest.id;
            let linked = html
                .matches(&format!("href=\"territory/{code}.html#{id}-detail-title\""))
                .count();
            let cards = html.matches(&format!("<h2 id=\"{id}-detail-title\"")).count();
            if (linked, cards) != (1, 1) {
                wrong.push(format!(
                    "{code}: {id} is in the table {linked} times and in full {cards} times"
                ));
            }
            if let Some(row) = rows.iter().find(|r| row_target(r, code) == id) {
                wrong.extend(row_differences(contest, &cells(row), &mut margins));
            }
        }
        // Only this place's contests: as many rows and cards as it held.
        let held = sheet.iter().filter(|c| c.territory == code).count();
        let all_cards = html.matches("<article ").count();
        if rows.len() != held || all_cards != held {
            wrong.push(format!(
                "{code}: {} rows and {all_cards} cards for {held} contests",
                rows.len()
            ));
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    assert!(
        margins * 2 > sheet.len(),
        "{margins} of {} margins checked",
        sheet.len()
    );
}
