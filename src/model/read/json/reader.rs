//! The structure of a JSON file: objects, lists, bare words; where a break is, by line and column.

use super::number::{self, invalid};
use super::{Json, JsonError, MAX_DEPTH};
use crate::model::data::order::sorted_indices;

pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
    /// Key comparisons made finding repeated keys: the tests hold them to n log n.
    comparisons: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Reader {
            bytes: text.as_bytes(),
            at: 0,
            comparisons: 0,
        }
    }

    pub(super) fn document(&mut self) -> Result<Json, JsonError> {
        let value = self.value(0)?;
        self.space();
        if self.at != self.bytes.len() {
            return self.fail(self.at, "unexpected text after the end of the data");
        }
        Ok(value)
    }

    /// A break at byte `at`, placed by line and column as an editor shows them.
    pub(super) fn fail<T>(&self, at: usize, message: &'static str) -> Result<T, JsonError> {
        let (mut line, mut column) = (1, 1);
        // The reader's build says no place either (it shows no reasons: `read::why`).
        let read = if cfg!(feature = "newsroom") {
            at.min(self.bytes.len())
        } else {
            0
        };
        for &b in &self.bytes[..read] {
            if b == b'\n' {
                (line, column) = (line + 1, 1);
            } else if b & 0xC0 != 0x80 {
                // Characters, not bytes: a UTF-8 continuation byte starts none.
                column += 1;
            }
        }
        // The reader's build reads only files the build validated: it never says which rule failed.
        let message = if cfg!(feature = "newsroom") {
            message
        } else {
            "not valid JSON"
        };
        Err(JsonError { line, column, message })
    }

    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return self.fail(self.at, "the data is nested more than 64 levels deep");
        }
        self.space();
        match self.bytes.get(self.at) {
            None => self.fail(self.at, "the file ends where a value should be"),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.text(),
            Some(&b) if is_word(b) => Ok(self.word()),
            Some(_) => self.fail(self.at, "expected a value"),
        }
    }

    /// A bare word: `true`, `false`, `null` or a number; any other (`fifty`, `NaN`, `051`) is a
    /// value that cannot be read, and only it is lost.
    fn word(&mut self) -> Json {
        let from = self.at;
        while self.bytes.get(self.at).is_some_and(|&b| is_word(b)) {
            self.at += 1;
        }
        match &self.bytes[from..self.at] {
            b"true" => Json::Bool(true),
            b"false" => Json::Bool(false),
            b"null" => Json::Null,
            word @ [b'0'..=b'9' | b'-' | b'+' | b'.', ..] => number::number(word),
            word => invalid("", word, " is not a value (text goes in double quotes)"),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        // A key that cannot be read makes its whole object unreadable: which field it was is unknown.
        let mut bad_key = false;
        self.space();
        if self.eat(b'}') {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return self.fail(self.at, "expected a key in double quotes");
            }
            let key = self.text()?;
            self.space();
            if !self.eat(b':') {
                return self.fail(self.at, "expected ':' after a key");
            }
            let value = self.value(depth + 1)?;
            match key {
                Json::String(key) => members.push((key, value)),
                _ => bad_key = true,
            }
            self.space();
            if self.eat(b'}') {
                return Ok(match bad_key {
                    true => Json::Invalid(crate::model::read::why(|| {
                        "one of its keys is not valid JSON text".into()
                    })),
                    false => Json::Object(self.first_occurrences(members)),
                });
            }
            if !self.eat(b',') {
                return self.fail(self.at, "expected ',' or '}' after a value");
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat(b']') {
                return Ok(Json::Array(items));
            }
            if !self.eat(b',') {
                return self.fail(self.at, "expected ',' or ']' after a value");
            }
        }
    }

    /// Drops every repeat of a key, keeping its first occurrence; n log n, so a file of many keys
    /// cannot stall the page.
    fn first_occurrences(&mut self, mut members: Vec<(String, Json)>) -> Vec<(String, Json)> {
        // The reader's build reads only files the build wrote and validated, where no key repeats
        // (and `Json::get` reads a key's first occurrence anyway): 0.4 KB of its wasm (gzip).
        if members.len() < 2 || !cfg!(feature = "newsroom") {
            return members;
        }
        let comparisons = &mut self.comparisons;
        // A stable sort puts each key's first occurrence first among its equals.
        let order = sorted_indices(members.len(), &mut |a, b| {
            *comparisons += 1;
            members[a].0.cmp(&members[b].0)
        });
        let mut repeated = vec![false; members.len()];
        for pair in order.windows(2) {
            *comparisons += 1;
            if members[pair[0]].0 == members[pair[1]].0 {
                repeated[pair[1]] = true;
            }
        }
        let mut index = 0;
        members.retain(|_| {
            index += 1;
            !repeated[index - 1]
        });
        members
    }
}

/// What a bare word may be made of: letters, digits and a number's signs and points.
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'+' | b'.' | b'_')
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    #[cfg_attr(not(feature = "newsroom"), ignore = "the reader's build keeps no reasons")]
    fn a_break_in_the_structure_names_its_line_and_column() {
        let cases = [
            ("", 1, 1, "the file ends where a value should be"),
            ("{", 1, 2, "expected a key in double quotes"),
            ("[1,]", 1, 4, "expected a value"),
            ("{\"a\" 1}", 1, 6, "expected ':' after a key"),
            (
                "{\n  \"a\": 1\n  \"b\": 2\n}",
                3,
                3,
                "expected ',' or '}' after a value",
            ),
            ("[1 2]", 1, 4, "expected ',' or ']' after a value"),
            ("{\"é\": \"ü\"] ", 1, 10, "expected ',' or '}' after a value"),
            ("{} {}", 1, 4, "unexpected text after the end of the data"),
            ("{\"a\": \"x", 1, 7, "text opened here is not closed on its line"),
            ("[\"x\n\"]", 1, 2, "text opened here is not closed on its line"),
            ("[\"x\\\n\"]", 1, 2, "text opened here is not closed on its line"),
            ("{\"a\": 'x'}", 1, 7, "expected a value"),
        ];
        for (text, line, column, message) in cases {
            assert_eq!(parse(text), Err(JsonError { line, column, message }), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(
            parse(&deep).unwrap_err().message,
            "the data is nested more than 64 levels deep"
        );
    }

    #[test]
    #[cfg_attr(not(feature = "newsroom"), ignore = "the reader's build keeps no reasons")]
    fn a_value_wrong_where_it_stands_loses_only_itself() {
        let cases = [
            ("051", "the number 051 starts with a 0 (leave out leading zeros)"),
            ("-01", "the number -01 starts with a 0 (leave out leading zeros)"),
            ("00.5", "the number 00.5 starts with a 0 (leave out leading zeros)"),
            ("1e", "1e is not a number"),
            ("1.", "1. is not a number"),
            ("1.2.3", "1.2.3 is not a number"),
            ("+1", "+1 is not a number"),
            ("-", "- is not a number"),
            ("1e999", "the number 1e999 is too large"),
            ("fifty", "fifty is not a value (text goes in double quotes)"),
            ("tru", "tru is not a value (text goes in double quotes)"),
            ("NaN", "NaN is not a value (text goes in double quotes)"),
            (
                "\"\\q\"",
                "a backslash starts no escape JSON knows (write \\\\ for a backslash)",
            ),
            ("\"\\u+123\"", "a \\u escape needs four hex digits"),
            ("\"\\u 123\"", "a \\u escape needs four hex digits"),
            (
                "\"\\ud800\\u0041\"",
                "a \\u escape pairs a high surrogate with no low one",
            ),
            ("\"\\ud83d\\u+e00\"", "a \\u escape needs four hex digits"),
            ("\"\\udc00\"", "a \\u escape is not a character"),
            (
                "\"\t\"",
                "a control character inside text must be written as an escape (\\t)",
            ),
            ("{\"\\x\": 1}", "one of its keys is not valid JSON text"),
        ];
        for (value, reason) in cases {
            let text = format!("[{value}, 7]");
            let expected = Json::Array(vec![Json::Invalid(reason.into()), Json::Int(7)]);
            assert_eq!(parse(&text), Ok(expected), "{value}");
        }
        let long = "9".repeat(400);
        let Ok(Json::Invalid(reason)) = parse(&long) else {
            panic!("too large")
        };
        assert_eq!(
            reason, "the number 999999999999999999999999 is too large",
            "quoted short"
        );
    }

    /// Repeated keys are found by sorting: the comparisons made, counted, grow as n log n.
    #[test]
    #[cfg_attr(
        not(feature = "newsroom"),
        ignore = "the reader's build keeps repeats: it reads no file with any"
    )]
    fn many_keys_are_read_in_n_log_n() {
        let comparisons = |n: usize| {
            let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
            let text = format!("{{{},\"k7\":0}}", members.join(","));
            let mut reader = Reader::new(&text);
            let Ok(Json::Object(read)) = reader.document() else {
                panic!("an object")
            };
            assert_eq!(read.len(), n);
            assert_eq!(read[7], ("k7".into(), Json::Int(7)), "the first occurrence counts");
            assert_eq!(read[n - 1].0, format!("k{}", n - 1), "file order kept");
            reader.comparisons
        };
        let n: usize = 50_000;
        let log2 = usize::BITS - n.leading_zeros();
        let (once, twice) = (comparisons(n), comparisons(2 * n));
        // A merge sort makes at most n ⌈log2 n⌉ comparisons, and the repeats check n more; the
        // quadratic check this replaced made n²/2, over a billion here.
        assert!(once <= (n + 1) * (log2 as usize + 1), "{once}");
        assert!(once >= n, "every key is compared: {once}");
        assert!(
            twice < once * 5 / 2,
            "doubling n roughly doubles the work: {once} then {twice}"
        );
    }
}
