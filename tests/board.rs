//! The results board on the bundled dataset and small hand-made ones: the delegate race, the
//! upsets, the tile map and the list's orders.

use tally::model::derive::list_order::{margin_key, ordered, turnout, ListOrder};
use tally::model::derive::race::race;
use tally::model::words::board::{
    edition_race, legend, legend_rank, map_choice, map_title, race_title, tiles, TileResult,
};
use tally::model::*;

mod common;

use std::rc::Rc;

use tally::app_state::{Shared, State};

fn catalog() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/results.json")).unwrap();
    Catalog::new(load(&text).unwrap().dataset)
}

fn index(catalog: &Catalog, id: &str) -> usize {
    catalog
        .contests()
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn select(catalog: &Catalog, search: &str) -> (Filter, Vec<usize>) {
    let (query, notices) = Query::parse(search);
    assert!(notices.is_empty(), "{notices:?}");
    let selected = query.filter.apply(catalog);
    (query.filter, selected)
}

fn ids(catalog: &Catalog, indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| catalog.contests()[i].id.clone()).collect()
}

#[test]
fn the_race_groups_candidates_and_counts_every_missing_figure() {
    let mut samoa = common::contest("whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 | Uncommitted:0:0.0:");
    samoa.territory = "AS".into();
    let hampshire = common::contest(
        "final pledged=0 | Joe Biden (write-in):79100:63.8: | Dean Phillips:24000:19.6: | Other:15361::",
    );
    // Phillips has no figure here, so no leader can be named: no winner, and a missing count.
    let missouri = common::contest("final pledged=24 | JOE BIDEN:17000::20 | No preference:2229::3 | Dean Phillips:::");
    let cancelled = common::contest("cancelled pledged=19 | Joe Biden:::19");
    let unbound = common::contest("final non-binding pledged= | Joe Biden:100:: | Uninstructed:50::");
    let contests = [samoa, hampshire, missouri, cancelled, unbound];
    let race = race(&contests, &[0, 1, 2, 3, 4]);
    let rows: Vec<String> = race
        .standings
        .iter()
        .map(|s| {
            format!(
                "{} ({:?}, {}): won {}, {} delegates, {} votes, listed {}; {}",
                s.name,
                s.kind,
                s.labels.join("/"),
                s.won,
                s.delegates,
                s.votes,
                s.listed,
                s.gaps(race.contests).join("; ")
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Joe Biden (Person, Joe Biden/Joe Biden (write-in)): won 2, 42 delegates, 96240 votes, listed 5; ",
            "Uncommitted (Uncommitted, Uncommitted/No preference/Uninstructed): won 0, 3 delegates, 2279 votes, listed 3; ",
            "Jason Palmer (Person, Jason Palmer): won 1, 3 delegates, 51 votes, listed 1; ",
            "Dean Phillips (Person, Dean Phillips): won 0, 0 delegates, 24000 votes, listed 2; votes not reported in 1 of 5 contests; delegates not reported in 1 of 5 contests",
        ]
    );
    assert_eq!((race.pledged, race.pledged_missing), (6 + 24 + 19, 1));
    assert_eq!(
        race.gaps(),
        [
            "pledged delegates not stated in 1 of 5 contests",
            "no popular-vote winner in 2 of 5 contests",
            "not every candidate is known to be listed in 3 of 5 contests",
        ]
    );
    assert_eq!(tally::model::derive::race::race(&contests, &[]).standings, []);
}

/// The reference files as rows keyed by their header, read here apart from the converter.
fn reference(name: &str) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let rows = parse_csv(&text).unwrap();
    let (header, rows) = rows.split_first().unwrap();
    rows.iter()
        .map(|row| header.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    row.iter().find(|(c, _)| c == column).map_or("", |(_, v)| v.trim())
}

/// How the race groups a row: every uncommitted-type label as one, a person by their folded name
/// without a "(write-in)"; `None` for rows that stand for no one ("Other", "Blank ballots").
fn group(candidate: &str) -> Option<String> {
    match OptionKind::classify(candidate) {
        OptionKind::Uncommitted => Some("uncommitted".into()),
        OptionKind::Person => Some(tally::model::data::fold::fold(
            candidate.split(" (").next().unwrap().trim(),
        )),
        _ => None,
    }
}

/// One edition's contests, pledged total and per-candidate (delegates, votes), summed from
/// data/results.csv.
struct Sums {
    contests: Vec<String>,
    pledged: i64,
    candidates: Vec<(String, i64, i64)>,
}

fn sums(cycle: i64, party: &str) -> Sums {
    let mut sums = Sums {
        contests: Vec::new(),
        pledged: 0,
        candidates: Vec::new(),
    };
    let number = |text: &str| text.replace(',', "").parse::<i64>().unwrap_or(0);
    for row in reference("results.csv") {
        if cell(&row, "cycle") != cycle.to_string() || cell(&row, "party") != party {
            continue;
        }
        let id = cell(&row, "contest_id").to_string();
        if !sums.contests.contains(&id) {
            sums.pledged += number(cell(&row, "pledged_delegates"));
            sums.contests.push(id);
        }
        let Some(key) = group(cell(&row, "candidate")) else {
            continue;
        };
        let (delegates, votes) = (number(cell(&row, "delegates_won")), number(cell(&row, "votes")));
        match sums.candidates.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => (entry.1, entry.2) = (entry.1 + delegates, entry.2 + votes),
            None => sums.candidates.push((key, delegates, votes)),
        }
    }
    sums
}

#[test]
fn each_edition_has_its_own_race_and_it_adds_up_to_the_csv() {
    let catalog = catalog();
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    assert_eq!(catalog.editions().len(), 3, "2024 D, 2024 R, 2020 D");
    for &edition in catalog.editions() {
        let race = edition_race(&catalog, &all, edition);
        let expected = sums(edition.cycle, edition.party.code());
        assert_eq!(race.contests, expected.contests.len(), "{}", edition.label());
        assert_eq!(race.pledged, expected.pledged, "{}", edition.label());
        let mut rows: Vec<(String, i64, i64)> = race
            .standings
            .iter()
            .map(|s| (group(&s.name).unwrap(), s.delegates, s.votes))
            .collect();
        let mut expected = expected.candidates;
        rows.sort();
        expected.sort();
        assert_eq!(
            rows,
            expected,
            "{}: one row per candidate of this edition, no other",
            edition.label()
        );
    }
    // The unfiltered front page: one edition's race, the newest cycle's, Democratic first.
    let (filter, selected) = select(&catalog, "");
    let shown = map_choice(&catalog, &filter, &selected, None).unwrap().shown;
    let race = edition_race(&catalog, &selected, shown);
    let expected = sums(2024, "D");
    assert_eq!(
        race_title(shown, &race),
        format!("2024 Democratic delegate race: {} contests", expected.contests.len())
    );
    assert_eq!(race.pledged, expected.pledged);
    assert!(race.standings.iter().all(|s| s.name != "Donald Trump"));
}

/// Each edition's presumptive nominee, from data/editions.csv.
fn presumptive(cycle: i64, party: &str) -> String {
    let rows = reference("editions.csv");
    let row = rows
        .iter()
        .find(|r| cell(r, "cycle") == cycle.to_string() && cell(r, "party") == party)
        .unwrap();
    cell(row, "presumptive_nominee").to_string()
}

/// The contests of an edition its presumptive nominee lost, worked out here from the CSV files:
/// those binding delegates (data/fields.csv, and any at stake) that list the nominee and that
/// someone else led: on votes where every option has a count, else the one with a printed
/// majority, else on printed percentages or delegates where every option has one.
fn lost_in_csv(cycle: i64, party: &str) -> Vec<(String, String)> {
    let nominee = group(&presumptive(cycle, party));
    let unbound: Vec<String> = reference("fields.csv")
        .iter()
        .filter(|r| cell(r, "binding") == "no")
        .map(|r| cell(r, "contest_id").to_string())
        .collect();
    let rows = reference("results.csv");
    let mut lost = Vec::new();
    for id in sums(cycle, party).contests {
        let options: Vec<&Vec<(String, String)>> = rows
            .iter()
            .filter(|r| cell(r, "contest_id") == id && group(cell(r, "candidate")).is_some())
            .collect();
        // Figures in thousandths, so printed percentages compare as whole numbers.
        let figure = |r: &[(String, String)], column: &str| {
            cell(r, column).parse::<f64>().ok().map(|f| (f * 1000.0).round() as i64)
        };
        let majority = |r: &&&Vec<(String, String)>| figure(r, "vote_pct").is_some_and(|p| p > 50_000);
        let deciding = ["votes", "vote_pct", "delegates_won"]
            .into_iter()
            .find(|column| options.iter().all(|r| figure(r, column).is_some()));
        let leaders: Vec<&str> = match (options.iter().find(majority), deciding) {
            (_, Some("votes")) | (None, Some(_)) => {
                let column = deciding.unwrap();
                let top = options.iter().filter_map(|r| figure(r, column)).max();
                options
                    .iter()
                    .filter(|r| figure(r, column) == top)
                    .map(|r| cell(r, "candidate"))
                    .collect()
            }
            (Some(r), _) => vec![cell(r, "candidate")],
            (None, None) => continue,
        };
        let listed = options.iter().any(|r| group(cell(r, "candidate")) == nominee);
        let bound = !unbound.contains(&id) && cell(options[0], "pledged_delegates") != "0";
        let held = cell(options[0], "status") == "final";
        if bound && listed && held && leaders.iter().all(|name| group(name) != nominee) {
            lost.push((id, leaders.join(" and ")));
        }
    }
    lost.sort();
    lost
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

/// Figures a source independent of the dataset's own states, per data/SOURCES.md. No national
/// total (such as a candidate's pledged delegates over a whole calendar) is recorded there, so
/// none is asserted; these are the totals it does give for a contest or a set of contests.
#[test]
fn totals_agree_with_cited_figures() {
    let catalog = catalog();
    let votes = |ids: &[&str]| {
        let set: Vec<usize> = ids.iter().map(|id| index(&catalog, id)).collect();
        let race = race(catalog.contests(), &set);
        let by: Vec<(String, i64)> = race.standings.iter().map(|s| (s.name.clone(), s.votes)).collect();
        (by, race.standings.iter().map(|s| s.votes).sum::<i64>(), race)
    };
    // "2024-R-TN": OpenElections' Tennessee county file (2024/20240305__tn__primary__county.csv,
    // 95 of 95 counties) sums the Democratic rows to Biden 122,803 and Uncommitted 10,475 (133,278);
    // the dataset's 2024-D-TN comes from NYT and Wikipedia.
    let (by, total, _) = votes(&["2024-D-TN"]);
    assert_eq!(by, [("Joe Biden".into(), 122_803), ("Uncommitted".into(), 10_475)]);
    assert_eq!(total, 133_278);
    // The same file's Republican rows total 577,834, Trump 446,850.
    let (by, total, _) = votes(&["2024-R-TN"]);
    assert_eq!((by[0].clone(), total), (("Donald Trump".into(), 446_850), 577_834));
    // "DE, FL: primaries cancelled; all pledged delegates (19 and 224) went to Biden."
    let (_, total, race) = votes(&["2024-D-DE", "2024-D-FL"]);
    let biden = &race.standings[0];
    assert_eq!(
        (biden.name.as_str(), biden.delegates, race.pledged),
        ("Joe Biden", 243, 243)
    );
    assert_eq!(
        (total, biden.votes_missing),
        (0, 0),
        "no vote was held: nothing is missing"
    );
}

#[test]
fn the_map_shows_one_cycle_and_party_the_newest_and_democratic_first() {
    let catalog = catalog();
    let shown = |search: &str, picked: Option<Edition>| {
        let (filter, selected) = select(&catalog, search);
        let choice = map_choice(&catalog, &filter, &selected, picked).unwrap();
        (choice.shown.label(), choice.must_choose())
    };
    let r2024 = Edition {
        cycle: 2024,
        party: Party::Republican,
    };
    assert_eq!(shown("", None), ("2024 Democratic".into(), true));
    assert_eq!(shown("", Some(r2024)), ("2024 Republican".into(), true));
    assert_eq!(shown("?party=R", None), ("2024 Republican".into(), false));
    assert_eq!(shown("?cycle=2020", None), ("2020 Democratic".into(), false));
    assert_eq!(
        shown("?cycle=2020", Some(r2024)),
        ("2020 Democratic".into(), false),
        "not in the selection"
    );
    assert_eq!(shown("?territory=AS", None), ("2024 Democratic".into(), true));
    // Nothing selected: the filter still chooses, and no switch is offered.
    assert_eq!(
        shown("?party=R&q=nobody-at-all", None),
        ("2024 Republican".into(), false)
    );
}

#[test]
fn every_jurisdiction_has_a_tile_in_words() {
    let catalog = catalog();
    let (_, selected) = select(&catalog, "?cycle=2024&party=D&territory=AS,GU,VT");
    let edition = Edition {
        cycle: 2024,
        party: Party::Democratic,
    };
    let map = tiles(&catalog, &selected, edition);
    assert_eq!(map.len(), TERRITORIES.len());
    let tile = |code: &str| map.iter().find(|t| t.territory.code == code).unwrap();
    let samoa = tile("AS");
    assert_eq!(samoa.text(&catalog), "Palmer");
    assert_eq!(
        samoa.label(&catalog, edition),
        "American Samoa, 2024 Democratic caucus: Jason Palmer won; Biden lost"
    );
    assert_eq!(
        (tile("GU").result.clone(), tile("GU").text(&catalog)),
        (TileResult::NoVote, "No vote".into())
    );
    assert_eq!(tile("DE").text(&catalog), "Cancelled");
    assert!(tile("DE").muted && !tile("VT").muted && !samoa.muted);
    assert!(tile("DE")
        .label(&catalog, edition)
        .ends_with("; outside the current filter"));
    assert_eq!(
        tile("NH").text(&catalog),
        "Biden",
        "a write-in win reads as the candidate's"
    );
    assert!(tile("MP")
        .label(&catalog, edition)
        .contains("won, by the source's percentages"));
    assert_eq!(map.iter().filter(|t| !t.muted).count(), 3);
    assert_eq!(legend(&map, &catalog)[0].name, "Joe Biden");

    let republican = Edition {
        cycle: 2024,
        party: Party::Republican,
    };
    let (_, selected) = select(&catalog, "?cycle=2024&party=R");
    let map = tiles(&catalog, &selected, republican);
    let tile = |code: &str| map.iter().find(|t| t.territory.code == code).unwrap();
    assert_eq!(
        map.len(),
        TERRITORIES.len() - 1,
        "no Democrats Abroad tile on a Republican map"
    );
    assert!(map.iter().all(|t| t.territory.code != "DA"));
    let michigan = tile("MI");
    assert_eq!(
        ids(&catalog, &[michigan.contest.unwrap()]),
        ["2024-R-MI"],
        "the main contest"
    );
    assert_eq!(michigan.more, 1);
    assert!(michigan.label(&catalog, republican).ends_with("(1 more contest)"));
    assert!(tile("VT").nominee_lost && tile("DC").nominee_lost && !tile("TX").nominee_lost);
    assert!(tile("VT")
        .label(&catalog, republican)
        .contains(": Nikki Haley won; Trump lost"));
    // Where the filter selects only the extra contest, the tile shows that one.
    let (_, caucus) = select(&catalog, "?cycle=2024&party=R&territory=MI&kind=caucus");
    let map = tiles(&catalog, &caucus, republican);
    let michigan = map.iter().find(|t| t.territory.code == "MI").unwrap();
    assert_eq!(ids(&catalog, &[michigan.contest.unwrap()]), ["2024-R-MI-C"]);
    assert!(!michigan.muted);
}

/// Two contests whose winners are spelled two ways, one of a single pledged delegate, and the
/// edition's presumptive nominee.
fn spelled_two_ways() -> Shared {
    let mut guam = common::contest("final pledged=1 | JOE BIDEN:30::1 | Jason Palmer:20::");
    guam.date = Some("2024-03-02".into());
    let mut samoa = common::contest("final | Joe Biden:51::6 | Jason Palmer:40::");
    (samoa.id, samoa.territory) = ("2024-D-AS".into(), "AS".into());
    let mut vermont = common::contest("final | Jason Palmer:51:: | Joe Biden:40::");
    (vermont.id, vermont.territory) = ("2024-D-VT".into(), "VT".into());
    let dataset = Dataset {
        schema_version: 1,
        title: "t".into(),
        as_of: None,
        complete_calendar: false,
        details: None,
        nominations: vec![Nomination {
            cycle: 2024,
            party: Party::Democratic,
            presumptive_nominee: "Joe Biden".into(),
            nominee: "Kamala Harris".into(),
            needed_to_nominate: Some(1968),
            clinched_on: Some("2024-03-12".into()),
        }],
        contests: vec![guam, samoa, vermont],
    };
    Shared(Rc::new(Catalog::new(dataset)))
}

#[test]
fn names_fold_alike_in_the_race_and_the_legend() {
    let catalog = spelled_two_ways();
    let edition = catalog.editions()[0];
    let all = [0, 1, 2];
    let race = edition_race(&catalog, &all, edition);
    let names: Vec<&str> = race.standings.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Joe Biden", "Jason Palmer"],
        "one row, spelled the same whatever came first"
    );
    let map = tiles(&catalog, &all, edition);
    let legend = legend(&map, &catalog);
    let entries: Vec<(&str, usize)> = legend.iter().map(|e| (e.name, e.tiles)).collect();
    assert_eq!(
        entries,
        [("Joe Biden", 2), ("Jason Palmer", 1)],
        "one colour for both spellings"
    );
    let rank = |code: &str| {
        legend_rank(
            &legend,
            map.iter().find(|t| t.territory.code == code).unwrap(),
            &catalog,
        )
    };
    assert_eq!((rank("GU"), rank("AS"), rank("VT")), (Some(0), Some(0), Some(1)));
}

#[test]
fn the_board_says_one_two_and_what_the_map_holds() {
    let (democratic, republican) = (
        Edition {
            cycle: 2024,
            party: Party::Democratic,
        },
        Edition {
            cycle: 2024,
            party: Party::Republican,
        },
    );
    assert_eq!(
        map_title(republican),
        "2024 Republican winners: every state, DC and the territories"
    );
    assert_eq!(
        map_title(democratic),
        "2024 Democratic winners: every state, DC, the territories and Democrats Abroad"
    );
    let catalog = spelled_two_ways();
    assert_eq!(
        race_title(democratic, &edition_race(&catalog, &[0], democratic)),
        "2024 Democratic delegate race: 1 contest"
    );
    let map = tiles(&catalog, &[0], democratic);
    let tile = |code: &str| map.iter().find(|t| t.territory.code == code).unwrap();
    assert_eq!(
        tile("OH").label(&catalog, democratic),
        "Ohio: no 2024 Democratic contest"
    );
    assert_eq!(
        map.len(),
        TERRITORIES.len(),
        "Democrats Abroad has its tile on a Democratic map"
    );
    // As rendered: the front page and the one-delegate contest's page.
    let render = |search: &str| tally::ui::render(State::prerendered(Query::parse(search).0, catalog.clone()));
    let front = render("");
    assert!(front.contains("2024 Democratic delegate race: 3 contests"), "{front}");
    assert!(front.contains("Where Biden lost") && front.contains(">Biden lost<"));
    assert!(front.contains("Joe Biden (2)") && !front.contains("JOE BIDEN ("));
    let guam = render("?contest=2024-D-GU");
    assert!(
        guam.contains("1 pledged delegate<") && !guam.contains("1 pledged delegates"),
        "{guam}"
    );
}

#[test]
fn the_list_sorts_by_date_territory_closeness_and_turnout() {
    let catalog = catalog();
    let (_, selected) = select(&catalog, "?cycle=2024&party=D");
    let contests = catalog.contests();
    assert_eq!(ordered(&catalog, &selected, ListOrder::Date), selected);

    let by_name = ordered(&catalog, &selected, ListOrder::Territory);
    let names: Vec<&str> = by_name.iter().map(|&i| contests[i].territory_name()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");

    for (order, key, ascending) in [
        (ListOrder::Margin, margin_key as fn(&Contest) -> Option<i64>, true),
        (ListOrder::Turnout, turnout, false),
    ] {
        let sorted = ordered(&catalog, &selected, order);
        let mut sorted_copy = sorted.clone();
        sorted_copy.sort();
        let mut plain = selected.clone();
        plain.sort();
        assert_eq!(sorted_copy, plain, "{order:?} keeps every contest");
        let keys: Vec<Option<i64>> = sorted.iter().map(|&i| key(&contests[i])).collect();
        let known = keys.iter().take_while(|k| k.is_some()).count();
        assert!(keys[known..].iter().all(Option::is_none), "{order:?}: missing last");
        assert!(known > 40, "{order:?}: most contests have the figure");
        let values: Vec<i64> = keys[..known].iter().flatten().copied().collect();
        assert!(
            values
                .windows(2)
                .all(|w| if ascending { w[0] <= w[1] } else { w[0] >= w[1] }),
            "{order:?}: {values:?}"
        );
    }
    // The closest 2024 Democratic race is American Samoa's (12.0 points); the biggest turnout, California's.
    let turnout_first = ordered(&catalog, &selected, ListOrder::Turnout)[0];
    assert_eq!(contests[turnout_first].territory, "CA");
    let closest = ordered(&catalog, &selected, ListOrder::Margin)[0];
    assert_eq!(contests[closest].territory, "AS");
    // The URL's spelling, leniently read.
    assert_eq!(ListOrder::from_code(" Margin"), Some(ListOrder::Margin));
    assert_eq!(ListOrder::from_code("closeness"), None);
}
