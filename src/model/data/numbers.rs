//! Numbers and lists as a reader reads them: thousands grouped, a count with its noun, decimals
//! rounded, names joined as a list in words.

/// How a missing figure reads: never 0, never left blank.
pub const NOT_REPORTED: &str = "Not reported";

/// 3207687 -> "3,207,687".
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '\u{2212}');
    }
    out
}

/// "1 vote", "2,000 votes": a count with its noun, singular only for exactly one.
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `value` rounded to `places` decimals, written without the float formatter, whose tables
/// would add some 25 KB to the wasm for the one-decimal figures this app shows.
pub fn decimal(value: f64, places: u32) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let scale = 10i64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as i64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
}

/// "Guam", "Guam and Ohio", "Guam, Ohio and Utah": names joined as a sentence joins them.
pub fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        // Joined by hand: `[&str]::join` would be a second copy of std's join (0.2 KB of gzip).
        [rest @ .., last] => {
            let mut out = String::new();
            for (i, name) in rest.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(name);
            }
            out + " and " + last
        }
    }
}
