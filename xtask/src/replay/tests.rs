//! The Super Tuesday timeline against the bundled data it is generated from, and the server's
//! conditional requests, outage and clock.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde_json::Value;
use tally::model::data::time::Moment;
use tally::model::read::load::{load_feed, load_with_rules};
use tally::model::read::rules::rule_json;
use tally::model::{load, merge_details, outcome, Dataset, Outcome, Problem, ProblemKind};

use super::super_tuesday::{rfc3339, SAMOA};
use super::timeline::Timeline;
use super::*;

fn bundled() -> Dataset {
    let results = std::fs::read_to_string(root().join(crate::data::BUNDLED)).unwrap();
    let details = std::fs::read(root().join(crate::data::BUNDLED_DETAILS)).unwrap();
    merge_details(&load(&results).unwrap().dataset, &details).unwrap().0
}

fn timeline() -> Timeline {
    Timeline::parse(&super_tuesday().unwrap()).unwrap()
}

fn at(text: &str) -> i64 {
    Moment::parse(text).unwrap().epoch
}

/// The feed at `time` read as the page reads it: no problems, every contest shown.
fn feed_at(timeline: &Timeline, time: i64) -> Dataset {
    let (feed, _) = timeline.at(time).expect("the feed answers");
    let loaded = load(&feed.to_string()).unwrap();
    assert_eq!(loaded.problems, [], "at {}", rfc3339(time));
    loaded.dataset
}

fn votes(dataset: &Dataset, id: &str) -> Vec<Option<i64>> {
    let contest = dataset.contests.iter().find(|c| c.id == id).unwrap();
    contest.options.iter().map(|o| o.votes).collect()
}

#[test]
fn the_night_ends_at_the_bundled_figures_every_count_rising() {
    let bundled = bundled();
    let timeline = timeline();
    let night: Vec<_> = bundled
        .contests
        .iter()
        .filter(|c| c.date.as_deref() == Some(super_tuesday::DAY))
        .collect();
    assert!(night.len() > 20, "Super Tuesday has {} contests", night.len());
    let end = feed_at(&timeline, timeline.end());
    assert_eq!(end.contests.len(), night.len());
    for contest in &night {
        let last = end.contests.iter().find(|c| c.id == contest.id).unwrap();
        assert_eq!(last.status, tally::model::Status::Final, "{}", contest.id);
        for (shown, truth) in last.options.iter().zip(&contest.options) {
            assert_eq!(
                (shown.votes, &shown.pct, shown.delegates),
                (truth.votes, &truth.pct, truth.delegates),
                "{} {}",
                contest.id,
                truth.name
            );
        }
    }
    // Every count only rises, through every moment of the night.
    let mut before = feed_at(&timeline, timeline.start);
    let mut rose = 0;
    for change in &timeline.changes {
        if timeline.at(change.at).is_none() {
            continue;
        }
        let now = feed_at(&timeline, change.at);
        for contest in &now.contests {
            for (a, b) in votes(&before, &contest.id).iter().zip(votes(&now, &contest.id)) {
                assert!(a.unwrap_or(0) <= b.unwrap_or(0), "{} at {}", contest.id, change.at_text);
                rose += usize::from(a.unwrap_or(0) < b.unwrap_or(0));
            }
        }
        before = now;
    }
    assert!(rose > night.len() * 4, "counts rose {rose} times");
}

#[test]
fn american_samoa_changes_leader_is_called_then_corrected() {
    let bundled = bundled();
    let truth = bundled.contests.iter().find(|c| c.id == SAMOA).unwrap();
    let Outcome::Winner { option: winner, .. } = outcome(truth) else {
        panic!("American Samoa has a winner")
    };
    let timeline = timeline();
    let samoa = |time: i64| {
        feed_at(&timeline, time)
            .contests
            .into_iter()
            .find(|c| c.id == SAMOA)
            .unwrap()
    };
    let moments: Vec<i64> = timeline
        .changes
        .iter()
        .filter(|c| c.contest.as_deref() == Some(SAMOA))
        .map(|c| c.at)
        .collect();
    let call = moments
        .iter()
        .copied()
        .find(|&t| samoa(t).called.get().is_some())
        .expect("American Samoa is called");
    let called = samoa(call).called.get().cloned().unwrap();
    assert_eq!(called.winner, truth.options[winner].name);
    assert_eq!(called.at, rfc3339(call));
    // Someone else led before the final winner did, all before the call.
    let leaders: Vec<Option<usize>> = moments
        .iter()
        .filter(|&&t| t < call)
        .map(|&t| match outcome(&samoa(t)) {
            Outcome::Winner { option, .. } => Some(option),
            _ => None,
        })
        .collect();
    let first_other = leaders
        .iter()
        .position(|l| l.is_some_and(|l| l != winner))
        .expect("another leader first");
    assert!(leaders[first_other..].contains(&Some(winner)), "{leaders:?}");
    // The delegates: first the corrections' `from` figures (the others' as final) at 11 p.m., then the final ones when
    // the corrections file says they were corrected (12:25 a.m. Eastern).
    let delegates = |time: i64| -> Vec<Option<tally::model::Delegates>> {
        samoa(time).options.iter().map(|o| o.delegates).collect()
    };
    let first: Vec<Option<tally::model::Delegates>> = truth
        .options
        .iter()
        .map(|o| {
            let correction = truth
                .corrections
                .iter()
                .find(|c| c.option == o.name && c.field == "delegates");
            correction.map_or(o.delegates, |c| c.from.parse().ok())
        })
        .collect();
    let corrected = truth.corrections.iter().map(|c| at(&c.reported_at)).max().unwrap();
    assert_eq!(rfc3339(corrected), "2024-03-06T00:25:00-05:00");
    assert_eq!(
        delegates(at("2024-03-05T22:59:00-05:00")),
        vec![None; truth.options.len()]
    );
    assert_eq!(delegates(at("2024-03-05T23:00:00-05:00")), first);
    assert_eq!(delegates(corrected - 1), first);
    let last: Vec<Option<tally::model::Delegates>> = truth.options.iter().map(|o| o.delegates).collect();
    assert_ne!(first, last);
    assert_eq!(delegates(corrected), last);
    assert!(call < corrected);
}

/// The feed at `time` read as a page polls it (`load_feed`) and as the newsroom's `?data=` first
/// opens it (`load_with_rules`): the same contests, none left out.
fn polled_at(timeline: &Timeline, time: i64) -> Dataset {
    let (feed, _) = timeline.at(time).expect("the feed answers");
    let polled = load_feed(feed.to_string().as_bytes()).unwrap();
    assert_eq!(polled.problems, [], "at {}", rfc3339(time));
    assert_eq!(
        load_with_rules(feed.to_string().as_bytes()).unwrap(),
        polled,
        "at {}",
        rfc3339(time)
    );
    polled.dataset
}

#[test]
fn american_samoas_first_report_is_flagged_on_the_night_and_the_correction_clears_it() {
    let rules = crate::data::bundled_rules().unwrap();
    let timeline = timeline();
    // Every contest of the night carries its rule from data/allocation.csv and data/rules.csv.
    for contest in timeline.feed["contests"].as_array().unwrap() {
        let id = contest["id"].as_str().unwrap();
        let rule: Value = serde_json::from_str(&rule_json(&rules[id])).unwrap();
        assert_eq!(contest["rule"], rule, "{id}");
        assert_eq!(contest.get("rule_agrees"), None, "{id}: the page decides, not the feed");
    }
    let samoa = |time: i64| {
        polled_at(&timeline, time)
            .contests
            .into_iter()
            .find(|c| c.id == SAMOA)
            .expect("American Samoa is kept")
    };
    let truth = bundled().contests.into_iter().find(|c| c.id == SAMOA).unwrap();
    let corrected = truth.corrections.iter().map(|c| at(&c.reported_at)).max().unwrap();
    let first_report = timeline
        .changes
        .iter()
        .filter(|c| c.contest.as_deref() == Some(SAMOA))
        .map(|c| c.at)
        .find(|&t| samoa(t).options.iter().any(|o| o.delegates.is_some()))
        .expect("American Samoa's delegates are reported");
    // Flagged from the first report until the correction, in the words its page shows.
    for time in [first_report, corrected - 1] {
        let shown = samoa(time);
        let reported: Vec<String> = shown
            .options
            .iter()
            .filter(|o| o.delegates.is_some_and(|d| d.whole_number() != Some(0)))
            .map(|o| format!("{} {}", o.name.rsplit(' ').next().unwrap(), o.delegates.unwrap()))
            .collect();
        let line = &shown.rule_check.as_ref().expect("checked").line;
        assert_eq!(shown.rule_agrees, Some(false), "at {}: {line}", rfc3339(time));
        assert!(
            line.starts_with(&format!("Reported {};", reported.join(", "))),
            "{line}"
        );
    }
    // The correction clears it: the split the build found agreeing.
    let shown = samoa(corrected);
    assert_eq!((shown.rule_agrees, truth.rule_agrees), (Some(true), Some(true)));
    assert!(shown.rule_check.unwrap().line.starts_with("Checked:"));
    // At the end of the night every verdict is the build's, from the same figures and rules.
    for contest in polled_at(&timeline, timeline.end()).contests {
        let built = bundled().contests.into_iter().find(|c| c.id == contest.id).unwrap();
        assert_eq!(contest.rule_agrees, built.rule_agrees, "{}", contest.id);
    }
    // A file that is not a feed still has such a contest left out, as a named problem.
    let (mut feed, _) = timeline.at(first_report).unwrap();
    feed.as_object_mut().unwrap().remove("poll_seconds");
    let read = load_with_rules(feed.to_string().as_bytes()).unwrap();
    assert!(read.dataset.contests.iter().all(|c| c.id != SAMOA));
    assert!(
        matches!(
            read.problems.as_slice(),
            [Problem { contest, kind: ProblemKind::ContradictsRule { .. }, .. }] if contest == SAMOA
        ),
        "{:?}",
        read.problems
    );
}

#[test]
fn the_feed_is_out_for_two_minutes() {
    let timeline = timeline();
    let outages: Vec<_> = timeline.changes.iter().filter(|c| c.outage_seconds > 0).collect();
    assert_eq!(outages.len(), 1);
    let out = outages[0];
    assert_eq!(out.outage_seconds, 120);
    assert!(timeline.at(out.at - 1).is_some());
    assert!(timeline.at(out.at).is_none());
    assert!(timeline.at(out.at + 119).is_none());
    assert!(timeline.at(out.at + 120).is_some());
}

#[test]
fn at_60x_a_real_second_is_a_minute_of_the_night() {
    let start = at("2024-03-05T21:00:00-05:00");
    let second = std::time::Duration::from_secs(1);
    // Read at a given real time since the clock was set: exact, whatever the machine's load.
    let clock = |speed: f64, real: std::time::Duration| {
        Clock {
            base: start,
            base_real: Instant::now(),
            speed,
        }
        .after(real)
    };
    assert_eq!(
        clock(60.0, second) - start,
        60,
        "a real second at 60x: a minute of the night"
    );
    assert_eq!(clock(60.0, 60 * second) - start, 3600, "a real minute at 60x: an hour");
    assert_eq!(clock(0.0, 60 * second), start, "stopped (the tests' --speed 0)");
    assert_eq!(clock(1.0, 90 * second) - start, 90, "1x: real time");
}

#[test]
fn http_dates_are_imf_fixdates() {
    assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(http_date(1_709_700_120), "Wed, 06 Mar 2024 04:42:00 GMT");
}

/// One GET: status line and headers, body.
fn get(port: u16, path: &str, headers: &str) -> (String, String) {
    ask(port, "GET", path, headers)
}

/// One request: status line and headers, body.
fn ask(port: u16, method: &str, path: &str, headers: &str) -> (String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "{method} {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n").unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    (head.to_string(), body.to_string())
}

fn header<'a>(head: &'a str, name: &str) -> &'a str {
    head.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
        .unwrap_or_else(|| panic!("no {name} in {head}"))
}

#[test]
fn the_server_answers_304_for_an_unchanged_feed_and_503_in_the_outage() {
    let timeline = timeline();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let replay = Arc::new(Replay {
        clock: Mutex::new(Clock {
            base: at("2024-03-05T21:05:00-05:00"),
            base_real: Instant::now(),
            speed: 0.0,
        }),
        timeline,
        dist: std::env::temp_dir(),
        live_cards: false,
    });
    std::thread::spawn(move || serve(listener, replay).is_ok());
    let (head, body) = get(port, FEED_PATH, "");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let feed: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(feed["as_of"], "2024-03-05T21:00:00-05:00");
    let (etag, modified) = (
        header(&head, "ETag").to_string(),
        header(&head, "Last-Modified").to_string(),
    );
    assert_eq!(modified, "Wed, 06 Mar 2024 02:00:00 GMT");
    let (head, body) = get(port, FEED_PATH, &format!("If-None-Match: {etag}\r\n"));
    assert!(head.starts_with("HTTP/1.1 304") && body.is_empty(), "{head}");
    let (head, _) = get(port, FEED_PATH, &format!("If-Modified-Since: {modified}\r\n"));
    assert!(head.starts_with("HTTP/1.1 304"), "{head}");
    // Later, the feed has changed: the old tag gets the whole feed.
    let (clock, _) = get(port, "/replay/clock?at=2024-03-05T21%3A20%3A00-05%3A00", "");
    assert!(clock.starts_with("HTTP/1.1 200"), "{clock}");
    let (head, body) = get(port, FEED_PATH, &format!("If-None-Match: {etag}\r\n"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert_ne!(header(&head, "ETag"), etag);
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["as_of"],
        "2024-03-05T21:15:00-05:00"
    );
    get(port, "/replay/clock?at=2024-03-05T22:38:00-05:00", "");
    let (head, _) = get(port, FEED_PATH, "");
    assert!(head.starts_with("HTTP/1.1 503"), "{head}");
    // A page of another origin (a live build's) may send its validators: the preflight allows them.
    let preflight = "Origin: http://site.example\r\nAccess-Control-Request-Method: GET\r\n\
                     Access-Control-Request-Headers: if-none-match, if-modified-since\r\n";
    let (head, _) = ask(port, "OPTIONS", FEED_PATH, preflight);
    assert!(head.starts_with("HTTP/1.1 204"), "{head}");
    assert_eq!(header(&head, "Access-Control-Allow-Origin"), "*");
    let allowed = header(&head, "Access-Control-Allow-Headers").to_ascii_lowercase();
    assert!(
        allowed.contains("if-none-match") && allowed.contains("if-modified-since"),
        "{allowed}"
    );
}
