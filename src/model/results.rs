//! What a contest's figures mean: totals, shares, the popular-vote result and the delegate result.
//! Everything here is derived on demand and never stored in the dataset.

use crate::model::{Contest, OptionKind, Status};

/// Which figures decided the popular-vote result; shown to the reader beside the winner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Every listed option has a vote count.
    Votes,
    /// Counts are partial: some listed options have none (the leader is among those counted).
    PartialVotes,
    /// No counts; the source's printed percentages.
    Percentage,
    /// No counts nor percentages; the delegates the source reports.
    Delegates,
    /// No figure at all: the source lists one option, the winner it reports.
    Reported,
}

impl Basis {
    pub fn label(self) -> &'static str {
        match self {
            Basis::Votes => "by votes",
            Basis::PartialVotes => "by votes reported (some counts missing)",
            Basis::Percentage => "by the source's percentages (no vote counts)",
            Basis::Delegates => "by delegates (no vote counts)",
            Basis::Reported => "as reported (no figures published)",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Margin {
    pub votes: Option<i64>,
    /// Percentage points between the leader and the runner-up.
    pub points: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Cancelled,
    NoVoteHeld,
    NotReported,
    /// Index into `contest.options`.
    Winner {
        option: usize,
        basis: Basis,
        margin: Option<Margin>,
    },
    /// Two or more options level on the deciding figure: none is picked.
    Tie {
        options: Vec<usize>,
        basis: Basis,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum DelegateResult {
    NotReported,
    Winner {
        option: usize,
    },
    /// The most delegates, shared equally by several options (American Samoa 2024: 3-3).
    Split {
        options: Vec<usize>,
    },
}

/// Ballots counted for someone or something, and ballots that chose no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Totals {
    /// Person, uncommitted and other rows: the denominator of every computed share.
    pub valid: i64,
    /// Blank, void and overvote rows: listed, never part of a share.
    pub void: i64,
    /// Whether every non-void row has a count, so the total is the whole.
    pub complete: bool,
}

pub fn totals(contest: &Contest) -> Totals {
    let mut totals = Totals {
        complete: true,
        ..Totals::default()
    };
    for option in &contest.options {
        match (option.kind, option.votes) {
            (OptionKind::Void, Some(v)) => totals.void = totals.void.saturating_add(v),
            (OptionKind::Void, None) => {}
            (_, Some(v)) => totals.valid = totals.valid.saturating_add(v),
            (_, None) => totals.complete = false,
        }
    }
    totals
}

/// Each option's share in percent: computed from votes when every count is in, else the printed figure.
pub fn shares(contest: &Contest) -> Vec<Option<f64>> {
    let totals = totals(contest);
    // When the printed percentages fall well short of 100, the source listed only part of the
    // field: shares of the listed counts would overstate everyone, so keep the printed figures.
    let printed: f64 = contest
        .options
        .iter()
        .filter(|o| o.kind != OptionKind::Void)
        .filter_map(|o| o.pct_value())
        .sum();
    let counted = contest.options.iter().filter(|o| o.kind != OptionKind::Void);
    let partial_field = counted.clone().all(|o| o.pct.is_some()) && counted.count() > 0 && printed < 99.0;
    let totals = Totals {
        complete: totals.complete && !partial_field,
        ..totals
    };
    contest
        .options
        .iter()
        .map(|option| match option.votes {
            Some(v) if totals.complete && totals.valid > 0 && option.kind != OptionKind::Void => {
                Some(v as f64 * 100.0 / totals.valid as f64)
            }
            _ => option.pct_value(),
        })
        .collect()
}

/// Indices of the options level at the top of `figure`, best first, and the runner-up's figure.
fn leaders(contest: &Contest, figure: impl Fn(usize) -> Option<f64>) -> (Vec<usize>, Option<f64>) {
    let mut ranked: Vec<(usize, f64)> = (0..contest.options.len())
        .filter(|&i| contest.options[i].kind.can_win())
        .filter_map(|i| figure(i).map(|f| (i, f)))
        .collect();
    crate::model::order::sort_short(&mut ranked, |a, b| b.1.total_cmp(&a.1));
    let Some(&(_, best)) = ranked.first() else {
        return (Vec::new(), None);
    };
    let top: Vec<usize> = ranked.iter().take_while(|(_, f)| *f == best).map(|(i, _)| *i).collect();
    let runner_up = ranked.get(top.len()).map(|(_, f)| *f);
    (top, runner_up)
}

pub fn outcome(contest: &Contest) -> Outcome {
    match contest.status {
        Status::Cancelled => return Outcome::Cancelled,
        Status::NoVote => return Outcome::NoVoteHeld,
        Status::Final => {}
    }
    let contenders: Vec<_> = contest.options.iter().filter(|o| o.kind.can_win()).collect();
    let counted = contenders.iter().filter(|o| o.votes.is_some()).count();
    let printed = contenders.iter().filter(|o| o.pct_value().is_some()).count();
    let basis = if counted > 0 && counted == contenders.len() {
        Basis::Votes
    } else if printed > 0 && printed == contenders.len() {
        Basis::Percentage
    } else if contenders.iter().any(|o| o.pct_value().is_some_and(|p| p > 50.0)) {
        // A printed majority decides whatever the missing figures would have been.
        Basis::Percentage
    } else if counted > 0 && contenders.iter().all(|o| o.votes.is_some() || o.pct.is_none()) {
        Basis::PartialVotes
    } else if printed > 0 {
        Basis::Percentage
    } else if contenders.iter().any(|o| o.delegates.is_some()) {
        Basis::Delegates
    } else if contenders.len() == 1 {
        Basis::Reported
    } else {
        return Outcome::NotReported;
    };
    let shares = shares(contest);
    let figure = |i: usize| -> Option<f64> {
        let option = &contest.options[i];
        match basis {
            Basis::Votes | Basis::PartialVotes => option.votes.map(|v| v as f64),
            Basis::Percentage => option.pct_value(),
            Basis::Delegates => option.delegates.map(|d| d as f64),
            Basis::Reported => Some(0.0),
        }
    };
    let (top, runner_up) = leaders(contest, figure);
    match top.as_slice() {
        [] => Outcome::NotReported,
        [winner] => {
            let runner = runner_up.and_then(|value| {
                (0..contest.options.len())
                    .find(|&i| i != *winner && contest.options[i].kind.can_win() && figure(i) == Some(value))
            });
            let margin = match (basis, runner) {
                (Basis::Delegates | Basis::Reported, _) | (_, None) => None,
                (_, Some(runner)) => Some(Margin {
                    votes: match basis {
                        Basis::Votes | Basis::PartialVotes => Some(
                            contest.options[*winner].votes.unwrap_or(0) - contest.options[runner].votes.unwrap_or(0),
                        ),
                        _ => None,
                    },
                    points: match (basis, shares[*winner], shares[runner]) {
                        (Basis::PartialVotes, _, _) => match (
                            contest.options[*winner].pct_value(),
                            contest.options[runner].pct_value(),
                        ) {
                            (Some(a), Some(b)) => a - b,
                            _ => f64::NAN,
                        },
                        (_, Some(a), Some(b)) => a - b,
                        _ => f64::NAN,
                    },
                }),
            };
            Outcome::Winner {
                option: *winner,
                basis,
                margin,
            }
        }
        _ => Outcome::Tie { options: top, basis },
    }
}

pub fn delegate_result(contest: &Contest) -> DelegateResult {
    let (top, _) = leaders(contest, |i| {
        contest.options[i].delegates.filter(|&d| d > 0).map(|d| d as f64)
    });
    match top.as_slice() {
        [] => DelegateResult::NotReported,
        [winner] => DelegateResult::Winner { option: *winner },
        _ => DelegateResult::Split { options: top },
    }
}

/// Whether the popular-vote leader and the delegate leader are different options.
pub fn winners_differ(contest: &Contest) -> bool {
    match (outcome(contest), delegate_result(contest)) {
        (Outcome::Winner { option, basis, .. }, DelegateResult::Winner { option: d }) => {
            !matches!(basis, Basis::Delegates | Basis::Reported) && option != d
        }
        (Outcome::Winner { basis, .. }, DelegateResult::Split { .. }) => {
            !matches!(basis, Basis::Delegates | Basis::Reported)
        }
        _ => false,
    }
}

/// Whether any figure a reader might look for is missing: a count, a percentage or a delegate number.
pub fn has_missing_figure(contest: &Contest) -> bool {
    contest.status == Status::Final && contest.options.iter().any(|o| o.votes.is_none() || o.pct.is_none())
}
