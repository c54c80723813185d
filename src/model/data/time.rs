//! A live feed's moments: RFC 3339 times (`2024-03-05T23:42:00-05:00`), read exactly, compared
//! as instants and told as a clock reads at the offset the feed wrote them in ("11:42 p.m.").
//! No time zone database: a newsroom writes its readers' offset, and a `Z` time says "UTC".

/// One instant as a feed wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub hour: u32,
    pub minute: u32,
    /// Seconds since 1970-01-01 UTC, for comparing moments written at different offsets.
    pub epoch: i64,
    /// Written with `Z` (or `+00:00`): told with "UTC" after the clock.
    pub utc: bool,
}

impl Moment {
    /// `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or `±HH:MM` (a `t`, `z` or space as
    /// RFC 3339 allows). Anything else is no moment.
    pub fn parse(text: &str) -> Option<Moment> {
        let text = text.trim();
        let (date, rest) = (text.get(..10)?, text.get(10..)?);
        let (year, month, day) = parse_date(date)?;
        let rest = rest.strip_prefix(['T', 't', ' '])?;
        let two = |s: &str, at: usize| -> Option<u32> {
            let d = s.get(at..at + 2)?;
            d.bytes().all(|b| b.is_ascii_digit()).then(|| d.parse().ok())?
        };
        let (hour, minute, second) = (two(rest, 0)?, two(rest, 3)?, two(rest, 6)?);
        if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" || hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let mut zone = &rest[8..];
        if let Some(fraction) = zone.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            zone = &fraction[digits..];
        }
        let offset = match zone {
            "Z" | "z" => 0,
            _ => {
                let sign = match zone.get(..1)? {
                    "+" => 1,
                    "-" => -1,
                    _ => return None,
                };
                let (h, m) = (two(zone, 1)?, two(zone, 4)?);
                if zone.len() != 6 || zone.get(3..4)? != ":" || h > 23 || m > 59 {
                    return None;
                }
                sign * i64::from(h * 60 + m)
            }
        };
        let local = days_from_civil(year, month, day) * 86_400 + i64::from(hour * 3600 + minute * 60 + second.min(59));
        Some(Moment {
            hour,
            minute,
            epoch: local - offset * 60,
            utc: offset == 0,
        })
    }

    /// "11:42 p.m.", "12:25 a.m.", "4:42 a.m. UTC".
    pub fn clock(&self) -> String {
        let hour = match self.hour % 12 {
            0 => 12,
            h => h,
        };
        let half = if self.hour < 12 { "a.m." } else { "p.m." };
        let zone = if self.utc { " UTC" } else { "" };
        format!("{hour}:{:02} {half}{zone}", self.minute)
    }
}

/// `YYYY-MM-DD` with a real month and day.
pub fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (i64, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    ((1..=12).contains(&month) && day >= 1 && day <= days[month as usize - 1]).then_some((year, month, day))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_read_exactly_and_compare_as_instants() {
        let cases: [(&str, Option<(&str, i64)>); 12] = [
            ("1970-01-01T00:00:00Z", Some(("12:00 a.m. UTC", 0))),
            ("2024-03-05T23:42:00-05:00", Some(("11:42 p.m.", 1_709_700_120))),
            ("2024-03-06T04:42:00Z", Some(("4:42 a.m. UTC", 1_709_700_120))),
            ("2024-03-06T00:25:00.250-05:00", Some(("12:25 a.m.", 1_709_702_700))),
            ("2024-03-06t12:05:09+13:00", Some(("12:05 p.m.", 1_709_679_909))),
            ("2024-03-05 23:00:00-05:00", Some(("11:00 p.m.", 1_709_697_600))),
            ("2024-03-05T23:42-05:00", None),
            ("2024-03-05T24:00:00Z", None),
            ("2024-02-30T10:00:00Z", None),
            ("2024-03-05T23:42:00", None),
            ("2024-03-05T23:42:00-5:00", None),
            ("11:42 p.m.", None),
        ];
        for (text, expected) in cases {
            let moment = Moment::parse(text);
            assert_eq!(
                moment.map(|m| (m.clock(), m.epoch)),
                expected.map(|(c, e)| (c.to_string(), e)),
                "{text}"
            );
        }
    }
}
