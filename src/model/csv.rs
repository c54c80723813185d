//! The spreadsheet form of a dataset: one row per ballot option, the columns of data/results.csv.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::model::{
    BallotOption, Contest, ContestKind, Correction, Dataset, OptionKind, Party, Problem, ProblemKind, Status,
    SCHEMA_VERSION,
};

pub const RESULT_COLUMNS: [&str; 15] = [
    "cycle",
    "party",
    "contest_id",
    "territory_code",
    "territory_name",
    "territory_kind",
    "date",
    "contest_type",
    "status",
    "pledged_delegates",
    "candidate",
    "votes",
    "vote_pct",
    "delegates_won",
    "source_url",
];
const CORRECTION_COLUMNS: [&str; 8] = [
    "contest_id",
    "reported_at",
    "field",
    "candidate",
    "from",
    "to",
    "note",
    "source_url",
];

#[derive(Clone, Debug, PartialEq, Error)]
pub enum CsvError {
    #[error("line {0}: a quoted field is never closed")]
    UnclosedQuote(usize),
    #[error("the header lacks the column \"{0}\"")]
    MissingColumn(String),
}

/// RFC 4180: commas, double quotes doubled inside quoted fields, CRLF or LF line ends.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut quoted, mut line, mut quote_line) = (false, 1, 0);
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                line += usize::from(c == '\n');
                field.push(c);
            }
            (false, '"') if field.is_empty() => (quoted, quote_line) = (true, line),
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError::UnclosedQuote(quote_line));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

/// Rows keyed by column name; a row shorter than the header reads as empty cells.
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str, required: &[&str]) -> Result<Table, CsvError> {
        let mut rows = parse_csv(text)?;
        let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
        let columns: Vec<String> = header
            .iter()
            .map(|name| name.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        if let Some(missing) = required.iter().find(|c| !columns.iter().any(|name| name == *c)) {
            return Err(CsvError::MissingColumn(missing.to_string()));
        }
        Ok(Table { columns, rows })
    }

    fn cell<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|name| name == column)
            .and_then(|i| row.get(i))
            .map_or("", |s| s.trim())
    }
}

fn split_sources(cell: &str) -> Vec<String> {
    cell.split(" ; ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

/// Builds a dataset from the results CSV (and the corrections CSV when given). Cells that cannot be
/// read become problems naming the contest and column; the row's contest then fails validation.
pub fn dataset_from_csv(
    results: &str,
    corrections: Option<&str>,
    title: &str,
    as_of: Option<String>,
) -> Result<(Dataset, Vec<Problem>), CsvError> {
    let table = Table::parse(results, &RESULT_COLUMNS)?;
    let mut problems = Vec::new();
    let mut contests: Vec<Contest> = Vec::new();
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();

    for row in &table.rows {
        let cell = |column: &str| table.cell(row, column);
        let id = cell("contest_id").to_string();
        let mut number = |column: &str| -> Option<i64> {
            let text = cell(column).replace(',', "");
            if text.is_empty() {
                return None;
            }
            let parsed = text.parse::<i64>().ok();
            if parsed.is_none() {
                problems.push(Problem::new(
                    &id,
                    column,
                    ProblemKind::Unreadable(format!("\"{}\" is not a whole number", cell(column))),
                ));
            }
            parsed
        };
        let (cycle, pledged) = (number("cycle"), number("pledged_delegates"));
        let (votes, delegates) = (number("votes"), number("delegates_won"));
        let party = Party::from_code(cell("party"));
        let kind = ContestKind::from_code(cell("contest_type"));
        let status = Status::from_code(cell("status"));
        for (column, ok) in [
            ("party", party.is_some()),
            ("contest_type", kind.is_some()),
            ("status", status.is_some()),
            ("cycle", cycle.is_some()),
        ] {
            if !ok {
                problems.push(Problem::new(
                    &id,
                    column,
                    ProblemKind::Unreadable(format!("\"{}\" is not a known value", cell(column))),
                ));
            }
        }
        // Optional contest columns: empty (or absent) is the safe default.
        let mut yes_no = |column: &str, default: bool| match cell(column).to_ascii_lowercase().as_str() {
            "" => default,
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => {
                let reason = format!("\"{}\" is neither yes nor no", cell(column));
                problems.push(Problem::new(&id, column, ProblemKind::Unreadable(reason)));
                default
            }
        };
        let (whole_field, binding) = (yes_no("whole_field", false), yes_no("binding", true));
        let row_sources = split_sources(cell("source_url"));
        let option = BallotOption {
            name: cell("candidate").to_string(),
            kind: OptionKind::classify(cell("candidate")),
            votes,
            pct: optional(cell("vote_pct")),
            delegates,
            sources: row_sources.clone(),
        };
        let position = *index_of.entry(id.clone()).or_insert_with(|| {
            contests.push(Contest {
                id: id.clone(),
                cycle: cycle.unwrap_or(0),
                party: party.unwrap_or(Party::Democratic),
                territory: cell("territory_code").to_string(),
                extra: id.split('-').count() > 3,
                date: optional(cell("date")),
                kind: kind.unwrap_or(ContestKind::Primary),
                status: status.unwrap_or(Status::Final),
                pledged_delegates: pledged,
                whole_field,
                binding,
                sources: Vec::new(),
                notes: None,
                options: Vec::new(),
                corrections: Vec::new(),
            });
            contests.len() - 1
        });
        let contest = &mut contests[position];
        let disagreements = [
            ("date", contest.date.as_deref() != optional(cell("date")).as_deref()),
            ("territory_code", contest.territory != cell("territory_code")),
            ("status", Some(contest.status) != status),
            ("pledged_delegates", contest.pledged_delegates != pledged),
            ("whole_field", contest.whole_field != whole_field),
            ("binding", contest.binding != binding),
        ];
        for (column, differs) in disagreements {
            if differs {
                problems.push(Problem::new(
                    &id,
                    column,
                    ProblemKind::Unreadable("rows of this contest disagree on it".into()),
                ));
            }
        }
        for source in &row_sources {
            if !contest.sources.contains(source) {
                contest.sources.push(source.clone());
            }
        }
        contest.options.push(option);
    }
    // A row keeps its own sources only where they are not the whole contest's.
    for contest in &mut contests {
        for option in &mut contest.options {
            if option.sources == contest.sources {
                option.sources.clear();
            }
        }
    }
    if let Some(corrections) = corrections {
        let table = Table::parse(corrections, &CORRECTION_COLUMNS)?;
        for row in &table.rows {
            let cell = |column: &str| table.cell(row, column);
            let correction = Correction {
                reported_at: cell("reported_at").to_string(),
                field: cell("field").trim_end_matches("_won").to_string(),
                option: cell("candidate").to_string(),
                from: cell("from").to_string(),
                to: cell("to").to_string(),
                note: optional(cell("note")),
                sources: split_sources(cell("source_url")),
            };
            match index_of.get(cell("contest_id")) {
                Some(&i) => contests[i].corrections.push(correction),
                None => problems.push(Problem::new(
                    cell("contest_id"),
                    "corrections contest_id",
                    ProblemKind::Unreadable("no contest has this id".into()),
                )),
            }
        }
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: title.to_string(),
        as_of,
        // A spreadsheet may hold one state; only the bundled calendar claims to be whole.
        complete_calendar: false,
        details: None,
        contests,
    };
    Ok((dataset, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_commas_and_doubled_quotes() {
        let rows = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,2,3\n").unwrap();
        assert_eq!(rows, vec![vec!["a", "b, c", "say \"hi\""], vec!["1", "2", "3"]]);
        assert_eq!(parse_csv("a,\"open\n"), Err(CsvError::UnclosedQuote(1)));
    }
}
