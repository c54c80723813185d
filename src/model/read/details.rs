//! Sources and corrections in a file of their own. Only an opened contest shows them, so the
//! bundled dataset keeps them out of the results file the first load fetches; the page reads the
//! details file when a reader opens a contest. A newsroom file may keep them inline instead.

use serde::Serialize;

use crate::model::read::load::{as_built, contests_of, parse_file, unreadable, utf8};
use crate::model::read::{decode, why};
use crate::model::{validate_contest, Correction, Dataset, LoadError, Problem, ProblemKind, SCHEMA_VERSION};

/// The details file as written: one entry per contest that has sources or corrections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DetailsFile {
    pub schema_version: u32,
    pub contests: Vec<ContestDetails>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestDetails {
    pub id: String,
    /// Every source of the contest's figures: each option's are among them (docs/DATA.md).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Shown with the opened contest only, so kept out of the first load too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The delegate check in words, as the build computed it (only an opened contest shows it):
    /// the line, and the arithmetic a step a line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_how: Option<String>,
}

/// Moves every contest's sources, corrections and notes into a details file named
/// `file` (relative to the dataset); the returned dataset points at it.
pub fn split_details(dataset: &Dataset, file: &str) -> (Dataset, DetailsFile) {
    let mut lean = dataset.clone();
    lean.details = Some(file.to_string());
    let mut contests = Vec::new();
    for contest in &mut lean.contests {
        let sources = std::mem::take(&mut contest.sources);
        let corrections = std::mem::take(&mut contest.corrections);
        let notes = contest.notes.take();
        let rule_check = contest.rule_check.take();
        if !sources.is_empty() || !corrections.is_empty() || notes.is_some() || rule_check.is_some() {
            let (check, how) = rule_check.map_or((None, None), |c| (Some(c.line), Some(c.how)));
            contests.push(ContestDetails {
                id: contest.id.clone(),
                sources,
                corrections,
                notes,
                check,
                check_how: how.filter(|h| !h.is_empty()),
            });
        }
    }
    let file = DetailsFile {
        schema_version: SCHEMA_VERSION,
        contests,
    };
    (lean, file)
}

/// Reads a fetched details file into `dataset`: each entry's sources and corrections replace the
/// contest's, and the dataset no longer points at a details file. An entry that names no contest,
/// or a correction of an option its contest lacks, is left out with a problem; results never change.
pub fn merge_details(dataset: &Dataset, bytes: &[u8]) -> Result<(Dataset, Vec<Problem>), LoadError> {
    merge(dataset, bytes, true, false)
}

/// This site's own details file, validated as `merge_details`, its delegate checks kept: the
/// build computed them (the prerenderer, and the newsroom's build reading the bundled file).
pub fn merge_own_details(dataset: &Dataset, bytes: &[u8]) -> Result<(Dataset, Vec<Problem>), LoadError> {
    merge(dataset, bytes, true, true)
}

/// The bundled details file, fetched from `url` (`details.<hash>.json`), merged unvalidated when
/// its bytes are the ones the build named and validated (as `load_as_built`); refused otherwise.
pub fn merge_details_as_built(dataset: &Dataset, bytes: &[u8], url: &str) -> Result<Dataset, LoadError> {
    as_built(bytes, url, true)?;
    Ok(merge(dataset, bytes, false, true)?.0)
}

fn merge(dataset: &Dataset, bytes: &[u8], validate: bool, ours: bool) -> Result<(Dataset, Vec<Problem>), LoadError> {
    let value = parse_file(utf8(bytes)?)?;
    let mut merged = dataset.clone();
    merged.details = None;
    let mut problems = Vec::new();
    for (index, raw) in contests_of(&value).iter().enumerate() {
        let decode::Details {
            id,
            sources,
            corrections,
            notes,
            rule_check,
        } = match decode::contest_details(raw) {
            Ok(entry) => entry,
            Err(unfit) => {
                problems.push(unreadable(raw, "details", index, unfit));
                continue;
            }
        };
        let Some(contest) = merged.contests.iter_mut().find(|c| c.id == id) else {
            problems.push(Problem::new(
                id,
                "id",
                ProblemKind::Unreadable(why(|| "no contest has this id".into())),
            ));
            continue;
        };
        let before = contest.clone();
        contest.sources = sources;
        contest.corrections = corrections;
        contest.notes = notes.or(contest.notes.take());
        // Only the build's own file says what Tally checked: another's claim is not shown.
        if ours {
            contest.rule_check = rule_check;
        }
        let found = if validate {
            validate_contest(contest)
        } else {
            Vec::new()
        };
        if !found.is_empty() {
            *contest = before;
            problems.extend(found);
        }
    }
    Ok((merged, problems))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{content_hash, load};

    #[test]
    fn the_bundled_details_are_merged_only_as_built() {
        let dataset = load(RESULTS).unwrap().dataset;
        let (lean, file) = split_details(&dataset, "details.json");
        let bytes = serde_json::to_vec(&file).unwrap();
        let url = format!("data/details.{}.json", content_hash(&bytes));
        assert_eq!(
            merge_details_as_built(&lean, &bytes, &url),
            Ok(merge_details(&lean, &bytes).unwrap().0)
        );
        assert_eq!(merge_details_as_built(&lean, b"{}", &url), Err(LoadError::NotAsBuilt));
    }

    const RESULTS: &str = r#"{"schema_version":1,"title":"t","complete_calendar":false,"contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
         "status":"final","sources":["https://example.org/as"],"notes":"A note.",
         "options":[{"name":"Jason Palmer","votes":51,"delegates":3},
                    {"name":"Joe Biden","votes":40,"delegates":3}],
         "corrections":[{"reported_at":"2024-03-06T05:25:00Z","field":"delegates","option":"Jason Palmer",
                         "from":"4","to":"3","sources":[]}]}]}"#;

    fn full() -> Dataset {
        load(RESULTS).unwrap().dataset
    }

    fn details_json(file: &DetailsFile) -> String {
        serde_json::to_string(file).unwrap()
    }

    #[test]
    fn split_then_merge_gives_back_the_dataset() {
        let (lean, file) = split_details(&full(), "details.json");
        assert_eq!(lean.details.as_deref(), Some("details.json"));
        assert!(lean.contests[0].sources.is_empty() && lean.contests[0].corrections.is_empty());
        assert_eq!(file.contests[0].sources, ["https://example.org/as"]);
        assert!(!details_json(&file).contains("\"options\""), "options carry no sources");

        let (merged, problems) = merge_details(&lean, details_json(&file).as_bytes()).unwrap();
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(merged, full());
    }

    #[test]
    #[cfg_attr(not(feature = "newsroom"), ignore = "the reader's build keeps no reasons")]
    fn unusable_entries_are_left_out_with_a_problem() {
        let (lean, _) = split_details(&full(), "details.json");
        let text = r#"{"schema_version":1,"contests":[
            {"id":"2024-D-ZZ","sources":["https://example.org"]},
            {"id":"2024-D-AS","corrections":[{"reported_at":"x","field":"votes","option":"Nobody","from":"1","to":"2"}]},
            {"id":"2024-D-AS","sources":"https://example.org"},
            {"id":"2024-D-AS","notes":["A note."]}]}"#;
        let (merged, problems) = merge_details(&lean, text.as_bytes()).unwrap();
        let fields: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.contest.as_str(), p.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("2024-D-ZZ", "id"),
                ("2024-D-AS", "corrections[0] option"),
                ("2024-D-AS", "sources"),
                ("2024-D-AS", "notes")
            ]
        );
        assert!(
            merged.contests[0].corrections.is_empty(),
            "a correction naming no option is not shown"
        );
        let results = |c: &crate::model::Contest| c.options.iter().map(|o| (o.votes, o.delegates)).collect::<Vec<_>>();
        assert_eq!(
            results(&merged.contests[0]),
            results(&full().contests[0]),
            "results never change"
        );
        assert_eq!(merged.details, None);
    }

    #[test]
    fn a_file_that_is_not_a_details_file_is_refused() {
        let lean = split_details(&full(), "details.json").0;
        for bad in [
            "",
            "[]",
            "{\"schema_version\":2,\"contests\":[]}",
            "{\"schema_version\":1}",
            "not json",
        ] {
            assert!(
                merge_details(&lean, bad.as_bytes()).is_err(),
                "{bad:?} should be refused"
            );
        }
    }
}
