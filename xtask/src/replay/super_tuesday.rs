//! The Super Tuesday 2024 timeline, generated from the bundled data (itself made from data/*.csv):
//! each March 5 contest's counts rise from its polls' closing to the final figures; American Samoa's
//! leader changes before its call for Palmer, its delegates are first reported as the corrections
//! file's first figures (4–2) at 11 p.m. and corrected to the final ones (3–3) when that file says;
//! the feed does not answer for two minutes. Each contest carries its rule (data/allocation.csv and
//! data/rules.csv), so the page flags the 4–2 on the night. Times are Eastern (-05:00), as a newsroom
//! would write them.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};
use tally::model::data::time::Moment;
use tally::model::derive::allocation::Rule;
use tally::model::read::rules::rule_json;
use tally::model::{load, merge_details, outcome, Basis, Contest, Outcome, Status};

use crate::Result;

pub const DAY: &str = "2024-03-05";
/// The story's contest.
pub const SAMOA: &str = "2024-D-AS";
/// Who calls the races: a replay, not any real desk.
pub const DESK: &str = "Replay Desk";
const OFFSET: i64 = -5 * 3600;
const STEPS: i64 = 8;
const STEP: i64 = 15 * 60;

/// Seconds since the epoch of `HH:MM` Eastern on March 5 (`24:25` is 12:25 a.m. on the 6th).
fn eastern(hour: i64, minute: i64) -> i64 {
    Moment::parse("2024-03-05T00:00:00-05:00").expect("a time").epoch + hour * 3600 + minute * 60
}

/// `2024-03-05T23:42:00-05:00` for an epoch second.
pub fn rfc3339(epoch: i64) -> String {
    let local = epoch + OFFSET;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}-05:00",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Howard Hinnant's `civil_from_days`.
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// When the first figures come in (Eastern): the last polls' closing in each state, roughly.
fn first_figures(territory: &str) -> i64 {
    match territory {
        "VT" | "VA" => eastern(19, 0),
        "NC" => eastern(19, 30),
        "AR" => eastern(20, 30),
        "CO" | "MN" | "IA" => eastern(21, 0),
        // American Samoa's first delegates at 11 p.m., its last step.
        "AS" => eastern(21, 15),
        "UT" => eastern(22, 0),
        "CA" => eastern(23, 0),
        "AK" => eastern(24, 0),
        _ => eastern(20, 0),
    }
}

/// The contest with its figures at fraction `f` of the count (`f` = 1: as final), delegates only
/// at the end. Where `turn` is set, the final winner starts behind and overtakes late.
fn at_fraction(contest: &Contest, f: f64, turn: Option<usize>) -> Contest {
    let mut snapshot = contest.clone();
    for (i, option) in snapshot.options.iter_mut().enumerate() {
        let curve = match turn {
            Some(winner) if i == winner => f * f,
            Some(_) => f.sqrt(),
            None => f,
        };
        option.votes = option.votes.map(|v| (v as f64 * curve).round() as i64);
        if f < 1.0 {
            option.pct = None;
            option.delegates = None;
        }
    }
    snapshot
}

fn options(contest: &Contest) -> Value {
    let mut value = serde_json::to_value(contest).expect("a contest serialises");
    value["options"].take()
}

/// The figures' members of one moment.
fn set(status: Status, contest: &Contest, f: f64, at: i64) -> Map<String, Value> {
    let mut set = Map::new();
    set.insert("status".into(), json!(status.code()));
    set.insert("expected_vote_pct".into(), json!((f * 100.0).round() as i64));
    set.insert("options".into(), options(contest));
    set.insert("updated_at".into(), json!(rfc3339(at)));
    set
}

/// The timeline's JSON (docs/REPLAY.md), from the bundled results and details files, each contest
/// with its rule (`rules`: data/allocation.csv and data/rules.csv) for the page to check on the night.
pub fn generate(results: &str, details: &[u8], rules: &BTreeMap<String, Rule>) -> Result<Value> {
    let bundled = load(results).map_err(|e| e.to_string())?.dataset;
    let (bundled, _) = merge_details(&bundled, details).map_err(|e| e.to_string())?;
    let night: Vec<&Contest> = bundled
        .contests
        .iter()
        .filter(|c| c.date.as_deref() == Some(DAY) && c.status == Status::Final)
        .collect();
    let start = eastern(18, 30);
    let end = eastern(26, 0);
    let mut moments: Vec<(i64, usize, Value)> = Vec::new();
    let mut push = |at: i64, value: Value| {
        let order = moments.len();
        moments.push((at, order, value));
    };
    let mut feed_contests = Vec::new();
    for contest in &night {
        let mut upcoming = at_fraction(contest, 0.0, None);
        upcoming.status = Status::Upcoming;
        for option in &mut upcoming.options {
            option.votes = None;
        }
        upcoming.sources.clear();
        upcoming.corrections.clear();
        upcoming.notes = None;
        // The page checks the split itself, from the rule: the build's verdict and words are not the feed's.
        upcoming.rule_check = None;
        upcoming.rule_agrees = None;
        let mut value = serde_json::to_value(&upcoming)?;
        value["id"] = json!(contest.id);
        if let Some(rule) = rules.get(&contest.id) {
            value["rule"] = serde_json::from_str(&rule_json(rule))?;
        }
        feed_contests.push(value);

        let winner = match outcome(contest) {
            Outcome::Winner {
                option,
                basis: Basis::Votes,
                ..
            } if tally::model::votes_not_the_result(contest, Basis::Votes).is_none() => Some(option),
            _ => None,
        };
        let samoa = contest.id == SAMOA;
        let turn = winner.filter(|_| samoa);
        let first = first_figures(&contest.territory);
        let mut called = false;
        for k in 1..=STEPS {
            let f = k as f64 / STEPS as f64;
            let at = first + (k - 1) * STEP;
            let mut snapshot = at_fraction(contest, f, turn);
            if samoa && k == STEPS {
                // The first report of the delegates: the corrections' `from` figures.
                for correction in contest.corrections.iter().filter(|c| c.field == "delegates") {
                    if let Some(option) = snapshot.options.iter_mut().find(|o| o.name == correction.option) {
                        option.delegates = correction.from.parse().ok();
                    }
                }
            }
            // Called once half the expected vote is in, for the leader then, who is the final
            // winner (American Samoa's is called later, below).
            let call = !samoa
                && !called
                && k >= STEPS / 2
                && winner.is_some()
                && matches!(outcome(&snapshot), Outcome::Winner { option, .. } if Some(option) == winner);
            let status = if called || call {
                Status::Called
            } else {
                Status::Counting
            };
            let mut members = set(status, &snapshot, f, at);
            if call {
                called = true;
                let name = &contest.options[winner.expect("called")].name;
                members.insert("called".into(), json!({"winner": name, "by": DESK, "at": rfc3339(at)}));
            }
            push(at, json!({"at": rfc3339(at), "contest": contest.id, "set": members}));
        }
        let last = first + (STEPS - 1) * STEP;
        if samoa {
            let call_at = eastern(23, 42).max(last + STEP);
            let name = &contest.options[winner.ok_or("American Samoa has a winner by votes")?].name;
            push(
                call_at,
                json!({"at": rfc3339(call_at), "contest": contest.id, "set": {
                    "status": "called",
                    "called": {"winner": name, "by": DESK, "at": rfc3339(call_at)},
                    "updated_at": rfc3339(call_at),
                }}),
            );
            // The correction, when the corrections file says it was reported.
            let corrected = contest
                .corrections
                .iter()
                .filter_map(|c| Moment::parse(&c.reported_at))
                .map(|m| m.epoch)
                .max()
                .ok_or("American Samoa's correction has a time")?;
            let mut members = set(Status::Called, contest, 1.0, corrected);
            members.remove("expected_vote_pct");
            push(
                corrected,
                json!({"at": rfc3339(corrected), "contest": contest.id, "set": members}),
            );
        }
        push(
            end,
            json!({"at": rfc3339(end), "contest": contest.id, "set": {"status": "final", "updated_at": rfc3339(end)}}),
        );
    }
    // The feed does not answer for two minutes, mid-evening.
    push(
        eastern(22, 37),
        json!({"at": rfc3339(eastern(22, 37)), "outage_seconds": 120}),
    );
    moments.sort_by_key(|(at, order, _)| (*at, *order));
    Ok(json!({
        "title": "Super Tuesday 2024, replayed from the final figures",
        "start": rfc3339(start),
        "feed": {
            "schema_version": 1,
            "title": "Super Tuesday 2024 (a replay)",
            "as_of": rfc3339(start),
            "poll_seconds": 10,
            "contests": feed_contests,
        },
        "moments": moments.into_iter().map(|(_, _, m)| m).collect::<Vec<_>>(),
    }))
}
