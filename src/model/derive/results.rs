//! The popular-vote result of a contest: winner, tie, level or undecided, on which figures, and
//! by how much. Derived on demand, never stored in the dataset.

use crate::model::data::order::{leaders, ranked, Figure};
use crate::model::derive::delegates::{delegate_figures, delegate_result, DelegateFigure, DelegateResult};
use crate::model::derive::shares::{printed, shares};
use crate::model::{Contest, OptionKind, Percent, Status};

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
    /// The difference of the two shares as shown (see `shares`), at the coarser of their two
    /// precisions; none when one is a bound ("<0.1").
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
    /// Printed percentages that cannot be told apart within their rounding ("40.0" and "40.0", or
    /// "50" and "49.8"), and no counts to separate them: level as printed, never a tie.
    Level {
        options: Vec<usize>,
    },
    /// Options without a count could be ahead of the leader of those counted: no leader is named.
    Undecided {
        uncounted: Vec<usize>,
    },
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

/// Whether option `behind` is shown by the printed percentages to have had no more than `ahead`:
/// its figure, or without one what the others leave of 100, cannot pass the least `ahead` can be.
fn shown_behind(contest: &Contest, ahead: usize, behind: usize) -> bool {
    let ceiling = unprinted_ceiling(contest);
    printed(&contest.options[ahead]).is_some_and(|lead| {
        printed(&contest.options[behind]).map_or(ceiling, Percent::upper_millionths) <= lead.lower_millionths()
    })
}

/// The printed figures that could be the highest once their rounding is allowed for ("50" is
/// anything from 49.5 up to 50.5, so it cannot be told from "49.8"), highest shown first.
fn could_lead_as_printed(contest: &Contest, contenders: &[usize]) -> Vec<usize> {
    let pct = |i: usize| printed(&contest.options[i]);
    // By the middle of each figure's range, so "<0.1" ranks below "0.1".
    let ranked = ranked(contenders, &|i| {
        pct(i).map(|p| p.lower_millionths() + p.upper_millionths())
    });
    let mut level = Vec::new();
    for &(i, _) in &ranked {
        // It could be first if the most it can be passes the least each other can be.
        let most = pct(i).map_or(0, Percent::upper_millionths);
        if ranked
            .iter()
            .all(|&(j, _)| j == i || pct(j).is_some_and(|p| most > p.lower_millionths()))
        {
            level.push(i);
        }
    }
    level
}

pub fn outcome(contest: &Contest) -> Outcome {
    match contest.status {
        Status::Cancelled => return Outcome::Cancelled,
        Status::NoVote => return Outcome::NoVoteHeld,
        _ => {}
    }
    let options = &contest.options;
    let contenders: Vec<usize> = (0..options.len()).filter(|&i| options[i].kind.can_win()).collect();
    let votes = |i: usize| options[i].votes;
    let pct = |i: usize| printed(&options[i]);
    let shown = |i: usize| pct(i).map(Percent::millionths);
    let all = |has: &dyn Fn(usize) -> bool| !contenders.is_empty() && contenders.iter().all(|&i| has(i));
    let any = |has: &dyn Fn(usize) -> bool| contenders.iter().any(|&i| has(i));

    if all(&|i| votes(i).is_some()) {
        return decide(contest, &contenders, Basis::Votes, &votes);
    }
    if all(&|i| pct(i).is_some()) {
        return decide(contest, &contenders, Basis::Percentage, &shown);
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
    let (basis, figure): (Basis, Figure) = if any(&|i| votes(i).is_some()) {
        (Basis::PartialVotes, &votes)
    } else if any(&|i| pct(i).is_some()) {
        (Basis::Percentage, &shown)
    } else if any(&|i| options[i].delegates.is_some()) {
        let delegates = |i: usize| options[i].delegates.map(crate::model::Delegates::halves);
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
    if top
        .iter()
        .all(|&leader| without.iter().all(|&i| shown_behind(contest, leader, i)))
    {
        decide(contest, &contenders, basis, figure)
    } else {
        Outcome::Undecided { uncounted: without }
    }
}

/// The result among `contenders` on one figure, those without it already shown to be behind the
/// leader. Printed percentages are never tied, only level within their rounding.
fn decide(contest: &Contest, contenders: &[usize], basis: Basis, figure: Figure) -> Outcome {
    if basis == Basis::Percentage {
        let level = could_lead_as_printed(contest, contenders);
        if level.len() > 1 {
            return Outcome::Level { options: level };
        }
    }
    let (top, runner_up) = leaders(contenders, figure);
    match top.as_slice() {
        [] => Outcome::NotReported,
        [winner] => Outcome::Winner {
            option: *winner,
            basis,
            margin: runner_up.and_then(|runner| margin(contest, figure, *winner, runner)),
        },
        _ => Outcome::Tie { options: top, basis },
    }
}

/// The winner's lead over `runner`, only where `runner` is surely second: an option without the
/// deciding figure could otherwise sit between the two (A 1,000 votes, B no count but 30.0%, C
/// 200 votes: B may well have more than C). Votes likewise need every other option's count, or its
/// printed figure, to be behind the runner-up's. An aggregate row ("Other", "Write-in votes")
/// ahead of the runner-up could hide a person with more: no margin then either.
fn margin(contest: &Contest, figure: Figure, winner: usize, runner: usize) -> Option<Margin> {
    let options = &contest.options;
    let others = || (0..options.len()).filter(|&i| i != winner && i != runner && options[i].kind != OptionKind::Void);
    if !others().all(|i| match figure(i) {
        Some(f) => Some(f) <= figure(runner),
        None => shown_behind(contest, runner, i),
    }) {
        return None;
    }
    let (a, b) = (&contest.options[winner], &contest.options[runner]);
    let votes_second = others().all(|i| match (contest.options[i].votes, b.votes) {
        (Some(other), Some(second)) => other <= second,
        _ => shown_behind(contest, runner, i),
    });
    let shares = shares(contest);
    // Only where they agree with the order: printed figures and counts of a partial source may not.
    Some(Margin {
        votes: a
            .votes
            .zip(b.votes)
            .map(|(a, b)| a - b)
            .filter(|v| *v >= 0 && votes_second),
        points: shares[winner]
            .zip(shares[runner])
            .and_then(|(a, b)| a.minus(b))
            .filter(|p| !p.is_negative()),
    })
}

fn by_delegates(contest: &Contest, contenders: &[usize], delegates: Figure) -> Outcome {
    let figures = delegate_figures(contest);
    let known = |i: usize| match figures[i] {
        DelegateFigure::Won(d) => Some(d.halves()),
        DelegateFigure::ZeroByArithmetic => Some(0),
        _ => None,
    };
    let (top, _) = leaders(contenders, &known);
    let best = top.first().and_then(|&i| delegates(i)).unwrap_or(0);
    let everyone_known = contenders.iter().all(|&i| known(i).is_some());
    // In halves, as `delegates` gives them.
    let majority = contest.pledged_delegates.is_some_and(|p| best * 2 > p.halves());
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

/// What the votes are when they are not the contest's official result (`votes_are`, a caucus's
/// final alignment): the option with most of them led them and is never called the winner.
pub fn votes_not_the_result(contest: &Contest, basis: Basis) -> Option<&str> {
    contest
        .votes_are
        .as_deref()
        .filter(|_| !matches!(basis, Basis::Delegates | Basis::Reported))
}

/// The option the contest's result names its winner: none where the votes it leads are not the
/// official result (Iowa's and Nevada's 2020 final alignments).
pub fn winner(contest: &Contest) -> Option<usize> {
    match outcome(contest) {
        Outcome::Winner { option, basis, .. } if votes_not_the_result(contest, basis).is_none() => Some(option),
        _ => None,
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
