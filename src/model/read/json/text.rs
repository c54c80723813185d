//! Text in double quotes: its escapes, and what loses only the value (a bad escape) or the file
//! (text that never closes).

use super::reader::Reader;
use super::{Json, JsonError};

const NOT_AN_ESCAPE: &str = said("a backslash starts no escape JSON knows (write \\\\ for a backslash)");

/// A reason's words, where they are said: the reader's build says none (`read::why`), and keeps
/// none in its wasm.
const fn said(words: &'static str) -> &'static str {
    if cfg!(feature = "newsroom") {
        words
    } else {
        ""
    }
}

impl Reader<'_> {
    /// From the opening quote: the text, or `Invalid` when something inside it is wrong. JSON text
    /// never spans lines, so a line end before the closing quote is a break, placed at the opening
    /// quote: that is where the missing quote belongs.
    pub(super) fn text(&mut self) -> Result<Json, JsonError> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        let mut wrong: Option<&'static str> = None;
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
                None | Some(b'\n' | b'\r') => return self.fail(open, "text opened here is not closed on its line"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(match wrong {
                        None => Json::String(out),
                        Some(reason) => Json::Invalid(crate::model::read::why(|| reason.into())),
                    });
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.escape() {
                        Ok(c) => out.push(c),
                        Err(reason) => wrong = wrong.or(Some(reason)),
                    }
                }
                Some(_) => {
                    self.at += 1;
                    wrong = wrong.or(Some(
                        const { said("a control character inside text must be written as an escape (\\t)") },
                    ));
                }
            }
        }
    }

    /// The character after a backslash. A line end or the file's end is left for `text` to find.
    fn escape(&mut self) -> Result<char, &'static str> {
        let escape = match self.bytes.get(self.at) {
            Some(&b) if b.is_ascii() && b != b'\n' && b != b'\r' => b,
            // Past ASCII the escape is wrong, and its character is read as text.
            _ => return Err(NOT_AN_ESCAPE),
        };
        self.at += 1;
        Ok(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let mut code = self.hex4()?;
                if (0xD800..0xDC00).contains(&code) && self.bytes[self.at..].starts_with(b"\\u") {
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(const { said("a \\u escape pairs a high surrogate with no low one") });
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                return char::from_u32(code).ok_or(const { said("a \\u escape is not a character") });
            }
            _ => return Err(NOT_AN_ESCAPE),
        })
    }

    fn hex4(&mut self) -> Result<u32, &'static str> {
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
            None => Err(const { said("a \\u escape needs four hex digits") }),
        }
    }
}
