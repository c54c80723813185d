//! A small JSON reader. The browser reads every dataset through it: it is a fraction of the size of
//! a general deserializer, and walking its tree by hand lets each error name the exact field.

use std::fmt;

use number::number_value;

mod number;
use crate::model::data::order::sorted_indices;

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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Byte offset of the problem.
    pub offset: usize,
    pub message: &'static str,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

/// Deeper nesting than any dataset needs is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.space();
    if reader.at != reader.bytes.len() {
        return reader.fail("unexpected text after the end of the data");
    }
    Ok(value)
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
        }
    }
}

/// Drops every repeat of a key, keeping its first occurrence; n log n, so a file of many keys
/// cannot stall the page.
fn first_occurrences(mut members: Vec<(String, Json)>) -> Vec<(String, Json)> {
    if members.len() < 2 {
        return members;
    }
    // A stable sort puts each key's first occurrence first among its equals.
    let order = sorted_indices(members.len(), &mut |a, b| members[a].0.cmp(&members[b].0));
    let mut repeated = vec![false; members.len()];
    for pair in order.windows(2) {
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

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn fail<T>(&self, message: &'static str) -> Result<T, JsonError> {
        Err(JsonError {
            offset: self.at,
            message,
        })
    }

    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return self.fail("the data is nested too deeply");
        }
        self.space();
        match self.bytes.get(self.at) {
            None => self.fail("the data ends too early"),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) if self.eat("true") => Ok(Json::Bool(true)),
            Some(_) if self.eat("false") => Ok(Json::Bool(false)),
            Some(_) if self.eat("null") => Ok(Json::Null),
            Some(_) => self.fail("expected a value"),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.space();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return self.fail("expected a quoted key");
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return self.fail("expected a colon after the key");
            }
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.space();
            if self.eat("}") {
                return Ok(Json::Object(first_occurrences(members)));
            }
            if !self.eat(",") {
                return self.fail("expected a comma or the end of the object");
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return self.fail("expected a comma or the end of the list");
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        // Checked first: `from_str_radix` alone would take a sign ("\u+123").
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(code) => {
                self.at += 4;
                Ok(code)
            }
            None => self.fail("a \\u escape needs four hex digits"),
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stopped on ASCII, so this slice is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default());
            match self.bytes.get(self.at) {
                None => return self.fail("a text value is never closed"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.bytes.get(self.at).copied();
                    self.at += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) && self.eat("\\u") {
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return self.fail("a \\u escape pairs a high surrogate with no low one");
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            match char::from_u32(code) {
                                Some(c) => out.push(c),
                                None => return self.fail("a \\u escape is not a character"),
                            }
                        }
                        _ => return self.fail("unknown escape in text"),
                    }
                }
                Some(_) => return self.fail("a control character inside text must be escaped"),
            }
        }
    }

    fn digits(&mut self) -> &'a [u8] {
        let from = self.at;
        while matches!(self.bytes.get(self.at), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        &self.bytes[from..self.at]
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let negative = self.eat("-");
        if self.bytes.get(self.at) == Some(&b'0') && matches!(self.bytes.get(self.at + 1), Some(b'0'..=b'9')) {
            return self.fail("a number cannot start with 0 (write 1, not 01)");
        }
        let whole = self.digits();
        if whole.is_empty() {
            return self.fail("expected digits");
        }
        let mut fraction: &[u8] = &[];
        if self.eat(".") {
            fraction = self.digits();
            if fraction.is_empty() {
                return self.fail("expected digits after the decimal point");
            }
        }
        let mut exponent: i64 = 0;
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            let minus = self.eat("-");
            if !minus {
                self.eat("+");
            }
            let written = self.digits();
            if written.is_empty() {
                return self.fail("expected digits in the exponent");
            }
            // Saturated: any exponent past a billion is out of range either way, and the sums
            // below stay far from i64's limits.
            for &b in written {
                exponent = (exponent * 10 + i64::from(b - b'0')).min(1_000_000_000);
            }
            if minus {
                exponent = -exponent;
            }
        }
        let significant: Vec<u8> = whole.iter().chain(fraction).copied().collect();
        number_value(negative, &significant, exponent - fraction.len() as i64).ok_or(JsonError {
            offset: self.at,
            message: "the number is too large",
        })
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
    fn many_keys_are_read_in_n_log_n() {
        let members: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\":{i}")).collect();
        let text = format!("{{{},\"k7\":0}}", members.join(","));
        let started = std::time::Instant::now();
        let Ok(Json::Object(read)) = parse(&text) else {
            panic!("an object")
        };
        // Quadratic, this took over ten seconds in a debug build.
        assert!(started.elapsed().as_secs_f64() < 2.0, "{:?}", started.elapsed());
        assert_eq!(read.len(), 50_000);
        assert_eq!(read[7], ("k7".into(), Json::Int(7)), "the first occurrence counts");
        assert_eq!(read[49_999].0, "k49999", "file order kept");
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01x",
            "\"\t\"",
            "\"\\q\"",
            "1e",
            "{} {}",
            "tru",
            "\"\\ud800\\u0041\"",
            "1e999",
            "01",
            "-01",
            "00.5",
            "\"\\u+123\"",
            "\"\\u-123\"",
            "\"\\u 123\"",
            "\"\\ud83d\\u+e00\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).unwrap_err().message, "the data is nested too deeply");
    }

    #[test]
    fn quotes_round_trip() {
        for text in ["plain", "a\"b\\c\nd\u{1}", "</script>", "é😀"] {
            assert_eq!(parse(&quote(text)), Ok(Json::String(text.into())));
        }
    }
}
