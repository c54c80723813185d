//! RFC 4180 CSV: the reader, and its rows keyed by the header's column names.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum CsvError {
    #[error("line {line}, column {column}: a quoted cell is never closed; expected a closing quote (\") before the end of the file")]
    UnclosedQuote { line: usize, column: usize },
    #[error(
        "line {line}, column {column}: text follows a closing quote; quote the whole cell and double \
         each quote inside it (\"say \"\"hi\"\"\")"
    )]
    TextAfterQuote { line: usize, column: usize },
    #[error("the header lacks the column \"{0}\"")]
    MissingColumn(String),
    #[error(
        "the columns are separated by {0}; Tally reads comma-separated files with decimal points \
         (56.0): export again with a comma as the separator"
    )]
    NotCommaSeparated(&'static str),
}

/// RFC 4180: commas, double quotes doubled inside quoted fields; rows end in CRLF, LF or a lone CR
/// (older Excel for Mac). A quote inside an unquoted field is kept as text (`5'10"`).
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    // `closed`: this field's closing quote was read, so only a comma or a line end may follow.
    let (mut quoted, mut closed, mut line, mut opened) = (false, false, 1, (0, 0));
    while let Some(c) = chars.next() {
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => (quoted, closed) = (false, true),
            (true, c) => {
                line += usize::from(c == '\n' || c == '\r' && !crlf);
                field.push(c);
            }
            (false, '"') if field.is_empty() && !closed => (quoted, opened) = (true, (line, row.len() + 1)),
            (false, ',') => {
                row.push(std::mem::take(&mut field));
                closed = false;
            }
            (false, '\r') if crlf => {}
            (false, '\n' | '\r') => {
                line += 1;
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                closed = false;
            }
            (false, _) if closed => {
                return Err(CsvError::TextAfterQuote {
                    line,
                    column: row.len() + 1,
                })
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        let (line, column) = opened;
        return Err(CsvError::UnclosedQuote { line, column });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(rows)
}

/// Rows keyed by column name; a row shorter than the header reads as empty cells.
pub(crate) struct Table {
    columns: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn parse(text: &str, required: &[&str]) -> Result<Table, CsvError> {
        let mut rows = parse_csv(text)?;
        let header = if rows.is_empty() { Vec::new() } else { rows.remove(0) };
        let columns: Vec<String> = header
            .iter()
            .map(|name| name.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        if let Some(missing) = required.iter().find(|c| !columns.iter().any(|name| name == *c)) {
            // One column that holds every name: another separator, most often a spreadsheet's
            // semicolons where the decimal mark is a comma.
            for (separator, name) in [(';', "semicolons"), ('\t', "tabs")] {
                if columns.len() == 1 && columns[0].contains(separator) {
                    return Err(CsvError::NotCommaSeparated(name));
                }
            }
            return Err(CsvError::MissingColumn(missing.to_string()));
        }
        Ok(Table { columns, rows })
    }

    /// How many columns the header names.
    pub(crate) fn width(&self) -> usize {
        self.columns.len()
    }

    pub(crate) fn cell<'a>(&self, row: &'a [String], column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|name| name == column)
            .and_then(|i| row.get(i))
            .map_or("", |s| s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_commas_and_doubled_quotes() {
        let rows = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n1,2,3\n").unwrap();
        assert_eq!(rows, vec![vec!["a", "b, c", "say \"hi\""], vec!["1", "2", "3"]]);
        assert_eq!(
            parse_csv("a,\"open\n"),
            Err(CsvError::UnclosedQuote { line: 1, column: 2 })
        );
        assert_eq!(parse_csv("a,b\n5'10\",x").unwrap(), [["a", "b"], ["5'10\"", "x"]]);
    }

    #[test]
    fn every_line_ending_ends_a_row() {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"]];
        for text in ["a,b\r1,2\r3,4\r", "a,b\r\n1,2\n3,4", "a,b\r1,2\r\n3,4\n"] {
            assert_eq!(parse_csv(text).unwrap(), expected, "{text:?}");
        }
        assert_eq!(
            parse_csv("\"x\ry\",1\r").unwrap(),
            [["x\ry", "1"]],
            "kept inside quotes"
        );
        assert_eq!(
            parse_csv("a\r\"open"),
            Err(CsvError::UnclosedQuote { line: 2, column: 1 })
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error_naming_line_and_column() {
        for (text, line, column) in [("\"a\"b", 1, 1), ("h,i\n1,\"a\" ,3", 2, 2), ("h\r\"x\"\"\"y", 2, 1)] {
            assert_eq!(
                parse_csv(text),
                Err(CsvError::TextAfterQuote { line, column }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn another_separator_is_named() {
        let refused = |header: &str| Table::parse(header, &["cycle", "party"]).err();
        assert_eq!(
            refused("cycle;party\n2024;D"),
            Some(CsvError::NotCommaSeparated("semicolons"))
        );
        assert_eq!(refused("cycle\tparty"), Some(CsvError::NotCommaSeparated("tabs")));
        assert_eq!(refused("cycle,vote"), Some(CsvError::MissingColumn("party".into())));
    }
}
