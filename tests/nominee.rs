//! Where each edition's presumptive nominee lost: on the bundled data against the spreadsheet (as
//! the tests' own reader reads it), on small hand-made contests, and in the filter's words.

use tally::model::*;

mod common;
mod spreadsheet;

fn catalog() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/results.json")).unwrap();
    Catalog::new(load(&text).unwrap().dataset)
}

fn select(catalog: &Catalog, search: &str) -> (Filter, Vec<usize>) {
    let (query, notices) = Query::parse(search);
    assert!(notices.is_empty(), "{notices:?}");
    let selected = query.filter.apply(catalog);
    (query.filter, selected)
}

/// What the spreadsheet says the edition's presumptive nominee lost.
fn lost_in_csv(cycle: i64, party: &str) -> Vec<(String, String)> {
    spreadsheet::editions::lost(&spreadsheet::contests(), cycle, party)
}

/// The contests the filter `?cycle=..&party=..&lost=1` lists, with their winners.
fn lost_on_the_page(catalog: &Catalog, cycle: i64, party: &str) -> Vec<(String, String)> {
    let (_, selected) = select(catalog, &format!("?cycle={cycle}&party={party}&lost=1"));
    let mut lost: Vec<(String, String)> = selected
        .iter()
        .map(|&i| {
            let contest = &catalog.contests()[i];
            let winner = match outcome(contest) {
                Outcome::Winner { option, .. } => contest.options[option].name.clone(),
                other => format!("{other:?}"),
            };
            (contest.id.clone(), winner)
        })
        .collect();
    lost.sort();
    lost
}

#[test]
fn where_the_presumptive_nominee_lost_agrees_with_the_csv() {
    let catalog = catalog();
    let ids_of = |lost: &[(String, String)]| lost.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>();
    let d2024 = lost_on_the_page(&catalog, 2024, "D");
    assert_eq!(ids_of(&d2024), ["2024-D-AS"]);
    assert_eq!(d2024, lost_in_csv(2024, "D"));
    // Not 2024-R-NV-P, where "None of These Candidates" led: Trump was not on that ballot, and it
    // bound no delegates.
    let r2024 = lost_on_the_page(&catalog, 2024, "R");
    assert_eq!(ids_of(&r2024), ["2024-R-DC", "2024-R-VT"]);
    assert_eq!(r2024, lost_in_csv(2024, "R"));
    let d2020 = lost_on_the_page(&catalog, 2020, "D");
    assert_eq!(d2020, lost_in_csv(2020, "D"));
    assert!(d2020.len() > 5, "{d2020:?}");
}

#[test]
fn a_loss_is_a_bound_contest_that_listed_the_nominee_and_someone_else_won() {
    let lost = |spec: &str| tally::model::derive::nomination::lost_by(&common::contest(spec), "Joe Biden");
    for (spec, expected) in [
        ("final | Jason Palmer:51:: | Joe Biden:40::", true),
        ("final | Jason Palmer:51:: | Joe Biden (write-in):40::", true),
        ("final | Jason Palmer:51:: | JOE BIDEN:40::", true),
        ("final | JOE BIDEN:51:: | Jason Palmer:40::", false),
        // Bound no delegates: a non-binding vote, or none at stake.
        ("final non-binding | Jason Palmer:51:: | Joe Biden:40::", false),
        ("final pledged=0 | Jason Palmer:51:: | Joe Biden:40::", false),
        // The nominee was not on the ballot.
        ("final | None of These Candidates:51:: | Nikki Haley:40::", false),
        // A tie they share is no loss; one between two others above them is.
        ("final | Jason Palmer:40:: | Joe Biden:40::", false),
        ("final | Jason Palmer:40:: | Dean Phillips:40:: | Joe Biden:20::", true),
        // No known result, no loss.
        ("final | Jason Palmer:40:: | Joe Biden:::", false),
        ("cancelled | Joe Biden:::6", false),
    ] {
        assert_eq!(lost(spec), expected, "{spec}");
    }
}

#[test]
fn the_filter_names_whose_losses_it_shows() {
    let catalog = catalog();
    let (filter, selected) = select(&catalog, "?cycle=2024&party=D&lost=1");
    assert_eq!(
        filter.describe(selected.len(), &catalog),
        "1 contest: 2024, Democratic, where Biden lost"
    );
    let who = |search: &str| select(&catalog, search).0.who_lost(&catalog);
    assert_eq!(who("?party=R").as_deref(), Some("Trump"));
    assert_eq!(
        who("?party=D").as_deref(),
        Some("Biden"),
        "both Democratic editions: Biden"
    );
    assert_eq!(who("").as_deref(), Some("the presumptive nominee"));
    // Old addresses still open the view.
    assert_eq!(select(&catalog, "?cycle=2024&party=D&upsets=1").1, selected);
    assert!(select(&catalog, "?lost=1")
        .1
        .iter()
        .all(|&i| catalog.nominee_lost(i).is_some()));
    assert_eq!(only_territory(&Query::parse("?territory=AS&lost=1").0.filter), None);
    // A dataset that names no nominee offers no such view.
    let mut dataset = catalog.dataset.clone();
    dataset.nominations.clear();
    assert_eq!(Filter::default().who_lost(&Catalog::new(dataset)), None);
}

#[test]
fn the_bundled_file_carries_each_edition_s_nomination_from_editions_csv() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/results.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let nominations = json["nominations"].as_array().expect("a nominations list");
    let rows = spreadsheet::csv::records(&spreadsheet::read("editions.csv"));
    let mut editions: Vec<(i64, String)> = Vec::new();
    for contest in spreadsheet::contests() {
        if !editions.contains(&(contest.cycle, contest.party.clone())) {
            editions.push((contest.cycle, contest.party));
        }
    }
    assert_eq!(
        nominations.len(),
        editions.len(),
        "one for each edition the file holds, no more"
    );
    for (cycle, party) in editions {
        let row = rows
            .iter()
            .find(|r| r.get("cycle") == cycle.to_string() && r.get("party") == party)
            .unwrap();
        let entry = nominations
            .iter()
            .find(|n| n["cycle"] == cycle && n["party"] == party.as_str())
            .unwrap_or_else(|| panic!("no {cycle} {party} nomination"));
        let presumptive = row.get("presumptive_nominee");
        assert_eq!(entry["presumptive_nominee"], presumptive);
        assert_eq!(
            entry.get("nominee").and_then(|n| n.as_str()).unwrap_or(presumptive),
            row.get("nominee"),
            "absent when the presumptive nominee was nominated"
        );
        assert_eq!(entry["needed_to_nominate"].to_string(), row.get("needed_to_nominate"));
        assert_eq!(entry["clinched_on"], row.get("clinched_on"));
    }
}
