//! The results board on the bundled dataset and small hand-made ones: the delegate race, the
//! upsets, the tile map and the list's orders.

use tally::model::derive::list_order::{margin_key, ordered, turnout, ListOrder};
use tally::model::derive::race::{candidate_name, race};
use tally::model::words::board::{legend, map_choice, tiles, Edition, TileResult};
use tally::model::*;

mod common;

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
            "Joe Biden (Person, Joe Biden/Joe Biden (write-in)/JOE BIDEN): won 2, 42 delegates, 96240 votes, listed 5; ",
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

/// Each cycle and party's candidate delegate totals, summed here independently of `race`.
fn delegates_by_name(catalog: &Catalog, cycle: i64, party: Party) -> Vec<(String, i64)> {
    let mut sums: Vec<(String, i64)> = Vec::new();
    for contest in catalog
        .contests()
        .iter()
        .filter(|c| c.cycle == cycle && c.party == party)
    {
        for option in &contest.options {
            let name = candidate_name(option).to_string();
            let d = option.delegates.unwrap_or(0);
            match sums.iter_mut().find(|(n, _)| *n == name) {
                Some(entry) => entry.1 += d,
                None => sums.push((name, d)),
            }
        }
    }
    sums
}

#[test]
fn the_leaders_have_the_most_pledged_delegates_of_all_their_contests() {
    let catalog = catalog();
    let leaders: Vec<(i64, Party, &str)> = catalog
        .leaders()
        .iter()
        .map(|l| (l.cycle, l.party, l.name.as_str()))
        .collect();
    assert!(leaders.contains(&(2024, Party::Democratic, "Joe Biden")), "{leaders:?}");
    assert!(leaders.contains(&(2024, Party::Republican, "Donald Trump")));
    assert!(leaders.contains(&(2020, Party::Democratic, "Joe Biden")));
    for leader in catalog.leaders() {
        let sums = delegates_by_name(&catalog, leader.cycle, leader.party);
        let mine = sums.iter().find(|(n, _)| *n == leader.name).unwrap().1;
        assert_eq!(mine, leader.delegates);
        assert!(
            sums.iter().all(|(name, d)| *d < mine || *name == leader.name),
            "{sums:?}"
        );
        // The race over the whole calendar agrees, and its totals match the independent sums.
        let all: Vec<usize> = (0..catalog.contests().len())
            .filter(|&i| catalog.contests()[i].cycle == leader.cycle && catalog.contests()[i].party == leader.party)
            .collect();
        for standing in race(catalog.contests(), &all).standings {
            let sum = sums.iter().find(|(n, _)| *n == standing.name).unwrap().1;
            assert_eq!(standing.delegates, sum, "{}", standing.name);
        }
    }
}

#[test]
fn upsets_are_the_contests_someone_else_won_on_the_popular_vote() {
    let catalog = catalog();
    for (id, winner) in [
        ("2024-D-AS", "Jason Palmer"),
        ("2024-R-VT", "Nikki Haley"),
        ("2024-R-DC", "Nikki Haley"),
        ("2020-D-AS", "Michael Bloomberg"),
        ("2020-D-NH", "Bernie Sanders"),
        ("2020-D-NV", "Bernie Sanders"),
        // Sanders led Iowa's final-alignment popular vote; Biden led the delegate race overall.
        ("2020-D-IA", "Bernie Sanders"),
    ] {
        let i = index(&catalog, id);
        let option = catalog.upset(i).unwrap_or_else(|| panic!("{id} is an upset"));
        assert_eq!(catalog.contests()[i].options[option].name, winner, "{id}");
    }
    // Not upsets: Biden's write-in win, a win on delegates alone, a cancelled contest.
    for id in ["2024-D-NH", "2024-R-MO", "2024-D-DE", "2024-D-MI"] {
        assert_eq!(catalog.upset(index(&catalog, id)), None, "{id}");
    }
    // The property, over every contest: an upset's popular-vote winner is not the leader;
    // any other contest's popular-vote winner, if it has one, is.
    for (i, contest) in catalog.contests().iter().enumerate() {
        let leader = catalog
            .leaders()
            .iter()
            .find(|l| l.cycle == contest.cycle && l.party == contest.party)
            .unwrap();
        let popular = match outcome(contest) {
            Outcome::Winner { option, basis, .. } if !matches!(basis, Basis::Delegates | Basis::Reported) => {
                Some(candidate_name(&contest.options[option]))
            }
            _ => None,
        };
        match catalog.upset(i) {
            Some(option) => {
                assert_eq!(
                    popular,
                    Some(candidate_name(&contest.options[option])),
                    "{}",
                    contest.id
                );
                assert_ne!(popular, Some(leader.name.as_str()), "{}", contest.id);
            }
            None => assert!(popular.is_none_or(|w| w == leader.name), "{}", contest.id),
        }
    }
}

#[test]
fn upsets_only_filters_the_list_and_says_so() {
    let catalog = catalog();
    let (filter, selected) = select(&catalog, "?cycle=2024&party=D&upsets=1");
    assert_eq!(ids(&catalog, &selected), ["2024-D-AS"]);
    assert_eq!(filter.describe(selected.len()), "1 contest: 2024, Democratic, upsets");
    let (_, republican) = select(&catalog, "?cycle=2024&party=R&upsets=1");
    let republican = ids(&catalog, &republican);
    assert!(republican.contains(&"2024-R-VT".into()) && republican.contains(&"2024-R-DC".into()));
    assert!(select(&catalog, "?upsets=1")
        .1
        .iter()
        .all(|&i| catalog.upset(i).is_some()));
    assert_eq!(only_territory(&Query::parse("?territory=AS&upsets=1").0.filter), None);
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
        "American Samoa, 2024 Democratic caucus: Jason Palmer won, an upset"
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
    assert_eq!(legend(&map, &catalog)[0].0, "Joe Biden");

    let republican = Edition {
        cycle: 2024,
        party: Party::Republican,
    };
    let (_, selected) = select(&catalog, "?cycle=2024&party=R");
    let map = tiles(&catalog, &selected, republican);
    let tile = |code: &str| map.iter().find(|t| t.territory.code == code).unwrap();
    assert_eq!(tile("DA").result, TileResult::NoContest);
    assert_eq!(
        tile("DA").label(&catalog, republican),
        "Democrats Abroad: no 2024 Republican contest"
    );
    let michigan = tile("MI");
    assert_eq!(
        ids(&catalog, &[michigan.contest.unwrap()]),
        ["2024-R-MI"],
        "the main contest"
    );
    assert_eq!(michigan.more, 1);
    assert!(michigan.label(&catalog, republican).ends_with("(1 more contest)"));
    assert!(tile("VT").upset && tile("DC").upset && !tile("TX").upset);
    // Where the filter selects only the extra contest, the tile shows that one.
    let (_, caucus) = select(&catalog, "?cycle=2024&party=R&territory=MI&kind=caucus");
    let michigan = &tiles(&catalog, &caucus, republican)[TERRITORIES.iter().position(|t| t.code == "MI").unwrap()];
    assert_eq!(ids(&catalog, &[michigan.contest.unwrap()]), ["2024-R-MI-C"]);
    assert!(!michigan.muted);
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
