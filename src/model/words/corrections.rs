//! A contest's corrections in one line, for a compact card: "Delegates corrected from 4–2 to
//! 3–3". The full list (each option, the time, the note) stays on the contest's page.

use crate::model::Contest;

/// One line for all of a contest's corrections, or `None` when it has none. Several corrections of
/// one figure are said together, in the order the data lists them ("Delegates corrected from 4–2
/// to 3–3"); otherwise each names its option ("Jason Palmer's votes corrected from 51 to 52").
pub fn correction_line(contest: &Contest) -> Option<String> {
    let all = &contest.corrections;
    let first = all.first()?;
    let mut line = if all.len() > 1 && all.iter().all(|c| c.field == first.field) {
        let mut from = String::new();
        let mut to = String::new();
        for c in all {
            if !from.is_empty() {
                from.push('\u{2013}');
                to.push('\u{2013}');
            }
            from.push_str(&c.from);
            to.push_str(&c.to);
        }
        let field = if first.field == "pct" { "shares" } else { &first.field };
        format!("{field} corrected from {from} to {to}")
    } else {
        let each: Vec<String> = all
            .iter()
            .map(|c| {
                let field = if c.field == "pct" { "share" } else { &c.field };
                format!("{}'s {field} corrected from {} to {}", c.option, c.from, c.to)
            })
            .collect();
        each.join("; ")
    };
    // ASCII only: std's Unicode case tables would cost the wasm kilobytes (a name starts the line
    // as it is spelled).
    line.get_mut(..1)?.make_ascii_uppercase();
    Some(line)
}
