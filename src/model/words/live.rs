//! A live feed's words. Tally never calls a race: a leader is "leading" until the feed says a desk
//! called it ("Called for Jason Palmer by AP at 11:42 p.m."), and "won" only once the count is
//! final or certified. A finished file's contests are all counted, so none of this shows for it.

use crate::model::data::numbers::{count, decimal};
use crate::model::data::time::Moment;
use crate::model::{Contest, Status};

/// Whether the figures are the result: only then is a leader said to have won.
pub fn counted(contest: &Contest) -> bool {
    contest.status.settled()
}

/// A feed's contest before its first figures.
pub fn upcoming(contest: &Contest) -> bool {
    !counted(contest)
        && contest.status == Status::Upcoming
        && contest.options.iter().all(|o| o.votes.is_none() && o.pct.is_none())
}

/// "Called for Jason Palmer by AP at 11:42 p.m.", while the count goes on; a time the feed wrote
/// unreadably is left out (validation names it).
pub fn call_words(contest: &Contest) -> Option<String> {
    let call = contest.called.get().filter(|_| !counted(contest))?;
    let at = Moment::parse(&call.at)
        .map(|m| format!(" at {}", m.clock()))
        .unwrap_or_default();
    Some(format!("Called for {} by {}{at}", call.winner, call.by))
}

/// ", with 45% of the expected vote counted", when the feed estimates it.
pub fn expected_counted(contest: &Contest) -> String {
    contest
        .expected_vote_pct
        .get()
        .copied()
        .filter(|_| !counted(contest))
        .map(|pct| {
            // Never "100%" before all of it is counted: 99.96 reads 99.9.
            let pct = if pct < 100.0 { pct.min(99.9) } else { pct };
            let places = u32::from(pct.fract() != 0.0);
            format!(", with {}% of the expected vote counted", decimal(pct, places))
        })
        .unwrap_or_default()
}

/// A list cell's note for a live contest: "Leading, with 45% …" or the call; `None` once counted.
pub fn live_note(contest: &Contest) -> Option<String> {
    if counted(contest) {
        return None;
    }
    Some(match call_words(contest) {
        Some(call) => call,
        None => format!("Leading{}", expected_counted(contest)),
    })
}

/// "won" once counted, "is leading" before.
pub fn won(contest: &Contest) -> &'static str {
    if counted(contest) {
        "won"
    } else {
        "is leading"
    }
}

/// The line over a feed's results: "Live: figures from 11:45 p.m.", with "; the latest update of
/// 1 contest could not be read" when the feed's latest reply had contests that failed a check (each
/// keeps its last good figures; the newsroom's build lists why), or while the feed does not answer,
/// "Figures from 11:45 p.m.; the feed is not answering."
pub fn feed_line(as_of: Option<&str>, answering: bool, unread: usize) -> String {
    let clock = as_of.and_then(Moment::parse).map(|m| m.clock());
    let mut line = match (clock, answering) {
        (Some(clock), true) => format!("Live: figures from {clock}"),
        (None, true) => "Live figures".into(),
        (Some(clock), false) => return format!("Figures from {clock}; the feed is not answering."),
        (None, false) => return "The feed is not answering.".into(),
    };
    if unread > 0 {
        let contests = count(unread as i64, "contest", "contests");
        line += &format!("; the latest update of {contests} could not be read");
    }
    // The clock ends with "a.m." or "p.m.", or "UTC".
    if !line.ends_with('.') {
        line.push('.');
    }
    line
}
