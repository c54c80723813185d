//! CSV → dataset: the columns of data/results.csv (one row per ballot option) and data/corrections.csv.

use crate::model::read::csv::{CsvError, Table};
use crate::model::{
    BallotOption, Contest, ContestKind, Correction, Dataset, Live, OptionKind, Party, Problem, ProblemKind, Status,
    SCHEMA_VERSION,
};

/// Required in the header; cells may be empty ("not reported").
pub const RESULT_COLUMNS: [&str; 13] = [
    "cycle",
    "party",
    "contest_id",
    "territory_code",
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
/// The columns that describe the contest rather than the option: each of its rows repeats them.
/// `territory_name` and `territory_kind` are optional; when given, they must match the territory table.
const CONTEST_COLUMNS: [&str; 14] = [
    "cycle",
    "party",
    "territory_code",
    "territory_name",
    "territory_kind",
    "date",
    "contest_type",
    "status",
    "pledged_delegates",
    "whole_field",
    "binding",
    "votes_are",
    "pct_of",
    "pct_computed",
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

/// A whole number as a spreadsheet shows it: digits, optionally grouped in threes by commas
/// (`1,234,567`, never `1,2,3`), optionally negative so that validation can say so.
fn whole_number(cell: &str) -> Result<Option<i64>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let mut groups = digits.split(',');
    let lead = groups.next().unwrap_or_default();
    let grouped = digits.contains(',')
        && (1..=3).contains(&lead.len())
        && !lead.starts_with('0')
        && lead.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if !plain && !grouped {
        return Err(format!("\"{cell}\" is not a whole number (write 1234 or 1,234)"));
    }
    let number: String = cell.chars().filter(|&c| c != ',').collect();
    number.parse().map(Some).map_err(|_| format!("\"{cell}\" is too large"))
}

/// Reads cells of one row, reporting the ones that cannot be read against its contest.
struct Row<'a> {
    table: &'a Table,
    cells: &'a [String],
    id: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> &'a str {
        self.table.cell(self.cells, column)
    }

    fn report(&mut self, column: &str, kind: ProblemKind) {
        self.problems.push(Problem::new(self.id, column, kind));
    }

    fn number(&mut self, column: &str) -> Option<i64> {
        whole_number(self.cell(column))
            .map_err(|reason| self.report(column, ProblemKind::Unreadable(reason)))
            .ok()
            .flatten()
    }

    /// Delegate votes: a whole number, or one ending in .5 (half votes), grouped as a count is.
    fn delegates(&mut self, column: &str) -> Option<crate::model::Delegates> {
        let cell = self.cell(column);
        if cell.is_empty() {
            return None;
        }
        let read = crate::model::Delegates::parse(cell);
        if read.is_none() {
            let reason = format!("\"{cell}\" is not a number of delegate votes (write 12, 1,234 or 34.5)");
            self.report(column, ProblemKind::Unreadable(reason));
        }
        read
    }

    /// An optional yes/no column: empty (or absent) is the safe default.
    fn yes_no(&mut self, column: &str, default: bool) -> bool {
        match self.cell(column).to_ascii_lowercase().as_str() {
            "" => default,
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => {
                let reason = format!("\"{}\" is neither yes nor no", self.cell(column));
                self.report(column, ProblemKind::Unreadable(reason));
                default
            }
        }
    }

    fn code<T>(&mut self, column: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        let value = parse(self.cell(column));
        if value.is_none() {
            let reason = format!("\"{}\" is not a known value", self.cell(column));
            self.report(column, ProblemKind::Unreadable(reason));
        }
        value
    }

    /// The contest as its first row describes it.
    fn contest(&mut self) -> Contest {
        let cycle = self.number("cycle");
        if cycle.is_none() && self.cell("cycle").is_empty() {
            self.report("cycle", ProblemKind::Empty);
        }
        let territory = crate::model::data::territory::canonical_code(self.cell("territory_code").to_string());
        if let Some(known) = crate::model::data::territory::territory(&territory) {
            let (name, kind) = (self.cell("territory_name"), self.cell("territory_kind"));
            for (column, written, expected) in [
                ("territory_name", name, known.name),
                ("territory_kind", kind, known.kind.code()),
            ] {
                if !written.is_empty() && !written.eq_ignore_ascii_case(expected) {
                    let kind = ProblemKind::DoesNotMatchTerritory {
                        written: written.to_string(),
                        code: known.code.to_string(),
                        expected: expected.to_string(),
                    };
                    self.report(column, kind);
                }
            }
        }
        Contest {
            id: self.id.to_string(),
            cycle: cycle.unwrap_or(0),
            party: self.code("party", Party::from_code).unwrap_or(Party::Democratic),
            territory,
            extra: self.id.split('-').count() > 3,
            date: optional(self.cell("date")),
            kind: self
                .code("contest_type", ContestKind::from_code)
                .unwrap_or(ContestKind::Primary),
            status: self.code("status", Status::from_code).unwrap_or(Status::Final),
            pledged_delegates: self.delegates("pledged_delegates"),
            whole_field: self.yes_no("whole_field", false),
            binding: self.yes_no("binding", true),
            votes_are: optional(self.cell("votes_are")),
            pct_of: crate::model::Earlier::new(optional(self.cell("pct_of"))),
            pct_computed: crate::model::Earlier::new(self.yes_no("pct_computed", false).then_some(true)),
            sources: Vec::new(),
            notes: None,
            options: Vec::new(),
            corrections: Vec::new(),
            expected_vote_pct: Live::NONE,
            called: Live::NONE,
            updated_at: Live::NONE,
            rule_check: None,
            rule_agrees: None,
        }
    }

    fn option(&mut self) -> BallotOption {
        let name = self.cell("candidate").to_string();
        let kind = match self.cell("option_kind") {
            "" => Some(OptionKind::classify(&name)),
            _ => self.code("option_kind", |code| OptionKind::from_code(&code.to_ascii_lowercase())),
        };
        BallotOption {
            kind: kind.unwrap_or(OptionKind::Person),
            votes: self.number("votes"),
            pct: optional(self.cell("vote_pct")),
            delegates: self.delegates("delegates_won"),
            name,
        }
    }
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
    // Per contest: the contest columns of its first row, and which have been reported as disagreeing.
    let mut first_rows: Vec<(&[String], [bool; CONTEST_COLUMNS.len()])> = Vec::new();
    // Contest ids in order, with their position: a sorted Vec rather than a BTreeMap, whose code
    // would be the only B-tree in the wasm.
    let mut index_of: Vec<(&str, usize)> = Vec::new();

    for (number, cells) in table.rows.iter().enumerate() {
        let id = table.cell(cells, "contest_id");
        let mut row = Row {
            table: &table,
            cells,
            id,
            problems: &mut problems,
        };
        let position = match index_of.binary_search_by(|(known, _)| known.cmp(&id)) {
            Ok(found) => index_of[found].1,
            Err(slot) => {
                index_of.insert(slot, (id, contests.len()));
                contests.push(row.contest());
                first_rows.push((cells, [false; CONTEST_COLUMNS.len()]));
                contests.len() - 1
            }
        };
        if cells.len() > table.width() {
            let kind = ProblemKind::TooManyCells {
                row: number + 2,
                cells: cells.len(),
                columns: table.width(),
            };
            row.report("row", kind);
        }
        let (first, reported) = &mut first_rows[position];
        for (column, reported) in CONTEST_COLUMNS.iter().zip(reported) {
            let (was, is) = (table.cell(first, column), row.cell(column));
            if was != is && !*reported {
                *reported = true;
                let kind = ProblemKind::RowsDisagree {
                    first: was.to_string(),
                    // Spreadsheet numbering: the header is row 1.
                    row: number + 2,
                    other: is.to_string(),
                };
                row.report(column, kind);
            }
        }
        let option = row.option();
        let contest = &mut contests[position];
        // Each row cites its sources; the contest shows them all, once each (docs/DATA.md).
        for source in split_sources(row.cell("source_url")) {
            if !contest.sources.contains(&source) {
                contest.sources.push(source);
            }
        }
        contest.options.push(option);
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
            match index_of.binary_search_by(|(known, _)| known.cmp(&cell("contest_id"))) {
                Ok(found) => contests[index_of[found].1].corrections.push(correction),
                Err(_) => problems.push(Problem::new(
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
        poll_seconds: Live::NONE,
        // A spreadsheet may hold one state; only the bundled calendar claims to be whole.
        complete_calendar: false,
        details: None,
        nominations: Vec::new(),
        editions: Vec::new(),
        contests,
    };
    Ok((dataset, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "cycle,party,contest_id,territory_code,territory_name,territory_kind,date,contest_type,status,pledged_delegates,candidate,votes,vote_pct,delegates_won,source_url";
    const PALMER: &str =
        "2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Jason Palmer,51,56.0,3,x";
    const BIDEN: &str = "2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Joe Biden,40,44.0,3,x";

    fn read(rows: &[&str]) -> (Dataset, Vec<Problem>) {
        dataset_from_csv(&rows.join("\n"), None, "t", None).unwrap()
    }

    #[test]
    fn counts_are_digits_grouped_in_threes_or_not_at_all() {
        for (cell, expected) in [
            ("", None),
            ("1234", Some(1234)),
            ("1,234", Some(1234)),
            ("-1,234,567", Some(-1_234_567)),
        ] {
            assert_eq!(whole_number(cell), Ok(expected), "{cell}");
        }
        for cell in [
            "1,2,3", "12,34", "1234,567", ",123", "0,123", "1,234,", "+5", "1 234", "1.234", "five",
        ] {
            assert!(
                whole_number(cell).unwrap_err().contains("is not a whole number"),
                "{cell}"
            );
        }
        assert_eq!(
            whole_number("99999999999999999999"),
            Err("\"99999999999999999999\" is too large".into())
        );
    }

    #[test]
    fn rows_of_a_contest_that_disagree_are_named() {
        let (dataset, problems) = read(&[HEADER, PALMER, BIDEN]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(dataset.contests[0].options.len(), 2);
        let first: Vec<&str> = BIDEN.split(',').collect();
        let header: Vec<&str> = HEADER.split(',').collect();
        for (column, other) in [
            ("cycle", "2020"),
            ("party", "R"),
            ("territory_code", "GU"),
            ("territory_name", "Guam"),
            ("territory_kind", "state"),
            ("date", "2024-03-06"),
            ("contest_type", "primary"),
            ("status", "cancelled"),
            ("pledged_delegates", "7"),
        ] {
            let mut cells = first.clone();
            cells[header.iter().position(|h| *h == column).unwrap()] = other;
            let (_, problems) = read(&[HEADER, PALMER, &cells.join(",")]);
            let disagreements: Vec<_> = problems
                .iter()
                .filter(|p| matches!(p.kind, ProblemKind::RowsDisagree { row: 3, .. }))
                .collect();
            assert_eq!(disagreements.len(), 1, "{column}: {problems:?}");
            assert_eq!(
                (disagreements[0].contest.as_str(), disagreements[0].field.as_str()),
                ("2024-D-AS", column)
            );
        }
    }

    #[test]
    fn territory_names_and_kinds_match_the_table_when_given() {
        let wrong = PALMER.replace("American Samoa,territory", "Georgia,state");
        let (_, problems) = read(&[HEADER, &wrong]);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["territory_name", "territory_kind"], "{problems:?}");
        assert!(problems[0]
            .to_string()
            .contains("\"Georgia\" does not match territory_code AS"));
        let lower = PALMER.replace("American Samoa,territory", "american samoa,Territory");
        assert!(read(&[HEADER, &lower]).1.is_empty(), "case does not matter");
        let without = |row: &str| row.replace(",American Samoa,territory", "");
        let (dataset, problems) = read(&[
            &without(HEADER).replace(",territory_name,territory_kind", ""),
            &without(PALMER),
        ]);
        assert!(problems.is_empty(), "the columns are optional: {problems:?}");
        assert_eq!(dataset.contests[0].territory, "AS");
    }

    #[test]
    fn an_option_kind_column_overrides_the_label() {
        let header = format!("{HEADER},option_kind");
        let (dataset, problems) = read(&[
            &header,
            &format!("{PALMER},"),
            &format!("{},Uncommitted", BIDEN.replace("Joe Biden", "Vote for the slate")),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let kinds: Vec<OptionKind> = dataset.contests[0].options.iter().map(|o| o.kind).collect();
        assert_eq!(kinds, [OptionKind::Person, OptionKind::Uncommitted]);
        let (_, problems) = read(&[&header, &format!("{PALMER},candidate")]);
        assert_eq!(problems[0].field, "option_kind");
    }

    #[test]
    fn a_row_wider_than_the_header_is_named() {
        let (_, problems) = read(&[HEADER, &PALMER.replace(",51,", ",1,234,")]);
        assert_eq!(
            problems[0].kind,
            ProblemKind::TooManyCells {
                row: 2,
                cells: 16,
                columns: 15
            }
        );
    }
}
