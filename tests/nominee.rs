//! Where each edition's presumptive nominee lost: on the bundled data against the spreadsheet (as
//! the tests' own reader reads it), on small hand-made contests, and in the filter's words.

use tally::model::data::numbers::and_list;
use tally::model::words::board::{losses_filter, StoryLink, STORY_PLACES};
use tally::model::*;

mod bundled;
mod common;
mod spreadsheet;

fn catalog() -> Catalog {
    let text = bundled::results();
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
    spreadsheet::editions::lost(&spreadsheet::all_contests(), cycle, party)
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
    // Iowa's and Nevada's caucus votes are not their official results: the site names no winner
    // there, so Biden lost them to no one (fields.csv votes_are).
    for id in ["2020-D-IA", "2020-D-NV"] {
        assert!(!ids_of(&d2020).iter().any(|l| l == id), "{id}: {d2020:?}");
        assert_eq!(winner(catalog.contest(id).unwrap()), None, "{id}");
    }
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
        // A tie names no winner, so no one to lose to: one they share, or one between others.
        ("final | Jason Palmer:40:: | Joe Biden:40::", false),
        ("final | Jason Palmer:40:: | Dean Phillips:40:: | Joe Biden:20::", false),
        // Votes that are not the official result name no winner either (2020-D-IA).
        (
            "final votes_are=first_alignment | Jason Palmer:51:: | Joe Biden:40::",
            false,
        ),
        // Listed without a figure where others have one: not on the ballot (2008-D-MI: Obama's row
        // holds delegates from "Uncommitted"), so not lost.
        ("final | Jason Palmer:40:: | Joe Biden:::", false),
        (
            "final | Hillary Clinton:328309::34.5 | Uncommitted:238168:: | Joe Biden:::29.5",
            false,
        ),
        // Where no option has a figure (delegates only), listed is on the ballot.
        ("final | Jason Palmer:::4 | Joe Biden:::2", true),
        // No known result, no loss.
        ("final | Jason Palmer:40:: | Joe Biden:30:: | Dean Phillips:::", false),
        ("cancelled | Joe Biden:::6", false),
    ] {
        assert_eq!(lost(spec), expected, "{spec}");
    }
    let on_ballot = |spec: &str| {
        let key = tally::model::data::fold::fold("Joe Biden");
        tally::model::derive::nomination::on_ballot(&common::contest(spec), &key)
    };
    for (spec, expected) in [
        ("final | Jason Palmer:40:: | Joe Biden:::", Some(false)),
        ("final | Jason Palmer::60.0: | Joe Biden:::", Some(false)),
        // A count on any row of theirs, a write-in's too, puts them on it.
        (
            "final | Jason Palmer:40:: | Joe Biden::: | Joe Biden (write-in):3::",
            Some(true),
        ),
        ("final | Jason Palmer::60.0: | Joe Biden::40.0:", Some(true)),
        ("final | Jason Palmer:::4 | Joe Biden:::2", Some(true)),
        ("final | Jason Palmer:40::", None),
        ("final non-binding | Jason Palmer:40:: | Joe Biden:::", None),
    ] {
        assert_eq!(on_ballot(spec), expected, "{spec}");
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
    let text = bundled::results();
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

/// The story at the top of the board: every edition (each names a nominee), its losses
/// (places and winners) as the spreadsheet makes them, counted over the contests that bound
/// delegates and listed the nominee; the sentence says both counts.
#[test]
fn the_boards_story_counts_from_the_spreadsheet() {
    // Every edition, 2008 to 2024: the older ones hold the longest stories (Trump lost 15 in 2016,
    // to four winners), and a nominee not on a ballot (Obama in Michigan, 2008).
    let catalog = &Catalog::new(bundled::every_edition());
    let sheet = spreadsheet::all_contests();
    let mut told = 0;
    for &edition in catalog.editions() {
        let Some(story) = tally::model::words::board::story(catalog, edition) else {
            continue;
        };
        told += 1;
        let party = edition.party.code();
        let nominee = spreadsheet::editions::group(&spreadsheet::editions::presumptive(edition.cycle, party));
        let nominee = nominee.expect("a nominee stands for someone");
        let could_lose = sheet
            .iter()
            .filter(|c| c.cycle == edition.cycle && c.party == party)
            .filter(|c| spreadsheet::editions::on_ballot(c, &nominee) == Some(true))
            .count();
        assert_eq!(story.contests, could_lose, "{edition:?}");
        let id = |&i: &usize| catalog.contests()[i].id.clone();
        let mut off_ballot: Vec<String> = story.off_ballot.iter().map(id).collect();
        off_ballot.sort();
        assert_eq!(
            off_ballot,
            spreadsheet::editions::off_ballot(&sheet, edition.cycle, party),
            "{edition:?}"
        );
        let mut lost: Vec<(String, String)> = story
            .losses
            .iter()
            .flat_map(|(winner, places)| {
                places
                    .iter()
                    .map(move |&i| (catalog.contests()[i].id.clone(), winner.clone()))
            })
            .collect();
        lost.sort();
        assert_eq!(lost, lost_in_csv(edition.cycle, party), "{edition:?}");
        // Each place lost is a link to its contest, and the sentence names its winner after it;
        // a winner of more than STORY_PLACES places is named with the first ones and how many
        // more, a link to the edition's "Where … lost" view, which lists every place lost.
        let parts = story.parts(catalog);
        let linked: Vec<String> = parts
            .iter()
            .filter_map(|(_, at)| match at {
                Some(StoryLink::Contest(i)) => Some(id(i)),
                _ => None,
            })
            .collect();
        let more_links: Vec<&str> = parts
            .iter()
            .filter(|(_, at)| *at == Some(StoryLink::Losses))
            .map(|(text, _)| text.as_str())
            .collect();
        let sentence: String = parts.iter().map(|(text, _)| text.as_str()).collect();
        let mut expected_links = Vec::new();
        let mut expected_more = Vec::new();
        for (winner, places) in &story.losses {
            let named = match places.len() {
                n if n > STORY_PLACES => STORY_PLACES - 1,
                n => n,
            };
            expected_links.extend(places[..named].iter().map(id));
            if named < places.len() {
                expected_more.push(format!("{} more", places.len() - named));
                let more = format!("and {} more, to {winner}", places.len() - named);
                assert!(sentence.contains(&more), "{sentence}: {more}");
            }
        }
        assert_eq!(more_links, expected_more, "{sentence}");
        let mut listed: Vec<String> = losses_filter(edition).apply(catalog).iter().map(id).collect();
        listed.sort();
        let lost_ids: Vec<String> = lost.iter().map(|(l, _)| l.clone()).collect();
        assert_eq!(listed, lost_ids, "{edition:?}: the view \"N more\" leads to");
        // Where the nominee was not on the ballot: said after the losses, never among them.
        if !off_ballot.is_empty() {
            let places: Vec<&str> = story
                .off_ballot
                .iter()
                .map(|&i| catalog.contests()[i].territory_name())
                .collect();
            let said = format!("{} was not on the ballot in {}.", story.nominee, and_list(&places));
            assert!(sentence.ends_with(&said), "{sentence}: {said}");
            expected_links.extend(story.off_ballot.iter().map(id));
        }
        assert_eq!(linked, expected_links, "{sentence}");
        for id in linked.iter().filter(|l| !off_ballot.contains(l)) {
            let winner = &lost.iter().find(|(l, _)| l == id).unwrap().1;
            let place = catalog.contest(id).unwrap().territory_name();
            let after = &sentence[sentence.find(place).unwrap()..];
            assert!(
                after.split("; ").next().unwrap().contains(&format!(", to {winner}")),
                "{sentence}"
            );
        }
        assert!(sentence.ends_with('.'), "{sentence}");
        let opening = story.opening();
        assert!(opening.starts_with(&format!("{} ", story.nominee)), "{opening}");
        // Won as the race counts it, worked out from the spreadsheet on its own; won, lost and
        // no winner named add up to the contests the nominee could lose.
        let sums = spreadsheet::editions::sums(&sheet, edition.cycle, party);
        let won = sums.won.iter().find(|(k, _)| *k == nominee).map_or(0, |(_, n)| *n);
        assert_eq!(story.won, won, "{edition:?}");
        let unnamed = could_lose - won - lost.len();
        let said = match unnamed {
            0 => format!("won {won} of {could_lose} contests and lost "),
            n => format!("won {won} of {could_lose} contests (no winner named in {n}) and lost "),
        };
        assert!(opening.contains(&said), "{opening}: {said}");
        match lost.len() {
            0 => assert!(opening.ends_with("lost none."), "{opening}"),
            n => assert!(opening.ends_with(&format!("lost {n}: ")), "{opening}"),
        }
        // The same count as the race table's "Contests won" for the edition, unfiltered.
        let every: Vec<usize> = (0..catalog.contests().len()).collect();
        let race = tally::model::words::board::edition_race(catalog, &every, edition);
        let folded = |name: &str| tally::model::data::fold::fold(name);
        let presumptive = folded(&catalog.nomination(edition).unwrap().presumptive_nominee);
        let standing = race.standings.iter().find(|s| folded(&s.name) == presumptive);
        assert_eq!(standing.map(|s| s.won), Some(story.won), "{edition:?}");
    }
    assert_eq!(told, catalog.editions().len(), "every edition names its nominee");
}

/// The race's line on the nomination states the figures of `data/editions.csv`, and nothing where
/// the file gives none.
#[test]
fn the_race_says_what_editions_csv_says_was_needed_and_when() {
    let catalog = catalog();
    let rows = spreadsheet::csv::records(&spreadsheet::read("editions.csv"));
    let (mut said, mut differed) = (0, 0);
    for &edition in catalog.editions() {
        let row = rows
            .iter()
            .find(|r| r.get("cycle") == edition.cycle.to_string() && r.get("party") == edition.party.code());
        let nomination = catalog.nomination(edition);
        assert_eq!(row.is_some(), nomination.is_some(), "{edition:?}");
        let (Some(row), Some(nomination)) = (row, nomination) else {
            continue;
        };
        let line = tally::model::words::board::needed(nomination);
        let figure = row.get("needed_to_nominate");
        if figure.is_empty() {
            assert_eq!(line, None, "{edition:?}");
            continue;
        }
        said += 1;
        let line = line.unwrap();
        let with_commas = tally::model::words::format::thousands(figure.parse().unwrap());
        assert!(line.starts_with(&format!("{with_commas} delegates needed")), "{line}");
        match tally::model::parse_date(row.get("clinched_on")) {
            Some((year, _, day)) => {
                assert!(line.contains(&format!(" {day}, {year}.")), "{line}");
                assert!(line.contains(nomination.surname()), "{line}");
            }
            None => assert!(!line.contains("passed"), "{line}"),
        }
        // Who the party nominated, where it was not the presumptive nominee (2024 Democratic).
        let (presumptive, nominee) = (row.get("presumptive_nominee"), row.get("nominee"));
        let nominated = format!(" The party nominated {nominee}.");
        assert_eq!(line.ends_with(&nominated), nominee != presumptive, "{line}");
        differed += usize::from(nominee != presumptive);
    }
    assert!(said > 0 && differed > 0, "{said} {differed}");
}

/// Where editions.csv has no figure, the race says none; without a date, no one "passed" it. The
/// bundled file has both figures for every edition it lists, so these branches are hand-made.
#[test]
fn the_race_says_nothing_it_was_not_given() {
    let catalog = catalog();
    let mut nomination = catalog.nomination(catalog.editions()[0]).unwrap().clone();
    nomination.needed_to_nominate = None;
    assert_eq!(tally::model::words::board::needed(&nomination), None);
    nomination.needed_to_nominate = Some(1968);
    nomination.clinched_on = None;
    nomination.nominee = nomination.presumptive_nominee.clone();
    let line = tally::model::words::board::needed(&nomination).unwrap();
    assert_eq!(line, "1,968 delegates needed to nominate.");
    assert!(
        !line.contains("passed") && !line.contains(nomination.surname()),
        "{line}"
    );
}

/// The story's grammar for every count of places, which no edition's data has each of (four places
/// for one winner, say): a story made by hand over the bundled contests, each place named as its
/// contest's page names it.
#[test]
fn the_story_names_up_to_three_places_per_winner_then_two_and_how_many_more() {
    use tally::model::words::board::Story;
    let catalog = catalog();
    let place = |i: usize| catalog.contests()[i].territory_name().to_string();
    let told = |losses: Vec<(&str, Vec<usize>)>, off_ballot: Vec<usize>| {
        let story = Story {
            nominee: "Nominee".into(),
            contests: 10,
            won: 10 - losses.iter().map(|(_, p): &(&str, Vec<usize>)| p.len()).sum::<usize>(),
            losses: losses.into_iter().map(|(w, p)| (w.to_string(), p)).collect(),
            off_ballot,
        };
        let parts = story.parts(&catalog);
        parts.iter().map(|(text, _)| text.as_str()).collect::<String>()
    };
    let sentence = |losses| told(losses, Vec::new());
    let [a, b, c] = [0, 1, 2].map(place);
    let cases = [
        (vec![("Ann", vec![0])], format!("{a}, to Ann.")),
        (vec![("Ann", vec![0, 1])], format!("{a} and {b}, to Ann.")),
        (vec![("Ann", vec![0, 1, 2])], format!("{a}, {b} and {c}, to Ann.")),
        (vec![("Ann", vec![0, 1, 2, 3])], format!("{a}, {b} and 2 more, to Ann.")),
        (
            vec![("Ann", vec![0, 1, 2, 3, 4])],
            format!("{a}, {b} and 3 more, to Ann."),
        ),
        (
            vec![("Ann", vec![0]), ("Bob", vec![1, 2, 3, 4])],
            format!("{a}, to Ann; {b}, {c} and 2 more, to Bob."),
        ),
    ];
    for (losses, places) in cases {
        let lost: usize = losses.iter().map(|(_, p)| p.len()).sum();
        assert_eq!(
            sentence(losses),
            format!("Nominee won {} of 10 contests and lost {lost}: {places}", 10 - lost)
        );
    }
    // Places the nominee was not on the ballot, after the losses or after winning each of the rest.
    assert_eq!(
        told(vec![("Ann", vec![0])], vec![1, 2]),
        format!("Nominee won 9 of 10 contests and lost 1: {a}, to Ann. Nominee was not on the ballot in {b} and {c}.")
    );
    assert_eq!(
        told(Vec::new(), vec![1]),
        format!("Nominee won 10 of 10 contests and lost none. Nominee was not on the ballot in {b}.")
    );
}

/// On election night a contest still counting is neither won nor lost: the story counts settled
/// contests only (American Samoa counting leaves it out of "of N" and of the losses), and says
/// nothing while none is settled, never "won 0 of 0".
#[test]
fn the_story_counts_only_settled_contests() {
    use tally::model::words::board::story;
    let catalog = catalog();
    let samoa = catalog.contests().iter().find(|c| c.id == "2024-D-AS").unwrap();
    let edition = samoa.edition();
    let settled = story(&catalog, edition).expect("the bundled story");
    let mut night = catalog.dataset.clone();
    night
        .contests
        .iter_mut()
        .filter(|c| c.id == "2024-D-AS")
        .for_each(|c| c.status = Status::Counting);
    let counting = Catalog::new(night.clone());
    let story_then = story(&counting, edition).expect("the others are settled");
    assert_eq!(story_then.contests, settled.contests - 1);
    let lost: Vec<&str> = story_then
        .losses
        .iter()
        .flat_map(|(_, places)| places.iter().map(|&i| counting.contests()[i].id.as_str()))
        .collect();
    assert!(!lost.contains(&"2024-D-AS"), "{lost:?}");
    for contest in night.contests.iter_mut().filter(|c| c.edition() == edition) {
        contest.status = Status::Upcoming;
    }
    assert!(story(&Catalog::new(night), edition).is_none());
}

/// On the night, a contest still counting (or called, not yet final) is neither won nor lost
/// anywhere the page says so: no "Biden lost" mark or tile, not in "Where Biden lost", no contest
/// won in the race; once final, all of them again (the bundled figures, read from the data).
#[test]
fn a_lead_is_no_win_and_no_loss_before_the_count_is_final() {
    use tally::model::words::board::{edition_race, tiles};
    let settled = catalog();
    let samoa = settled.contests().iter().position(|c| c.id == "2024-D-AS").unwrap();
    let edition = settled.contests()[samoa].edition();
    let nominee = settled.nomination(edition).unwrap().presumptive_nominee.clone();
    let winner = winner(&settled.contests()[samoa]).expect("a winner named");
    let winner_name = settled.contests()[samoa].options[winner].name.clone();
    let everything: Vec<usize> = (0..settled.contests().len()).collect();
    let wins = |catalog: &Catalog, name: &str| {
        edition_race(catalog, &everything, edition)
            .standings
            .iter()
            .find(|s| s.name == name)
            .map_or(0, |s| s.won)
    };
    let tile_lost = |catalog: &Catalog| {
        tiles(catalog, &everything, edition)
            .iter()
            .find(|t| t.contest == Some(samoa))
            .unwrap()
            .nominee_lost
    };
    let listed_as_lost = |catalog: &Catalog| {
        let (_, selected) = select(
            catalog,
            &format!("?cycle={}&party={}&lost=1", edition.cycle, edition.party.code()),
        );
        selected.contains(&samoa)
    };
    // Final: lost, and a win for the winner.
    assert!(settled.nominee_lost(samoa).is_some() && tile_lost(&settled) && listed_as_lost(&settled));
    let won_when_final = wins(&settled, &winner_name);
    assert!(won_when_final >= 1, "{winner_name} won {won_when_final}");
    for status in [Status::Counting, Status::Called] {
        let mut night = settled.dataset.clone();
        night
            .contests
            .iter_mut()
            .filter(|c| c.id == "2024-D-AS")
            .for_each(|c| c.status = status);
        let catalog = Catalog::new(night);
        assert!(
            catalog.nominee_lost(samoa).is_none(),
            "{status:?}: no 'lost' mark in the list"
        );
        assert!(!tile_lost(&catalog), "{status:?}: no 'lost' tile");
        assert!(!listed_as_lost(&catalog), "{status:?}: not in 'Where {nominee} lost'");
        assert_eq!(
            wins(&catalog, &winner_name),
            won_when_final - 1,
            "{status:?}: a lead is no contest won"
        );
    }
}
