//! Where an edition's presumptive nominee lost: the contests they did not win, among those that
//! bound delegates and had them on the ballot. The data hold no expectations, so Tally names no
//! "upsets".

use crate::model::data::fold::fold;
use crate::model::derive::race::candidate_key;
use crate::model::{outcome, Contest, Outcome};

/// Whether `contest` bound delegates and had the nominee (`key`, folded as `candidate_key` folds)
/// on its ballot: `None` where it bound none or did not list them; `Some(false)` where it lists
/// them without a vote or a printed share while another option has one, the nominee was not on
/// the ballot: their row holds delegates given another way (2008-D-MI: Obama's, from
/// "Uncommitted"). Where no option has a figure (a caucus reported in delegates), listed is on it.
pub fn on_ballot(contest: &Contest, key: &str) -> Option<bool> {
    let (mut listed, mut theirs, mut any) = (false, false, false);
    for option in &contest.options {
        let figure = option.votes.is_some() || option.pct.is_some();
        any |= figure;
        if candidate_key(option) == key {
            listed = true;
            theirs |= figure;
        }
    }
    (listed && contest.binds_delegates()).then_some(theirs || !any)
}

/// Whether `nominee` lost `contest`: it bound delegates, had them on its ballot (a write-in
/// included, see [`on_ballot`]), and someone else won it, or others tied or stood level above
/// them. No known result is no loss; a tie they share is no loss either.
pub fn lost_by(contest: &Contest, nominee: &str) -> bool {
    let nominee = fold(nominee);
    let is_nominee = |i: &usize| candidate_key(&contest.options[*i]) == nominee;
    if on_ballot(contest, &nominee) != Some(true) {
        return false;
    }
    match outcome(contest) {
        Outcome::Winner { option, .. } => !is_nominee(&option),
        Outcome::Tie { options, .. } | Outcome::Level { options } => !options.iter().any(is_nominee),
        _ => false,
    }
}
