//! The value of a JSON number, decided exactly on its digits: a dataset's counts must be whole
//! numbers, and rounding through a float would make `1e-400` a count of 0.

use super::Json;

/// A bare word that starts like a number: its value, or why it is none, in an editor's words.
pub(super) fn number(word: &[u8]) -> Json {
    let (negative, unsigned) = match word.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, word),
    };
    let digits = |from: &[u8]| from.iter().take_while(|b| b.is_ascii_digit()).count();
    let whole = &unsigned[..digits(unsigned)];
    let mut rest = &unsigned[whole.len()..];
    let mut fraction: &[u8] = &[];
    let mut well_formed = !whole.is_empty();
    if let Some(after) = rest.strip_prefix(b".") {
        fraction = &after[..digits(after)];
        rest = &after[fraction.len()..];
        well_formed &= !fraction.is_empty();
    }
    let mut exponent: i64 = 0;
    if let Some((b'e' | b'E', after)) = rest.split_first() {
        let (minus, after) = match after.split_first() {
            Some((b'-', after)) => (true, after),
            Some((b'+', after)) => (false, after),
            _ => (false, after),
        };
        let written = &after[..digits(after)];
        rest = &after[written.len()..];
        well_formed &= !written.is_empty();
        // Saturated: any exponent past a billion is out of range either way, and the sums
        // below stay far from i64's limits.
        for &b in written {
            exponent = (exponent * 10 + i64::from(b - b'0')).min(1_000_000_000);
        }
        if minus {
            exponent = -exponent;
        }
    }
    if !well_formed || !rest.is_empty() {
        return invalid("", word, " is not a number");
    }
    if whole.len() > 1 && whole[0] == b'0' {
        return invalid("the number ", word, " starts with a 0 (leave out leading zeros)");
    }
    let significant: Vec<u8> = whole.iter().chain(fraction).copied().collect();
    number_value(negative, &significant, exponent - fraction.len() as i64)
        .unwrap_or_else(|| invalid("the number ", word, " is too large"))
}

/// The value of `digits × 10^scale`: `Int` when that is exactly a whole number within i64 (decided
/// on the digits, never on a rounded float, so `1e-400` is no whole number), else an approximate
/// `Float`; `None` past f64's range. Fractions and exponents only ever mean "not a whole number"
/// to a dataset, so the approximation suffices and the float parser stays out of the wasm.
pub(crate) fn number_value(negative: bool, digits: &[u8], mut scale: i64) -> Option<Json> {
    let start = digits.iter().position(|&d| d != b'0').unwrap_or(digits.len());
    let end = digits.iter().rposition(|&d| d != b'0').map_or(start, |i| i + 1);
    scale += (digits.len() - end) as i64;
    let significant = std::str::from_utf8(&digits[start..end]).unwrap_or_default();
    if significant.is_empty() {
        return Some(Json::Int(0));
    }
    let magnitude = significant.len() as i64 + scale;
    if magnitude > 300 {
        return None;
    }
    let sign = if negative { "-" } else { "" };
    if scale >= 0 && magnitude <= 19 {
        let zeros = "0".repeat(scale as usize);
        if let Ok(n) = format!("{sign}{significant}{zeros}").parse::<i64>() {
            return Some(Json::Int(n));
        }
    }
    let head = &significant[..significant.len().min(17)];
    let power = scale + (significant.len() - head.len()) as i64;
    let head = head
        .bytes()
        .fold(0f64, |value, digit| value * 10.0 + f64::from(digit - b'0'));
    // Dividing rounds as printed decimals expect; past 10^400 the divisor is infinite and the value 0.
    let value = if power < 0 {
        head / 10f64.powi(power.max(-400).unsigned_abs() as i32)
    } else {
        head * 10f64.powi(power as i32)
    };
    Some(Json::Float(if negative { -value } else { value }))
}

/// A value that cannot be read, and why: `lead`, the word as written (its first 24 characters:
/// a message stays short however long the word; words are ASCII), then `tail`.
pub(super) fn invalid(lead: &str, word: &[u8], tail: &str) -> Json {
    // The reader's build reads only files the build validated: it says no reasons.
    if !cfg!(feature = "newsroom") {
        return Json::Invalid(String::new());
    }
    let shown = std::str::from_utf8(&word[..word.len().min(24)]).unwrap_or_default();
    Json::Invalid(format!("{lead}{shown}{tail}"))
}

#[cfg(test)]
mod tests {
    use crate::model::read::json::{parse, Json};

    #[test]
    fn whole_numbers_are_decided_on_the_digits() {
        let cases = [
            ("0", Json::Int(0)),
            ("-0", Json::Int(0)),
            ("0.00e99", Json::Int(0)),
            ("120.00", Json::Int(120)),
            ("0.00012e4", Json::Float(1.2)),
            ("1200e-2", Json::Int(12)),
            ("9223372036854775807", Json::Int(i64::MAX)),
            ("-9223372036854775808", Json::Int(i64::MIN)),
            ("1.0000000000000000000001", Json::Float(1.0)),
            ("1e-400", Json::Float(0.0)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text), Ok(expected), "{text}");
        }
        let Ok(Json::Float(past_i64)) = parse("9223372036854775808") else {
            panic!("a float")
        };
        assert!(past_i64 > 9.2e18);
    }

    #[test]
    #[cfg_attr(not(feature = "newsroom"), ignore = "the reader's build keeps no reasons")]
    fn exponents_of_any_size_never_overflow() {
        for huge in ["1e2147483646", "1e99999999999999999999", "0.1e2147483647", "1E+400"] {
            let reason = format!("the number {huge} is too large");
            assert_eq!(parse(huge), Ok(Json::Invalid(reason)), "{huge}");
        }
        for tiny in ["1e-2147483648", "0.1e-2147483648", "1e-99999999999999999999", "-5E-400"] {
            assert!(matches!(parse(tiny), Ok(Json::Float(f)) if f == 0.0), "{tiny}");
        }
    }
}
