//! Every edition of every results file (issue 20): each edition's own file (`static/data/editions/`)
//! loads and validates, holds the spreadsheet's contests and figures, and its race and "where the
//! nominee lost" come out as the spreadsheet says (as the tests' own reader reads it). Then what
//! the earlier editions brought: half delegate votes, a place's second contest, caucus results as
//! shares of delegates, shares the compilers computed.

use tally::model::derive::race::race;
use tally::model::words::board::edition_race;
use tally::model::words::format::{delegates_text, popular_sentence, row_note, share_sentence, summary, ShareSource};
use tally::model::words::site::headline;
use tally::model::*;

mod bundled;
mod spreadsheet;

use spreadsheet::editions::{group, lost, sums};
use spreadsheet::winner::most_votes;

/// The editions the spreadsheet holds, newest first, Democratic first.
fn editions() -> Vec<(i64, String)> {
    let mut editions: Vec<(i64, String)> = spreadsheet::all_contests()
        .iter()
        .map(|c| (c.cycle, c.party.clone()))
        .collect();
    editions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    editions.dedup();
    editions
}

/// One edition's file with its details merged in, as the page reads them: no problem in either.
fn edition(cycle: i64, party: &str) -> Dataset {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/editions");
    let text = std::fs::read_to_string(format!("{dir}/{cycle}-{party}.json")).unwrap();
    let loaded = load(&text).unwrap_or_else(|e| panic!("{cycle}-{party}: {e}"));
    assert_eq!(loaded.problems, [], "{cycle}-{party}");
    let details = std::fs::read(format!("{dir}/{cycle}-{party}.details.json")).unwrap();
    let (dataset, problems) = merge_details(&loaded.dataset, &details).unwrap();
    assert_eq!(problems, [], "{cycle}-{party} details");
    assert_eq!(validate(&dataset), [], "{cycle}-{party}");
    dataset
}

fn catalog(cycle: i64, party: &str) -> Catalog {
    Catalog::new(edition(cycle, party))
}

fn contest<'a>(catalog: &'a Catalog, id: &str) -> &'a Contest {
    catalog
        .contests()
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn winner(contest: &Contest) -> Option<&str> {
    match outcome(contest) {
        Outcome::Winner { option, .. } => Some(contest.options[option].name.as_str()),
        _ => None,
    }
}

/// Delegate votes as the tests' spreadsheet reader gives them (halves exact in an f64).
fn votes(delegates: Delegates) -> f64 {
    delegates.halves() as f64 / 2.0
}

#[test]
fn every_edition_loads_validates_and_holds_the_spreadsheet_s_figures() {
    let sheet = spreadsheet::all_contests();
    let editions = editions();
    assert_eq!(
        editions.len(),
        9,
        "2024 D and R, 2020 D and R, 2016 D and R, 2012 R, 2008 D and R"
    );
    for (cycle, party) in &editions {
        let dataset = edition(*cycle, party);
        let expected: Vec<_> = sheet
            .iter()
            .filter(|c| c.cycle == *cycle && c.party == *party)
            .collect();
        println!("{cycle} {party}: {} contests", expected.len());
        let mut ids: Vec<&str> = dataset.contests.iter().map(|c| c.id.as_str()).collect();
        let mut sheet_ids: Vec<&str> = expected.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        sheet_ids.sort();
        assert_eq!(ids, sheet_ids, "{cycle} {party}");
        for row in expected {
            let contest = dataset.contests.iter().find(|c| c.id == row.id).unwrap();
            assert_eq!(contest.pledged_delegates.map(votes), row.pledged, "{}", row.id);
            assert_eq!(contest.pct_of.get(), row.pct_of.as_ref(), "{}", row.id);
            let figures: Vec<_> = contest
                .options
                .iter()
                .map(|o| (o.name.as_str(), o.votes, o.pct.as_deref(), o.delegates.map(votes)))
                .collect();
            let listed: Vec<_> = row
                .candidates
                .iter()
                .map(|c| (c.name.as_str(), c.votes, c.pct.as_deref(), c.delegates))
                .collect();
            assert_eq!(figures, listed, "{}", row.id);
            // Every source a row cites is the contest's, once.
            assert_eq!(contest.sources, row.sources(), "{}", row.id);
        }
        assert_eq!(
            dataset.nominations.len(),
            1,
            "{cycle} {party}: its nomination from editions.csv"
        );
    }
}

#[test]
fn each_edition_s_race_adds_up_to_the_spreadsheet() {
    let sheet = spreadsheet::all_contests();
    for (cycle, party) in editions() {
        let catalog = catalog(cycle, &party);
        let all: Vec<usize> = (0..catalog.contests().len()).collect();
        let [edition] = catalog.editions() else {
            panic!("{cycle} {party}: one edition per file")
        };
        let race = edition_race(&catalog, &all, *edition);
        let expected = sums(&sheet, cycle, &party);
        assert_eq!(race.contests, expected.contests.len(), "{cycle} {party}");
        assert_eq!(votes(race.pledged), expected.pledged, "{cycle} {party}");
        let mut rows: Vec<(String, f64, i64)> = race
            .standings
            .iter()
            .map(|s| {
                (
                    group(&s.name).unwrap_or_else(|| panic!("{cycle} {party}: {:?}", s.name)),
                    votes(s.delegates),
                    s.votes,
                )
            })
            .collect();
        let mut candidates = expected.candidates;
        rows.sort_by(|a, b| a.partial_cmp(b).unwrap());
        candidates.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert_eq!(rows, candidates, "{cycle} {party}");
        let mut won: Vec<(String, usize)> = race
            .standings
            .iter()
            .filter(|s| s.won > 0)
            .map(|s| (group(&s.name).unwrap(), s.won))
            .collect();
        let mut expected_won = sums(&sheet, cycle, &party).won;
        won.sort();
        expected_won.sort();
        assert_eq!(won, expected_won, "{cycle} {party}: contests won");
    }
}

/// The contests `?cycle=..&party=..&lost=1` lists, with who led, as the spreadsheet names them.
fn lost_on_the_page(catalog: &Catalog, cycle: i64, party: &str) -> Vec<(String, String)> {
    let (query, notices) = Query::parse(&format!("?cycle={cycle}&party={party}&lost=1"));
    assert!(notices.is_empty(), "{notices:?}");
    let mut lost: Vec<(String, String)> = query
        .filter
        .apply(catalog)
        .iter()
        .map(|&i| {
            let contest = &catalog.contests()[i];
            let led = match outcome(contest) {
                Outcome::Winner { option, .. } => contest.options[option].name.clone(),
                Outcome::Tie { options, .. } | Outcome::Level { options } => options
                    .iter()
                    .map(|&o| contest.options[o].name.as_str())
                    .collect::<Vec<_>>()
                    .join(" and "),
                other => format!("{other:?}"),
            };
            (contest.id.clone(), led)
        })
        .collect();
    lost.sort();
    lost
}

#[test]
fn where_each_presumptive_nominee_lost_agrees_with_the_spreadsheet() {
    let sheet = spreadsheet::all_contests();
    for (cycle, party) in editions() {
        let catalog = catalog(cycle, &party);
        let on_the_page = lost_on_the_page(&catalog, cycle, &party);
        assert_eq!(on_the_page, lost(&sheet, cycle, &party), "{cycle} {party}");
        println!("{cycle} {party}: the nominee lost {}", on_the_page.len());
    }
}

/// Where the spreadsheet lists a presumptive nominee without a vote or a printed share while
/// others have one (Obama in Michigan, 2008: not on the ballot, his delegates from "Uncommitted"),
/// he did not lose it: not in "Where … lost", no "lost" mark on its row or tile, not counted among
/// the contests he could lose; the story says he was not on the ballot there.
#[test]
fn a_nominee_not_on_the_ballot_did_not_lose_there() {
    let sheet = spreadsheet::all_contests();
    let mut seen = Vec::new();
    for (cycle, party) in editions() {
        let off_ballot = spreadsheet::editions::off_ballot(&sheet, cycle, &party);
        if off_ballot.is_empty() {
            continue;
        }
        let catalog = catalog(cycle, &party);
        let edition = catalog.contest(&off_ballot[0]).unwrap().edition();
        let story = tally::model::words::board::story(&catalog, edition).unwrap();
        let sentence: String = story.parts(&catalog).into_iter().map(|(text, _)| text).collect();
        let tiles = tally::model::words::board::tiles(&catalog, &[], edition);
        for id in &off_ballot {
            let index = catalog.contests().iter().position(|c| &c.id == id).unwrap();
            let place = catalog.contests()[index].territory_name();
            assert!(catalog.nominee_lost(index).is_none(), "{id}");
            assert!(lost_on_the_page(&catalog, cycle, &party).iter().all(|(l, _)| l != id));
            assert!(
                story.losses.iter().all(|(_, places)| !places.contains(&index)),
                "{sentence}"
            );
            assert!(story.off_ballot.contains(&index), "{sentence}");
            let said = format!("{} was not on the ballot in ", story.nominee);
            let after = &sentence[sentence.find(&said).unwrap_or_else(|| panic!("{sentence}"))..];
            assert!(after.contains(place), "{sentence}");
            for tile in tiles.iter().filter(|t| t.contest == Some(index)) {
                assert!(!tile.nominee_lost, "{id}");
                assert!(!tile.label(&catalog, edition).contains(" lost"), "{id}");
            }
            seen.push(id.clone());
        }
    }
    assert!(seen.contains(&"2008-D-MI".to_string()), "{seen:?}");
}

/// Sanders' 2016 wins are where Clinton lost: every bound contest Sanders won, and no other;
/// Michigan among them.
#[test]
fn sanders_2016_wins_are_where_clinton_lost() {
    let catalog = catalog(2016, "D");
    let lost = lost_on_the_page(&catalog, 2016, "D");
    let won_by_sanders: Vec<(String, String)> = catalog
        .contests()
        .iter()
        .filter(|c| c.binds_delegates() && winner(c) == Some("Bernie Sanders"))
        .map(|c| (c.id.clone(), "Bernie Sanders".to_string()))
        .collect();
    let mut won_by_sanders = won_by_sanders;
    won_by_sanders.sort();
    assert_eq!(lost, won_by_sanders);
    assert!(lost.iter().any(|(id, _)| id == "2016-D-MI"), "{lost:?}");
    // The non-binding Washington primary, which Clinton led, is none of them; the caucus is.
    assert!(lost.iter().any(|(id, _)| id == "2016-D-WA"));
    assert!(lost.iter().all(|(id, _)| id != "2016-D-WA-P"));
    let (query, _) = Query::parse("?cycle=2016&party=D&lost=1");
    let selected = query.filter.apply(&catalog);
    assert_eq!(
        query.filter.describe(selected.len(), &catalog),
        format!("{} contests: 2016, Democratic, where Clinton lost", lost.len())
    );
}

/// American Samoa through the editions: each contest's winner as the spreadsheet's figures make
/// it (Palmer 2024, Bloomberg 2020, Clinton 2016, Clinton 2008 by 163 to 121), and the Republican
/// contests, held or not.
#[test]
fn american_samoa_in_every_edition() {
    let sheet = spreadsheet::all_contests();
    let mut seen = Vec::new();
    for (cycle, party) in editions() {
        let catalog = catalog(cycle, &party);
        let samoa: Vec<&Contest> = catalog.contests().iter().filter(|c| c.territory == "AS").collect();
        let [contest] = samoa.as_slice() else {
            panic!("{cycle} {party}: one American Samoa contest")
        };
        let row = sheet.iter().find(|c| c.id == contest.id).unwrap();
        let expected = spreadsheet::winner::most_votes(row).ok().map(|c| c.name.as_str());
        if row.status == "final" && expected.is_some() {
            assert_eq!(winner(contest), expected, "{}", contest.id);
        }
        seen.push((contest.id.clone(), winner(contest).map(String::from), contest.status));
    }
    let won = |id: &str| seen.iter().find(|(i, _, _)| i == id).and_then(|(_, w, _)| w.clone());
    assert_eq!(won("2024-D-AS").as_deref(), Some("Jason Palmer"));
    assert_eq!(won("2020-D-AS").as_deref(), Some("Michael Bloomberg"));
    assert_eq!(won("2016-D-AS").as_deref(), Some("Hillary Clinton"));
    assert_eq!(won("2008-D-AS").as_deref(), Some("Hillary Clinton"));
    // 2008's figures, from the spreadsheet, in the headline.
    let row = sheet.iter().find(|c| c.id == "2008-D-AS").unwrap();
    let count = |name: &str| row.candidates.iter().find(|c| c.name == name).unwrap().votes.unwrap();
    let catalog = catalog(2008, "D");
    assert_eq!(
        headline(contest(&catalog, "2008-D-AS")),
        format!(
            "Hillary Clinton wins the 2008 American Samoa Democratic caucus, {} votes to {}",
            count("Hillary Clinton"),
            count("Barack Obama")
        )
    );
    let republican: Vec<_> = seen.iter().filter(|(id, _, _)| id.contains("-R-")).collect();
    assert_eq!(republican.len(), 5, "2024, 2020, 2016, 2012 and 2008: {republican:?}");
}

/// Delegate votes ending in .5 (2008 Democrats: Michigan and Florida at half vote; Democrats
/// Abroad) read, add up and read back as the spreadsheet writes them.
#[test]
fn half_delegate_votes() {
    let sheet = spreadsheet::all_contests();
    let catalog = catalog(2008, "D");
    for id in ["2008-D-MI", "2008-D-FL", "2008-D-DA"] {
        let row = sheet.iter().find(|c| c.id == id).unwrap();
        let contest = contest(&catalog, id);
        assert!(
            row.candidates
                .iter()
                .any(|c| c.delegates.is_some_and(|d| d.fract() == 0.5)),
            "{id} has a half vote"
        );
        let listed: Vec<String> = row
            .candidates
            .iter()
            .filter_map(|c| Some(c.delegates.filter(|&d| d > 0.0)?.to_string()))
            .collect();
        let text = delegates_text(contest);
        for figure in &listed {
            assert!(text.contains(figure.as_str()), "{id}: {text:?} lacks {figure}");
        }
    }
    let everyone: Vec<usize> = (0..catalog.contests().len()).collect();
    let race = race(catalog.contests(), &everyone);
    let expected = sums(&sheet, 2008, "D");
    assert_eq!(votes(race.pledged), expected.pledged);
    assert_eq!(race.pledged.whole_number(), None, "2008's pledged total ends in .5");
}

/// Every contest whose delegate figures end in .5 says why on its page (2008's half votes: the
/// delegations seated at half a vote, and those whose delegates each had half a vote).
#[test]
fn every_half_vote_is_explained_on_its_page() {
    let catalog = every_edition();
    let mut halves = 0;
    for row in spreadsheet::all_contests() {
        let half = |d: Option<f64>| d.is_some_and(|d| d.fract() == 0.5);
        if !(half(row.pledged) || row.candidates.iter().any(|c| half(c.delegates))) {
            continue;
        }
        halves += 1;
        let page = contest_page(&catalog, &row.id);
        assert!(
            page.contains("half a vote"),
            "{}: its half votes are not explained",
            row.id
        );
    }
    assert!(halves >= 3, "{halves}");
}

/// A second contest in one place: both show, each row says which it is, and only the binding one
/// counts for the race's wins and the nominee's losses.
#[test]
fn a_place_s_second_contest() {
    let texas_2008 = catalog(2008, "D");
    let texas: Vec<&Contest> = texas_2008.contests().iter().filter(|c| c.territory == "TX").collect();
    let notes: Vec<String> = texas.iter().map(|c| row_note(c)).collect();
    assert_eq!(texas.len(), 2);
    assert!(notes.contains(&"2008 primary".to_string()) && notes.contains(&"2008 caucus".to_string()));
    let washington = catalog(2016, "D");
    let primary = contest(&washington, "2016-D-WA-P");
    assert_eq!(row_note(primary), "2016 primary");
    assert!(!primary.binds_delegates());
    assert_eq!(row_note(contest(&washington, "2016-D-WA")), "2016");
    assert_eq!(delegates_text(primary), "Non-binding");
}

/// A caucus that reported shares of delegates says so wherever its figures are read, and
/// shares the compilers computed from counts are never called printed.
#[test]
fn shares_of_delegates_and_computed_shares_say_what_they_are() {
    let sheet = spreadsheet::all_contests();
    let catalog = catalog(2016, "D");
    let iowa = contest(&catalog, "2016-D-IA");
    let row = sheet.iter().find(|c| c.id == "2016-D-IA").unwrap();
    let of = row
        .pct_of
        .as_deref()
        .expect("fields.csv names what Iowa's shares are of");
    assert!(row.candidates.iter().all(|c| c.votes.is_none()));
    let leader = row
        .candidates
        .iter()
        .max_by(|a, b| {
            let pct = |c: &spreadsheet::Candidate| c.pct.as_deref().unwrap_or("0").parse::<f64>().unwrap();
            pct(a).partial_cmp(&pct(b)).unwrap()
        })
        .unwrap();
    let sentence = popular_sentence(iowa);
    assert!(
        sentence.starts_with(&format!("{} won the most {of}", leader.name)),
        "{sentence}"
    );
    assert!(!sentence.contains("popular vote"), "{sentence}");
    assert!(share_sentence(iowa).unwrap().contains(&format!("Shares are of {of}")));
    assert!(
        headline(iowa).ends_with(&format!("{}% of {of}", leader.pct.as_deref().unwrap())),
        "{}",
        headline(iowa)
    );
    // Michigan's shares were computed from 538's counts, not printed.
    let michigan = contest(&catalog, "2016-D-MI");
    assert!(michigan.pct_computed.is() && michigan.pct_of.is_none());
    let said = share_sentence(michigan).unwrap();
    assert!(said.starts_with("The compilers computed these shares"), "{said}");
    assert!(!said.contains("printed percentages"), "{said}");
    // Nor do the list's note and the options table's heading call them printed.
    assert_eq!(
        summary(michigan).share_source.map(ShareSource::note),
        Some("as compiled")
    );
    let page = contest_page(&catalog, "2016-D-MI");
    assert!(page.contains(">Share, as compiled<"), "Michigan 2016's options table");
    assert!(!page.contains("as printed"), "Michigan 2016's page");
    // In every edition, a computed share is never called printed; shares of delegates say so.
    // Without a count (2008-D-DA, 2016-D-VI), the compilers computed nothing: a source printed them.
    let every = every_edition();
    let (mut compiled, mut reported, mut printed) = (0, 0, 0);
    for contest in every.contests() {
        let source = summary(contest).share_source;
        if contest.pct_computed.is() && !summary(contest).share.is_empty() {
            let row = sheet.iter().find(|c| c.id == contest.id).unwrap();
            if row.candidates.iter().any(|c| c.votes.is_some()) {
                compiled += 1;
                assert_eq!(source, Some(ShareSource::Compiled), "{}", contest.id);
            } else {
                printed += 1;
                assert_eq!(source, Some(ShareSource::Printed), "{}", contest.id);
                let said = share_sentence(contest).unwrap();
                assert!(!said.contains("counts"), "{}: {said}", contest.id);
                assert!(
                    popular_sentence(contest).contains("by the source's percentages"),
                    "{}",
                    contest.id
                );
            }
        }
        if !contest.pct_of.is_none() && !summary(contest).share.is_empty() {
            reported += 1;
            assert_eq!(source, Some(ShareSource::Reported), "{}", contest.id);
        }
    }
    assert!(
        compiled > 0 && reported > 0 && printed > 0,
        "{compiled} compiled, {reported} of delegates, {printed} printed without counts"
    );
}

/// A contest's page as the build renders it (the options table with its heading).
fn contest_page(catalog: &Catalog, id: &str) -> String {
    use std::rc::Rc;
    use tally::app_state::{Shared, State};
    let page = tally::model::url::pages::Page::Contest(id.into());
    let shared = Shared(Rc::new(catalog.clone()));
    tally::ui::render(State::prerendered(page.query(), shared))
}

/// Every edition's file merged, as a page holding them all would: one catalog of every contest.
fn every_edition() -> Catalog {
    Catalog::new(bundled::every_edition())
}

/// With every edition loaded, the cycle filter's years are every edition's, newest first, and
/// search finds a candidate across them: "Clinton" lists 2008 and 2016.
#[test]
fn every_edition_together_cycles_and_search() {
    let catalog = every_edition();
    let mut cycles: Vec<i64> = editions().iter().map(|(cycle, _)| *cycle).collect();
    cycles.dedup();
    assert_eq!(catalog.cycles(), cycles.as_slice());
    assert_eq!(catalog.editions().len(), editions().len());
    let (query, notices) = Query::parse("?q=Clinton");
    assert!(notices.is_empty(), "{notices:?}");
    let found = query.filter.apply(&catalog);
    let mut years: Vec<i64> = found.iter().map(|&i| catalog.contests()[i].cycle).collect();
    years.dedup();
    years.sort();
    years.dedup();
    let sheet = spreadsheet::all_contests();
    let mut listed: Vec<i64> = sheet
        .iter()
        .filter(|c| c.candidates.iter().any(|o| o.name.contains("Clinton")))
        .map(|c| c.cycle)
        .collect();
    listed.sort();
    listed.dedup();
    assert_eq!(years, listed);
    assert!(years.contains(&2008) && years.contains(&2016), "{years:?}");
    // Each edition's "where the nominee lost" still reads its own edition in the merged catalog.
    for (cycle, party) in editions() {
        assert_eq!(
            lost_on_the_page(&catalog, cycle, &party),
            lost(&sheet, cycle, &party),
            "{cycle} {party}"
        );
    }
}

/// Each edition's map, drawn from its own file: a tile for every place of the party's calendar;
/// where the edition held a contest, the tile names the winner the spreadsheet's figures make;
/// where it held two (Washington's caucus and primary in 2016, Texas' primary and caucus in
/// 2008), the tile shows the main contest and says there is one more; where none, no contest.
#[test]
fn each_edition_s_map_names_the_spreadsheet_s_winner_on_each_place_s_tile() {
    use tally::model::words::board::tiles;
    let sheet = spreadsheet::all_contests();
    let (mut two_contests, mut winners) = (0, 0);
    for (cycle, party) in editions() {
        let catalog = catalog(cycle, &party);
        let edition = Edition {
            cycle,
            party: Party::from_code(&party).unwrap(),
        };
        let all: Vec<usize> = (0..catalog.contests().len()).collect();
        let map = tiles(&catalog, &all, edition);
        assert_eq!(map.len(), expected_for_party(edition.party).count(), "{cycle}-{party}");
        for tile in &map {
            let code = tile.territory.code;
            let here: Vec<&spreadsheet::Contest> = sheet
                .iter()
                .filter(|c| c.cycle == cycle && c.party == party && c.territory == code)
                .collect();
            let shown = tile.contest.map(|i| catalog.contests()[i].id.as_str());
            let Some(first) = here.first() else {
                assert_eq!(shown, None, "{cycle}-{party}-{code}: no contest, no tile result");
                continue;
            };
            // The main contest is the one whose id is the place's own; a second one adds a suffix.
            let main = here
                .iter()
                .find(|c| c.id == format!("{cycle}-{party}-{code}"))
                .unwrap_or(first);
            assert_eq!(shown, Some(main.id.as_str()), "{cycle}-{party}-{code}'s tile");
            assert_eq!(tile.more, here.len() - 1, "{}", main.id);
            if here.len() > 1 {
                two_contests += 1;
            }
            let expected = most_votes(main).ok().and_then(|w| group(&w.name));
            if let Some(expected) = expected {
                winners += 1;
                assert_eq!(
                    tile.winner(&catalog).and_then(group),
                    Some(expected.clone()),
                    "{}: the tile's winner",
                    main.id
                );
            }
        }
    }
    assert!(
        two_contests >= 2,
        "Washington 2016 and Texas 2008 hold two contests ({two_contests} places)"
    );
    // Most tiles name a winner the figures settle (not those of caucuses decided on delegates).
    assert!(
        winners * 10 > sheet.len() * 8,
        "{winners} tiles' winners of {} contests",
        sheet.len()
    );
}

/// What the site says it covers claims no place an edition holds no contest for (issue 20): read
/// from every edition's own file, each place of each party's calendar without a contest of that
/// edition is named as such in the front page's description, and no other is; the masthead and
/// each map's heading name no place at all.
#[test]
fn no_sentence_claims_a_place_an_edition_has_no_contest_for() {
    use tally::model::data::territory::expected_for_party;
    use tally::model::url::pages::Page;
    use tally::model::words::board::map_title;
    use tally::model::words::site::tagline;
    let mut all: Option<Dataset> = None;
    for (cycle, party) in editions() {
        let dataset = edition(cycle, &party);
        match &mut all {
            None => all = Some(dataset),
            Some(all) => {
                all.contests.extend(dataset.contests);
                all.nominations.extend(dataset.nominations);
            }
        }
    }
    let catalog = Catalog::new(all.expect("editions"));
    let description = Page::Front.head(&catalog).description;
    let except = description.split_once(", but for ").map_or("", |(_, e)| e);
    // "2008 Democratic in A, B and C and 2008 Republican in D, where none is on record."
    let named = |label: &str| -> Vec<&str> {
        let Some((_, rest)) = except.split_once(&format!("{label} in ")) else {
            return Vec::new();
        };
        let places = rest.split(" and 20").next().unwrap().split(", where").next().unwrap();
        places
            .split(", ")
            .flat_map(|p| p.split(" and "))
            .map(|p| p.strip_prefix("the ").unwrap_or(p))
            .collect()
    };
    for &edition in catalog.editions() {
        let label = edition.label();
        for place in expected_for_party(edition.party) {
            let held = catalog
                .contests()
                .iter()
                .any(|c| c.edition() == edition && c.territory == place.code);
            assert_eq!(
                named(&label).contains(&place.name),
                !held,
                "{label}, {}: {} contest; the description: {description}",
                place.name,
                if held { "a" } else { "no" }
            );
        }
        let heading = map_title(edition);
        let places = expected_for_party(edition.party).filter(|t| heading.contains(t.name));
        assert_eq!(places.count(), 0, "{heading}");
        assert!(!heading.contains("every"), "{heading}");
    }
    let masthead = tagline(Some(&catalog));
    assert!(
        expected_for_party(Party::Democratic).all(|t| !masthead.contains(t.name)) && !masthead.contains("every"),
        "{masthead}"
    );
}

/// "All results" on any contest's own page leads to a list that holds the contest: a 2008 page,
/// opened from a search engine, to 2008's results; the newest year's pages to the front page. The
/// link (rendered) and the reducer's "back" go to the same list.
#[test]
fn every_contest_s_all_results_lists_it() {
    use tally::app_state::{Action, Shared, State};
    let catalog = every_edition();
    let newest = catalog.newest();
    for (i, contest) in catalog.contests().iter().enumerate() {
        let page = tally::model::url::pages::Page::Contest(contest.id.clone()).query();
        let list = page.list(newest);
        assert!(
            list.filter.apply(&catalog).contains(&i),
            "{}: {}",
            contest.id,
            list.to_href()
        );
        if Some(contest.cycle) == newest {
            assert_eq!(list, Query::default(), "{}", contest.id);
        }
        let html = contest_page(&catalog, &contest.id);
        let href = list.to_href().replace('&', "&amp;");
        assert!(
            html.contains(&format!("<a href=\"{href}\" class=\"back\">")),
            "{}: {href}",
            contest.id
        );
        let state = std::rc::Rc::new(State::prerendered(page, Shared(std::rc::Rc::new(catalog.clone()))));
        let back = yew::functional::Reducible::reduce(state, Action::Open(None));
        assert_eq!(back.query, list, "{}", contest.id);
    }
}

/// The board's line about delegate checks says only what is so: an edition none of whose rules
/// these results hold checks no contest and says that in words (not "0 of 59; 0 agree … the rest
/// cannot be checked (each contest's page says why)"); a territory's page, whose one contest was
/// checked, has no "rest" and agrees in the singular.
#[test]
fn the_check_line_says_only_what_is_so() {
    use tally::model::words::board::checked_line;
    let catalog = every_edition();
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    let mut none_checked = 0;
    for &edition in catalog.editions() {
        let race = edition_race(&catalog, &all, edition);
        let line = checked_line(&race);
        if race.rule_agree + race.rule_differ == 0 {
            none_checked += 1;
            assert_eq!(
                line, "No contest's delegates are checked against the party's rules here.",
                "{edition:?}"
            );
        } else {
            assert!(line.contains("The rest cannot be checked"), "{line}");
        }
    }
    assert!(none_checked > 0, "the earlier editions hold no rules");
    let samoa: Vec<usize> = (0..catalog.contests().len())
        .filter(|&i| catalog.contests()[i].id == "2024-D-AS")
        .collect();
    let line = checked_line(&edition_race(&catalog, &samoa, catalog.contests()[samoa[0]].edition()));
    assert_eq!(
        line,
        "Delegates checked against the party's rules: 1 of 1; 1 agrees with the reported split, 0 differ."
    );
}

/// A caucus whose party allocated on delegate equivalents is not said to have used the wrong kind:
/// Nevada's 2020 Democrats counted county convention delegates (its note says so), not state
/// delegate equivalents as Iowa's did.
#[test]
fn nevada_s_check_does_not_name_iowa_s_equivalents() {
    let catalog = every_edition();
    let nevada = contest(&catalog, "2020-D-NV");
    assert!(
        nevada
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("county convention delegates")),
        "its note"
    );
    // The build's own check, as its details file carries it (a details file read as another
    // site's keeps no checks).
    let file = format!(
        "{}/static/data/editions/2020-D.details.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let details: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let check = details["contests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "2020-D-NV")
        .and_then(|c| c["check"].as_str())
        .expect("its check");
    assert!(
        check.contains("delegate equivalents (state or county convention delegates)"),
        "{check}"
    );
    assert!(!check.contains("state delegate equivalents"), "{check}");
}

/// A contest where no one's votes are on record (cancelled, or decided without a vote) is never
/// said to have had "this vote": its check line says no vote allocated the delegates (2024-R-SD,
/// 2024 DE and FL).
#[test]
fn no_check_line_speaks_of_a_vote_that_was_not_held() {
    let catalog = every_edition();
    let dir = format!("{}/static/data/editions", env!("CARGO_MANIFEST_DIR"));
    let mut without_votes = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".details.json") {
            continue;
        }
        let details: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for c in details["contests"].as_array().unwrap() {
            let (Some(id), Some(check)) = (c["id"].as_str(), c["check"].as_str()) else {
                continue;
            };
            let contest = contest(&catalog, id);
            if contest.options.iter().all(|o| o.votes.is_none() && o.pct.is_none()) {
                without_votes += 1;
                assert!(!check.contains("this vote"), "{id}: {check}");
            }
        }
    }
    assert!(without_votes > 0);
}
