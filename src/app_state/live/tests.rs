//! Polling told as tables: the delays, and what each reply does to the page in every order.

use std::rc::Rc;

use super::super::{Action, Data, Shared, State};
use super::*;
use crate::model::{load, Catalog, Live, Query};

#[test]
fn polls_wait_the_feeds_seconds_doubled_after_each_failure_up_to_five_minutes() {
    let cases = [
        (15, 0, 15),
        (5, 0, 10),
        (-1, 0, 10),
        (15, 1, 30),
        (15, 2, 60),
        (15, 4, 240),
        (15, 5, 300),
        (15, 40, 300),
        (10, 3, 80),
        (600, 0, 600),
        (600, 2, 600),
    ];
    for (seconds, failures, expected) in cases {
        assert_eq!(delay(seconds, failures), expected, "{seconds} s, {failures} failures");
    }
}

/// American Samoa at `as_of` (March, day and time Eastern: `05T22:00`), with `rest` after its options.
fn feed(as_of: &str, votes: (i64, i64), delegates: Option<(i64, i64)>, rest: &str) -> Shared {
    let seats = |d: Option<i64>| d.map(|d| format!(r#","delegates":{d}"#)).unwrap_or_default();
    let text = format!(
        r#"{{"schema_version":1,"title":"live","poll_seconds":10,"as_of":"2024-03-{as_of}:00-05:00","contests":[
        {{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus","pledged_delegates":6,
          "options":[{{"name":"Jason Palmer","votes":{}{}}},{{"name":"Joe Biden","votes":{}{}}}]{rest}}},
        {{"id":"2024-D-VT","cycle":2024,"party":"D","territory":"VT","date":"2024-03-05","kind":"primary","status":"final",
          "options":[{{"name":"Joe Biden","votes":57000}}]}}]}}"#,
        votes.0,
        seats(delegates.map(|d| d.0)),
        votes.1,
        seats(delegates.map(|d| d.1)),
    );
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.problems, []);
    Shared(Rc::new(Catalog::new(loaded.dataset)))
}

const COUNTING: &str = r#","status":"counting""#;
const CALLED: &str =
    r#","status":"called","called":{"winner":"Jason Palmer","by":"AP","at":"2024-03-05T23:42:00-05:00"}"#;

fn opened(catalog: Shared) -> Rc<State> {
    let (query, notices) = Query::parse("?data=live.json");
    Rc::new(State::new(query, notices)).after(Action::Loaded {
        request: 0,
        catalog,
        problems: Vec::new(),
    })
}

fn changed(catalog: Shared) -> Live<Poll> {
    Live::new(Some(Poll::Changed {
        catalog,
        problems: Vec::new(),
    }))
}

fn feed_of(state: &State) -> &Feed {
    state.feed.get().unwrap()
}

fn samoa(state: &State) -> &Contest {
    &state.catalog().unwrap().dataset.contests[0]
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_304_and_an_older_feed_change_nothing_and_render_nothing() {
    let state = opened(feed("05T22:00", (20, 30), None, COUNTING));
    assert_eq!(state.poll_delay(), Some(10));
    let same = state.clone().after(Action::Polled {
        request: 0,
        poll: Live::new(Some(Poll::Unchanged)),
    });
    assert!(Rc::ptr_eq(&state, &same), "a 304 is no render");
    let older = state.clone().after(Action::Polled {
        request: 0,
        poll: changed(feed("05T21:45", (10, 15), None, COUNTING)),
    });
    assert!(Rc::ptr_eq(&state, &older), "an older feed is ignored");
    assert_eq!(samoa(&older).options[0].votes, Some(20));
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn failures_back_off_say_so_and_recover() {
    let state = opened(feed("05T22:00", (20, 30), None, COUNTING));
    assert_eq!(state.feed_trouble(), None);
    let failed = state.after(Action::Polled {
        request: 0,
        poll: Live::new(Some(Poll::Failed)),
    });
    assert_eq!(failed.poll_delay(), Some(20));
    assert_eq!(
        failed.feed_trouble().as_deref(),
        Some("Figures from 10:00 p.m.; the feed is not answering.")
    );
    let mut state = failed;
    for _ in 0..6 {
        state = state.after(Action::Polled {
            request: 0,
            poll: Live::new(Some(Poll::Failed)),
        });
    }
    assert_eq!(state.poll_delay(), Some(MAX_BACKOFF_SECONDS));
    let back = state.after(Action::Polled {
        request: 0,
        poll: Live::new(Some(Poll::Unchanged)),
    });
    assert_eq!(
        (back.poll_delay(), back.feed_trouble()),
        (Some(10), None),
        "a 304 is an answer"
    );
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_reply_for_a_file_the_reader_left_is_never_shown() {
    let state = opened(feed("05T22:00", (20, 30), None, COUNTING));
    let (query, notices) = Query::parse("?data=another.json");
    let moved = state.after(Action::Navigate(query, notices));
    assert_eq!((moved.request, &moved.data), (1, &Data::Loading));
    let loading = moved.clone().after(Action::Polled {
        request: 0,
        poll: changed(feed("05T22:15", (30, 31), None, COUNTING)),
    });
    assert!(Rc::ptr_eq(&moved, &loading), "nothing while the new file loads");
    // The reader's new file is shown, then a newer reply to the first file's poll comes late.
    let shown = moved.after(Action::Loaded {
        request: 1,
        catalog: feed("05T22:05", (21, 30), None, COUNTING),
        problems: Vec::new(),
    });
    let late = shown.clone().after(Action::Polled {
        request: 0,
        poll: changed(feed("05T22:15", (30, 31), None, COUNTING)),
    });
    assert!(Rc::ptr_eq(&shown, &late), "the first file's reply changes nothing");
    assert!(Rc::ptr_eq(&shown.catalog().unwrap().0, &late.catalog().unwrap().0));
    assert_eq!(samoa(&late).options[0].votes, Some(21));
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn figures_update_in_place_calls_and_corrections_are_announced_once() {
    // (time, votes, delegates, rest, changed, announcement, corrections shown)
    type Step = (
        &'static str,
        (i64, i64),
        Option<(i64, i64)>,
        &'static str,
        bool,
        &'static str,
        &'static str,
    );
    let steps: [Step; 6] = [
        ("05T22:15", (30, 31), None, COUNTING, true, "", ""),
        ("05T22:45", (51, 40), Some((4, 2)), COUNTING, true, "", ""),
        (
            "05T23:42",
            (51, 40),
            Some((4, 2)),
            CALLED,
            true,
            "American Samoa: Called for Jason Palmer by AP at 11:42 p.m.",
            "",
        ),
        ("05T23:50", (51, 40), Some((4, 2)), CALLED, false, "", ""),
        (
            "06T00:25",
            (51, 40),
            Some((3, 3)),
            CALLED,
            true,
            "American Samoa: Delegates corrected from 4\u{2013}2 to 3\u{2013}3.",
            "delegates Jason Palmer 4 3 2024-03-06T00:25:00-05:00; delegates Joe Biden 2 3 2024-03-06T00:25:00-05:00",
        ),
        (
            "06T00:40",
            (50, 40),
            Some((3, 3)),
            CALLED,
            true,
            "American Samoa: Jason Palmer's votes corrected from 51 to 50.",
            "delegates Jason Palmer 4 3 2024-03-06T00:25:00-05:00; delegates Joe Biden 2 3 2024-03-06T00:25:00-05:00; votes Jason Palmer 51 50 2024-03-06T00:40:00-05:00",
        ),
    ];
    let mut state = opened(feed("05T22:00", (20, 30), None, COUNTING));
    for (time, votes, delegates, rest, marked, said, log) in steps {
        let next = state.clone().after(Action::Polled {
            request: 0,
            poll: changed(feed(time, votes, delegates, rest)),
        });
        assert!(!Rc::ptr_eq(&state, &next), "{time}");
        assert_eq!(samoa(&next).options[0].votes, Some(votes.0), "{time}");
        assert_eq!(
            feed_of(&next).changed.contains(&"2024-D-AS".to_string()),
            marked,
            "{time}"
        );
        assert!(
            !feed_of(&next).changed.contains(&"2024-D-VT".to_string()),
            "{time}: Vermont did not change"
        );
        assert_eq!(feed_of(&next).announcement, said, "{time}");
        let shown: Vec<String> = samoa(&next)
            .corrections
            .iter()
            .map(|c| format!("{} {} {} {} {}", c.field, c.option, c.from, c.to, c.reported_at))
            .collect();
        assert_eq!(shown.join("; "), log, "{time}");
        state = next;
    }
    // Everything final: no more polls.
    let done = state.after(Action::Polled {
        request: 0,
        poll: changed(feed("06T01:00", (50, 40), Some((3, 3)), r#","status":"final""#)),
    });
    assert_eq!(done.poll_delay(), None);
}

/// The log's entries as `field option from to reported_at`.
fn log(state: &State) -> Vec<String> {
    samoa(state)
        .corrections
        .iter()
        .map(|c| format!("{} {} {} {} {}", c.field, c.option, c.from, c.to, c.reported_at))
        .collect()
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_correction_the_feed_writes_itself_is_logged_once_and_said_once() {
    let theirs = r#","status":"called","called":{"winner":"Jason Palmer","by":"AP","at":"2024-03-05T23:42:00-05:00"},
        "corrections":[
          {"reported_at":"2024-03-06T00:20:00-05:00","field":"delegates","option":"Jason Palmer","from":"4","to":"3","sources":[]},
          {"reported_at":"2024-03-06T00:20:00-05:00","field":"delegates","option":"Joe Biden","from":"2","to":"3","sources":[]}]"#;
    let shown = opened(feed("05T22:00", (20, 30), None, COUNTING));
    let first = shown.after(Action::Polled {
        request: 0,
        poll: changed(feed("05T23:42", (51, 40), Some((4, 2)), CALLED)),
    });
    // The feed corrects the split and writes the correction in the same reply: one entry each,
    // the feed's (its time), and one announcement.
    let corrected = first.clone().after(Action::Polled {
        request: 0,
        poll: changed(feed("06T00:25", (51, 40), Some((3, 3)), theirs)),
    });
    assert_eq!(
        log(&corrected),
        [
            "delegates Jason Palmer 4 3 2024-03-06T00:20:00-05:00",
            "delegates Joe Biden 2 3 2024-03-06T00:20:00-05:00"
        ]
    );
    assert_eq!(
        feed_of(&corrected).announcement,
        "American Samoa: Delegates corrected from 4\u{2013}2 to 3\u{2013}3."
    );
    // The page recorded the change a reply before the feed wrote its correction: the feed's takes
    // its place, and nothing is said twice.
    let recorded = first.after(Action::Polled {
        request: 0,
        poll: changed(feed("06T00:25", (51, 40), Some((3, 3)), CALLED)),
    });
    assert_eq!(log(&recorded).len(), 2);
    let written = recorded.after(Action::Polled {
        request: 0,
        poll: changed(feed("06T00:30", (51, 40), Some((3, 3)), theirs)),
    });
    assert_eq!(log(&written), log(&corrected));
    assert_eq!(feed_of(&written).announcement, "");
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_feed_without_its_time_dates_a_correction_by_the_contests_update() {
    let without = |votes: i64, updated: &str| {
        let text = format!(
            r#"{{"schema_version":1,"title":"live","poll_seconds":10,"contests":[
            {{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
              "status":"counting","updated_at":"{updated}","options":[{{"name":"Jason Palmer","votes":{votes}}},{{"name":"Joe Biden","votes":40}}]}}]}}"#
        );
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.problems, []);
        Shared(Rc::new(Catalog::new(loaded.dataset)))
    };
    let shown = opened(without(51, "2024-03-05T23:00:00-05:00"));
    let lower = shown.after(Action::Polled {
        request: 0,
        poll: changed(without(50, "2024-03-05T23:10:00-05:00")),
    });
    assert_eq!(log(&lower), ["votes Jason Palmer 51 50 2024-03-05T23:10:00-05:00"]);
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn the_first_reply_over_the_bundled_results_takes_the_feeds_contests_and_records_nothing() {
    // A live build's page starts from its bundled results: final figures, no poll_seconds.
    let bundled = load(
        r#"{"schema_version":1,"title":"bundled","contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus","status":"final",
         "options":[{"name":"Jason Palmer","votes":51,"delegates":3},{"name":"Joe Biden","votes":40,"delegates":3}]},
        {"id":"2024-R-GU","cycle":2024,"party":"R","territory":"GU","date":"2024-03-08","kind":"caucus","status":"final",
         "options":[{"name":"Donald Trump","votes":300}]}]}"#,
    )
    .unwrap()
    .dataset;
    let state = Rc::new(State::new(Query::default(), Vec::new())).after(Action::Loaded {
        request: 0,
        catalog: Shared(Rc::new(Catalog::new(bundled))),
        problems: Vec::new(),
    });
    assert_eq!(state.poll_delay(), None, "the bundled file is no feed");
    let next = state.after(Action::Polled {
        request: 0,
        poll: changed(feed("05T22:00", (20, 30), Some((4, 2)), CALLED)),
    });
    let ids: Vec<&str> = next
        .catalog()
        .unwrap()
        .dataset
        .contests
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["2024-D-AS", "2024-R-GU", "2024-D-VT"],
        "Guam stays; Vermont joins"
    );
    assert_eq!(samoa(&next).options[0].votes, Some(20));
    assert!(
        samoa(&next).corrections.is_empty(),
        "lower than the bundled figures is no correction"
    );
    assert_eq!(feed_of(&next).announcement, "");
    assert_eq!(next.poll_delay(), Some(10), "now a feed");
    assert_eq!(next.catalog().unwrap().dataset.title, "bundled");
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_contest_whose_update_fails_a_check_keeps_its_last_figures_and_the_line_says_so() {
    let state = opened(feed("05T22:00", (20, 30), None, COUNTING));
    assert_eq!(state.feed_status().as_deref(), Some("Live: figures from 10:00 p.m."));
    // American Samoa called for someone not on its ballot, and a feed asking too often: the first
    // costs that contest's update, the second no contest.
    let text = r#"{"schema_version":1,"title":"live","poll_seconds":5,"as_of":"2024-03-05T22:10:00-05:00","contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus","status":"called",
         "called":{"winner":"Nobody","by":"AP","at":"2024-03-05T22:05:00-05:00"},
         "options":[{"name":"Jason Palmer","votes":45},{"name":"Joe Biden","votes":35}]},
        {"id":"2024-D-VT","cycle":2024,"party":"D","territory":"VT","date":"2024-03-05","kind":"primary","status":"final",
         "options":[{"name":"Joe Biden","votes":58000}]}]}"#;
    let read = load(text).unwrap();
    assert_eq!(read.problems.len(), 2, "{:?}", read.problems);
    let next = state.after(Action::Polled {
        request: 0,
        poll: Live::new(Some(Poll::Changed {
            catalog: Shared(Rc::new(Catalog::new(read.dataset))),
            problems: read.problems,
        })),
    });
    assert_eq!(samoa(&next).options[0].votes, Some(20), "its last good figures");
    assert_eq!(samoa(&next).called.get(), None);
    assert_eq!(
        next.catalog().unwrap().dataset.contests[1].options[0].votes,
        Some(58000)
    );
    assert_eq!(
        next.feed_status().as_deref(),
        Some("Live: figures from 10:10 p.m.; the latest update of 1 contest could not be read.")
    );
    // The next good reply clears it.
    let later = next.after(Action::Polled {
        request: 0,
        poll: changed(feed("05T22:20", (45, 35), None, COUNTING)),
    });
    assert_eq!(later.feed_status().as_deref(), Some("Live: figures from 10:20 p.m."));
}

/// American Samoa's rule (data/allocation.csv and data/rules.csv).
fn samoa_rule() -> crate::model::derive::allocation::Rule {
    let data = |name: &str| std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (mut rules, _) = crate::model::rules_from_csv(&data("allocation.csv"), &data("rules.csv")).unwrap();
    rules.remove("2024-D-AS").unwrap()
}

/// American Samoa at `as_of` as a feed gives it with its rule (data/allocation.csv and
/// data/rules.csv, written as the replay writes it), read as a poll is.
fn ruled(as_of: &str, delegates: Option<(i64, i64)>) -> Shared {
    use crate::model::read::rules::rule_json;
    let seats = |d: Option<i64>| d.map(|d| format!(r#","delegates":{d}"#)).unwrap_or_default();
    let rest = format!(r#"{CALLED},"whole_field":true,"rule":{}"#, rule_json(&samoa_rule()));
    let text = format!(
        r#"{{"schema_version":1,"title":"live","poll_seconds":10,"as_of":"2024-03-{as_of}:00-05:00","contests":[
        {{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus","pledged_delegates":6,
          "options":[{{"name":"Jason Palmer","votes":51{}}},{{"name":"Joe Biden","votes":40{}}}]{rest}}}]}}"#,
        seats(delegates.map(|d| d.0)),
        seats(delegates.map(|d| d.1)),
    );
    let loaded = crate::model::read::load::load_feed(text.as_bytes()).unwrap();
    assert_eq!(loaded.problems, []);
    Shared(Rc::new(Catalog::new(loaded.dataset)))
}

#[test]
#[cfg_attr(
    not(any(feature = "newsroom", feature = "live")),
    ignore = "a build without feeds reads none"
)]
fn a_split_its_rule_contradicts_is_flagged_said_once_and_cleared_by_the_correction() {
    let state = opened(ruled("05T22:45", None));
    assert_eq!(samoa(&state).rule_agrees, None, "no split reported yet");
    let flagged = state.after(Action::Polled {
        request: 0,
        poll: changed(ruled("05T23:00", Some((4, 2)))),
    });
    let line = samoa(&flagged).rule_check.as_ref().unwrap().line.clone();
    assert_eq!(samoa(&flagged).rule_agrees, Some(false), "kept, and flagged: {line}");
    assert!(line.starts_with("Reported Palmer 4, Biden 2; the rule gives"), "{line}");
    let said = &feed_of(&flagged).announcement;
    assert!(said.ends_with(&format!("American Samoa: {line}")), "{said}");
    // Still flagged at the next update: not said again.
    let again = flagged.after(Action::Polled {
        request: 0,
        poll: changed(ruled("05T23:20", Some((4, 2)))),
    });
    assert_eq!(samoa(&again).rule_agrees, Some(false));
    assert!(
        !feed_of(&again).announcement.contains("Reported"),
        "{}",
        feed_of(&again).announcement
    );
    let corrected = again.after(Action::Polled {
        request: 0,
        poll: changed(ruled("06T00:25", Some((3, 3)))),
    });
    assert_eq!(samoa(&corrected).rule_agrees, Some(true));
    assert!(samoa(&corrected)
        .rule_check
        .as_ref()
        .unwrap()
        .line
        .starts_with("Checked:"));
    // The line says the split it replaced was flagged, in the words a built page's line gives the
    // same contest with the same corrections ("The first report (4–2) did not follow the rule; the
    // correction (3–3) does."), and keeps saying it at the next update.
    let built = |contest: &Contest| {
        use crate::model::derive::allocation::check_contest;
        let rule = &samoa_rule();
        crate::model::words::allocation::check_line(contest, rule, &check_contest(contest, rule))
    };
    let later = corrected.clone().after(Action::Polled {
        request: 0,
        poll: changed(ruled("06T00:40", Some((3, 3)))),
    });
    for state in [&corrected, &later] {
        let line = &samoa(state).rule_check.as_ref().unwrap().line;
        assert!(
            line.contains("The first report (4\u{2013}2) did not follow the rule"),
            "{line}"
        );
        assert_eq!(line, &built(samoa(state)));
    }
    // A page that never showed the flagged split says nothing of it.
    let opened_late = opened(ruled("06T00:25", Some((3, 3)))).after(Action::Polled {
        request: 0,
        poll: changed(ruled("06T00:40", Some((3, 3)))),
    });
    let line = &samoa(&opened_late).rule_check.as_ref().unwrap().line;
    assert!(!line.contains("first report"), "{line}");
}
