//! The bundled dataset: it validates, covers every jurisdiction, and known results come out right.

mod bundled;

mod spreadsheet;

use tally::model::*;

/// The bundled results with their details file read in, as the page has them once a contest is open.
fn bundled() -> Dataset {
    let loaded = load_bytes(bundled::results().as_bytes()).expect("bundled file loads");
    assert!(
        loaded.problems.is_empty(),
        "bundled dataset has problems: {:#?}",
        loaded.problems
    );
    assert_eq!(loaded.dataset.details.as_deref(), Some("details.json"));
    let (dataset, problems) =
        merge_details(&loaded.dataset, bundled::details().as_bytes()).expect("details file loads");
    assert!(problems.is_empty(), "bundled details have problems: {problems:#?}");
    dataset
}

#[test]
fn the_first_load_carries_results_alone() {
    let text = bundled::results();
    let lean = load(&text).unwrap().dataset;
    assert!(lean
        .contests
        .iter()
        .all(|c| c.sources.is_empty() && c.corrections.is_empty() && c.notes.is_none()));
    let full = bundled();
    assert!(
        full.contests.iter().all(|c| !c.sources.is_empty()),
        "every contest names a source"
    );
    let pennsylvania = full.contests.iter().find(|c| c.id == "2024-D-PA").unwrap();
    assert!(
        pennsylvania
            .notes
            .as_deref()
            .is_some_and(|n| n.contains("not the whole field")),
        "the opened contest says its field is incomplete"
    );
    // The results themselves are all in the first load.
    for (lean, full) in lean.contests.iter().zip(&full.contests) {
        assert_eq!((&lean.id, results_of(lean)), (&full.id, results_of(full)));
    }
}

/// An option's name, votes, printed percentage and delegates.
type Figures<'a> = (&'a str, Option<i64>, Option<&'a str>, Option<Delegates>);

/// Each option's name and figures.
fn results_of(contest: &Contest) -> Vec<Figures<'_>> {
    contest
        .options
        .iter()
        .map(|o| (o.name.as_str(), o.votes, o.pct.as_deref(), o.delegates))
        .collect()
}

fn contest<'a>(dataset: &'a Dataset, id: &str) -> &'a Contest {
    dataset
        .contests
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

fn names(contest: &Contest, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&i| contest.options[i].name.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Renders the derived result in the words the table below uses.
fn describe(contest: &Contest) -> (String, String) {
    let popular = match outcome(contest) {
        Outcome::Cancelled => "cancelled".into(),
        Outcome::NoVoteHeld => "no vote".into(),
        Outcome::NotReported => "not reported".into(),
        Outcome::Winner { option, basis, .. } => {
            format!("{} {basis:?}", contest.options[option].name)
        }
        Outcome::Tie { options, basis } => format!("tie {} {basis:?}", names(contest, &options)),
        Outcome::Level { options } => format!("level {}", names(contest, &options)),
        Outcome::Undecided { uncounted } => format!("undecided {}", names(contest, &uncounted)),
    };
    let delegates = match delegate_result(contest) {
        DelegateResult::NotReported => "-".into(),
        DelegateResult::NotBinding => "non-binding".into(),
        DelegateResult::NoneAtStake => "none at stake".into(),
        DelegateResult::Winner { option } => contest.options[option].name.clone(),
        DelegateResult::Split { options } => format!("split {}", names(contest, &options)),
    };
    (popular, delegates)
}

/// contest | popular-vote result and its basis | delegate result
const KNOWN_RESULTS: &str = "
2024-D-AS   | Jason Palmer Votes                    | split Jason Palmer + Joe Biden
2020-D-AS   | Michael Bloomberg Votes               | Michael Bloomberg
2024-D-DE   | cancelled                             | Joe Biden
2024-D-FL   | cancelled                             | Joe Biden
2024-D-AK   | no vote                               | Joe Biden
2024-D-GU   | no vote                               | -
2024-R-HI   | Donald Trump Votes                    | -
2024-R-WY   | Donald Trump Delegates                | Donald Trump
2024-R-MO   | Donald Trump Delegates                | Donald Trump
2024-R-NV-P | None of These Candidates Votes        | non-binding
2024-R-MT   | Donald Trump Votes                    | non-binding
2024-R-SD   | cancelled                             | non-binding
2024-R-MI-C | Donald Trump Votes                    | Donald Trump
2024-D-NH   | Joe Biden (write-in) Votes            | none at stake
2020-D-IA   | Bernie Sanders Votes                  | Pete Buttigieg
2024-D-PR   | Joe Biden Votes                       | Joe Biden
2024-R-VI   | Donald Trump Percentage               | Donald Trump
2024-D-MP   | Joe Biden Percentage                  | Joe Biden
";

#[test]
fn known_results_come_out_right() {
    let dataset = bundled();
    let mut failures = Vec::new();
    for line in KNOWN_RESULTS.lines().filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let actual = describe(contest(&dataset, cells[0]));
        if (actual.0.as_str(), actual.1.as_str()) != (cells[1], cells[2]) {
            failures.push(format!(
                "{}: expected {:?} | {:?}, got {:?} | {:?}",
                cells[0], cells[1], cells[2], actual.0, actual.1
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn american_samoa_2024_in_full() {
    let dataset = bundled();
    let samoa = contest(&dataset, "2024-D-AS");
    assert_eq!(
        totals(samoa),
        Totals {
            valid: 91,
            void: 0,
            complete: true
        }
    );
    let shares: Vec<String> = shares(samoa).iter().map(|s| s.unwrap().to_string()).collect();
    assert_eq!(shares, ["56.0", "44.0", "0.0"]);
    let Outcome::Winner {
        option,
        margin: Some(margin),
        ..
    } = outcome(samoa)
    else {
        panic!("a winner")
    };
    assert_eq!(samoa.options[option].name, "Jason Palmer");
    assert_eq!(margin.votes, Some(11));
    // The margin is the difference of the shares as shown.
    assert_eq!(margin.points.map(|p| p.to_string()).as_deref(), Some("12.0"));
    assert!(winners_differ(samoa), "popular winner Palmer, delegates split 3-3");
    let first_report: Vec<(&str, &str, &str)> = samoa
        .corrections
        .iter()
        .map(|c| (c.option.as_str(), c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(first_report, [("Jason Palmer", "4", "3"), ("Joe Biden", "2", "3")]);
    assert!(samoa.corrections.iter().all(|c| c.field == "delegates"));
    // The compact card's one line for them.
    assert_eq!(
        tally::model::words::corrections::correction_line(samoa).as_deref(),
        Some("Delegates corrected from 4\u{2013}2 to 3\u{2013}3")
    );
}

#[test]
fn every_jurisdiction_of_every_calendar_is_present() {
    let dataset = bundled();
    for (cycle, party, expected) in [
        (2024, Party::Democratic, 57),
        (2024, Party::Republican, 58),
        (2020, Party::Democratic, 57),
    ] {
        let contests: Vec<&Contest> = dataset
            .contests
            .iter()
            .filter(|c| c.cycle == cycle && c.party == party)
            .collect();
        assert_eq!(contests.len(), expected, "{cycle} {party:?}");
        for territory in expected_for_party(party) {
            assert!(
                contests.iter().any(|c| c.territory == territory.code),
                "{cycle} {party:?} lacks {}",
                territory.name
            );
        }
    }
}

#[test]
fn missing_figures_stay_missing() {
    let dataset = bundled();
    // Missouri 2024 R reported state delegates, never votes: the votes are absent, never zero,
    // and its winner rests on delegates.
    let missouri = contest(&dataset, "2024-R-MO");
    assert!(missouri.options.iter().all(|o| o.votes.is_none() && o.pct.is_none()));
    assert!(matches!(
        outcome(missouri),
        Outcome::Winner {
            basis: Basis::Delegates,
            ..
        }
    ));
}

#[test]
fn rows_that_are_no_ones_votes_never_win_nor_count_in_shares() {
    let dataset = bundled();
    for contest in &dataset.contests {
        if let Outcome::Winner { option, .. } = outcome(contest) {
            assert!(
                contest.options[option].kind.can_win(),
                "{} won by {}",
                contest.id,
                contest.options[option].name
            );
        }
        let totals = totals(contest);
        let void: i64 = contest
            .options
            .iter()
            .filter(|o| o.kind == OptionKind::Void)
            .filter_map(|o| o.votes)
            .sum();
        assert_eq!(totals.void, void, "{}", contest.id);
    }
}

#[test]
fn json_round_trips_through_the_csv_converter() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap();
    // Every results file, as the converter reads them: fields.csv names contests of each.
    let mut from_csv: Option<Dataset> = None;
    for file in spreadsheet::RESULTS_FILES {
        let corrections = (file == "results.csv").then(|| read("data/corrections.csv"));
        let (mut part, problems) =
            dataset_from_csv(&read(&format!("data/{file}")), corrections.as_deref(), "t", None).unwrap();
        assert!(problems.is_empty(), "{file}: {problems:#?}");
        for contest in &mut part.contests {
            contest.pct_computed = Earlier::new((file != "results.csv").then_some(true));
        }
        match &mut from_csv {
            None => from_csv = Some(part),
            Some(all) => all.contests.extend(part.contests),
        }
    }
    let mut from_csv = from_csv.unwrap();
    let problems = apply_fields(&mut from_csv, &read("data/fields.csv")).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    for contest in from_csv.contests.iter_mut().filter(|c| !c.pct_of.is_none()) {
        contest.pct_computed = Earlier::NONE;
    }
    let bundled = bundled();
    from_csv.contests.retain(|c| {
        bundled
            .contests
            .iter()
            .any(|b| (b.cycle, b.party) == (c.cycle, c.party))
    });
    // The converter adds each contest's delegate check from the rules (data/allocation.csv).
    let (rules, _) = tally::model::rules_from_csv(&read("data/allocation.csv"), &read("data/rules.csv")).unwrap();
    for contest in &mut from_csv.contests {
        use tally::model::derive::allocation::{check_contest, Check};
        let Some(rule) = rules.get(&contest.id) else { continue };
        contest.rule_agrees = match check_contest(contest, rule).check {
            Check::Agrees { .. } => Some(true),
            Check::Differs { .. } => Some(false),
            _ => None,
        };
    }
    assert_eq!(
        from_csv.contests, bundled.contests,
        "static/data/results.json is generated from data/results.csv"
    );
}

/// The bundled file against the spreadsheet, each read by a reader that is not the app's
/// (serde_json, and the tests' own CSV reader): the converter is not the judge of its own output.
#[test]
fn the_bundled_file_is_the_spreadsheet_figure_for_figure() {
    let text = bundled::results();
    let bundled: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundled["as_of"].as_str(), Some(spreadsheet::as_of().as_str()));
    let bundled = bundled["contests"].as_array().unwrap();
    let sheet = spreadsheet::contests();
    assert_eq!(
        bundled.len(),
        sheet.len(),
        "one contest per contest of data/results.csv"
    );
    for (json, contest) in bundled.iter().zip(&sheet) {
        let text = |key: &str| json[key].as_str();
        let usual_id = format!("{}-{}-{}", contest.cycle, contest.party, contest.territory);
        assert_eq!(
            (
                text("id").unwrap_or(&usual_id),
                json["cycle"].as_i64(),
                text("party"),
                text("territory"),
                text("date"),
                text("kind"),
                text("status"),
                json["pledged_delegates"].as_f64(),
                json["whole_field"].as_bool().unwrap_or(false),
                json["binding"].as_bool().unwrap_or(true),
            ),
            (
                contest.id.as_str(),
                Some(contest.cycle),
                Some(contest.party.as_str()),
                Some(contest.territory.as_str()),
                Some(contest.date.as_str()).filter(|d| !d.is_empty()),
                Some(contest.kind.as_str()),
                Some(contest.status.as_str()),
                contest.pledged,
                contest.whole_field,
                contest.binding,
            ),
            "{}",
            contest.id
        );
        let options: Vec<_> = json["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["name"].as_str(),
                    o["votes"].as_i64(),
                    o["pct"].as_str(),
                    o["delegates"].as_f64(),
                )
            })
            .collect();
        let candidates: Vec<_> = contest
            .candidates
            .iter()
            .map(|c| (Some(c.name.as_str()), c.votes, c.pct.as_deref(), c.delegates))
            .collect();
        assert_eq!(options, candidates, "{}", contest.id);
    }
}
