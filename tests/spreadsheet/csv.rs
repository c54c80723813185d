//! RFC 4180 as the tests read it, written here so the app's reader is never its own judge.

use std::rc::Rc;

/// A row keyed by the header's column names.
pub struct Record {
    header: Rc<[String]>,
    cells: Vec<String>,
}

impl Record {
    pub fn get(&self, column: &str) -> &str {
        let at = self
            .header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column:?}"));
        self.cells.get(at).map_or("", String::as_str)
    }
}

/// The rows of a file after its header.
pub fn records(text: &str) -> Vec<Record> {
    let mut rows = parse(text).into_iter();
    let header: Rc<[String]> = rows.next().unwrap_or_default().into();
    rows.map(|cells| Record {
        header: header.clone(),
        cells,
    })
    .collect()
}

/// RFC 4180: commas between cells, CRLF or LF between rows, a quoted cell may hold commas,
/// line breaks and doubled quotes. Blank lines are skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => end_row(&mut rows, &mut row, &mut cell),
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "a quoted cell is never closed");
    end_row(&mut rows, &mut row, &mut cell);
    rows
}

fn end_row(rows: &mut Vec<Vec<String>>, row: &mut Vec<String>, cell: &mut String) {
    row.push(std::mem::take(cell));
    let done = std::mem::take(row);
    if done.iter().any(|c| !c.is_empty()) {
        rows.push(done);
    }
}
