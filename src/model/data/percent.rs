//! A percentage as a reader sees it: an exact decimal with its own precision ("82.98", "56.0",
//! "34") or an upper bound ("<0.1"). Printed figures keep the source's digits; a computed share is
//! rounded to one decimal once, here, so that a margin is the difference of the figures shown.
//! This is the one reader of a printed percentage.

use std::fmt;

/// Printed figures may carry up to this many decimals; comparisons are in millionths.
const MAX_PLACES: u32 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percent {
    /// The figure in units of its last digit: 8298 for "82.98".
    units: i64,
    /// Decimals as printed: 2 for "82.98", 0 for "34".
    places: u32,
    /// Printed as "<x": the true figure is below x.
    below: bool,
}

impl Percent {
    /// Reads a printed percentage: digits with at most one point, optionally after "<" or "-"
    /// (a negative figure reads, so that validation can say it is out of range).
    pub fn parse(text: &str) -> Option<Percent> {
        let text = text.trim();
        let (below, text) = match text.strip_prefix('<') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, text),
        };
        let (negative, number) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty())
            || !all_digits(whole)
            || !all_digits(fraction)
            || fraction.len() > MAX_PLACES as usize
            || whole.len() > 12
        {
            return None;
        }
        // At most 18 digits: within i64.
        let units = whole
            .bytes()
            .chain(fraction.bytes())
            .fold(0i64, |units, digit| units * 10 + i64::from(digit - b'0'));
        Some(Percent {
            units: if negative { -units } else { units },
            places: fraction.len() as u32,
            below,
        })
    }

    /// `part` of `whole` in percent, rounded half up to one decimal, in integers (no float error).
    /// A count that is not zero never shows as "0.0": below the precision it is "<0.1".
    pub fn of(part: i64, whole: i64) -> Option<Percent> {
        if whole <= 0 || part < 0 {
            return None;
        }
        // Checked i64, not i128: counts are at most a billion, and 128-bit division costs 1 KB of wasm.
        let tenths = part.checked_mul(2000)?.checked_add(whole)? / whole.checked_mul(2)?;
        let below = tenths == 0 && part > 0;
        Some(Percent {
            units: if below { 1 } else { tenths },
            places: 1,
            below,
        })
    }

    fn scale(places: u32) -> i64 {
        10i64.pow(MAX_PLACES - places)
    }

    /// The figure as shown, in millionths of a percent ("<0.1" counts as 0.1).
    pub fn millionths(self) -> i64 {
        self.units.saturating_mul(Self::scale(self.places))
    }

    /// The least the true figure can be: half a unit of the last printed digit below, or 0 for "<x".
    pub fn lower_millionths(self) -> i64 {
        if self.below {
            0
        } else {
            (self.millionths() - Self::scale(self.places) / 2).max(0)
        }
    }

    /// The most the true figure can be: half a unit of the last printed digit above, or x for "<x".
    pub fn upper_millionths(self) -> i64 {
        if self.below {
            self.millionths()
        } else {
            self.millionths() + Self::scale(self.places) / 2
        }
    }

    /// For drawing only (a meter's value), never shown as text: the figure as a plain number, a
    /// bound as its limit ("<0.1" is 0.1).
    pub fn drawn(self) -> String {
        Percent { below: false, ..self }.to_string()
    }

    pub fn is_bound(self) -> bool {
        self.below
    }

    /// `self - other`, rounded half up to the coarser of the two precisions: a difference knows no
    /// more than its less precise figure ("50.0" - "49.75" is "0.3"). None when either is a bound.
    pub fn minus(self, other: Percent) -> Option<Percent> {
        if self.below || other.below {
            return None;
        }
        let (finer, coarser) = (self.places.max(other.places), self.places.min(other.places));
        let at = |p: Percent| p.units * 10i64.pow(finer - p.places);
        let exact = at(self) - at(other);
        let step = 10i64.pow(finer - coarser);
        let magnitude = (exact.abs() + step / 2) / step;
        Some(Percent {
            units: if exact < 0 { -magnitude } else { magnitude },
            places: coarser,
            below: false,
        })
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }
}

/// As printed: "82.98", "56.0", "<0.1", without the percent sign.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let below = if self.below { "<" } else { "" };
        let magnitude = self.units.unsigned_abs();
        if self.places == 0 {
            return write!(f, "{below}{sign}{magnitude}");
        }
        let scale = 10u64.pow(self.places);
        write!(
            f,
            "{below}{sign}{}.{:0width$}",
            magnitude / scale,
            magnitude % scale,
            width = self.places as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_figures_read_and_show_as_printed() {
        for text in ["82.98", "56.0", "34", "<0.1", "0.00", "100", "0.5"] {
            assert_eq!(Percent::parse(text).unwrap().to_string(), text);
        }
        for bad in ["", ".", "abc", "1e5", "NaN", "5%", "1.2.3", "0.1234567"] {
            assert_eq!(Percent::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Percent::parse(" 56.0 ").unwrap().to_string(), "56.0");
        assert_eq!(Percent::parse("-3").unwrap().to_string(), "-3");
    }

    #[test]
    fn bounds_follow_each_figures_own_precision() {
        let p = |t: &str| Percent::parse(t).unwrap();
        assert_eq!(
            (p("34").lower_millionths(), p("34").upper_millionths()),
            (33_500_000, 34_500_000)
        );
        assert_eq!(
            (p("56.0").lower_millionths(), p("56.0").upper_millionths()),
            (55_950_000, 56_050_000)
        );
        assert_eq!(
            (p("<0.1").lower_millionths(), p("<0.1").upper_millionths()),
            (0, 100_000)
        );
        assert_eq!(p("0").lower_millionths(), 0);
    }

    #[test]
    fn computed_shares_round_once_and_margins_subtract_what_is_shown() {
        let palmer = Percent::of(51, 91).unwrap();
        let biden = Percent::of(40, 91).unwrap();
        assert_eq!((palmer.to_string(), biden.to_string()), ("56.0".into(), "44.0".into()));
        assert_eq!(palmer.minus(biden).unwrap().to_string(), "12.0");
        assert_eq!(Percent::of(1, 8).unwrap().to_string(), "12.5", "0.125 rounds half up");
        assert_eq!(Percent::of(5, 0), None);
        let p = |t: &str| Percent::parse(t).unwrap();
        assert_eq!(p("5").minus(p("<0.1")), None);
        assert!(p("40.0").minus(p("40.5")).unwrap().is_negative());
    }

    #[test]
    fn a_difference_is_printed_at_the_coarser_precision() {
        let p = |t: &str| Percent::parse(t).unwrap();
        let cases = [
            ("50.0", "49.75", "0.3"),
            ("82.98", "4.4", "78.6"),
            ("60", "20.4", "40"),
            ("60", "20.5", "40"),
            ("60", "20.6", "39"),
            ("56.0", "44.0", "12.0"),
            ("40.25", "40.5", "-0.3"),
            ("10.125", "0.1", "10.0"),
        ];
        for (a, b, difference) in cases {
            assert_eq!(p(a).minus(p(b)).unwrap().to_string(), difference, "{a} - {b}");
        }
    }

    #[test]
    fn a_share_of_a_count_that_is_not_zero_is_never_zero() {
        let shown = |part, whole| Percent::of(part, whole).unwrap().to_string();
        assert_eq!(shown(82, 800_000), "<0.1");
        assert_eq!(shown(0, 800_000), "0.0");
        assert_eq!(shown(400, 800_000), "0.1", "0.05 rounds half up to 0.1");
        assert_eq!(shown(399, 800_000), "<0.1");
        assert!(Percent::of(1, 10_000).unwrap().is_bound());
    }
}
