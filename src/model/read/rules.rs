//! The allocation rules: the reference file (data/allocation.csv, one row per contest) and
//! Tally's own side file (data/rules.csv: the named rounding method, pool sizes read from the
//! notes, a method where a source corrects the reference's word, documented exceptions), each
//! row of the side file citing its source.

use std::collections::BTreeMap;

use crate::model::derive::allocation::{check_contest, Basis, Check, Level, Method, Rounding, Rule};
use crate::model::read::json::{quote, Json};
use crate::model::read::load::contests_of;
use crate::model::read::validate::said;
use crate::model::words::allocation::{check_line, checked_words, split_words};
use crate::model::{parse_csv, Contest, CsvError, Dataset, Problem, ProblemKind, RuleCheck};

fn table(text: &str) -> Result<(Vec<String>, Vec<Vec<String>>), CsvError> {
    let mut rows = parse_csv(text)?;
    if rows.is_empty() {
        return Err(CsvError::MissingColumn("contest_id".into()));
    }
    let header = rows.remove(0);
    Ok((header, rows))
}

fn column(header: &[String], name: &str) -> Result<usize, CsvError> {
    header
        .iter()
        .position(|c| c == name)
        .ok_or(CsvError::MissingColumn(name.into()))
}

fn method(word: &str) -> Method {
    match word {
        "dnc-proportional" => Method::DncProportional,
        "proportional" => Method::Proportional,
        "proportional-wta-trigger" => Method::ProportionalTrigger,
        "winner-take-all" => Method::WinnerTakeAll,
        other => Method::Other(other.to_string()),
    }
}

fn basis(word: &str) -> Basis {
    match word {
        "statewide" => Basis::Statewide,
        "district" => Basis::District,
        "caucus-sde" => Basis::DelegateEquivalents,
        "n/a" => Basis::NotApplicable,
        _ => Basis::Unknown,
    }
}

/// The Democrats' rounding is their rule's own (The Green Papers' D-Math); other parties' is not
/// known unless a source names it.
fn default_rounding(method: &Method) -> Rounding {
    if *method == Method::DncProportional {
        Rounding::LargestRemainder
    } else {
        Rounding::Unknown
    }
}

fn level(cell: &str) -> Result<Level, String> {
    match cell {
        "" | "unknown" => Ok(Level::Unknown),
        n => n
            .parse()
            .map(Level::Known)
            .map_err(|_| format!("\"{n}\" is not a percentage")),
    }
}

fn count(cell: &str) -> Option<i64> {
    cell.parse().ok()
}

/// Every contest's rule, by contest id, and the problems of rows that could not be read.
pub fn rules_from_csv(reference: &str, own: &str) -> Result<(BTreeMap<String, Rule>, Vec<Problem>), CsvError> {
    let (header, rows) = table(reference)?;
    let c = |n| column(&header, n);
    let (id, meth, thr, trig, state, dist, basis) = (
        c("contest_id")?,
        c("method")?,
        c("threshold_pct")?,
        c("majority_trigger_pct")?,
        c("statewide_pledged")?,
        c("district_pledged")?,
        c("allocation_basis")?,
    );
    let mut problems = Vec::new();
    let mut rules = BTreeMap::new();
    for row in &rows {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let method = method(cell(meth));
        let (threshold, trigger) = match (level(cell(thr)), level(cell(trig))) {
            (Ok(t), Ok(g)) => (t, g),
            (Err(e), _) | (_, Err(e)) => {
                problems.push(Problem::new(cell(id), "allocation.csv", ProblemKind::Unreadable(e)));
                continue;
            }
        };
        let district = count(cell(dist));
        let pools = match (count(cell(state)), district) {
            (Some(s), Some(0) | None) if s > 0 => vec![s],
            _ => Vec::new(),
        };
        let basis = self::basis(cell(basis));
        let rounding = default_rounding(&method);
        let rule = Rule {
            method,
            basis,
            threshold,
            trigger,
            pools,
            district,
            rounding,
            exception: None,
        };
        rules.insert(cell(id).to_string(), rule);
    }
    let (header, rows) = table(own)?;
    let c = |n| column(&header, n);
    let (id, meth, pools, rounding, exception, source) = (
        c("contest_id")?,
        c("method")?,
        c("pools")?,
        c("rounding")?,
        c("exception")?,
        c("source")?,
    );
    for row in &rows {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let mut bad = |why: String| problems.push(Problem::new(cell(id), "rules.csv", ProblemKind::Unreadable(why)));
        let Some(rule) = rules.get_mut(cell(id)) else {
            bad("no contest in allocation.csv has this id".into());
            continue;
        };
        if cell(source).is_empty() {
            bad("every row cites its source".into());
            continue;
        }
        if !cell(meth).is_empty() {
            rule.method = method(cell(meth));
        }
        if !cell(pools).is_empty() {
            match cell(pools).split(' ').map(str::parse).collect::<Result<Vec<i64>, _>>() {
                Ok(p) => {
                    rule.pools = p;
                    rule.district = None;
                }
                Err(_) => bad(format!(
                    "pools \"{}\" are not whole numbers separated by spaces",
                    cell(pools)
                )),
            }
        }
        if !cell(rounding).is_empty() {
            match Rounding::from_code(cell(rounding)) {
                Some(r) => rule.rounding = r,
                None => bad(format!("\"{}\" is not a named rounding method", cell(rounding))),
            }
        }
        rule.exception = Some(cell(exception).to_string()).filter(|e| !e.is_empty());
    }
    Ok((rules, problems))
}

/// A contest's `rule` object in a newsroom's JSON file (docs/DATA.md, "Allocation rules"), or
/// what is wrong with it: the member and why.
fn rule_from_json(value: &Json) -> Result<Rule, (&'static str, &'static str)> {
    let bad = |key: &'static str, why: &'static str| Err((key, why));
    let Json::Object(_) = value else {
        return bad(
            "",
            "must be an object: {\"method\": \"dnc-proportional\", \"pools\": [6]}",
        );
    };
    let text = |key: &str| value.get(key).and_then(Json::as_str);
    let Some(word) = text("method") else {
        return bad(
            "method",
            "is missing (dnc-proportional, proportional, proportional-wta-trigger, winner-take-all)",
        );
    };
    let method = method(word);
    let percent = |key: &'static str| match value.get(key) {
        None | Some(Json::Null) => Ok(Level::Unknown),
        Some(Json::Int(n)) if (0..=100).contains(n) => Ok(Level::Known(*n as f64)),
        Some(Json::Float(n)) if (0.0..=100.0).contains(n) => Ok(Level::Known(*n)),
        Some(_) => Err((key, "must be a percentage from 0 to 100")),
    };
    let pools = match value.get("pools") {
        None => Vec::new(),
        Some(Json::Array(items)) => {
            let mut pools = Vec::new();
            for item in items {
                match item {
                    Json::Int(n) if *n > 0 => pools.push(*n),
                    _ => return bad("pools", "must list whole numbers of delegates above 0: [11, 3, 2]"),
                }
            }
            pools
        }
        Some(_) => return bad("pools", "must be a list of whole numbers: [11, 3, 2]"),
    };
    let rounding = match text("rounding") {
        None => default_rounding(&method),
        Some(code) => match Rounding::from_code(code) {
            Some(r) => r,
            None => {
                return bad(
                    "rounding",
                    "is not a named method (largest-remainder, nearest-leader, percent-nearest-leader, unknown)",
                )
            }
        },
    };
    Ok(Rule {
        threshold: percent("threshold")?,
        trigger: percent("trigger")?,
        basis: basis(text("basis").unwrap_or("statewide")),
        district: match value.get("district") {
            Some(Json::Int(n)) => Some(*n),
            _ => None,
        },
        exception: text("exception").map(str::to_string),
        method,
        pools,
        rounding,
    })
}

/// A rule as a contest's `rule` object (docs/DATA.md, "Allocation rules"), which [`rule_from_json`]
/// reads back as the same rule: the replay's feed carries the bundled rules so (`cargo xtask replay`).
pub fn rule_json(rule: &Rule) -> String {
    let method = match &rule.method {
        Method::DncProportional => "dnc-proportional",
        Method::Proportional => "proportional",
        Method::ProportionalTrigger => "proportional-wta-trigger",
        Method::WinnerTakeAll => "winner-take-all",
        Method::Other(word) => word,
    };
    let basis = match rule.basis {
        Basis::Statewide => "statewide",
        Basis::District => "district",
        Basis::DelegateEquivalents => "caucus-sde",
        Basis::NotApplicable => "n/a",
        Basis::Unknown => "unknown",
    };
    let rounding = match rule.rounding {
        Rounding::LargestRemainder => "largest-remainder",
        Rounding::NearestLeader => "nearest-leader",
        Rounding::PercentNearestLeader => "percent-nearest-leader",
        Rounding::Unknown => "unknown",
    };
    let mut members = vec![
        format!("\"method\":{}", quote(method)),
        format!("\"basis\":{}", quote(basis)),
        format!("\"rounding\":{}", quote(rounding)),
    ];
    for (key, level) in [("threshold", rule.threshold), ("trigger", rule.trigger)] {
        if let Level::Known(percent) = level {
            // 15.0 is written 15, 12.5 as itself: the shortest text that reads back the same.
            members.push(format!("\"{key}\":{percent}"));
        }
    }
    if !rule.pools.is_empty() {
        let pools: Vec<String> = rule.pools.iter().map(i64::to_string).collect();
        members.push(format!("\"pools\":[{}]", pools.join(",")));
    }
    if let Some(district) = rule.district {
        members.push(format!("\"district\":{district}"));
    }
    if let Some(exception) = &rule.exception {
        members.push(format!("\"exception\":{}", quote(exception)));
    }
    format!("{{{}}}", members.join(","))
}

/// A newsroom's file checked against the rules it carries (each contest's optional `rule`): the
/// check computed live (its words and verdict set on the contest, as the build sets them on the
/// bundled data), and a problem for a rule that cannot be read or a reported split it contradicts
/// without a documented exception. `value` is the file as parsed, `dataset` what it decoded to.
pub fn check_file_rules(value: &Json, dataset: &mut Dataset) -> Vec<Problem> {
    check_rules(value, dataset, |contest, given, problems| {
        let (reported, given) = split_words(contest, given);
        problems.push(Problem::new(
            &contest.id,
            "delegates",
            ProblemKind::ContradictsRule { reported, given },
        ));
    })
}

/// A live feed checked against the rules it carries, as [`check_file_rules`] but a reported split
/// its rule contradicts is flagged, not a problem: the contest stays, its verdict false and its
/// words saying so, since on the night the reader should see the report and the flag (American
/// Samoa's 4–2), and the feed's correction clears it. A rule that cannot be read is a problem.
pub fn check_feed_rules(value: &Json, dataset: &mut Dataset) -> Vec<Problem> {
    check_rules(value, dataset, |_, _, _| {})
}

/// Sets each ruled contest's verdict and words; a split its rule contradicts without a documented
/// exception goes to `contradicted` (the contest, the split the rule gives, the problems so far).
fn check_rules(
    value: &Json,
    dataset: &mut Dataset,
    mut contradicted: impl FnMut(&Contest, &[i64], &mut Vec<Problem>),
) -> Vec<Problem> {
    let mut problems = Vec::new();
    // A verdict is computed here or not at all: the file's own claim is not shown.
    for contest in &mut dataset.contests {
        contest.rule_agrees = None;
    }
    for raw in contests_of(value) {
        let Some(rule) = raw.get("rule") else { continue };
        let text = |key| raw.get(key).and_then(Json::as_str);
        let id = match (text("id"), raw.get("cycle"), text("party"), text("territory")) {
            (Some(id), ..) => id.to_string(),
            (None, Some(Json::Int(cycle)), Some(party), Some(territory)) => format!("{cycle}-{party}-{territory}"),
            _ => continue,
        };
        let Some(contest) = dataset.contests.iter_mut().find(|c| c.id == id) else {
            continue;
        };
        let rule = match rule_from_json(rule) {
            Ok(rule) => rule,
            Err((member, reason)) => {
                problems.push(said(&id, || {
                    (format!("rule {member}"), ProblemKind::Unreadable(reason.into()))
                }));
                continue;
            }
        };
        let checked = check_contest(contest, &rule);
        contest.rule_check = Some(match cfg!(feature = "newsroom") {
            true => checked_words(contest, &rule, &checked),
            // The reader's live build says the line, not the arithmetic ("How this is worked
            // out"), whose words are 4.7 KB of its wasm (gzip).
            false => RuleCheck {
                line: check_line(contest, &rule, &checked),
                how: String::new(),
            },
        });
        let check = checked.check;
        contest.rule_agrees = match &check {
            Check::Agrees { .. } => Some(true),
            Check::Differs { .. } => Some(false),
            _ => None,
        };
        if let (Check::Differs { given, .. }, None) = (&check, &rule.exception) {
            contradicted(contest, given, &mut problems);
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read::json::parse;

    fn data(name: &str) -> String {
        std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn every_bundled_rule_is_written_as_a_rule_object_that_reads_back_the_same() {
        let (rules, problems) = rules_from_csv(&data("allocation.csv"), &data("rules.csv")).unwrap();
        assert_eq!(problems, []);
        assert!(rules.len() > 100, "{} rules", rules.len());
        for (id, rule) in &rules {
            let written = rule_json(rule);
            assert_eq!(
                rule_from_json(&parse(&written).unwrap()),
                Ok(rule.clone()),
                "{id}: {written}"
            );
        }
    }
}
