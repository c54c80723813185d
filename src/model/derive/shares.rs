//! What a contest's counts add up to, and each option's share as shown: computed from the counts
//! or as the source printed it. Derived on demand, never stored in the dataset.

use crate::model::{BallotOption, Contest, OptionKind, Percent};

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
