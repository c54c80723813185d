//! Validation of a dataset: every rule, every contest, all problems collected, none fatal to the rest.

use thiserror::Error;

use crate::model::data::fold::fold;
pub use crate::model::data::time::parse_date;
use crate::model::data::time::Moment;
use crate::model::read::nominations::nomination_problems;
use crate::model::{expected_for_party, territory, Contest, Dataset, Delegates, Party, Percent, Status};

/// The largest vote count accepted; anything above is a typo, not a primary.
pub const MAX_VOTES: i64 = 1_000_000_000;
const MAX_DELEGATES: i64 = 10_000;

/// One thing wrong with one contest, in words an editor understands.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("{contest}: {field}: {kind}")]
pub struct Problem {
    pub contest: String,
    pub field: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Error)]
pub enum ProblemKind {
    #[error("{0}")]
    Unreadable(String),
    #[error("the reported split ({reported}) is not the one the party's rule gives from these votes ({given}); check the delegates, the votes and the rule, or give the rule an exception with its source")]
    ContradictsRule { reported: String, given: String },
    #[error("the id is used by another contest too")]
    DuplicateId,
    #[error("\"{0}\" is not a known territory code (use USPS codes such as AS, GU, MP, PR, VI, DC; DA for Democrats Abroad)")]
    UnknownTerritory(String),
    #[error("the id should start with \"{0}\" (cycle-party-territory)")]
    IdMismatch(String),
    #[error("a second contest for this territory, party and cycle (also {0}); mark one as an extra contest")]
    DuplicateJurisdiction(String),
    #[error("no contest for this jurisdiction; add it, with status cancelled or no-vote if no vote took place")]
    MissingJurisdiction,
    #[error("is {0}; it cannot be negative")]
    Negative(i64),
    #[error("is {0}, which is not believable")]
    Implausible(i64),
    #[error("\"{0}\" is not a percentage (write 56.0, or <0.1)")]
    PercentUnreadable(String),
    #[error("is {0}, outside 0 to 100")]
    PercentOutOfRange(String),
    #[error("the percentages add up to {0}, more than 100")]
    PercentsOverHundred(String),
    #[error("{won} delegates won in all, more than the {pledged} at stake")]
    DelegatesOverPledged { won: Delegates, pledged: Delegates },
    #[error("is {0} delegate votes, which cannot be negative or above 10,000")]
    DelegatesOutOfRange(Delegates),
    #[error("\"{0}\" is not a date (write YYYY-MM-DD)")]
    DateUnreadable(String),
    #[error("{date} falls outside the {cycle} primary calendar")]
    DateOutsideCycle { date: String, cycle: i64 },
    #[error("is missing; only a cancelled contest may have no date")]
    DateMissing,
    #[error("rows of this contest disagree on it: \"{first}\" in its first row, \"{other}\" in row {row}")]
    RowsDisagree { first: String, row: usize, other: String },
    #[error("\"{written}\" does not match territory_code {code}, which is \"{expected}\" in Tally's territory table; check which is right")]
    DoesNotMatchTerritory {
        written: String,
        code: String,
        expected: String,
    },
    #[error("row {row} has {cells} cells, more than the header's {columns}; quote a cell that holds a comma")]
    TooManyCells { row: usize, cells: usize, columns: usize },
    #[error("{0} is not a presidential election year")]
    UnknownCycle(i64),
    #[error("is empty")]
    Empty,
    #[error("two ballot options are both called \"{0}\"")]
    DuplicateOption(String),
    #[error("names \"{0}\", which is not one of this contest's ballot options")]
    UnknownOption(String),
    #[error("\"{0}\" is not a time (write RFC 3339: 2024-03-05T23:42:00-05:00)")]
    TimeUnreadable(String),
    #[error("is called, but no `called` says for whom, by whom and when")]
    CallMissing,
    #[error("must be a whole number of seconds, at least {min}; the page asks every {min} seconds", min = crate::model::MIN_POLL_SECONDS)]
    PollTooOften,
}

impl Problem {
    pub fn new(contest: impl Into<String>, field: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            contest: contest.into(),
            field: field.into(),
            kind,
        }
    }
}

/// A problem of `contest`, its field and reason in words only where problems are listed (the
/// newsroom's build). A reader's build (a live night's) acts only on which contest has one: it keeps
/// that contest's last good figures and says its update could not be read, so `words` never runs
/// there and the validator's words are not in its wasm, as `read::why` keeps a read error's.
pub(crate) fn said(contest: &str, words: impl FnOnce() -> (String, ProblemKind)) -> Problem {
    match cfg!(feature = "newsroom") {
        true => {
            let (field, kind) = words();
            Problem::new(contest, field, kind)
        }
        false => unsaid(contest),
    }
}

/// A problem naming only its contest, made in one place rather than at each of the validator's
/// checks (with `Flag`, 0.13 KB of a live build's gzip).
#[inline(never)]
fn unsaid(contest: &str) -> Problem {
    Problem::new(contest, String::new(), ProblemKind::Unreadable(String::new()))
}

/// Reports a problem of the contest in hand, in words where they are shown (`said`).
macro_rules! report {
    ($problems:expr, $contest:expr, $field:expr, $kind:expr $(,)?) => {
        match cfg!(feature = "newsroom") {
            true => $problems.push(said($contest, || ($field.into(), $kind))),
            false => $problems.flag($contest),
        }
    };
}

/// Adds a problem named only by its contest, out of line: each check is a call, not a copy of the code.
/// A trait so that `report!` calls it on a `Vec` or a `&mut Vec` alike (method autoref).
trait Flag {
    fn flag(&mut self, contest: &str);
}

impl Flag for Vec<Problem> {
    #[inline(never)]
    fn flag(&mut self, contest: &str) {
        self.push(unsaid(contest));
    }
}

/// Checks one contest on its own.
pub fn validate_contest(contest: &Contest) -> Vec<Problem> {
    let (mut problems, id) = (Vec::new(), contest.id.as_str());

    if contest.id.trim().is_empty() {
        report!(problems, id, "id", ProblemKind::Empty);
    }
    if contest.cycle < 1788 || contest.cycle > 2400 || contest.cycle % 4 != 0 {
        report!(problems, id, "cycle", ProblemKind::UnknownCycle(contest.cycle));
    }
    if territory(&contest.territory).is_none() {
        report!(
            problems,
            id,
            "territory",
            ProblemKind::UnknownTerritory(contest.territory.clone()),
        );
    }
    let prefix = format!("{}-{}-{}", contest.cycle, contest.party.code(), contest.territory);
    // Case aside: a file may write its codes in small letters ("2024-D-as"), as it may the territory.
    let head = contest
        .id
        .get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(&prefix));
    let id_fits = head.is_some_and(|head| {
        let rest = &contest.id[head.len()..];
        rest.is_empty() || (contest.extra && rest.starts_with('-'))
    });
    if !id_fits {
        report!(problems, id, "id", ProblemKind::IdMismatch(prefix));
    }
    match &contest.date {
        None if contest.status != Status::Cancelled => report!(problems, id, "date", ProblemKind::DateMissing),
        None => {}
        Some(date) => match parse_date(date) {
            None => report!(problems, id, "date", ProblemKind::DateUnreadable(date.clone())),
            // Nominating calendars run from January to August of the election year.
            Some((year, month, _)) if year != contest.cycle || month > 8 => report!(
                problems,
                id,
                "date",
                ProblemKind::DateOutsideCycle {
                    date: date.clone(),
                    cycle: contest.cycle,
                },
            ),
            Some(_) => {}
        },
    }
    let in_range = |d: Delegates| (Delegates::ZERO..=Delegates::whole(MAX_DELEGATES)).contains(&d);
    if let Some(pledged) = contest.pledged_delegates.filter(|&d| !in_range(d)) {
        report!(
            problems,
            id,
            "pledged_delegates",
            ProblemKind::DelegatesOutOfRange(pledged)
        );
    }

    let mut names: Vec<String> = Vec::new();
    let (mut pct_floor, mut pct_shown) = (0i64, 0i64);
    let mut delegates_sum = Delegates::ZERO;
    for (index, option) in contest.options.iter().enumerate() {
        let field = |name: &str| format!("options[{index}] \"{}\" {name}", option.name);
        if option.name.trim().is_empty() {
            report!(problems, id, format!("options[{index}] name"), ProblemKind::Empty);
        } else {
            let name = fold(option.name.trim());
            if names.contains(&name) {
                report!(
                    problems,
                    id,
                    field("name"),
                    ProblemKind::DuplicateOption(option.name.clone())
                );
            }
            names.push(name);
        }
        if let Some(votes) = option.votes {
            check_count(&mut problems, id, || field("votes"), votes, MAX_VOTES);
        }
        if let Some(delegates) = option.delegates {
            if !in_range(delegates) {
                report!(
                    problems,
                    id,
                    field("delegates"),
                    ProblemKind::DelegatesOutOfRange(delegates)
                );
            }
            delegates_sum += delegates.max(Delegates::ZERO);
        }
        if let Some(pct) = &option.pct {
            match Percent::parse(pct) {
                None => report!(problems, id, field("pct"), ProblemKind::PercentUnreadable(pct.clone())),
                Some(value) if !(0..=100_000_000).contains(&value.millionths()) => {
                    report!(problems, id, field("pct"), ProblemKind::PercentOutOfRange(pct.clone()))
                }
                Some(value) if option.kind != crate::model::OptionKind::Void => {
                    pct_floor += value.lower_millionths();
                    pct_shown += value.millionths();
                }
                Some(_) => {}
            }
        }
    }
    // Each printed figure may be rounded by half a unit of its own last digit (34/34/33 is fine)
    // and "<0.1" may be next to nothing: only the least the figures can be must fit in 100.
    if pct_floor > 100_000_000 {
        report!(
            problems,
            id,
            "options pct",
            ProblemKind::PercentsOverHundred(crate::model::data::numbers::decimal(pct_shown as f64 / 1e6, 2)),
        );
    }
    if let Some(pledged) = contest.pledged_delegates {
        if delegates_sum > pledged {
            report!(
                problems,
                id,
                "options delegates",
                ProblemKind::DelegatesOverPledged {
                    won: delegates_sum,
                    pledged,
                },
            );
        }
    }
    for (index, correction) in contest.corrections.iter().enumerate() {
        if !names.contains(&fold(correction.option.trim())) {
            report!(
                problems,
                id,
                format!("corrections[{index}] option"),
                ProblemKind::UnknownOption(correction.option.clone()),
            );
        }
    }
    live_problems(contest, &names, &mut problems);
    problems
}

/// A live feed's fields: a call for one of the options, at a readable time; times; the share counted.
fn live_problems(contest: &Contest, names: &[String], problems: &mut Vec<Problem>) {
    let id = contest.id.as_str();
    let time = |problems: &mut Vec<Problem>, field: &str, text: &str| {
        if Moment::parse(text).is_none() {
            report!(problems, id, field, ProblemKind::TimeUnreadable(text.into()));
        }
    };
    if let Some(pct) = contest
        .expected_vote_pct
        .get()
        .copied()
        .filter(|p| !(0.0..=100.0).contains(p))
    {
        report!(
            problems,
            id,
            "expected_vote_pct",
            ProblemKind::PercentOutOfRange(crate::model::data::numbers::decimal(pct, 1)),
        );
    }
    match contest.called.get() {
        None if contest.status == Status::Called => report!(problems, id, "called", ProblemKind::CallMissing),
        None => {}
        Some(call) => {
            if !names.contains(&fold(call.winner.trim())) {
                report!(
                    problems,
                    id,
                    "called winner",
                    ProblemKind::UnknownOption(call.winner.clone())
                );
            }
            if call.by.trim().is_empty() {
                report!(problems, id, "called by", ProblemKind::Empty);
            }
            time(problems, "called at", &call.at);
        }
    }
    if let Some(updated) = contest.updated_at.get() {
        time(problems, "updated_at", updated);
    }
}

/// A feed's own problems, named "feed": they cost no contest.
fn feed_problems(dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(&seconds) = dataset.poll_seconds.get() {
        if seconds < crate::model::MIN_POLL_SECONDS {
            report!(problems, FEED, "poll_seconds", ProblemKind::PollTooOften);
        }
        match &dataset.as_of {
            Some(as_of) if Moment::parse(as_of).is_none() => {
                report!(problems, FEED, "as_of", ProblemKind::TimeUnreadable(as_of.clone()))
            }
            _ => {}
        }
    }
    problems
}

/// The name of a feed's own problems: no contest has it.
pub const FEED: &str = "feed";

/// `field` names the figure only when there is something to report: most figures are fine.
fn check_count(problems: &mut Vec<Problem>, id: &str, field: impl Fn() -> String, value: i64, max: i64) {
    if value < 0 {
        report!(problems, id, field(), ProblemKind::Negative(value));
    } else if value > max {
        report!(problems, id, field(), ProblemKind::Implausible(value));
    }
}

/// Checks each contest, then the rules that span contests (ids, one contest per jurisdiction, the
/// calendar), then the nominations.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    // A loop, not `flat_map`, whose iterator is 0.3 KB of a live build's gzip.
    let mut problems: Vec<Problem> = Vec::new();
    for contest in &dataset.contests {
        problems.extend(validate_contest(contest));
    }
    // Sorted keys find repeats and gaps in n log n without a hash map's code in the browser.
    let ids = crate::model::data::order::sorted(dataset.contests.iter().map(|c| c.id.as_str()).collect());
    // Once per repeated id, however often it repeats.
    for (index, pair) in ids.windows(2).enumerate() {
        if pair[0] == pair[1] && (index == 0 || ids[index - 1] != pair[0]) {
            report!(problems, pair[1], "id", ProblemKind::DuplicateId);
        }
    }
    let jurisdictions = crate::model::data::order::sorted(
        dataset
            .contests
            .iter()
            .filter(|c| !c.extra)
            .map(|c| ((c.cycle, c.party, c.territory.to_ascii_uppercase()), c.id.as_str()))
            .collect(),
    );
    for pair in jurisdictions
        .windows(2)
        .filter(|w| w[0].0 == w[1].0 && w[0].1 != w[1].1)
    {
        report!(
            problems,
            pair[1].1,
            "territory",
            ProblemKind::DuplicateJurisdiction(pair[0].1.into())
        );
    }
    if dataset.complete_calendar {
        // A place whose contests are all extra (Texas' 2008 Democratic primary and caucus, neither
        // the first) is on the calendar too.
        let mut held = crate::model::data::order::sorted(
            dataset
                .contests
                .iter()
                .map(|c| (c.cycle, c.party, c.territory.to_ascii_uppercase()))
                .collect(),
        );
        held.dedup();
        let mut calendars: Vec<(i64, Party)> = held.iter().map(|(cycle, party, _)| (*cycle, *party)).collect();
        calendars.dedup();
        for (cycle, party) in calendars {
            for expected in expected_for_party(party) {
                let key = (cycle, party, expected.code.to_string());
                if held.binary_search(&key).is_err() {
                    let id = format!("{cycle}-{}-{}", party.code(), expected.code);
                    report!(problems, &id, "territory", ProblemKind::MissingJurisdiction);
                }
            }
        }
    }
    problems.extend(nomination_problems(&dataset.nominations));
    problems.extend(feed_problems(dataset));
    problems
}
