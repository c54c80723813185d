//! Where an edition's presumptive nominee lost: the contests they did not win, among those that
//! bound delegates and listed them. The data hold no expectations, so Tally names no "upsets".

use crate::model::data::fold::fold;
use crate::model::derive::race::candidate_key;
use crate::model::{outcome, Contest, Outcome};

/// Whether `nominee` lost `contest`: it bound delegates, listed them (a write-in included), and
/// someone else won it, or others tied or stood level above them. No known result is no loss; a
/// tie they share is no loss either.
pub fn lost_by(contest: &Contest, nominee: &str) -> bool {
    let nominee = fold(nominee);
    let is_nominee = |i: &usize| candidate_key(&contest.options[*i]) == nominee;
    if !contest.binds_delegates() || !(0..contest.options.len()).any(|i| is_nominee(&i)) {
        return false;
    }
    match outcome(contest) {
        Outcome::Winner { option, .. } => !is_nominee(&option),
        Outcome::Tie { options, .. } | Outcome::Level { options } => !options.iter().any(is_nominee),
        _ => false,
    }
}
