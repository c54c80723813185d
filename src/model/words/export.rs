//! The reader's list as CSV, for a spreadsheet: the columns the winners table shows, one row per
//! contest in list order, every cell text as the page shows it.

use crate::model::words::format::summary;
use crate::model::Catalog;

pub const LIST_COLUMNS: [&str; 11] = [
    "contest_id",
    "territory",
    "date",
    "party",
    "contest",
    "status",
    "winner",
    "basis",
    "share",
    "margin",
    "delegates",
];

/// The contests at `selected` (indices into the catalog), with a header row; CRLF line ends (RFC 4180).
pub fn list_csv(catalog: &Catalog, selected: &[usize]) -> String {
    let mut out = String::new();
    let mut row = |cells: &[&str]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    row(&LIST_COLUMNS);
    for &index in selected {
        let contest = &catalog.contests()[index];
        let s = summary(contest);
        // Our own margins read "+12.1 pts"; the sign is implied by the column, and a leading "+"
        // would make a spreadsheet try a formula.
        let margin = s.margin.trim_start_matches('+');
        row(&[
            &contest.id,
            contest.territory_name(),
            contest.date.as_deref().unwrap_or(""),
            contest.party.name(),
            contest.kind.label(),
            contest.status.code(),
            &s.winner,
            s.basis_note.as_deref().unwrap_or(""),
            &s.share,
            margin,
            &s.delegates,
        ]);
    }
    out
}

/// One field: quoted when it holds a separator, quote or line break; and text that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is kept text by a leading apostrophe.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{load, parse_csv};

    fn catalog(names: [&str; 2]) -> Catalog {
        let text = format!(
            r#"{{"schema_version":1,"title":"t","contests":[{{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS",
            "date":"2024-03-05","kind":"caucus","status":"final","whole_field":true,"options":[
            {{"name":{},"votes":51,"delegates":3}},{{"name":{},"votes":40,"delegates":3}}]}}]}}"#,
            crate::model::read::json::quote(names[0]),
            crate::model::read::json::quote(names[1])
        );
        Catalog::new(load(&text).unwrap().dataset)
    }

    #[test]
    fn the_list_reads_back_as_the_page_shows_it() {
        let csv = list_csv(&catalog(["Jason Palmer", "Joe Biden"]), &[0]);
        let rows = parse_csv(&csv).unwrap();
        assert_eq!(rows[0], LIST_COLUMNS);
        let row: Vec<&str> = rows[1].iter().map(String::as_str).collect();
        assert_eq!(
            row[..8],
            [
                "2024-D-AS",
                "American Samoa",
                "2024-03-05",
                "Democratic",
                "Caucus",
                "final",
                "Jason Palmer",
                ""
            ]
        );
        assert_eq!(row[8], "56.0%");
        assert_eq!(row[9], "12.0 pts (11 votes)");
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn hostile_names_stay_text() {
        let csv = list_csv(&catalog(["=HYPERLINK(\"http://x\",\"a, b\")", "@SUM(1)"]), &[0]);
        let rows = parse_csv(&csv).unwrap();
        assert_eq!(rows[1][6], "'=HYPERLINK(\"http://x\",\"a, b\")");
        assert!(
            !csv.contains("\n=") && !csv.contains(",="),
            "no cell starts with a formula"
        );
        assert_eq!(super::cell("-5"), "'-5");
        assert_eq!(super::cell("plain"), "plain");
    }
}
