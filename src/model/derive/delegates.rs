//! The delegate result of a contest: each option's delegates as a reader should read them, and
//! who won the most. Derived on demand, never stored.

use crate::model::data::order::leaders;
use crate::model::{Contest, Delegates};

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
    Won(Delegates),
    /// The source leaves it empty, but the listed delegates add up to all those pledged.
    ZeroByArithmetic,
    NotReported,
    /// The vote binds no delegates (none were at stake, or they go unbound), and the source
    /// states no number.
    NotBound,
}

/// Each option's delegates: as stated; 0 where the listed delegates already add up to all those
/// pledged; otherwise not reported, or not bound when the vote binds none or none were at stake.
pub fn delegate_figures(contest: &Contest) -> Vec<DelegateFigure> {
    let listed: Delegates = contest.options.iter().filter_map(|o| o.delegates).sum();
    let accounted = contest
        .pledged_delegates
        .is_some_and(|p| p > Delegates::ZERO && listed == p);
    contest
        .options
        .iter()
        .map(|o| match o.delegates {
            Some(d) => DelegateFigure::Won(d),
            // 2024-D-NH: "No delegates were at stake", and no column of "Not reported" below it.
            None if !contest.binding || contest.pledged_delegates == Some(Delegates::ZERO) => DelegateFigure::NotBound,
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
    let everyone: Vec<usize> = (0..contest.options.len()).collect();
    // Zero is no win: options level at 0 delegates are not a split.
    let (top, _) = leaders(&everyone, &|i| {
        contest.options[i]
            .delegates
            .filter(|&d| d > Delegates::ZERO)
            .map(Delegates::halves)
    });
    match top.as_slice() {
        [] if !contest.binding => DelegateResult::NotBinding,
        [] if contest.pledged_delegates == Some(Delegates::ZERO) => DelegateResult::NoneAtStake,
        [] => DelegateResult::NotReported,
        [winner] => DelegateResult::Winner { option: *winner },
        _ => DelegateResult::Split { options: top },
    }
}
