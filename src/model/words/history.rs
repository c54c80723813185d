//! A place's history at a glance: the table at the top of a territory's page, one row per contest,
//! newest first (`derive::list_order::newest_first`), before each contest in full.

use crate::model::words::format::NOT_REPORTED;
use crate::model::words::live::upcoming;
use crate::model::{outcome, Contest, Outcome};

/// The table's caption. "In these results": the dataset may not hold every contest a place held
/// (no 2012 Democratic contests, for one), so the words claim no more than it holds.
/// `newest` and `oldest` are the cycles of its first and last rows.
pub fn glance_caption(place: &str, newest: i64, oldest: i64, contests: usize) -> String {
    if contests == 1 {
        format!("{place}: the one contest in these results, {newest}, at a glance")
    } else if newest == oldest {
        format!("{place}: every {newest} contest in these results, at a glance")
    } else {
        format!("{place}: every contest since {oldest} in these results, at a glance")
    }
}

/// The margin cell: the list's margin (`summary`'s, passed as `shown`), or why there is none,
/// never an empty cell a reader could take for no margin at all.
pub fn glance_margin(contest: &Contest, shown: &str) -> String {
    if !shown.is_empty() {
        return shown.into();
    }
    if upcoming(contest) {
        return "Not yet counted".into();
    }
    match outcome(contest) {
        Outcome::Cancelled | Outcome::NoVoteHeld => "No vote count",
        _ => NOT_REPORTED,
    }
    .into()
}
