//! The results board on the bundled dataset and small hand-made ones: one edition's delegate race
//! (against sums of the CSV), the tile map, the board's words and the list's orders. Where the
//! presumptive nominee lost: `nominee.rs`.

use std::rc::Rc;

use tally::app_state::{Shared, State};
use tally::model::derive::list_order::{margin_key, ordered, turnout, ListOrder};
use tally::model::derive::race::race;
use tally::model::words::board::{
    edition_race, legend, legend_rank, map_choice, map_title, race_rest, race_title, tiles, TileResult,
};
use tally::model::*;

mod bundled;
mod common;
mod spreadsheet;

use spreadsheet::editions::{group, sums};

fn catalog() -> Catalog {
    let text = bundled::results();
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
            "Joe Biden (Person, Joe Biden/Joe Biden (write-in)): won 0, 42 delegates, 96240 votes, listed 5; ",
            "Uncommitted (Uncommitted, Uncommitted/No preference/Uninstructed): won 0, 3 delegates, 2279 votes, listed 3; ",
            "Jason Palmer (Person, Jason Palmer): won 1, 3 delegates, 51 votes, listed 1; ",
            "Dean Phillips (Person, Dean Phillips): won 0, 0 delegates, 24000 votes, listed 2; votes not reported in 1 of 5 contests; delegates not reported in 1 of 5 contests",
        ]
    );
    assert_eq!((race.pledged, race.pledged_missing), (Delegates::whole(6 + 24 + 19), 1));
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

/// On a live night the race's notes change with each update: they say what is in, and keep their
/// length however many reports are missing (none included), so a row never re-wraps (CLS 0, tests/browser/live.test.mjs).
#[test]
fn on_a_live_night_each_candidates_notes_keep_their_length_as_reports_come_in() {
    let catalog = catalog();
    let (_, selected) = select(&catalog, "?party=D&cycle=2024");
    let race = race(catalog.contests(), &selected);
    let of = race.contests;
    assert!(of >= 10, "two-digit totals: {of}");
    let mut standing = race.standings[0].clone();
    let mut lengths = Vec::new();
    for missing in [0, 1, 9, of / 2, of] {
        (standing.votes_missing, standing.delegates_missing) = (missing, of - missing);
        let notes = standing.gaps_on_the_night(of);
        assert_eq!(notes.len(), 2, "both figures always: {notes:?}");
        // Said as what is in: a count complete reads "16 of 16", never "not reported in 0".
        assert!(notes[0].starts_with("votes reported in"), "{notes:?}");
        assert!(
            notes[0].ends_with(&format!("{} of {of} contests", of - missing)),
            "{notes:?}"
        );
        assert!(notes[1].ends_with(&format!("{missing} of {of} contests")), "{notes:?}");
        assert!(notes.iter().all(|n| !n.contains("not reported")), "{notes:?}");
        lengths.push(notes.iter().map(|n| n.chars().count()).collect::<Vec<_>>());
    }
    assert!(lengths.windows(2).all(|w| w[0] == w[1]), "{lengths:?}");
    // A finished file says only what is missing.
    (standing.votes_missing, standing.delegates_missing) = (0, 0);
    assert_eq!(standing.gaps(of), Vec::<String>::new());
}

/// A none-of-the-above line is no uncommitted vote; a contest won counts only where it bound
/// delegates, and never where the votes are not the official result.
#[test]
fn a_contest_won_bound_delegates_and_none_of_these_is_its_own_line() {
    let nevada = common::contest("final non-binding pledged=0 | None of These Candidates:60:: | Nikki Haley:30::");
    let bound =
        common::contest("final pledged=4 | None of the Names Shown:60::3 | Uncommitted:50::1 | Nikki Haley:30::");
    let alignment = common::contest("final votes_are=final_alignment | Nikki Haley:60::2 | Uncommitted:50::4");
    let race = race(&[nevada, bound, alignment], &[0, 1, 2]);
    let rows: Vec<(&str, usize, usize)> = race
        .standings
        .iter()
        .map(|s| (s.name.as_str(), s.listed, s.won))
        .collect();
    assert_eq!(
        rows,
        [
            ("Uncommitted", 2, 0),
            ("None of these candidates", 2, 1),
            ("Nikki Haley", 3, 0)
        ]
    );
    assert_eq!(race.no_winner, 1, "the final alignment names no winner");
}

/// Delegate votes as the tests' spreadsheet reader gives them (halves exact in an f64).
fn votes(delegates: Delegates) -> f64 {
    delegates.halves() as f64 / 2.0
}

#[test]
fn each_edition_has_its_own_race_and_it_adds_up_to_the_csv() {
    let (catalog, sheet) = (catalog(), spreadsheet::contests());
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    assert_eq!(catalog.editions().len(), 3, "2024 D, 2024 R, 2020 D");
    for &edition in catalog.editions() {
        let race = edition_race(&catalog, &all, edition);
        let expected = sums(&sheet, edition.cycle, edition.party.code());
        assert_eq!(race.contests, expected.contests.len(), "{}", edition.label());
        assert_eq!(votes(race.pledged), expected.pledged, "{}", edition.label());
        let mut rows: Vec<(String, f64, i64)> = race
            .standings
            .iter()
            .map(|s| (group(&s.name).unwrap(), votes(s.delegates), s.votes))
            .collect();
        let mut expected = expected.candidates;
        rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
        expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(
            rows,
            expected,
            "{}: one row per candidate of this edition, no other",
            edition.label()
        );
        let mut won: Vec<(String, usize)> = race
            .standings
            .iter()
            .filter(|s| s.won > 0)
            .map(|s| (group(&s.name).unwrap(), s.won))
            .collect();
        let mut expected_won = sums(&sheet, edition.cycle, edition.party.code()).won;
        won.sort();
        expected_won.sort();
        assert_eq!(won, expected_won, "{}: contests won", edition.label());
    }
    // The unfiltered front page: one edition's race, the newest cycle's, Democratic first.
    let (filter, selected) = select(&catalog, "");
    let shown = map_choice(&catalog, &filter, &selected, None).unwrap().shown;
    let race = edition_race(&catalog, &selected, shown);
    let expected = sums(&sheet, 2024, "D");
    assert_eq!(
        race_title(shown, &race),
        format!("2024 Democratic delegate race: {} contests", expected.contests.len())
    );
    assert_eq!(votes(race.pledged), expected.pledged);
    assert!(race.standings.iter().all(|s| s.name != "Donald Trump"));
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
        ("Joe Biden", Delegates::whole(243), Delegates::whole(243))
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
    // The switch lists every edition, whatever the selection (one outside it brings the list to it).
    assert_eq!(shown("?party=R", None), ("2024 Republican".into(), true));
    assert_eq!(shown("?cycle=2020", None), ("2020 Democratic".into(), true));
    assert_eq!(
        shown("?cycle=2020", Some(r2024)),
        ("2020 Democratic".into(), true),
        "not in the selection"
    );
    assert_eq!(shown("?territory=AS", None), ("2024 Democratic".into(), true));
    // Nothing selected: the filter still chooses, and the switch still lists every edition.
    assert_eq!(
        shown("?party=R&q=nobody-at-all", None),
        ("2024 Republican".into(), true)
    );
    // An edition the data do not hold (the spreadsheet has no 2020 Republican row): no map.
    assert!(!spreadsheet::contests()
        .iter()
        .any(|c| c.cycle == 2020 && c.party == "R"));
    let (filter, selected) = select(&catalog, "?cycle=2020&party=R");
    assert_eq!(map_choice(&catalog, &filter, &selected, None), None);
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
        (TileResult::NoVote, "No count".into())
    );
    // Status no-vote (data/SOURCES.md: AK by voice vote, GU unopposed): no count, not "no vote held".
    for contest in spreadsheet::contests()
        .iter()
        .filter(|c| c.status == "no-vote" && c.cycle == 2024 && c.party == "D")
    {
        let tile = tile(&contest.territory);
        assert_eq!(tile.text(&catalog), "No count", "{}", contest.id);
        assert!(tile.label(&catalog, edition).contains(": decided without a vote count"));
        let summary = tally::model::words::format::summary(&catalog.contests()[tile.contest.unwrap()]);
        assert_eq!(summary.winner, "No count", "{}", contest.id);
    }
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
    // The legend counts what the filter selects, not the faded tiles.
    for entry in legend(&map, &catalog) {
        let won = map
            .iter()
            .filter(|t| !t.muted && t.winner(&catalog) == Some(entry.name))
            .count();
        assert_eq!(entry.selected, won, "{}", entry.name);
        assert!(entry.tiles >= entry.selected);
    }
    assert!(legend(&map, &catalog)[0].tiles > 3, "the faded tiles still colour");

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

/// Where the votes are not the official result (fields.csv's votes_are: Iowa's and Nevada's 2020
/// final alignments), the tile names no winner and the legend counts no win: 2020's legend
/// counts what the spreadsheet's contests won (every 2020 contest bound delegates).
#[test]
fn votes_that_are_not_the_result_colour_no_tile() {
    let (catalog, sheet) = (catalog(), spreadsheet::contests());
    let edition = Edition {
        cycle: 2020,
        party: Party::Democratic,
    };
    let (_, selected) = select(&catalog, "?cycle=2020");
    let map = tiles(&catalog, &selected, edition);
    let not_the_result: Vec<&str> = sheet
        .iter()
        .filter(|c| c.cycle == 2020 && c.votes_are.is_some())
        .map(|c| c.territory.as_str())
        .collect();
    assert!(not_the_result.len() >= 2, "{not_the_result:?}");
    for tile in &map {
        let led = matches!(tile.result, TileResult::Led { .. });
        assert_eq!(
            led,
            not_the_result.contains(&tile.territory.code),
            "{}",
            tile.territory.code
        );
        if led {
            assert_eq!(tile.text(&catalog), "No winner");
            assert!(tile.winner(&catalog).is_none());
            let label = tile.label(&catalog, edition);
            assert!(
                label.contains(" led the final alignment") && !label.contains(" won"),
                "{label}"
            );
        }
    }
    let mut entries: Vec<(String, usize)> = legend(&map, &catalog)
        .iter()
        .map(|e| (group(e.name).unwrap(), e.tiles))
        .collect();
    let mut expected = sums(&sheet, 2020, "D").won;
    entries.sort();
    expected.sort();
    assert_eq!(entries, expected);
    let race = edition_race(&catalog, &selected, edition);
    let sanders = race.standings.iter().find(|s| s.name == "Bernie Sanders").unwrap();
    let (_, iowa) = select(&catalog, "?cycle=2020&party=D&territory=IA");
    let iowa_race = edition_race(&catalog, &iowa, edition);
    assert!(iowa_race.standings.iter().all(|s| s.won == 0), "Iowa: no contest won");
    assert!(sanders.won > 0);
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
        poll_seconds: tally::model::Live::NONE,
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
        editions: Vec::new(),
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
    assert_eq!(map_title(republican), "2024 Republican winners");
    assert_eq!(map_title(democratic), "2024 Democratic winners");
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

/// Below the race's rows, the rest in words, as the spreadsheet's sums have them: how many, and
/// the most delegates any of them won ("with no delegates" on the 2024 Democratic front page).
#[test]
fn the_rest_of_the_race_in_true_words() {
    let (catalog, sheet) = (catalog(), spreadsheet::contests());
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    for &edition in catalog.editions() {
        let race = edition_race(&catalog, &all, edition);
        let mut groups = sums(&sheet, edition.cycle, edition.party.code()).candidates;
        groups.sort_by(|a, b| (b.1, b.2).partial_cmp(&(a.1, a.2)).unwrap());
        let rest = &groups[6.min(groups.len())..];
        let expected = match rest.iter().map(|g| g.1).reduce(f64::max) {
            None => None,
            Some(0.0) => Some(format!("And {} more, with no delegates.", rest.len())),
            Some(1.0) => Some(format!("And {} more, with 1 delegate or fewer each.", rest.len())),
            Some(most) => Some(format!("And {} more, with {most} delegates or fewer each.", rest.len())),
        };
        assert_eq!(race_rest(&race, 6), expected, "{}", edition.label());
    }
    let front = tally::ui::render(State::prerendered(Query::default(), Shared(Rc::new(catalog))));
    assert!(front.contains("more, with ") && !front.contains("on the ballots"));
}

/// Each contest's check from data/*.csv, as the converter makes it.
fn checks_from_csv() -> Vec<(String, tally::model::derive::allocation::Check, Option<String>)> {
    use tally::model::derive::allocation::check_contest;
    let read = |name: &str| std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (mut dataset, _) = dataset_from_csv(&read("results.csv"), Some(&read("corrections.csv")), "t", None).unwrap();
    apply_fields(&mut dataset, &read("fields.csv")).unwrap();
    let (rules, _) = rules_from_csv(&read("allocation.csv"), &read("rules.csv")).unwrap();
    dataset
        .contests
        .iter()
        .map(|c| {
            let rule = &rules[&c.id];
            (c.id.clone(), check_contest(c, rule).check, rule.exception.clone())
        })
        .collect()
}

#[test]
fn the_board_counts_the_delegate_checks_per_edition_and_the_filter_lists_splits_that_differ() {
    use tally::model::derive::allocation::{tally, Check};
    use tally::model::words::board::checked_line;
    let catalog = catalog();
    let checks = checks_from_csv();
    let contests: Vec<Contest> = checks
        .iter()
        .map(|(id, _, _)| catalog.contests()[index(&catalog, id)].clone())
        .collect();
    let counts = tally(contests.iter().zip(checks.iter().map(|(_, k, _)| k)));
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    for edition in catalog.editions() {
        let t = counts[&format!("{}-{}", edition.cycle, edition.party.code())];
        let line = checked_line(&edition_race(&catalog, &all, *edition));
        let (checked, of) = (t.agree + t.differ, t.agree + t.differ + t.depends + t.unchecked);
        let s = |n: usize| if n == 1 { "s" } else { "" };
        let expected = match checked {
            0 => "No contest's delegates are checked against the party's rules here.".to_string(),
            _ => format!(
                "Delegates checked against the party's rules: {checked} of {of}; {} agree{} with the reported split, {} differ{}.",
                t.agree,
                s(t.agree),
                t.differ,
                s(t.differ)
            ),
        };
        assert!(line.starts_with(&expected), "{line}\n{expected}");
        // "The rest" only where there is a rest.
        assert_eq!(line.contains("The rest"), checked > 0 && checked < of, "{line}");
    }
    // The filter lists exactly the splits that differ, each a documented exception with a source.
    let (_, differing) = select(&catalog, "?differs=1");
    let expected: Vec<String> = checks
        .iter()
        .filter(|(_, k, _)| matches!(k, Check::Differs { .. }))
        .map(|(id, _, exception)| {
            assert!(
                exception.is_some(),
                "{id}: a split that differs needs a documented exception"
            );
            id.clone()
        })
        .collect();
    let mut listed = ids(&catalog, &differing);
    listed.sort();
    let mut expected = expected;
    expected.sort();
    assert_eq!(listed, expected);

    // American Samoa as first reported (4-2): the rule gives 3-3, so the filter lists it.
    let mut dataset = catalog.dataset.clone();
    let samoa = dataset.contests.iter_mut().find(|c| c.id == "2024-D-AS").unwrap();
    for correction in [("Jason Palmer", 4), ("Joe Biden", 2)] {
        samoa
            .options
            .iter_mut()
            .find(|o| o.name == correction.0)
            .unwrap()
            .delegates = Some(Delegates::whole(correction.1));
    }
    let read = |name: &str| std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (rules, _) = rules_from_csv(&read("allocation.csv"), &read("rules.csv")).unwrap();
    let check = tally::model::derive::allocation::check_contest(samoa, &rules["2024-D-AS"]).check;
    samoa.rule_agrees = Some(matches!(check, Check::Agrees { .. }));
    let first_report = Catalog::new(dataset);
    let (filter, differing) = select(&first_report, "?differs=1");
    assert_eq!(ids(&first_report, &differing), ["2024-D-AS"]);
    assert_eq!(
        filter.describe(differing.len(), &first_report),
        "1 contest: delegates differing from the rule"
    );
    let line = checked_line(&edition_race(
        &first_report,
        &all,
        Edition {
            cycle: 2024,
            party: Party::Democratic,
        },
    ));
    assert!(line.contains(", 1 differs."), "{line}");
}
