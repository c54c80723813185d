//! A one-contest builder for the native tests: a contest from one line of a table.

use tally::model::read::json;
use tally::model::*;

/// A contest from `"flags | name:votes:pct:delegates | ..."` (an empty cell is not reported).
/// Flags: a status (`final`, `cancelled`, `no-vote`), `whole` (the whole field is listed),
/// `non-binding`, `pledged=N` (default 6), `votes_are=final_alignment` (underscores are spaces).
pub fn contest(spec: &str) -> Contest {
    let mut parts = spec.split('|').map(str::trim);
    let flags: Vec<&str> = parts.next().unwrap_or("").split_whitespace().collect();
    let status = flags
        .iter()
        .find(|f| Status::from_code(f).is_some())
        .copied()
        .unwrap_or("final");
    let pledged =
        flags
            .iter()
            .find_map(|f| f.strip_prefix("pledged="))
            .map_or(",\"pledged_delegates\":6".to_string(), |p| {
                if p.is_empty() {
                    String::new()
                } else {
                    format!(",\"pledged_delegates\":{p}")
                }
            });
    let votes_are = flags
        .iter()
        .find_map(|f| f.strip_prefix("votes_are="))
        .map_or(String::new(), |v| format!(",\"votes_are\":\"{}\"", v.replace('_', " ")));
    let options: Vec<String> = parts
        .filter(|p| !p.is_empty())
        .map(|spec| {
            let cells: Vec<&str> = spec.split(':').collect();
            let field = |i: usize, key: &str, quoted: bool| match cells.get(i).filter(|c| !c.is_empty()) {
                Some(v) if quoted => format!(",\"{key}\":\"{v}\""),
                Some(v) => format!(",\"{key}\":{v}"),
                None => String::new(),
            };
            format!(
                "{{\"name\":\"{}\"{}{}{}}}",
                cells[0],
                field(1, "votes", false),
                field(2, "pct", true),
                field(3, "delegates", false)
            )
        })
        .collect();
    let json = format!(
        "{{\"id\":\"2024-D-GU\",\"cycle\":2024,\"party\":\"D\",\"territory\":\"GU\",\"date\":\"2024-03-05\",\"kind\":\"caucus\",\"status\":\"{status}\"{pledged},\"whole_field\":{},\"binding\":{}{votes_are},\"options\":[{}]}}",
        flags.contains(&"whole"),
        !flags.contains(&"non-binding"),
        options.join(",")
    );
    contest_from_json(&json::parse(&json).unwrap()).unwrap()
}
