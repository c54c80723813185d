//! A newsroom spreadsheet's delegate rules (docs/DATA.md, "Allocation rules"): optional `rule_*`
//! columns in the results CSV, one value per contest (on any of its rows; the rows that give one
//! agree), written by `cargo xtask data --convert` as each contest's `rule` object in the JSON, which
//! the newsroom's tools check live. The converter checks them too, as the page will.

use serde_json::{Map, Value};
use tally::model::{parse_csv, Problem};

/// Each column and the member of the `rule` object it becomes.
const COLUMNS: [(&str, &str); 8] = [
    ("rule_method", "method"),
    ("rule_threshold_pct", "threshold"),
    ("rule_trigger_pct", "trigger"),
    ("rule_pools", "pools"),
    ("rule_rounding", "rounding"),
    ("rule_basis", "basis"),
    ("rule_district", "district"),
    ("rule_exception", "exception"),
];

/// Each contest's `rule` object, by contest id, from the CSV's `rule_*` columns (none: no rules).
/// A cell that is not the number its member needs stays text, so the page's reader names it.
pub fn rules_of_csv(text: &str) -> Result<Vec<(String, Value)>, String> {
    let table = parse_csv(text).map_err(|e| e.to_string())?;
    let Some((header, rows)) = table.split_first() else {
        return Ok(Vec::new());
    };
    let at = |name: &str| header.iter().position(|h| h.trim() == name);
    let columns: Vec<(usize, &str)> = COLUMNS
        .iter()
        .filter_map(|(column, member)| at(column).map(|i| (i, *member)))
        .collect();
    if columns.is_empty() {
        return Ok(Vec::new());
    }
    let id = at("contest_id").ok_or("the rule_* columns need a contest_id column")?;
    let mut rules: Vec<(String, Value)> = Vec::new();
    for (number, row) in rows.iter().enumerate() {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let rule: Map<String, Value> = columns
            .iter()
            .filter(|(i, _)| !cell(*i).is_empty())
            .map(|&(i, member)| (member.to_string(), value(member, cell(i))))
            .collect();
        if rule.is_empty() {
            continue;
        }
        let rule = Value::Object(rule);
        match rules.iter().find(|(known, _)| known == cell(id)) {
            Some((_, first)) if *first != rule => {
                return Err(format!(
                    "row {}: contest {}'s rule_* cells differ from those of its earlier row",
                    number + 2,
                    cell(id)
                ))
            }
            Some(_) => {}
            None => rules.push((cell(id).to_string(), rule)),
        }
    }
    Ok(rules)
}

/// A cell as its member's JSON value: percentages and delegates as numbers, pools as a list
/// ("11 3 2" is [11, 3, 2]); a cell that is not one stays text.
fn value(member: &str, cell: &str) -> Value {
    let number = |cell: &str| match cell.parse::<i64>() {
        Ok(n) => Some(Value::from(n)),
        Err(_) => cell
            .parse::<f64>()
            .ok()
            .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number)),
    };
    let parsed = match member {
        "threshold" | "trigger" | "district" => number(cell),
        "pools" => cell
            .split_whitespace()
            .map(number)
            .collect::<Option<Vec<Value>>>()
            .map(Value::Array),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(cell.to_string()))
}

/// Gives each contest of `json` (the converted dataset) its rule; the ids of rules whose contest
/// is not in it (left out, or never there).
pub fn attach(json: &mut Value, rules: &[(String, Value)]) -> Vec<String> {
    let mut unused: Vec<String> = rules.iter().map(|(id, _)| id.clone()).collect();
    for contest in json["contests"].as_array_mut().into_iter().flatten() {
        let id = match contest.get("id").and_then(Value::as_str) {
            Some(id) => id.to_string(),
            None => format!(
                "{}-{}-{}",
                contest["cycle"],
                str_of(&contest["party"]),
                str_of(&contest["territory"])
            ),
        };
        if let Some((_, rule)) = rules.iter().find(|(known, _)| *known == id) {
            contest["rule"] = rule.clone();
            unused.retain(|u| *u != id);
        }
    }
    unused
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// What the newsroom's tools will say of the file's rules: a rule that cannot be read, a split its
/// rule contradicts (that contest left out of the page).
pub fn check(json: &str) -> Result<Vec<Problem>, String> {
    tally::model::read::load::load_with_rules(json.as_bytes())
        .map(|loaded| loaded.problems)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::root;
    use tally::model::ProblemKind;

    /// The rows of `id` in data/results.csv, with its rule from data/allocation.csv in the
    /// `rule_*` columns (on its first row only), and its delegates as `delegates` says.
    fn spreadsheet(id: &str, delegates: Option<&[&str]>) -> String {
        let results = std::fs::read_to_string(root().join("data/results.csv")).unwrap();
        let allocation = std::fs::read_to_string(root().join("data/allocation.csv")).unwrap();
        let table = parse_csv(&allocation).unwrap();
        let col = |name: &str| table[0].iter().position(|h| h == name).unwrap();
        let rule = table.iter().find(|r| r[0] == id).expect("a rule for the contest");
        let pools = &rule[col("statewide_pledged")];
        let mut lines = results.lines();
        let header = lines.next().unwrap();
        let mut out = format!("{header},rule_method,rule_threshold_pct,rule_pools\n");
        let delegates_at = header.split(',').position(|h| h == "delegates_won").unwrap();
        for (n, line) in lines.filter(|l| l.contains(&format!(",{id},"))).enumerate() {
            let mut cells = parse_csv(line).unwrap().remove(0);
            if let Some(given) = delegates.and_then(|d| d.get(n)) {
                cells[delegates_at] = given.to_string();
            }
            let quoted: Vec<String> = cells
                .iter()
                .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                .collect();
            let rule_cells = match n {
                0 => format!("{},{},{pools}", rule[col("method")], rule[col("threshold_pct")]),
                _ => ",,".into(),
            };
            out += &format!("{},{rule_cells}\n", quoted.join(","));
        }
        out
    }

    /// The spreadsheet through the converter (`cargo xtask data --convert`): its JSON, and what the
    /// newsroom's tools will say of its rules.
    fn converted(csv: &str) -> (String, Vec<Problem>) {
        let converted = crate::data::convert_text(csv).unwrap();
        assert!(converted.left_out.is_empty(), "{:?}", converted.left_out);
        assert!(converted.unused_rules.is_empty(), "{:?}", converted.unused_rules);
        (converted.json, converted.rule_problems)
    }

    #[test]
    fn a_spreadsheet_carries_its_rules_into_the_json_and_the_rule_checks_them() {
        // American Samoa 2024 as reported after the correction: the rule gives it.
        let (json, problems) = converted(&spreadsheet("2024-D-AS", None));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            json.contains(r#""rule":{"method":"dnc-proportional","threshold":15,"pools":[6]}"#),
            "{json}"
        );
        // As first reported (data/corrections.csv: Palmer 4, Biden 2): the rule contradicts it.
        let (_, problems) = converted(&spreadsheet("2024-D-AS", Some(&["4", "2"])));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].contest, "2024-D-AS");
        assert!(
            matches!(problems[0].kind, ProblemKind::ContradictsRule { .. }),
            "{problems:?}"
        );
    }

    #[test]
    fn rule_cells_that_disagree_or_cannot_be_read_are_named() {
        let csv = spreadsheet("2024-D-AS", None);
        let mut lines: Vec<String> = csv.lines().map(String::from).collect();
        // The second row gives another threshold.
        lines[2] = lines[2].strip_suffix(",,,").unwrap().to_string() + ",dnc-proportional,20,6";
        let disagreeing = lines.join("\n");
        let error = rules_of_csv(&disagreeing).unwrap_err();
        assert!(error.contains("row 3") && error.contains("2024-D-AS"), "{error}");
        // Pools that are not numbers stay text, and the page's reader names the member.
        let unreadable = csv.replacen(",6\n", ",six\n", 1);
        let (_, problems) = converted(&unreadable);
        assert!(problems.iter().any(|p| p.field == "rule pools"), "{problems:?}");
    }
}
