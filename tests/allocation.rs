//! Table tests of the delegate check on the bundled data (data/*.csv read by the app's readers):
//! American Samoa 2024's first report and correction, and the counts per edition.

use std::fs;

use tally::model::derive::allocation::{check_contest, tally, Check, Unchecked};
use tally::model::{apply_fields, dataset_from_csv, rules_from_csv};

mod spreadsheet;

fn read(name: &str) -> String {
    fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn checks() -> Vec<(tally::model::Contest, tally::model::derive::allocation::ContestCheck)> {
    let (mut dataset, _) = dataset_from_csv(&read("results.csv"), Some(&read("corrections.csv")), "t", None).unwrap();
    apply_fields(&mut dataset, &read("fields.csv")).unwrap();
    let (rules, problems) = rules_from_csv(&read("allocation.csv"), &read("rules.csv")).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    dataset
        .contests
        .into_iter()
        .map(|c| {
            let check = check_contest(&c, &rules[&c.id]);
            (c, check)
        })
        .collect()
}

#[test]
fn american_samoa_first_report_contradicts_the_rule_and_the_correction_follows_it() {
    let all = checks();
    let (contest, check) = all.iter().find(|(c, _)| c.id == "2024-D-AS").unwrap();
    let palmer = contest.options.iter().position(|o| o.name == "Jason Palmer").unwrap();
    let Check::Agrees { given, .. } = &check.check else {
        panic!("{check:?}")
    };
    assert_eq!(given[palmer], 3);
    let (first, first_check) = check.first_report.as_ref().unwrap();
    assert_eq!(first[palmer], 4);
    assert!(matches!(first_check, Check::Differs { given: g, .. } if g == given));
}

#[test]
fn every_bundled_split_checked_agrees_and_district_rules_are_not_checked() {
    let all = checks();
    for (contest, check) in &all {
        assert!(
            !matches!(check.check, Check::Differs { .. }),
            "{}: {check:?}",
            contest.id
        );
    }
    let by = |id: &str| &all.iter().find(|(c, _)| c.id == id).unwrap().1.check;
    assert!(matches!(
        by("2024-D-AL"),
        Check::Unchecked(Unchecked::ByDistrict { .. })
    ));
    assert_eq!(by("2020-D-IA"), &Check::Unchecked(Unchecked::DelegateEquivalents));
    // Without a whole-field fact, 2024-D-VT's printed 82.98% leaves 17.02% unlisted: enough for
    // another viable preference, so the check does not run.
    assert_eq!(by("2024-D-VT"), &Check::Unchecked(Unchecked::PartialFigures));
    // 2024-R-VT: proportional, threshold not read; a threshold above Trump's 45.13% would give
    // Haley all 17, so the reported 9-8 cannot be confirmed.
    assert_eq!(by("2024-R-VT"), &Check::Unchecked(Unchecked::ThresholdUnknown));
    // Partial figures that cannot change the split: Biden's printed 93.9% leaves 6.1% for the
    // options without a share, below the 15% threshold.
    assert!(matches!(by("2024-D-MP"), Check::Agrees { .. }));
    // 2024-R-MI: the rounding is not known; both usual methods give the reported 12-4.
    assert!(matches!(
        by("2024-R-MI"),
        Check::Agrees {
            either_rounding: true,
            ..
        }
    ));
    // 2024-R-NV: the rounding is not known, but Trump alone reaches the threshold: no rounding
    // could matter, so none is claimed.
    assert!(matches!(
        by("2024-R-NV"),
        Check::Agrees {
            either_rounding: false,
            ..
        }
    ));
    let counts = tally(all.iter().map(|(c, k)| (c, &k.check)));
    let checked: Vec<(String, usize)> = counts.iter().map(|(e, t)| (e.clone(), t.checked)).collect();
    assert_eq!(
        checked,
        [("2020-D".into(), 8), ("2024-D".into(), 7), ("2024-R".into(), 18)]
    );
}

/// A newsroom's file carries its own rules: the newsroom's tools check each split live, name a
/// contradiction in an editor's words and keep showing the rest of the file.
#[test]
fn a_newsroom_file_gets_a_named_problem_for_a_split_its_rule_contradicts() {
    use tally::model::read::load::load_with_rules;
    use tally::model::ProblemKind;
    let file = fs::read(format!(
        "{}/tests/corpus/rule-contradicted.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let loaded = load_with_rules(&file).unwrap();
    let contradiction = loaded.problems.iter().find(|p| p.contest == "2024-D-AS").unwrap();
    assert_eq!(
        contradiction.kind,
        ProblemKind::ContradictsRule {
            reported: "Palmer 4, Biden 2".into(),
            given: "Palmer 3, Biden 3".into()
        }
    );
    assert_eq!(
        contradiction.to_string(),
        "2024-D-AS: delegates: the reported split (Palmer 4, Biden 2) is not the one the party's rule gives from \
         these votes (Palmer 3, Biden 3); check the delegates, the votes and the rule, or give the rule an \
         exception with its source"
    );
    // The rest of the file is shown, checked live: Guam agrees with its rule.
    let ids: Vec<&str> = loaded.dataset.contests.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["2024-D-GU"]);
    let guam = &loaded.dataset.contests[0];
    assert_eq!(guam.rule_agrees, Some(true));
    assert_eq!(
        guam.rule_check.as_ref().unwrap().line,
        "Checked: from these votes, the party's rule gives Biden 7, as reported."
    );

    // The correction (3-3) follows the rule; a documented exception keeps a differing split.
    let text = String::from_utf8(file).unwrap();
    let corrected = text
        .replace(r#""delegates":4}"#, r#""delegates":3}"#)
        .replace(r#""delegates":2}"#, r#""delegates":3}"#);
    let loaded = load_with_rules(corrected.as_bytes()).unwrap();
    let samoa = loaded.dataset.contests.iter().find(|c| c.id == "2024-D-AS").unwrap();
    assert_eq!(samoa.rule_agrees, Some(true));
    let excepted = text.replace(
        r#""pools":[6]}"#,
        r#""pools":[6],"exception":"The party's release, https://example.org/release"}"#,
    );
    let loaded = load_with_rules(excepted.as_bytes()).unwrap();
    let samoa = loaded.dataset.contests.iter().find(|c| c.id == "2024-D-AS").unwrap();
    assert_eq!(samoa.rule_agrees, Some(false));
    assert!(samoa
        .rule_check
        .as_ref()
        .unwrap()
        .line
        .starts_with("Reported Palmer 4, Biden 2; the rule gives 3\u{2013}3"));

    // A verdict the file claims without a rule is not shown.
    let claimed = r#"{"schema_version":1,"title":"t","contests":[{"id":"2024-D-GU","cycle":2024,"party":"D","territory":"GU",
        "date":"2024-03-09","kind":"caucus","status":"final","rule_agrees":true,"options":[{"name":"Joe Biden","votes":1}]}]}"#;
    assert_eq!(
        load_with_rules(claimed.as_bytes()).unwrap().dataset.contests[0].rule_agrees,
        None
    );
}

/// The tests' own arithmetic (tests/spreadsheet/allocation.rs) from data/*.csv: it agrees with
/// every stored split it can compute, with every split the app's check gives, and computes exactly
/// the app's checked contests plus those the app refuses for a fact the files lack.
#[test]
fn an_independent_computation_agrees_with_every_stored_split_and_with_the_check() {
    let computed = spreadsheet::allocation::computed(&spreadsheet::contests());
    let disagree: Vec<String> = computed
        .iter()
        .filter(|c| c.split != c.stored)
        .map(|c| format!("{}: computed {:?}, stored {:?}", c.id, c.split, c.stored))
        .collect();
    assert!(disagree.is_empty(), "{disagree:#?}");
    let mut per_edition = std::collections::BTreeMap::new();
    for c in &computed {
        *per_edition.entry(c.id[..6].to_string()).or_insert(0) += 1;
    }
    println!("computed independently, per edition: {per_edition:?}");
    for c in computed.iter().filter(|c| !c.assumed.is_empty()) {
        println!("  {} assumes: {}", c.id, c.assumed.join("; "));
    }

    let all = checks();
    for (contest, check) in &all {
        let independent = computed.iter().find(|c| c.id == contest.id);
        match (&check.check, independent) {
            (Check::Agrees { given, .. } | Check::Differs { given, .. }, Some(mine)) => {
                assert!(
                    mine.assumed.is_empty(),
                    "{}: the app checks what this had to assume: {:?}",
                    contest.id,
                    mine.assumed
                );
                // The app's options include ballots for no one, at 0; the spreadsheet's rows here do not.
                let app: Vec<i64> = given.iter().copied().filter(|&g| g > 0).collect();
                let ours: Vec<i64> = mine.split.iter().copied().filter(|&g| g > 0).collect();
                assert_eq!(app, ours, "{}", contest.id);
            }
            (Check::Agrees { .. } | Check::Differs { .. }, None) => {
                panic!("{}: checked by the app, not computable here: {check:?}", contest.id)
            }
            (Check::Unchecked(why), Some(mine)) => {
                // Only for a fact the files lack, which this computation had to assume.
                assert!(
                    !mine.assumed.is_empty(),
                    "{}: computed here without assuming, unchecked by the app: {why:?}",
                    contest.id
                );
                assert!(
                    matches!(why, Unchecked::PartialFigures | Unchecked::ThresholdUnknown),
                    "{}: {why:?}",
                    contest.id
                );
            }
            _ => {}
        }
    }
}
