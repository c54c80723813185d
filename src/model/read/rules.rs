//! The allocation rules: the reference file (data/allocation.csv, one row per contest) and
//! Tally's own side file (data/rules.csv: the named rounding method, pool sizes read from the
//! notes, a method where a source corrects the reference's word, documented exceptions), each
//! row of the side file citing its source.

use std::collections::BTreeMap;

use crate::model::derive::allocation::{Basis, Level, Method, Rounding, Rule};
use crate::model::{parse_csv, CsvError, Problem, ProblemKind};

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
        let basis = match cell(basis) {
            "statewide" => Basis::Statewide,
            "district" => Basis::District,
            "caucus-sde" => Basis::DelegateEquivalents,
            "n/a" => Basis::NotApplicable,
            _ => Basis::Unknown,
        };
        // The Democrats' rounding is named in the reference notes (The Green Papers' D-Math).
        let rounding = if method == Method::DncProportional {
            Rounding::LargestRemainder
        } else {
            Rounding::Unknown
        };
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
