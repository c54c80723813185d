//! Results maths, validation, filters and the URL query on small hand-made datasets.

use tally::model::read::json;
use tally::model::*;

mod bundled;
mod common;

use common::contest;

/// contest spec | popular-vote result
const OUTCOMES: &str = "
final | Ann:10:: | Bob:10::                            | tie Ann+Bob (by votes)
final | Ann:10:: | Bob:9:: | Cy:10::                  | tie Ann+Cy (by votes)
final | Uncommitted:30:: | Ann:20::                   | Uncommitted by votes
final | Blank ballots:99:: | Ann:2:: | Bob:1::       | Ann by votes
final | Write-in votes:50:: | Ann:2::                 | Ann by votes
final | Ann::60.5: | Bob::39.5:                       | Ann by the source's percentages
final | Ann::40.0: | Bob::40.0:                       | level Ann+Bob
final | Ann:100:40.0: | Bob:90:40.0:                  | Ann by votes
final | Ann:100:40.0: | Bob::40.0:                    | level Ann+Bob
final | Ann:::4 | Bob:::2                             | Ann by delegates (no vote counts)
final | Ann:::3 | Bob:::3                             | tie Ann+Bob (by delegates (no vote counts))
final pledged=7 | Ann:::3 | Bob:::                    | undecided Bob
final pledged=7 | Ann:::4 | Bob:::                    | Ann by delegates (no vote counts)
final | Ann:::0 | Bob:::0                             | not reported
final | Ann::: | Bob:::                               | not reported
final | Ann:::                                        | Ann as reported (no figures published)
final | Ann:10:: | Bob:::                             | undecided Bob
final | Ann:10:45.0: | Bob:::                         | undecided Bob
final | Ann:10:45.0: | Bob::30.0: | Cy:::             | Ann by votes reported (some counts missing)
final | Ann:10:45.0: | Bob:::30.0: | Cy:20::          | undecided Bob
final | Ann:10:40.0: | Bob::40.1:                     | Bob by the source's percentages
final | Ann:10:30.0: | Bob::52.0:                     | Bob by the source's percentages
final | Ann::45.0: | Bob::30.0: | Cy:::               | Ann by the source's percentages
final | Ann::40.0: | Bob::30.0: | Cy:::               | Ann by the source's percentages
final | Ann::35.0: | Bob::20.0: | Cy:::               | undecided Cy
final | Ann::50: | Bob::49.8:                         | level Ann+Bob
final | Ann::49.8: | Bob::50: | Cy::0.2:              | level Bob+Ann
final | Ann:10:50: | Bob::49.8:                       | level Ann+Bob
final | Ann::50: | Bob::49.8: | Cy:::                 | level Ann+Bob
final | Ann::50.0: | Bob::49.8:                       | Ann by the source's percentages
final | Ann::40.1: | Bob::40.0:                       | Ann by the source's percentages
final | Ann::<0.1: | Bob::0.1:                        | level Bob+Ann
final | Ann:10:50: | Bob:9:49.8:                      | Ann by votes
cancelled | Ann:::6                                   | cancelled
no-vote | Ann:::6                                     | no vote held
";

#[test]
fn popular_vote_outcomes() {
    let mut failures = Vec::new();
    for line in OUTCOMES.lines().filter(|l| !l.trim().is_empty()) {
        let (spec, expected) = line.rsplit_once('|').unwrap();
        let c = contest(spec);
        let names = |options: &[usize]| {
            options
                .iter()
                .map(|&i| c.options[i].name.as_str())
                .collect::<Vec<_>>()
                .join("+")
        };
        let actual = match outcome(&c) {
            Outcome::Winner { option, basis, .. } => format!("{} {}", c.options[option].name, basis.label()),
            Outcome::Tie { options, basis } => format!("tie {} ({})", names(&options), basis.label()),
            Outcome::Level { options } => format!("level {}", names(&options)),
            Outcome::Undecided { uncounted } => format!("undecided {}", names(&uncounted)),
            Outcome::Cancelled => "cancelled".into(),
            Outcome::NoVoteHeld => "no vote held".into(),
            Outcome::NotReported => "not reported".into(),
        };
        if actual != expected.trim() {
            failures.push(format!("{spec}: expected {:?}, got {actual:?}", expected.trim()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn shown(c: &Contest) -> Vec<String> {
    shares(c)
        .iter()
        .map(|s| s.map(|s| s.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn void_rows_are_listed_but_outside_every_share() {
    let c = contest("whole | Ann:60:: | Bob:40:: | Overvotes:100::");
    assert_eq!(
        totals(&c),
        Totals {
            valid: 100,
            void: 100,
            complete: true
        }
    );
    assert_eq!(shown(&c), ["60.0", "40.0", ""]);
    let Outcome::Winner {
        margin: Some(margin), ..
    } = outcome(&c)
    else {
        panic!()
    };
    assert_eq!(
        (margin.votes, margin.points.map(|p| p.to_string())),
        (Some(20), Some("20.0".into()))
    );
}

/// contest spec | shares as shown | whether the listed counts make a total
const SHARES: &str = "
final | Joe Biden:56924:82.98:16                        | 82.98                | partial
whole | Ann:51:56.0: | Bob:40:44.0:                     | 56.0 44.0            | total
final | Ann:51:56.0: | Bob:40:44.0:                     | 56.0 44.0            | partial
whole | Ann:90:90.0: | Bob:10::                         | 90.0 10.0            | total
final | Ann:90:90.0: | Bob:10::                         | 90.0 -               | partial
whole | Ann:90:90.0: | Bob::10.0:                       | 90.0 10.0            | partial
final | Ann:9:99.9: | Bob:1:<0.1:                       | 99.9 <0.1            | partial
whole | Ann:533096:80.5: | Blank ballots:8930:1.3: | Bob:120583:18.2: | 81.6 - 18.4 | total
final | Ann:1136679:64.62: | Blank ballots:140107:7.96: | 64.62 7.96  | partial
whole | Ann:799918:: | Bob:82:: | Cy:0::                | 100.0 <0.1 0.0       | total
whole | Ann:1995:: | Bob:1:: | Cy:4::                   | 99.8 0.1 0.2         | total
whole | Ann:2001:: | Bob:1::                            | 100.0 <0.1           | total
";

#[test]
fn shares_come_from_counts_only_for_a_whole_field() {
    let mut failures = Vec::new();
    for line in SHARES.lines().filter(|l| !l.trim().is_empty()) {
        let mut cells: Vec<&str> = line.rsplitn(3, '|').map(str::trim).collect();
        cells.reverse();
        let c = contest(cells[0]);
        let actual: Vec<String> = shown(&c)
            .into_iter()
            .map(|s| if s.is_empty() { "-".into() } else { s })
            .collect();
        let complete = if totals(&c).complete { "total" } else { "partial" };
        if (actual.join(" "), complete) != (cells[1].to_string(), cells[2]) {
            failures.push(format!(
                "{}: expected {} | {}, got {} | {complete}",
                cells[0],
                cells[1],
                cells[2],
                actual.join(" ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn delegate_splits_and_different_winners() {
    let split = contest("final | Ann:51::3 | Bob:40::3");
    assert!(matches!(delegate_result(&split), DelegateResult::Split { ref options } if options.len() == 2));
    assert!(winners_differ(&split));
    let differ = contest("final | Ann:51::1 | Bob:40::3");
    assert!(matches!(delegate_result(&differ), DelegateResult::Winner { option: 1 }));
    assert!(winners_differ(&differ));
    let zeros = contest("final | Ann:51::0 | Bob:40::0");
    assert_eq!(
        delegate_result(&zeros),
        DelegateResult::NotReported,
        "a tie at zero is no tie"
    );
    let unbound = contest("final non-binding pledged= | Ann:51:: | Bob:40::");
    assert_eq!(delegate_result(&unbound), DelegateResult::NotBinding);
    assert_eq!(
        delegate_figures(&unbound),
        [DelegateFigure::NotBound, DelegateFigure::NotBound]
    );
    let accounted = contest("final | Ann:51::6 | Bob:40:: | Blank ballots:3::");
    assert_eq!(
        delegate_figures(&accounted),
        [
            DelegateFigure::Won(Delegates::whole(6)),
            DelegateFigure::ZeroByArithmetic,
            DelegateFigure::ZeroByArithmetic
        ]
    );
    let short = contest("final | Ann:51::5 | Bob:40::");
    assert_eq!(delegate_figures(&short)[1], DelegateFigure::NotReported);
}

/// Each malformed contest yields the named problem, and only that contest is rejected.
#[test]
fn validation_names_contest_field_and_reason() {
    let good = contest("final | Ann:51:56.0:3 | Bob:40:44.0:3");
    type Break = fn(&mut Contest);
    let cases: &[(Break, &str, &str)] = &[
        (|c| c.options[0].votes = Some(-5), "votes", "Negative"),
        (|c| c.options[0].votes = Some(MAX_VOTES + 1), "votes", "Implausible"),
        (|c| c.options[0].pct = Some("abc".into()), "pct", "PercentUnreadable"),
        (|c| c.options[0].pct = Some("120".into()), "pct", "PercentOutOfRange"),
        (
            |c| c.options[0].pct = Some("80".into()),
            "options pct",
            "PercentsOverHundred",
        ),
        (
            |c| c.options[0].delegates = Some(Delegates::whole(9)),
            "options delegates",
            "DelegatesOverPledged",
        ),
        (|c| c.territory = "ZZ".into(), "territory", "UnknownTerritory"),
        (|c| c.id = "2024-D-AS".into(), "id", "IdMismatch"),
        (|c| c.date = Some("2024-13-01".into()), "date", "DateUnreadable"),
        (|c| c.date = Some("2023-03-05".into()), "date", "DateOutsideCycle"),
        (|c| c.date = None, "date", "DateMissing"),
        (|c| c.options[1].name = "Ann".into(), "name", "DuplicateOption"),
        (|c| c.cycle = 2023, "cycle", "UnknownCycle"),
    ];
    for (break_it, field, kind) in cases {
        let mut bad = good.clone();
        break_it(&mut bad);
        let problems = validate_contest(&bad);
        assert!(
            problems
                .iter()
                .any(|p| p.field.ends_with(field) && format!("{:?}", p.kind).starts_with(kind) && p.contest == bad.id),
            "expected {kind} on {field}, got {problems:#?}"
        );
        assert!(problems.iter().all(|p| !p.to_string().is_empty()));
    }
    assert!(validate_contest(&good).is_empty());
}

#[test]
fn calendar_gaps_and_duplicates_are_named() {
    let guam = contest("final | Ann:1::");
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: "t".into(),
        as_of: None,
        poll_seconds: tally::model::Live::NONE,
        complete_calendar: true,
        details: None,
        nominations: Vec::new(),
        editions: Vec::new(),
        contests: vec![guam.clone(), guam.clone(), guam],
    };
    let problems = validate(&dataset);
    // Named once, however often the id repeats.
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.kind == ProblemKind::DuplicateId && p.contest == "2024-D-GU")
            .count(),
        1
    );
    assert!(problems
        .iter()
        .any(|p| p.kind == ProblemKind::MissingJurisdiction && p.contest == "2024-D-AS"));
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.kind == ProblemKind::MissingJurisdiction)
            .count(),
        56
    );
}

#[test]
fn query_round_trips_and_reports_garbage() {
    let canonical = [
        "?cycle=2024&party=D&territory=AS,GU&kind=caucus&q=palmer&contest=2024-D-AS&theme=dark",
        "?embed=1&plain=1&childId=a%20b",
        "?cycle=2024&party=D&lost=1&q=palmer&sort=margin",
        "?territory=AS&sort=turnout",
        "?cycle=2020&differs=1",
        "",
    ];
    for search in canonical {
        let (query, notices) = Query::parse(search);
        assert!(notices.is_empty(), "{search}: {notices:?}");
        assert_eq!(query.to_search(), search);
    }
    // Addresses from before the view was named for what it shows still open it.
    let (old, notices) = Query::parse("?cycle=2024&party=D&upsets=1&q=palmer&sort=margin");
    assert!(notices.is_empty() && old.filter.nominee_lost, "{notices:?}");
    assert_eq!(old.to_search(), canonical[2]);
    let garbage = [
        ("?territory=ZZ", "territory"),
        ("?territory=%3Cscript%3E", "territory"),
        ("?cycle=abc", "cycle"),
        ("?party=X", "party"),
        ("?q=%E0%A4%A", "encoding"),
        ("?q=%FF", "encoding"),
        ("?q=%+F", "encoding"),
        ("?q=a%-1", "encoding"),
        ("?party=D&party=R", "second"),
        ("?nonsense=1", "no such setting"),
        ("?sort=closeness", "sort"),
    ];
    for (search, word) in garbage {
        let (_, notices) = Query::parse(search);
        assert!(notices.len() == 1 && notices[0].contains(word), "{search}: {notices:?}");
    }
    let long = format!("?territory={}", "A".repeat(100_000));
    let (_, notices) = Query::parse(&long);
    assert!(notices[0].chars().count() < 200, "a long value is quoted short");
}

#[test]
fn filters_select_and_describe() {
    let text = bundled::results();
    let catalog = Catalog::new(load(&text).unwrap().dataset);
    let ids = |search: &str| {
        let (query, _) = Query::parse(search);
        query
            .filter
            .apply(&catalog)
            .iter()
            .map(|&i| catalog.contests()[i].id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("?q=palmer&territory=AS"), ["2024-D-AS"]);
    assert_eq!(ids("?territory=AS&cycle=2024&party=D"), ["2024-D-AS"]);
    assert_eq!(ids("?territory=AS"), ["2020-D-AS", "2024-D-AS", "2024-R-AS"]);
    assert!(ids("?q=PALMER").contains(&"2024-D-AS".to_string()));
    assert_eq!(ids("?territory=AS,GU,MP,PR,VI&party=D&cycle=2024").len(), 5);
    let (query, _) = Query::parse("?territory=AS,GU,MP,PR,VI&party=D&cycle=2024");
    assert_eq!(
        query.filter.describe(5, &catalog),
        "5 contests: 2024, Democratic, territories"
    );
    // No cycle chosen is the newest; `cycle=all` every year.
    let newest = catalog.contests().iter().map(|c| c.cycle).max().unwrap();
    assert_eq!(
        ids("").len(),
        catalog.contests().iter().filter(|c| c.cycle == newest).count()
    );
    assert_eq!(ids("?cycle=all").len(), catalog.contests().len());
    let mut unknown = Query::parse("?cycle=1776&contest=nope").0;
    assert_eq!(unknown.check_against(&catalog).len(), 2);
    assert_eq!(unknown, Query::default());
}

#[test]
fn json_counts_are_whole_numbers_read_exactly() {
    let votes = |written: &str| {
        let json = format!(
            r#"{{"cycle":2024,"party":"D","territory":"GU","date":"2024-03-05","kind":"caucus","status":"final","options":[{{"name":"Ann","votes":{written}}}]}}"#
        );
        contest_from_json(&json::parse(&json).unwrap()).map(|c| c.options[0].votes)
    };
    assert_eq!(votes("2.5e1"), Ok(Some(25)));
    for (written, reason) in [
        ("1e-400", "expected a whole number, found a fraction"),
        ("0.5", "expected a whole number, found a fraction"),
        ("1.0000000000000000000001", "expected a whole number, found a fraction"),
        ("1e200", "the number is too large"),
    ] {
        let unfit = votes(written).unwrap_err();
        assert_eq!(
            (unfit.field.as_str(), unfit.reason.as_str()),
            ("options[0] \"Ann\" votes", reason),
            "{written}"
        );
    }
}

/// A newsroom's "as" is American Samoa: codes are read as the territory table spells them, so every
/// exact comparison (tiles, territory pages, filters) finds it; an unknown code is named as written.
#[test]
fn territory_codes_are_read_in_capitals() {
    let from_json = |code: &str| {
        let json = format!(
            r#"{{"cycle":2024,"party":"D","territory":"{code}","date":"2024-03-05","kind":"caucus","status":"final","options":[{{"name":"Ann","votes":1}}]}}"#
        );
        contest_from_json(&json::parse(&json).unwrap()).unwrap()
    };
    let header = "cycle,party,contest_id,territory_code,date,contest_type,status,pledged_delegates,candidate,votes,vote_pct,delegates_won,source_url";
    let from_csv = |code: &str, id: &str| {
        let row = format!("2024,D,{id},{code},2024-03-05,caucus,final,6,Ann,1,,,x");
        let (dataset, problems) = dataset_from_csv(&format!("{header}\n{row}\n"), None, "t", None).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        dataset.contests.into_iter().next().unwrap()
    };
    let with_id = |code: &str, id: &str| {
        let json = format!(
            r#"{{"id":"{id}","cycle":2024,"party":"D","territory":"{code}","date":"2024-03-05","kind":"caucus","status":"final","options":[{{"name":"Ann","votes":1}}]}}"#
        );
        contest_from_json(&json::parse(&json).unwrap()).unwrap()
    };
    // An id keeps its letters as written; it still fits its code, case aside.
    for (contest, id) in [
        (from_json("as"), "2024-D-AS"),
        (from_json("As"), "2024-D-AS"),
        (from_csv("as", "2024-D-AS"), "2024-D-AS"),
        (from_csv("as", "2024-D-as"), "2024-D-as"),
        (with_id("as", "2024-d-as"), "2024-d-as"),
    ] {
        assert_eq!((contest.territory.as_str(), contest.id.as_str()), ("AS", id));
        assert_eq!(contest.territory_name(), "American Samoa");
        assert!(
            validate_contest(&contest).is_empty(),
            "{:?}",
            validate_contest(&contest)
        );
        let catalog = Catalog::new(Dataset {
            schema_version: SCHEMA_VERSION,
            title: "t".into(),
            as_of: None,
            poll_seconds: tally::model::Live::NONE,
            complete_calendar: false,
            details: None,
            nominations: Vec::new(),
            editions: Vec::new(),
            contests: vec![contest],
        });
        let page = tally::model::url::pages::Page::Territory("AS".into()).head(&catalog);
        assert!(
            page.description.contains("Ann wins the 2024 American Samoa"),
            "{page:?}"
        );
    }
    for unknown in [from_json("zz"), from_csv("zz", "2024-D-zz")] {
        let problems = validate_contest(&unknown);
        assert!(
            problems
                .iter()
                .any(|p| p.kind == ProblemKind::UnknownTerritory("zz".into()) && p.to_string().contains("\"zz\"")),
            "{problems:?}"
        );
    }
}

#[test]
fn csv_files_load_as_spreadsheets_save_them() {
    let header = "cycle,party,contest_id,territory_code,territory_name,territory_kind,date,contest_type,status,pledged_delegates,candidate,votes,vote_pct,delegates_won,source_url";
    let rows = [
        "2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Jason Palmer,51,56.0,3,x",
        "2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Joe Biden,40,44.0,3,x",
    ];
    // Older Excel for Mac ends lines with a lone CR.
    let mac = [header, rows[0], rows[1]].join("\r");
    let loaded = load_any(mac.as_bytes()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.contests[0].options.len(), 2);

    let semicolons = [header, rows[0]].join("\n").replace(',', ";");
    let error = load_any(semicolons.as_bytes()).unwrap_err().to_string();
    assert!(error.contains("separated by semicolons"), "{error}");

    let stray = [header, &rows[0].replace("Jason Palmer", "\"Jason\" Palmer")].join("\n");
    let error = load_any(stray.as_bytes()).unwrap_err().to_string();
    // The page reads JSON only, and says how to convert a spreadsheet.
    assert_eq!(load(&mac).unwrap_err(), LoadError::CsvNeedsConverting);
    assert!(error.contains("line 2, column 11"), "{error}");
}

#[test]
fn search_sets_aside_case_marks_and_apostrophe_styles() {
    let names = [
        "Jan Łódź",
        "Beto O’Rourke",
        "Anna Straße",
        "Cafe\u{301} Noir",
        "Ann Kovač",
        "Ödön Erdős",
    ];
    let options: Vec<String> = names
        .iter()
        .map(|name| format!("{{\"name\":{},\"votes\":1}}", json::quote(name)))
        .collect();
    let text = format!(
        r#"{{"schema_version":1,"title":"t","contests":[{{"cycle":2024,"party":"D","territory":"GU","date":"2024-03-05","kind":"caucus","status":"final","options":[{}]}}]}}"#,
        options.join(",")
    );
    let catalog = Catalog::new(load(&text).unwrap().dataset);
    for query in [
        "lodz",
        "ŁÓDŹ",
        "o'rourke",
        "O’ROURKE",
        "strasse",
        "STRASSE",
        "café",
        "cafe\u{301}",
        "cafe",
        "kovac",
        "erdos",
    ] {
        let filter = Filter {
            text: query.into(),
            ..Filter::default()
        };
        assert_eq!(filter.apply(&catalog), [0], "{query}");
    }
}

/// Printed percentages may be rounded by half a unit of each row's own last digit.
#[test]
fn percentages_add_up_within_each_rows_rounding() {
    let cases = [
        ("final | Ann::34: | Bob::34: | Cy::33:", true),
        ("final | Ann::34: | Bob::34: | Cy::34:", false),
        ("final | Ann::54.35: | Bob::43.28: | Cy::2.4:", true),
        ("final | Ann::91.6: | Bob::8.5:", true),
        ("final | Ann::99.96: | Bob::<0.1:", true),
        ("final | Ann::100.0: | Bob::0.1:", true),
        ("final | Ann::100.0: | Bob::0.2:", false),
        ("final | Ann::80: | Blank ballots::30:", true),
    ];
    for (spec, fits) in cases {
        let over = validate_contest(&contest(spec))
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::PercentsOverHundred(_)));
        assert_eq!(!over, fits, "{spec}");
    }
}
