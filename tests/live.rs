//! A live feed (docs/DATA.md, "Live feeds"): its fields read, each of its problems costing only its
//! contest, and its words: "Leading" until the feed calls, the call with its desk and time, "won"
//! only once the count is final or certified. The bundled file has none of it.

mod bundled;

use tally::model::words::format::{popular_sentence, summary, Marks};
use tally::model::words::site::headline;
use tally::model::*;

/// Two contests of a feed; `{as}` and `{vt}` are the rest of each contest's members.
fn feed(head: &str, as_rest: &str, vt_rest: &str) -> String {
    format!(
        r#"{{"schema_version":1,"title":"Super Tuesday, live",{head}"contests":[
        {{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
          "pledged_delegates":6,"whole_field":true,
          "options":[{{"name":"Jason Palmer","votes":51,"delegates":3}},{{"name":"Joe Biden","votes":40,"delegates":3}}]{as_rest}}},
        {{"id":"2024-D-VT","cycle":2024,"party":"D","territory":"VT","date":"2024-03-05","kind":"primary",
          "options":[{{"name":"Joe Biden","votes":57000}},{{"name":"Dean Phillips","votes":6000}}]{vt_rest}}}]}}"#
    )
}

const CALLED: &str = r#","status":"called","expected_vote_pct":95,
    "called":{"winner":"Jason Palmer","by":"AP","at":"2024-03-05T23:42:00-05:00"},"updated_at":"2024-03-05T23:40:00-05:00""#;

#[test]
fn a_feed_is_read_with_its_live_fields() {
    let text = feed(
        r#""as_of":"2024-03-05T23:45:00-05:00","poll_seconds":15,"#,
        CALLED,
        r#","status":"counting","expected_vote_pct":12.5"#,
    );
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.problems, []);
    let dataset = loaded.dataset;
    assert_eq!(dataset.poll_seconds.get(), Some(&15));
    assert_eq!(dataset.as_of.as_deref(), Some("2024-03-05T23:45:00-05:00"));
    let (samoa, vermont) = (&dataset.contests[0], &dataset.contests[1]);
    assert_eq!(samoa.status, Status::Called);
    assert_eq!(samoa.expected_vote_pct.get(), Some(&95.0));
    assert_eq!(
        samoa.called.get(),
        Some(&Call {
            winner: "Jason Palmer".into(),
            by: "AP".into(),
            at: "2024-03-05T23:42:00-05:00".into()
        })
    );
    assert_eq!(
        samoa.updated_at.get().map(String::as_str),
        Some("2024-03-05T23:40:00-05:00")
    );
    assert_eq!(vermont.status, Status::Counting);
    assert_eq!(vermont.expected_vote_pct.get(), Some(&12.5));
    assert!(vermont.called.is_none());
}

/// Each mistake is named, with its field, and costs its contest only; a feed's own costs none.
#[test]
fn each_feed_problem_costs_only_its_contest() {
    let cases: [(&str, &str, &str, &str); 9] = [
        (r#","status":"projected""#, "Unreadable", "status", "2024-D-VT"),
        (
            r#","status":"called","called":{"winner":"Dean Phillips","by":"AP","at":"2024-03-05T23:42:00-05:00"}"#,
            "UnknownOption",
            "called winner",
            "2024-D-VT",
        ),
        (
            r#","status":"called","called":{"winner":"Jason Palmer","by":"AP","at":"11:42 p.m."}"#,
            "TimeUnreadable",
            "called at",
            "2024-D-VT",
        ),
        (
            r#","status":"called","called":{"winner":"Jason Palmer","by":" ","at":"2024-03-05T23:42:00Z"}"#,
            "Empty",
            "called by",
            "2024-D-VT",
        ),
        (r#","status":"called""#, "CallMissing", "called", "2024-D-VT"),
        (
            r#","status":"called","called":{"winner":"Jason Palmer"}"#,
            "Unreadable",
            "called by",
            "2024-D-VT",
        ),
        (
            r#","status":"counting","updated_at":"2024-03-05""#,
            "TimeUnreadable",
            "updated_at",
            "2024-D-VT",
        ),
        (
            r#","status":"counting","expected_vote_pct":101"#,
            "PercentOutOfRange",
            "expected_vote_pct",
            "2024-D-VT",
        ),
        (
            r#","status":"counting","expected_vote_pct":"95""#,
            "Unreadable",
            "expected_vote_pct",
            "2024-D-VT",
        ),
    ];
    for (samoa, kind, field, shown) in cases {
        let loaded = load(&feed("", samoa, r#","status":"counting""#)).unwrap();
        let problems: Vec<String> = loaded
            .problems
            .iter()
            .map(|p| format!("{:?} {} {}", p.kind, p.contest, p.field))
            .collect();
        assert_eq!(problems.len(), 1, "{samoa}: {problems:?}");
        let problem = &loaded.problems[0];
        // Every build that reads feeds names the contest: a live reader's page keeps that contest's
        // last figures and counts it among those not read. Only the newsroom's says the field and why.
        assert_eq!(problem.contest, "2024-D-AS", "{samoa}");
        if cfg!(feature = "newsroom") {
            assert!(format!("{:?}", problem.kind).starts_with(kind), "{samoa}: {problems:?}");
            assert_eq!(problem.field, field, "{samoa}");
        }
        assert!(!problem.to_string().is_empty());
        let ids: Vec<&str> = loaded.dataset.contests.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, [shown], "{samoa}");
    }
    // The feed's own problems are named "feed" and cost no contest.
    for (head, field) in [
        (r#""poll_seconds":5,"#, "poll_seconds"),
        (r#""poll_seconds":"often","#, "poll_seconds"),
        (r#""poll_seconds":30,"as_of":"tonight","#, "as_of"),
    ] {
        let loaded = load(&feed(head, r#","status":"counting""#, r#","status":"counting""#)).unwrap();
        let named: Vec<(&str, &str)> = loaded
            .problems
            .iter()
            .map(|p| (p.contest.as_str(), p.field.as_str()))
            .collect();
        let field = if cfg!(feature = "newsroom") { field } else { "" };
        assert_eq!(named, [("feed", field)], "{head}");
        assert_eq!(loaded.dataset.contests.len(), 2, "{head}");
    }
    if cfg!(feature = "newsroom") {
        let loaded = load(&feed(
            r#""poll_seconds":5,"#,
            r#","status":"final""#,
            r#","status":"final""#,
        ))
        .unwrap();
        assert_eq!(
            loaded.problems[0].to_string(),
            "feed: poll_seconds: must be a whole number of seconds, at least 10; the page asks every 10 seconds"
        );
    }
}

/// What the page says of American Samoa at each stage of the night.
#[test]
fn leading_until_called_then_called_then_won_once_final() {
    struct Stage {
        rest: &'static str,
        cell: (&'static str, Option<&'static str>),
        mark: &'static str,
        sentence: &'static str,
        headline: &'static str,
    }
    let stages = [
        Stage {
            rest: r#","status":"counting","expected_vote_pct":40"#,
            cell: ("Jason Palmer", Some("Leading, with 40% of the expected vote counted")),
            mark: "Leading",
            sentence: "Jason Palmer is leading by 11 votes (12.0 points), with 40% of the expected vote counted.",
            headline: "Jason Palmer leads the 2024 American Samoa Democratic caucus, 51 votes to 40",
        },
        Stage {
            rest: CALLED,
            cell: ("Jason Palmer", Some("Called for Jason Palmer by AP at 11:42 p.m.")),
            mark: "Leading",
            sentence: "Called for Jason Palmer by AP at 11:42 p.m. Jason Palmer is leading by 11 votes (12.0 points), with 95% of the expected vote counted.",
            headline: "Jason Palmer leads the 2024 American Samoa Democratic caucus, 51 votes to 40",
        },
        Stage {
            rest: r#","status":"final","called":{"winner":"Jason Palmer","by":"AP","at":"2024-03-06T04:42:00Z"}"#,
            cell: ("Jason Palmer", None),
            mark: "Winner",
            sentence: "Jason Palmer won the popular vote by 11 votes (12.0 points).",
            headline: "Jason Palmer wins the 2024 American Samoa Democratic caucus, 51 votes to 40",
        },
        Stage {
            rest: r#","status":"certified""#,
            cell: ("Jason Palmer", None),
            mark: "Winner",
            sentence: "Jason Palmer won the popular vote by 11 votes (12.0 points).",
            headline: "Jason Palmer wins the 2024 American Samoa Democratic caucus, 51 votes to 40",
        },
    ];
    for stage in stages {
        let loaded = load(&feed("", stage.rest, r#","status":"counting""#)).unwrap();
        assert_eq!(loaded.problems, [], "{}", stage.rest);
        let samoa = &loaded.dataset.contests[0];
        let cell = summary(samoa);
        assert_eq!(
            (cell.winner.as_str(), cell.basis_note.as_deref()),
            stage.cell,
            "{}",
            stage.rest
        );
        let marks = Marks::new(samoa);
        assert_eq!(marks.of(0).next(), Some(stage.mark), "{}", stage.rest);
        assert_eq!(marks.winner(0), stage.mark == "Winner", "{}", stage.rest);
        assert_eq!(popular_sentence(samoa), stage.sentence, "{}", stage.rest);
        assert_eq!(headline(samoa), stage.headline, "{}", stage.rest);
    }
    // Before any count: no leader, no winner.
    let upcoming = contest_from_json(
        &tally::model::read::json::parse(
            r#"{"cycle":2024,"party":"D","territory":"VT","kind":"primary","date":"2024-03-05","status":"upcoming",
                "options":[{"name":"Joe Biden"},{"name":"Dean Phillips"}]}"#,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(summary(&upcoming).winner, "Upcoming");
    assert_eq!(popular_sentence(&upcoming), "No votes have been counted yet.");
    assert!(Marks::new(&upcoming).leaders.is_empty());
}

/// Delegates shared at the top but not evenly: "have the most delegates" while counting, "won" only
/// once final (as a single leader's "has" and "won").
#[test]
fn an_uneven_split_at_the_top_is_won_only_once_final() {
    use tally::model::words::delegates::delegate_sentence;
    let uneven = |status: &str| {
        let rest = match status {
            "called" => CALLED.to_string(),
            _ => format!(r#","status":"{status}""#),
        };
        let text = feed("", &rest, r#","status":"counting""#)
            .replace(
                r#"{"name":"Joe Biden","votes":40,"delegates":3}]"#,
                r#"{"name":"Joe Biden","votes":40,"delegates":3},{"name":"Dean Phillips","votes":9,"delegates":1}]"#,
            )
            .replace(r#""pledged_delegates":6"#, r#""pledged_delegates":7"#);
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.problems, [], "{status}");
        delegate_sentence(&loaded.dataset.contests[0])
    };
    for status in ["counting", "called"] {
        assert_eq!(
            uneven(status),
            "Jason Palmer and Joe Biden have the most delegates, 3 each, of 7 pledged.",
            "{status}"
        );
    }
    for status in ["final", "certified"] {
        assert_eq!(
            uneven(status),
            "Jason Palmer and Joe Biden won the most delegates, 3 each, of 7 pledged.",
            "{status}"
        );
    }
}

/// The share of the expected vote counted as the sentence gives it: one decimal where the feed has
/// one, rounded half up, and never "100%" while some of it is still to count.
#[test]
fn the_expected_vote_reads_100_only_once_all_of_it_is() {
    for (pct, words) in [
        ("40", "40%"),
        ("12.5", "12.5%"),
        ("0.15", "0.2%"),
        ("99.7", "99.7%"),
        ("99.96", "99.9%"),
        ("100", "100%"),
    ] {
        let rest = format!(r#","status":"counting","expected_vote_pct":{pct}"#);
        let loaded = load(&feed("", &rest, r#","status":"counting""#)).unwrap();
        assert_eq!(loaded.problems, [], "{pct}");
        let sentence = popular_sentence(&loaded.dataset.contests[0]);
        assert!(
            sentence.ends_with(&format!(", with {words} of the expected vote counted.")),
            "{pct}: {sentence}"
        );
    }
}

/// A lone option without figures is "reported as the winner" only once the count is over.
#[test]
fn a_lone_option_is_no_winner_before_the_count_is_over() {
    let lone = |status: &str| {
        let text = format!(
            r#"{{"schema_version":1,"title":"live","poll_seconds":10,"contests":[
            {{"id":"2024-R-AS","cycle":2024,"party":"R","territory":"AS","date":"2024-03-08","kind":"caucus",
              "status":"{status}","options":[{{"name":"Donald Trump"}}]}}]}}"#
        );
        let loaded = load(&text).unwrap();
        assert_eq!(loaded.problems, [], "{status}");
        popular_sentence(&loaded.dataset.contests[0])
    };
    assert_eq!(
        lone("counting"),
        "Donald Trump is the only option listed; no figures have been published yet."
    );
    assert_eq!(
        lone("final"),
        "Donald Trump is reported as the winner; no figures were published."
    );
}

/// The bundled file declares no feed: nothing of the night shows for it.
#[test]
fn the_bundled_file_has_no_live_fields() {
    let text = bundled::results();
    let dataset = load(&text).unwrap().dataset;
    assert!(dataset.poll_seconds.is_none());
    for contest in &dataset.contests {
        assert!(contest.status.settled(), "{}", contest.id);
        assert!(
            contest.called.is_none() && contest.expected_vote_pct.is_none() && contest.updated_at.is_none(),
            "{}",
            contest.id
        );
        assert_eq!(tally::model::words::live::live_note(contest), None, "{}", contest.id);
    }
}
