//! A small JSON reader. The browser reads every dataset through it: it is a fraction of the size of
//! a general deserializer, and walking its tree by hand lets each error name the exact field.
//!
//! Two kinds of error: a value that is wrong where it stands (`051`, `"\q"`) stays in the tree as
//! [`Json::Invalid`], so only the contest holding it is lost; a break in the structure (a missing
//! comma, text never closed, a truncated file) loses the file, with its line and column.

use std::fmt;

mod number;
mod reader;
mod text;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number that is exactly a whole number fitting in 64 bits, however written (`25`, `2.5e1`).
    Int(i64),
    /// Any other number, approximately: a fraction (`0.5`, `1e-400`) or a whole number past 64 bits.
    Float(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in file order; a repeated key reads as its first occurrence.
    Object(Vec<(String, Json)>),
    /// A value that cannot be read although the file around it can, and why, in an editor's words
    /// ("the number 051 starts with a 0 (write 51)").
    Invalid(String),
}

/// A break in the file's structure: where (line and column, counted from 1, columns in
/// characters) and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// Deeper nesting than any dataset needs is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    reader::Reader::new(text).document()
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Int(_) | Json::Float(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
            Json::Invalid(_) => "a malformed value",
        }
    }
}

/// Writes `text` as a JSON string literal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows() {
        let value = parse(r#" {"a": [1, -2.5e1, "x\"\u00e9\ud83d\ude00", true, null], "a": 9, "b": {}} "#).unwrap();
        let Some(Json::Array(items)) = value.get("a") else {
            panic!()
        };
        assert_eq!(items[0], Json::Int(1));
        assert_eq!(items[1], Json::Int(-25), "a whole number however written");
        assert_eq!(items[2], Json::String("x\"é😀".into()));
        assert_eq!(
            value.get("b"),
            Some(&Json::Object(vec![])),
            "first occurrence of a key wins"
        );
        let Ok(Json::Float(big)) = parse("99999999999999999999") else {
            panic!("a float")
        };
        assert!((big / 1e20 - 1.0).abs() < 1e-12, "{big}");
        assert_eq!(parse("-0.5e1"), Ok(Json::Int(-5)));
    }

    #[test]
    fn quotes_round_trip() {
        for text in ["plain", "a\"b\\c\nd\u{1}", "</script>", "é😀"] {
            assert_eq!(parse(&quote(text)), Ok(Json::String(text.into())));
        }
    }
}
