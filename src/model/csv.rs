//! RFC 4180 CSV: the reader, and its rows keyed by the header's column names.

use thiserror::Error;

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
            return Err(CsvError::MissingColumn(missing.to_string()));
        }
        Ok(Table { columns, rows })
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
        assert_eq!(parse_csv("a,\"open\n"), Err(CsvError::UnclosedQuote(1)));
    }
}
