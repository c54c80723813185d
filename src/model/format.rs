//! Numbers, dates and results in the words and figures a reader sees.

use crate::model::{delegate_result, outcome, shares, Basis, Contest, DelegateResult, Outcome};

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

pub fn percent(value: f64) -> String {
    format!("{}%", decimal(value, 1))
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

/// "2024-03-05" -> "Mar 5, 2024"; anything else is shown as it is.
pub fn date(iso: Option<&str>) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(iso) = iso else {
        return "No date".into();
    };
    match crate::model::parse_date(iso) {
        Some((year, month, day)) => format!("{} {day}, {year}", MONTHS[month as usize - 1]),
        None => iso.to_string(),
    }
}

pub const NOT_REPORTED: &str = "Not reported";

/// The winners-list cells of one contest: winner in words, share, margin, delegates.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub winner: String,
    /// How the winner was decided, when not simply by complete vote counts.
    pub basis_note: Option<String>,
    pub share: String,
    pub margin: String,
    pub delegates: String,
}

/// What the contest was, after its place: "2024 Democratic caucus".
pub fn contest_label(contest: &Contest) -> String {
    format!(
        "{} {} {}",
        contest.cycle,
        contest.party.name(),
        contest.kind.label().to_ascii_lowercase()
    )
}

pub fn summary(contest: &Contest) -> Summary {
    let shares = shares(contest);
    let names = |options: &[usize]| {
        options
            .iter()
            .map(|&i| contest.options[i].name.as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let (winner, basis_note, share, margin) = match outcome(contest) {
        Outcome::Cancelled => ("Cancelled".into(), None, String::new(), String::new()),
        Outcome::NoVoteHeld => ("No vote held".into(), None, String::new(), String::new()),
        Outcome::NotReported => (NOT_REPORTED.into(), None, String::new(), String::new()),
        Outcome::Tie { options, basis } => (
            format!("Tie: {}", names(&options)),
            Some(basis.label().into()),
            shares[options[0]].map(percent).unwrap_or_default(),
            "Tied".into(),
        ),
        Outcome::Winner { option, basis, margin } => {
            let note = (basis != Basis::Votes).then(|| basis.label().to_string());
            let margin = match margin {
                Some(m) if m.points.is_finite() => match m.votes {
                    Some(votes) => format!("+{} pts ({} votes)", decimal(m.points, 1), thousands(votes)),
                    None => format!("+{} pts", decimal(m.points, 1)),
                },
                Some(m) => m.votes.map(|v| format!("+{} votes", thousands(v))).unwrap_or_default(),
                None => String::new(),
            };
            (
                contest.options[option].name.clone(),
                note,
                shares[option].map(percent).unwrap_or_default(),
                margin,
            )
        }
    };
    Summary {
        winner,
        basis_note,
        share,
        margin,
        delegates: delegates_text(contest),
    }
}

/// The popular-vote result in a sentence.
pub fn popular_sentence(contest: &Contest) -> String {
    let name = |i: usize| contest.options[i].name.clone();
    match outcome(contest) {
        Outcome::Cancelled => "The contest was cancelled; no votes were cast.".into(),
        Outcome::NoVoteHeld => "No vote was held, so there is no popular vote.".into(),
        Outcome::NotReported => "The popular vote has not been reported.".into(),
        Outcome::Tie { options, basis } => {
            format!(
                "Tie for first place between {} ({}).",
                options.iter().map(|&i| name(i)).collect::<Vec<_>>().join(" and "),
                basis.label()
            )
        }
        Outcome::Winner { option, basis, margin } => {
            let by = match margin {
                Some(m) if m.points.is_finite() => match m.votes {
                    Some(v) => format!(" by {} votes ({} points)", thousands(v), decimal(m.points, 1)),
                    None => format!(" by {} points", decimal(m.points, 1)),
                },
                _ => String::new(),
            };
            let verb = if basis == Basis::Reported {
                "is reported as the winner"
            } else {
                "won the popular vote"
            };
            let how = if basis == Basis::Votes {
                String::new()
            } else {
                format!(" ({})", basis.label())
            };
            format!("{} {verb}{by}{how}.", name(option))
        }
    }
}

/// The delegate result in a sentence.
pub fn delegate_sentence(contest: &Contest) -> String {
    let stake = contest
        .pledged_delegates
        .map(|p| format!(" of {p} pledged"))
        .unwrap_or_default();
    match delegate_result(contest) {
        DelegateResult::NotReported if contest.pledged_delegates == Some(0) => "No delegates were at stake.".into(),
        DelegateResult::NotReported => "The delegate allocation has not been reported.".into(),
        DelegateResult::Winner { option } => {
            let o = &contest.options[option];
            format!(
                "{} won the most delegates: {}{stake}.",
                o.name,
                o.delegates.unwrap_or(0)
            )
        }
        DelegateResult::Split { options } => {
            let parts: Vec<String> = options
                .iter()
                .map(|&i| {
                    format!(
                        "{} {}",
                        contest.options[i].name,
                        contest.options[i].delegates.unwrap_or(0)
                    )
                })
                .collect();
            format!("The delegates were split evenly: {}{stake}.", parts.join(", "))
        }
    }
}

/// "Palmer 3, Biden 3 (split)", "Biden 52 of 52", or "Not reported".
pub fn delegates_text(contest: &Contest) -> String {
    let mut won: Vec<(&str, i64)> = contest
        .options
        .iter()
        .filter_map(|o| o.delegates.filter(|&d| d > 0).map(|d| (o.name.as_str(), d)))
        .collect();
    crate::model::order::sort_short(&mut won, |a, b| b.1.cmp(&a.1));
    if won.is_empty() {
        return match contest.pledged_delegates {
            Some(0) => "None at stake".into(),
            _ => NOT_REPORTED.into(),
        };
    }
    let listed: Vec<String> = won.iter().map(|(name, d)| format!("{} {d}", surname(name))).collect();
    let mut text = listed.join(", ");
    if matches!(delegate_result(contest), DelegateResult::Split { .. }) {
        text.push_str(" (split)");
    }
    if let Some(pledged) = contest.pledged_delegates {
        text.push_str(&format!(" of {pledged}"));
    }
    text
}

/// The last word of a person's name, for compact lists; labels like "Uncommitted" stay whole.
pub fn surname(name: &str) -> &str {
    let name = name.split(" (").next().unwrap_or(name);
    if crate::model::OptionKind::classify(name) == crate::model::OptionKind::Person {
        name.rsplit(' ').next().unwrap_or(name)
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_a_reader_expects() {
        assert_eq!(thousands(3207687), "3,207,687");
        assert_eq!(thousands(51), "51");
        assert_eq!(thousands(100000), "100,000");
        assert_eq!(date(Some("2024-03-05")), "Mar 5, 2024");
        assert_eq!(date(None), "No date");
        assert_eq!(surname("Joe Biden (write-in)"), "Biden");
        assert_eq!(surname("None of These Candidates"), "None of These Candidates");
        let cases = [
            (56.04, 1, "56.0"),
            (12.087, 1, "12.1"),
            (0.05, 1, "0.1"),
            (-2.25, 1, "-2.3"),
            (99.999, 2, "100.00"),
            (3.0, 0, "3"),
        ];
        for (value, places, text) in cases {
            assert_eq!(decimal(value, places), text, "{value}");
        }
    }
}
