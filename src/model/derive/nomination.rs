//! Where an edition's presumptive nominee lost: the contests someone else won, among those that
//! bound delegates and had them on the ballot. The data hold no expectations, so Tally names no
//! "upsets".

use crate::model::data::fold::fold;
use crate::model::derive::race::candidate_key;
use crate::model::derive::results::winner;
use crate::model::Contest;

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
/// included, see [`on_ballot`]), and [`winner`] names someone else. Where the site names no winner
/// (a tie, votes that are not the official result, no figures) the story names no one they lost
/// "to", so it is no loss: 2020-D-IA's caucus-goers' votes led by Sanders are not its result.
/// On a live night a contest still counting is no loss yet: a lead is not a win.
pub fn lost_by(contest: &Contest, nominee: &str) -> bool {
    let nominee = fold(nominee);
    contest.status.settled()
        && on_ballot(contest, &nominee) == Some(true)
        && winner(contest).is_some_and(|w| candidate_key(&contest.options[w]) != nominee)
}
