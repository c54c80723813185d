//! Table tests of the delegate check on the bundled data (data/*.csv read by the app's readers):
//! American Samoa 2024's first report and correction, and the counts per edition.

use std::fs;

use tally::model::derive::allocation::{check_contest, tally, Check, Unchecked};
use tally::model::{apply_fields, dataset_from_csv, rules_from_csv};

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
