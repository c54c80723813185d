//! What a contest's figures mean: totals, shares, the popular-vote result and the delegate result.
//! Everything here is derived on demand and never stored in the dataset.

use crate::model::{BallotOption, Contest, OptionKind, Percent, Status};

/// Which figures decided the popular-vote result; shown to the reader beside the winner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Every listed option has a vote count.
    Votes,
    /// Counts are partial: the options without one are shown to be behind the leader.
    PartialVotes,
    /// The source's printed percentages.
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
            Basis::Percentage => "by the source's percentages",
            Basis::Delegates => "by delegates (no vote counts)",
            Basis::Reported => "as reported (no figures published)",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Margin {
    /// Exact, when both options have counts.
    pub votes: Option<i64>,
    /// The difference of the two shares as shown (see `shares`); none when one is a bound ("<0.1").
    pub points: Option<Percent>,
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
    /// Two or more options level on an exact figure (votes, or delegates): none is picked.
    Tie {
        options: Vec<usize>,
        basis: Basis,
    },
    /// Equal printed percentages and no counts to separate them: level as printed, not a tie.
    Level {
        options: Vec<usize>,
    },
    /// Options without a count could be ahead of the leader of those counted: no leader is named.
    Undecided {
        uncounted: Vec<usize>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum DelegateResult {
    /// This vote binds no delegates (a non-binding primary, an unbound delegation).
    NotBinding,
    /// The source states that no delegates were at stake.
    NoneAtStake,
    NotReported,
    Winner {
        option: usize,
    },
    /// The most delegates, shared by several options (American Samoa 2024: 3-3).
    Split {
        options: Vec<usize>,
    },
}

/// One option's delegates as the reader should read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelegateFigure {
    Won(i64),
    /// The source leaves it empty, but the listed delegates add up to all those pledged.
    ZeroByArithmetic,
    NotReported,
    /// The vote binds no delegates, and the source states no number.
    NotBound,
}

/// Ballots counted for someone or something, and ballots that chose no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Totals {
    /// Person, uncommitted and other rows: the denominator of every computed share.
    pub valid: i64,
    /// Blank, void and overvote rows: listed, never part of a share.
    pub void: i64,
    /// The listed options are the whole field and each has a count: `valid` is the total.
    pub complete: bool,
}

pub fn totals(contest: &Contest) -> Totals {
    let mut totals = Totals {
        complete: contest.whole_field,
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

/// Where the shares shown come from: the counts, or the source's printed figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareBasis {
    /// Each option's votes out of all votes for a candidate or option (blank and void left out):
    /// only when the field is whole and every option has a count.
    Counts,
    /// The source's percentages as printed, on whatever base the source used.
    Printed,
}

pub fn share_basis(contest: &Contest) -> ShareBasis {
    let totals = totals(contest);
    if totals.complete && totals.valid > 0 {
        ShareBasis::Counts
    } else {
        ShareBasis::Printed
    }
}

/// Each option's share as shown: computed from counts (one decimal) or as printed. Void rows have
/// no computed share; with printed figures they keep the source's.
pub fn shares(contest: &Contest) -> Vec<Option<Percent>> {
    let totals = totals(contest);
    let basis = share_basis(contest);
    contest
        .options
        .iter()
        .map(|option| match basis {
            ShareBasis::Counts if option.kind == OptionKind::Void => None,
            ShareBasis::Counts => Percent::of(option.votes?, totals.valid),
            ShareBasis::Printed => printed(option),
        })
        .collect()
}

pub fn printed(option: &BallotOption) -> Option<Percent> {
    Percent::parse(option.pct.as_deref()?)
}

/// The most that any one option without a printed figure can have had: what the printed
/// figures of the others leave of 100.
fn unprinted_ceiling(contest: &Contest) -> i64 {
    let printed_floor: i64 = contest
        .options
        .iter()
        .filter(|o| o.kind != OptionKind::Void)
        .filter_map(printed)
        .map(Percent::lower_millionths)
        .sum();
    (100_000_000 - printed_floor).max(0)
}

/// Indices of `candidates` level at the top of `figure`, and the best figure below them.
/// One instance for every figure (`dyn`): each generic copy would cost wasm.
type Figure<'a> = &'a dyn Fn(usize) -> Option<i64>;

fn leaders(candidates: &[usize], figure: Figure) -> (Vec<usize>, Option<usize>) {
    let mut ranked: Vec<(usize, i64)> = candidates.iter().filter_map(|&i| figure(i).map(|f| (i, f))).collect();
    crate::model::data::order::sort_short(&mut ranked, |a, b| b.1.cmp(&a.1));
    let Some(&(_, best)) = ranked.first() else {
        return (Vec::new(), None);
    };
    let top: Vec<usize> = ranked.iter().take_while(|(_, f)| *f == best).map(|(i, _)| *i).collect();
    let runner_up = ranked.get(top.len()).map(|(i, _)| *i);
    (top, runner_up)
}

pub fn outcome(contest: &Contest) -> Outcome {
    match contest.status {
        Status::Cancelled => return Outcome::Cancelled,
        Status::NoVote => return Outcome::NoVoteHeld,
        Status::Final => {}
    }
    let options = &contest.options;
    let contenders: Vec<usize> = (0..options.len()).filter(|&i| options[i].kind.can_win()).collect();
    let votes = |i: usize| options[i].votes;
    let pct = |i: usize| printed(&options[i]);
    let all = |has: &dyn Fn(usize) -> bool| !contenders.is_empty() && contenders.iter().all(|&i| has(i));
    let any = |has: &dyn Fn(usize) -> bool| contenders.iter().any(|&i| has(i));

    if all(&|i| votes(i).is_some()) {
        return decide(contest, &contenders, Basis::Votes, &votes);
    }
    if all(&|i| pct(i).is_some()) {
        return decide(contest, &contenders, Basis::Percentage, &|i| {
            pct(i).map(Percent::millionths)
        });
    }
    // A printed majority decides, whatever the missing figures would have been.
    if let Some(&i) = contenders
        .iter()
        .find(|&&i| pct(i).is_some_and(|p| p.lower_millionths() > 50_000_000))
    {
        return Outcome::Winner {
            option: i,
            basis: Basis::Percentage,
            margin: None,
        };
    }
    // Otherwise a leader is named only if every option without the deciding figure is shown to be
    // behind it by the printed percentages.
    let behind = |leader: usize, without: &[usize]| {
        let ceiling = unprinted_ceiling(contest);
        pct(leader).is_some_and(|lead| {
            without
                .iter()
                .all(|&i| pct(i).map_or(ceiling, Percent::upper_millionths) <= lead.lower_millionths())
        })
    };
    let (basis, figure): (Basis, Figure) = if any(&|i| votes(i).is_some()) {
        (Basis::PartialVotes, &votes)
    } else if any(&|i| pct(i).is_some()) {
        (Basis::Percentage, &|i| pct(i).map(Percent::millionths))
    } else if any(&|i| options[i].delegates.is_some()) {
        let delegates = |i: usize| options[i].delegates;
        return by_delegates(contest, &contenders, &delegates);
    } else if contenders.len() == 1 {
        return Outcome::Winner {
            option: contenders[0],
            basis: Basis::Reported,
            margin: None,
        };
    } else {
        return Outcome::NotReported;
    };
    let without: Vec<usize> = contenders.iter().copied().filter(|&i| figure(i).is_none()).collect();
    let (top, _) = leaders(&contenders, figure);
    if top.iter().all(|&leader| behind(leader, &without)) {
        decide(contest, &contenders, basis, figure)
    } else {
        Outcome::Undecided { uncounted: without }
    }
}

/// The result among `contenders` on one figure; `Basis::Percentage` can only be level, never tied.
fn decide(contest: &Contest, contenders: &[usize], basis: Basis, figure: Figure) -> Outcome {
    let (top, runner_up) = leaders(contenders, figure);
    match top.as_slice() {
        [] => Outcome::NotReported,
        [winner] => Outcome::Winner {
            option: *winner,
            basis,
            margin: runner_up.map(|runner| margin(contest, *winner, runner)),
        },
        _ if basis == Basis::Percentage => Outcome::Level { options: top },
        _ => Outcome::Tie { options: top, basis },
    }
}

fn margin(contest: &Contest, winner: usize, runner: usize) -> Margin {
    let (a, b) = (&contest.options[winner], &contest.options[runner]);
    let shares = shares(contest);
    Margin {
        votes: a.votes.zip(b.votes).map(|(a, b)| a - b),
        // Points only where they agree with the order: printed figures of a partial count may not.
        points: shares[winner]
            .zip(shares[runner])
            .and_then(|(a, b)| a.minus(b))
            .filter(|p| !p.is_negative()),
    }
}

fn by_delegates(contest: &Contest, contenders: &[usize], delegates: Figure) -> Outcome {
    let figures = delegate_figures(contest);
    let known = |i: usize| match figures[i] {
        DelegateFigure::Won(d) => Some(d),
        DelegateFigure::ZeroByArithmetic => Some(0),
        _ => None,
    };
    let (top, _) = leaders(contenders, &known);
    let best = top.first().and_then(|&i| delegates(i)).unwrap_or(0);
    let everyone_known = contenders.iter().all(|&i| known(i).is_some());
    let majority = contest.pledged_delegates.is_some_and(|p| best * 2 > p);
    if best == 0 {
        return Outcome::NotReported;
    }
    if !(everyone_known || majority) {
        return Outcome::Undecided {
            uncounted: contenders.iter().copied().filter(|&i| known(i).is_none()).collect(),
        };
    }
    match top.as_slice() {
        [winner] => Outcome::Winner {
            option: *winner,
            basis: Basis::Delegates,
            margin: None,
        },
        _ => Outcome::Tie {
            options: top,
            basis: Basis::Delegates,
        },
    }
}

/// Each option's delegates: as stated; 0 where the listed delegates already add up to all those
/// pledged; otherwise not reported, or not bound when the vote binds none.
pub fn delegate_figures(contest: &Contest) -> Vec<DelegateFigure> {
    let listed: i64 = contest.options.iter().filter_map(|o| o.delegates).sum();
    let accounted = contest.pledged_delegates.is_some_and(|p| p > 0 && listed == p);
    contest
        .options
        .iter()
        .map(|o| match o.delegates {
            Some(d) => DelegateFigure::Won(d),
            None if !contest.binding => DelegateFigure::NotBound,
            None if accounted => DelegateFigure::ZeroByArithmetic,
            None => DelegateFigure::NotReported,
        })
        .collect()
}

/// Whether some empty delegate cells are 0 by arithmetic (said once, in words).
pub fn delegates_accounted(contest: &Contest) -> bool {
    delegate_figures(contest).contains(&DelegateFigure::ZeroByArithmetic)
}

pub fn delegate_result(contest: &Contest) -> DelegateResult {
    let contenders: Vec<usize> = (0..contest.options.len()).collect();
    // Zero is no win: options level at 0 delegates are not a split.
    let (top, _) = leaders(&contenders, &|i| contest.options[i].delegates.filter(|&d| d > 0));
    match top.as_slice() {
        [] if !contest.binding => DelegateResult::NotBinding,
        [] if contest.pledged_delegates == Some(0) => DelegateResult::NoneAtStake,
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
