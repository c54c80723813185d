//! The value of a JSON number, decided exactly on its digits: a dataset's counts must be whole
//! numbers, and rounding through a float would make `1e-400` a count of 0.

use crate::model::read::json::Json;

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
    fn exponents_of_any_size_never_overflow() {
        for huge in ["1e2147483646", "1e99999999999999999999", "0.1e2147483647", "1E+400"] {
            assert_eq!(parse(huge).unwrap_err().message, "the number is too large", "{huge}");
        }
        for tiny in ["1e-2147483648", "0.1e-2147483648", "1e-99999999999999999999", "-5E-400"] {
            assert!(matches!(parse(tiny), Ok(Json::Float(f)) if f == 0.0), "{tiny}");
        }
    }
}
