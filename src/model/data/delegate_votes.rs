//! Delegate votes: a whole number, or one ending in .5 where delegates had half a vote each (the
//! 2008 Democrats seated Michigan and Florida at half vote; Democrats Abroad, American Samoa and
//! Guam sent delegates with half a vote). Kept in halves, so sums and comparisons stay exact.

use crate::model::data::numbers::thousands;

/// A number of delegate votes, in halves: `Delegates::whole(3)` is 3, `Delegates::from_halves(69)`
/// is 34.5. Ordered and summed as numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Delegates(i64);

impl Delegates {
    pub const ZERO: Delegates = Delegates(0);

    pub const fn whole(n: i64) -> Self {
        Delegates(n.saturating_mul(2))
    }

    pub const fn from_halves(halves: i64) -> Self {
        Delegates(halves)
    }

    pub const fn halves(self) -> i64 {
        self.0
    }

    /// The number when it is whole (a party's rule allocates whole delegates).
    pub fn whole_number(self) -> Option<i64> {
        (self.0 % 2 == 0).then_some(self.0 / 2)
    }

    /// The whole part, toward zero (3 for 3.5): a bound that validation can name.
    pub fn truncated(self) -> i64 {
        self.0 / 2
    }

    /// `34`, `34.5`, `1,765.5` (groups of three, as a spreadsheet shows them); any other fraction
    /// (`34.25`, `34.4`) is not a number of delegate votes. `34.0` and `34.50` read as written.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let half = match fraction.trim_end_matches('0') {
            "" if text.ends_with('.') => return None,
            "" => 0,
            "5" => 1,
            _ => return None,
        };
        let mut groups = whole.split(',');
        let lead = groups.next()?;
        let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let grouped = whole.contains(',')
            && (1..=3).contains(&lead.len())
            && !lead.starts_with('0')
            && digits_only(lead)
            && groups.all(|g| g.len() == 3 && digits_only(g));
        if !grouped && !digits_only(whole) {
            return None;
        }
        let number: i64 = whole.chars().filter(|&c| c != ',').collect::<String>().parse().ok()?;
        let halves = number.checked_mul(2)?.checked_add(half)?;
        Some(Delegates(if negative { -halves } else { halves }))
    }

    /// A race's total, thousands grouped: `3,934`, `1,765.5`.
    pub fn grouped(self) -> String {
        let mut text = thousands(self.0 / 2);
        if crate::model::EARLIER_EDITIONS && self.0 % 2 != 0 {
            text.push_str(".5");
        }
        text
    }

    /// Singular only for exactly one: "1 delegate", "0.5 delegates", "34.5 delegates".
    pub fn count(self, one: &str, many: &str) -> String {
        if !crate::model::EARLIER_EDITIONS {
            // Whole numbers only: the one count every other figure uses.
            return crate::model::data::numbers::count(self.0 / 2, one, many);
        }
        format!("{self} {}", if self == Delegates::whole(1) { one } else { many })
    }
}

impl std::str::FromStr for Delegates {
    type Err = ();
    /// As `Delegates::parse` reads it (a correction's `from`, "4").
    fn from_str(text: &str) -> Result<Self, ()> {
        Delegates::parse(text).ok_or(())
    }
}

impl std::fmt::Display for Delegates {
    /// `1,765.5`: thousands grouped, a half as `.5`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !crate::model::EARLIER_EDITIONS {
            // Whole numbers only, as every other count is written.
            return std::fmt::Display::fmt(&(self.0 / 2), f);
        }
        // Validation refuses a negative figure, so -0.5 is never shown.
        f.write_str(&thousands(self.0 / 2))?;
        // Only the earlier cycles' data hold halves (feature `earlier`).
        if crate::model::EARLIER_EDITIONS && self.0 % 2 != 0 {
            f.write_str(".5")?;
        }
        Ok(())
    }
}

impl std::ops::Add for Delegates {
    type Output = Delegates;
    fn add(self, other: Delegates) -> Delegates {
        Delegates(self.0.saturating_add(other.0))
    }
}

impl std::ops::AddAssign for Delegates {
    fn add_assign(&mut self, other: Delegates) {
        *self = *self + other;
    }
}

impl std::ops::Sub for Delegates {
    type Output = Delegates;
    fn sub(self, other: Delegates) -> Delegates {
        Delegates(self.0.saturating_sub(other.0))
    }
}

impl std::iter::Sum for Delegates {
    fn sum<I: Iterator<Item = Delegates>>(iter: I) -> Delegates {
        iter.fold(Delegates::ZERO, |a, b| a + b)
    }
}

/// JSON writes a whole number as one (`3`) and a half as `34.5`: both exact in any JSON reader.
impl serde::Serialize for Delegates {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.whole_number() {
            Some(n) => serializer.serialize_i64(n),
            None => serializer.serialize_f64(self.0 as f64 / 2.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_whole_numbers_and_halves_only() {
        for (text, halves) in [
            ("3", Some(6)),
            ("34.5", Some(69)),
            ("34.50", Some(69)),
            ("34.0", Some(68)),
            ("0.5", Some(1)),
            ("1,765.5", Some(3531)),
            ("-2", Some(-4)),
            ("34.25", None),
            ("34.4", None),
            ("34.", None),
            (".5", None),
            ("1,2,3", None),
            ("12,34", None),
            ("", None),
            ("half", None),
        ] {
            assert_eq!(Delegates::parse(text).map(Delegates::halves), halves, "{text:?}");
        }
    }

    #[test]
    #[cfg_attr(not(feature = "earlier"), ignore = "the reader's build writes whole numbers only")]
    fn writes_halves_as_a_reader_reads_them() {
        assert_eq!(Delegates::from_halves(3531).to_string(), "1,765.5");
        assert_eq!(Delegates::from_halves(3531).grouped(), "1,765.5");
        assert_eq!(Delegates::whole(3934).grouped(), "3,934");
        assert_eq!(Delegates::whole(52).to_string(), "52");
        assert_eq!(
            Delegates::from_halves(1).count("delegate", "delegates"),
            "0.5 delegates"
        );
        assert_eq!(Delegates::whole(1).count("delegate", "delegates"), "1 delegate");
        let sum: Delegates = [Delegates::from_halves(69), Delegates::from_halves(59)]
            .into_iter()
            .sum();
        assert_eq!(sum, Delegates::whole(64));
        assert_eq!(sum.whole_number(), Some(64));
        assert_eq!(Delegates::from_halves(69).whole_number(), None);
    }
}
