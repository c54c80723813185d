//! Numbers, dates and the popular-vote result in the words and figures a reader sees: list cells,
//! the detail's sentences, cells and marks. The delegate result's words are in `delegates`.

pub use crate::model::data::names::surname;
pub use crate::model::data::numbers::{and_list, count, decimal, thousands, NOT_REPORTED};
pub use crate::model::derive::results::votes_not_the_result;
pub use crate::model::words::delegates::{delegate_cells, delegate_sentence, delegates_text};
pub use crate::model::words::live::{call_words, counted, live_note};
use crate::model::words::live::{expected_counted, upcoming, won};

use crate::model::{
    delegate_result, outcome, share_basis, shares, totals, Basis, Contest, DelegateResult, Margin, OptionKind, Outcome,
    Percent, ShareBasis, Status,
};

/// A share as shown: "56.0%", "82.98%", "<0.1%".
pub fn percent(share: Percent) -> String {
    format!("{share}%")
}

/// "2024-03-05" -> "Mar 5, 2024"; anything else is shown as it is.
pub fn date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match crate::model::parse_date(iso) {
        Some((year, month, day)) => format!("{} {day}, {year}", MONTHS[month as usize - 1]),
        None => iso.to_string(),
    }
}

/// A contest's date: "Mar 5, 2024", or its year where the data give none ("2024, no date"), so
/// that every list row says its year where the list shows dates (the place's note is a phone's).
pub fn contest_date(contest: &Contest) -> String {
    match contest.date.as_deref() {
        Some(iso) => date(iso),
        None => format!("{}, no date", contest.cycle),
    }
}

/// The winners-list cells of one contest: winner in words, share, margin, delegates.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub winner: String,
    /// How the winner was decided, when not simply by complete vote counts.
    pub basis_note: Option<String>,
    pub share: String,
    /// Where the share comes from when it is not computed here from complete counts (said beside
    /// it: computed shares all have one decimal, the others whatever their source gave).
    pub share_source: Option<ShareSource>,
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

/// What a list row says after its place, so that a place's rows differ where the list has no
/// date column (phones): the year, and the kind of a place's second contest ("2024 caucus").
pub fn row_note(contest: &Contest) -> String {
    if contest.extra {
        format!("{} {}", contest.cycle, contest.kind.label().to_ascii_lowercase())
    } else {
        contest.cycle.to_string()
    }
}

fn names(contest: &Contest, options: &[usize]) -> String {
    let names: Vec<&str> = options.iter().map(|&i| contest.options[i].name.as_str()).collect();
    and_list(&names)
}

/// A margin's points, unless they round to nothing: "by 1 vote", never "(0 points)".
fn points(margin: &Margin) -> Option<Percent> {
    margin.points.filter(|p| p.millionths() != 0)
}

/// "+12.0 pts (11 votes)", "+48.37 pts", "+1 vote", or nothing.
pub fn margin_cell(margin: &Margin) -> String {
    match (points(margin), margin.votes) {
        (Some(points), Some(votes)) => format!("+{points} pts ({})", count(votes, "vote", "votes")),
        (Some(points), None) => format!("+{points} pts"),
        (None, Some(votes)) => format!("+{}", count(votes, "vote", "votes")),
        (None, None) => String::new(),
    }
}

pub fn summary(contest: &Contest) -> Summary {
    let shares = shares(contest);
    let share = |i: usize| shares[i].map(percent).unwrap_or_default();
    if upcoming(contest) {
        return Summary {
            winner: Status::Upcoming.label().into(),
            basis_note: None,
            share: String::new(),
            share_source: None,
            margin: String::new(),
            delegates: delegates_text(contest),
        };
    }
    let (winner, basis_note, share, margin) = match outcome(contest) {
        Outcome::Cancelled => ("Cancelled".into(), None, String::new(), String::new()),
        Outcome::NoVoteHeld => (Status::NoVote.label().into(), None, String::new(), String::new()),
        Outcome::NotReported => (NOT_REPORTED.into(), None, String::new(), String::new()),
        Outcome::Tie { options, basis } => (
            format!("Tie: {}", names(contest, &options)),
            Some(basis.label().into()),
            share(options[0]),
            "Tied".into(),
        ),
        Outcome::Level { options } => (
            format!("Level: {}", names(contest, &options)),
            Some("level on printed percentages, no counts".into()),
            share(options[0]),
            "Level".into(),
        ),
        Outcome::Undecided { .. } => (
            "Leader unclear".into(),
            Some("options without a figure could be ahead".into()),
            String::new(),
            String::new(),
        ),
        Outcome::Winner { option, basis, margin } => (
            contest.options[option].name.clone(),
            match votes_not_the_result(contest, basis) {
                Some(what) => Some(format!("most votes, {what}; not the official result")),
                None => live_note(contest).or_else(|| (basis != Basis::Votes).then(|| basis.label().to_string())),
            },
            share(option),
            margin.as_ref().map(margin_cell).unwrap_or_default(),
        ),
    };
    Summary {
        winner,
        basis_note,
        share_source: share_source(contest).filter(|_| !share.is_empty()),
        share,
        margin,
        delegates: delegates_text(contest),
    }
}

/// Where a contest's shares come from, when they are not computed here from complete counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareSource {
    /// The source's printed percentages.
    Printed,
    /// Computed by the data's compilers from counts that are not the whole field: never called printed.
    Compiled,
    /// The party's shares of delegates (state delegate equivalents), not of votes.
    Reported,
}

impl ShareSource {
    /// Beside a share in the list: "56.0% as printed".
    pub fn note(self) -> &'static str {
        match self {
            Self::Printed => "as printed",
            Self::Compiled => "as compiled",
            Self::Reported => "as reported",
        }
    }

    /// The options table's share column.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Printed => "Share, as printed",
            Self::Compiled => "Share, as compiled",
            Self::Reported => "Share, as reported",
        }
    }
}

/// Where `contest`'s shares come from, if not from its complete counts (`share_sentence` says it
/// in full).
pub fn share_source(contest: &Contest) -> Option<ShareSource> {
    match share_basis(contest) {
        ShareBasis::Counts => None,
        ShareBasis::Printed if !contest.pct_of.is_none() => Some(ShareSource::Reported),
        // Without a count, the compilers computed no share: all are printed (2008-D-DA).
        ShareBasis::Printed if contest.pct_computed.is() && totals(contest).valid > 0 => Some(ShareSource::Compiled),
        ShareBasis::Printed => Some(ShareSource::Printed),
    }
}

/// The popular-vote result in a sentence; on the night, after the call if there is one ("Called
/// for Jason Palmer by AP at 11:42 p.m. Jason Palmer is leading by 11 votes (12.0 points).").
pub fn popular_sentence(contest: &Contest) -> String {
    let sentence = result_sentence(contest);
    match call_words(contest) {
        // "… at 11:42 p.m." ends its own sentence.
        Some(call) if call.ends_with('.') => format!("{call} {sentence}"),
        Some(call) => format!("{call}. {sentence}"),
        None => sentence,
    }
}

fn result_sentence(contest: &Contest) -> String {
    if upcoming(contest) {
        return "No votes have been counted yet.".into();
    }
    let name = |i: usize| contest.options[i].name.as_str();
    match outcome(contest) {
        Outcome::Cancelled => "The contest was cancelled; no votes were cast.".into(),
        Outcome::NoVoteHeld => {
            "Decided without a vote count (by voice vote, or with no ballot), so there is no popular vote.".into()
        }
        Outcome::NotReported => "The popular vote has not been reported.".into(),
        Outcome::Tie { options, basis } => {
            let each = match basis {
                Basis::Delegates => contest.options[options[0]]
                    .delegates
                    .map(|d| d.count("delegate", "delegates")),
                _ => contest.options[options[0]].votes.map(|v| count(v, "vote", "votes")),
            };
            let each = each.map(|e| format!(", {e} each")).unwrap_or_default();
            format!("{} tied for first place{each}.", names(contest, &options))
        }
        Outcome::Level { options } => {
            // The same figure, or figures their rounding cannot separate ("50" and "49.8").
            let shares = shares(contest);
            let first = shares[options[0]];
            let at = match first {
                Some(share) if options.iter().all(|&i| shares[i] == first) => format!(" at {} each", percent(share)),
                _ => ", within their rounding".into(),
            };
            format!(
                "{} are level on the source's printed percentages{at}; with no counts to separate them, no winner is named.",
                names(contest, &options)
            )
        }
        Outcome::Undecided { uncounted } => {
            let verb = if uncounted.len() == 1 { "has" } else { "have" };
            format!(
                "No leader can be named: {} {verb} no published figure and could be ahead.",
                names(contest, &uncounted)
            )
        }
        Outcome::Winner { option, basis, margin } => {
            let by = match margin.map(|m| (points(&m), m.votes)) {
                Some((Some(points), Some(votes))) => {
                    format!(" by {} ({points} points)", count(votes, "vote", "votes"))
                }
                Some((Some(points), None)) => format!(" by {points} points"),
                Some((None, Some(votes))) => format!(" by {}", count(votes, "vote", "votes")),
                _ => String::new(),
            };
            if let Some(what) = votes_not_the_result(contest, basis) {
                return format!(
                    "{} led the {what}{by}; these votes are not the contest's official result, so no winner is named on them.",
                    name(option)
                );
            }
            if let (Some(of), Basis::Percentage) = (contest.pct_of.get(), basis) {
                let verb = if counted(contest) { "won" } else { "has" };
                return format!("{} {verb} the most {of}{by}.", name(option));
            }
            match basis {
                // A lone option on a live night is no winner before the count is over.
                Basis::Reported if !counted(contest) => {
                    format!(
                        "{} is the only option listed; no figures have been published yet.",
                        name(option)
                    )
                }
                Basis::Reported => format!("{} is reported as the winner; no figures were published.", name(option)),
                Basis::Delegates if counted(contest) => {
                    format!(
                        "No vote counts were published; {} won the most delegates.",
                        name(option)
                    )
                }
                Basis::Delegates => format!(
                    "No vote counts were published; {} has the most delegates.",
                    name(option)
                ),
                Basis::Votes if !counted(contest) => {
                    format!("{} is leading{by}{}.", name(option), expected_counted(contest))
                }
                Basis::Votes => format!("{} won the popular vote{by}.", name(option)),
                _ if counted(contest) => format!("{} won the popular vote{by} ({}).", name(option), basis.label()),
                _ => format!(
                    "{} {} the popular vote{by} ({}).",
                    name(option),
                    won(contest),
                    basis.label()
                ),
            }
        }
    }
}

/// What the shares are, and whether the listed options are the whole field, said once.
pub fn share_sentence(contest: &Contest) -> Option<String> {
    if matches!(contest.status, Status::Cancelled | Status::NoVote) {
        return None;
    }
    let any_figure = contest.options.iter().any(|o| o.votes.is_some() || o.pct.is_some());
    let totals = totals(contest);
    Some(match share_basis(contest) {
        ShareBasis::Counts if totals.void > 0 => format!(
            "Shares are computed from the counts: each option's part of the {} for a candidate or option, leaving out {} blank or void.",
            count(totals.valid, "vote", "votes"),
            thousands(totals.void)
        ),
        ShareBasis::Counts => format!(
            "Shares are computed from the counts: each option's part of the {} for a candidate or option.",
            count(totals.valid, "vote", "votes")
        ),
        _ if !any_figure => return None,
        ShareBasis::Printed if !contest.pct_of.is_none() => format!(
            "Shares are of {}, as the party reported them, not of votes: no vote counts were published.",
            contest.pct_of.get().map_or("", |s| s.as_str())
        ),
        ShareBasis::Printed if contest.pct_computed.is() && totals.valid > 0 => {
            "The compilers computed these shares from the listed counts, to two decimals, unless a source printed one. Only the options listed are itemised; others may have had votes, and the listed counts do not add up to a total.".into()
        }
        ShareBasis::Printed if contest.whole_field => {
            "Shares are the source's printed percentages, as not every option has a count.".into()
        }
        // No "listed counts" where there are none (2008-D-DA).
        ShareBasis::Printed => format!(
            "Only the options listed are itemised by the source; others may have had votes. Shares are the source's printed percentages{}.",
            if totals.valid > 0 { ", and the listed counts do not add up to a total" } else { "" }
        ),
    })
}

/// The label of the table's sum row: a total only when the listed options are the whole field;
/// none without a count, or where an option with a share has no count (2024-D-MP's winner: a
/// sum without the most votes would mislead).
pub fn total_label(contest: &Contest) -> Option<&'static str> {
    let totals = totals(contest);
    let left_out = contest.options.iter().any(|o| o.votes.is_none() && o.pct.is_some());
    (totals.valid > 0 && !left_out).then_some(if totals.complete {
        "Total"
    } else {
        "Sum of the listed counts"
    })
}

/// The marks beside the options' names in the detail's table.
#[derive(Clone, Debug, PartialEq)]
pub struct Marks {
    /// The popular vote's leaders, and whether they won it (alone, or tied for first).
    pub leaders: Vec<usize>,
    pub won: bool,
    /// "Winner", "Tied", or what they led when the votes are not the result ("Most votes, final
    /// alignment").
    pub mark: String,
    /// The delegate result's, where it adds to the popular vote's.
    pub delegate_leaders: Vec<usize>,
    pub delegate_mark: &'static str,
}

impl Marks {
    pub fn new(contest: &Contest) -> Marks {
        let (leaders, mark, won) = match outcome(contest) {
            Outcome::Winner { option, basis, .. } => match votes_not_the_result(contest, basis) {
                Some(what) => (vec![option], format!("Most votes, {what}"), false),
                None if !counted(contest) => (vec![option], "Leading".into(), false),
                None => (vec![option], "Winner".into(), true),
            },
            Outcome::Tie { options, .. } => (options, "Tied".into(), counted(contest)),
            _ => (Vec::new(), String::new(), false),
        };
        let (delegate_leaders, delegate_mark) = match delegate_result(contest) {
            DelegateResult::Winner { option } if !(won && leaders.contains(&option)) => {
                (vec![option], "Most delegates")
            }
            DelegateResult::Split { options } => (options, "Tied on delegates"),
            _ => (Vec::new(), ""),
        };
        Marks {
            leaders,
            won,
            mark,
            delegate_leaders,
            delegate_mark,
        }
    }

    /// Whether the option's row is the popular-vote winner's.
    pub fn winner(&self, option: usize) -> bool {
        self.won && self.leaders.contains(&option)
    }

    /// The option's marks: the popular vote's, then the delegates'.
    pub fn of(&self, option: usize) -> impl Iterator<Item = &str> {
        let vote = self.leaders.contains(&option).then_some(self.mark.as_str());
        let delegates = self.delegate_leaders.contains(&option).then_some(self.delegate_mark);
        vote.into_iter().chain(delegates)
    }
}

/// Each option's share cell: as shown by `shares`; a blank or void row has none when shares are computed.
pub fn share_cells(contest: &Contest) -> Vec<String> {
    let computed = share_basis(contest) == ShareBasis::Counts;
    shares(contest)
        .iter()
        .zip(&contest.options)
        .map(|(share, option)| match share {
            Some(share) => percent(*share),
            None if computed && option.kind == OptionKind::Void => "\u{2014}".into(),
            None => NOT_REPORTED.into(),
        })
        .collect()
}
