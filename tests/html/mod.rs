//! A rendered page read as a reader reads it: entities decoded, text without its tags, a table's
//! cells found by their column's heading and their row's.

// Each test file uses its own part of this module.
#![allow(dead_code)]

/// The page with its entities decoded, so names and notes are searched as written.
pub fn decoded(html: &str) -> String {
    // `&lt;` and `&gt;` stay encoded until the tags are gone (`text_of`): "<0.1%" is text, not a tag.
    html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The text inside `html`, tags left out.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.trim().replace("&lt;", "<").replace("&gt;", ">")
}

/// `html` from the first `start` to the first `end` after it.
pub fn between<'h>(html: &'h str, start: &str, end: &str) -> Option<&'h str> {
    let from = html.find(start)?;
    let to = html[from..].find(end)?;
    Some(&html[from..from + to])
}

/// A cell's text, from the HTML just after its opening `<th` or `<td`.
pub fn cell_text(html: &str) -> String {
    let inner = html.split_once('>').map_or("", |(_, rest)| rest);
    text_of(inner.split("</t").next().unwrap_or(""))
}

/// The first table in `html`: its column headings, and each row's cells under them.
pub struct Table<'h> {
    html: &'h str,
    headings: Vec<String>,
}

impl<'h> Table<'h> {
    pub fn first_in(html: &'h str) -> Table<'h> {
        let headings = between(html, "<thead>", "</thead>")
            .map_or("", |head| &head["<thead>".len()..])
            .split("<th")
            .skip(1)
            .map(cell_text)
            .collect();
        Table { html, headings }
    }

    pub fn headings(&self) -> &[String] {
        &self.headings
    }

    /// The cell under the heading that starts `column`, in the row headed exactly `row`.
    pub fn cell(&self, row: &str, column: &str) -> Option<String> {
        let at = self.headings.iter().position(|h| h.starts_with(column))?;
        let cells = self.row(row)?;
        // The row's own heading is its first column.
        let html = cells.split("<td").nth(at)?;
        Some(cell_text(html))
    }

    /// The row's opening `<tr …>` tag.
    pub fn row_tag(&self, row: &str) -> Option<&'h str> {
        let heading = self.html.find(&row_heading(row))?;
        let start = self.html[..heading].rfind("<tr")?;
        self.html[start..].split('>').next()
    }

    fn row(&self, row: &str) -> Option<&'h str> {
        between(self.html, &row_heading(row), "</tr>")
    }
}

fn row_heading(name: &str) -> String {
    format!("<th scope=\"row\">{name}<")
}
