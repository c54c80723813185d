//! Each edition's delegate race and where its presumptive nominee lost, worked out from the
//! spreadsheet alone (`data/results.csv`, `data/fields.csv`, `data/editions.csv`).

use super::winner::most_votes;
use super::{csv, is_void, read, Candidate, Contest};

/// How a race groups an option, by its label: uncommitted, uninstructed and no-preference lines
/// as one, none-of-the-above lines as another, a person by their name in lower case without a
/// "(write-in)"; `None` for a row that stands for no one ("Other", "Write-in votes", blank ballots).
pub fn group(name: &str) -> Option<String> {
    let name = name.split(" (").next().unwrap_or(name).trim().to_ascii_lowercase();
    let starts = |words: &[&str]| words.iter().any(|w| name.starts_with(w));
    if starts(&["none of"]) {
        Some("none of these candidates".into())
    } else if starts(&[
        "uncommitted",
        "noncommitted",
        "no preference",
        "uninstructed",
        "undecided",
    ]) {
        Some("uncommitted".into())
    } else if starts(&["other", "write-in", "scattering", "blank/void/scattering"]) || is_void(&name) {
        None
    } else {
        Some(name)
    }
}

/// One edition's contest ids, pledged delegates at stake, each candidate group's (delegates,
/// votes), summed from the rows, and the contests each group won.
pub struct Sums {
    pub contests: Vec<String>,
    /// Delegate votes (halves exact in an f64).
    pub pledged: f64,
    /// (group, delegate votes, votes).
    pub candidates: Vec<(String, f64, i64)>,
    /// (group, contests won), for groups that won any: contests binding delegates (fields.csv, and
    /// some at stake) whose winner the most-votes rule names; none where the votes are not the
    /// official result (fields.csv's votes_are).
    pub won: Vec<(String, usize)>,
}

pub fn sums(contests: &[Contest], cycle: i64, party: &str) -> Sums {
    let mut sums = Sums {
        contests: Vec::new(),
        pledged: 0.0,
        candidates: Vec::new(),
        won: Vec::new(),
    };
    for contest in contests.iter().filter(|c| c.cycle == cycle && c.party == party) {
        sums.contests.push(contest.id.clone());
        let bound = contest.binding && contest.pledged != Some(0.0);
        if let (true, Some(winner)) = (bound, most_votes(contest).ok().or_else(|| most_delegates(contest))) {
            let key = group(&winner.name).expect("a winner stands for someone");
            match sums.won.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 += 1,
                None => sums.won.push((key, 1)),
            }
        }
        sums.pledged += contest.pledged.unwrap_or(0.0);
        for candidate in &contest.candidates {
            let Some(key) = group(&candidate.name) else {
                continue;
            };
            let (delegates, votes) = (candidate.delegates.unwrap_or(0.0), candidate.votes.unwrap_or(0));
            match sums.candidates.iter_mut().find(|(k, _, _)| *k == key) {
                Some(entry) => (entry.1, entry.2) = (entry.1 + delegates, entry.2 + votes),
                None => sums.candidates.push((key, delegates, votes)),
            }
        }
    }
    sums
}

/// Where no option has a count or a printed percentage (and the votes are not marked as something
/// else), the option holding a majority of the pledged delegates; or the only option listed, with
/// no figure at all, as reported (2020-R-MP: Trump, no count published).
fn most_delegates(contest: &Contest) -> Option<&Candidate> {
    let no_figures =
        contest.status == "final" && contest.candidates.iter().all(|c| c.votes.is_none() && c.pct.is_none());
    if let [only] = contest.candidates.as_slice() {
        if no_figures && only.delegates.is_none() && group(&only.name).is_some() {
            return Some(only);
        }
    }
    // Every option's delegates stated (2016-R-WY: pledges, no pledged total): the most, alone.
    let options: Vec<&Candidate> = contest.candidates.iter().filter(|c| group(&c.name).is_some()).collect();
    if no_figures && contest.votes_are.is_none() && options.iter().all(|c| c.delegates.is_some()) {
        let most = options.iter().filter_map(|c| c.delegates).reduce(f64::max)?;
        let top: Vec<&&Candidate> = options.iter().filter(|c| c.delegates == Some(most)).collect();
        if let ([only], true) = (top.as_slice(), most > 0.0) {
            return Some(only);
        }
    }
    let pledged = contest.pledged?;
    contest
        .candidates
        .iter()
        .find(|c| no_figures && contest.votes_are.is_none() && c.delegates.is_some_and(|d| d * 2.0 > pledged))
}

/// An edition's presumptive nominee, from `data/editions.csv`.
pub fn presumptive(cycle: i64, party: &str) -> String {
    let rows = csv::records(&read("editions.csv"));
    let row = rows
        .iter()
        .find(|r| r.get("cycle") == cycle.to_string() && r.get("party") == party)
        .unwrap_or_else(|| panic!("editions.csv has no {cycle} {party} row"));
    row.get("presumptive_nominee").to_string()
}

/// How an edition's contest stood for `nominee` (a group): `None` where it bound no delegates
/// (fields.csv, or none at stake) or has no row for them; `Some(false)` where their rows have
/// neither votes nor a printed percentage while another row has one: they were not on the ballot,
/// and the row holds delegates they got another way (NOTES.md: Michigan 2008, Obama's from
/// "Uncommitted"); `Some(true)` otherwise, on the ballot.
pub fn on_ballot(contest: &Contest, nominee: &str) -> Option<bool> {
    let has_figure = |c: &&Candidate| c.votes.is_some() || c.pct.is_some();
    let rows: Vec<&Candidate> = contest
        .candidates
        .iter()
        .filter(|c| group(&c.name).as_deref() == Some(nominee))
        .collect();
    let bound = contest.binding && contest.pledged != Some(0.0);
    if !bound || rows.is_empty() {
        return None;
    }
    Some(rows.iter().any(has_figure) || !contest.candidates.iter().any(|c| has_figure(&c)))
}

/// The ids of an edition's contests that bound delegates and list its presumptive nominee, who was
/// not on their ballot (see [`on_ballot`]).
pub fn off_ballot(contests: &[Contest], cycle: i64, party: &str) -> Vec<String> {
    let nominee = group(&presumptive(cycle, party)).expect("a nominee stands for someone");
    contests
        .iter()
        .filter(|c| c.cycle == cycle && c.party == party && on_ballot(c, &nominee) == Some(false))
        .map(|c| c.id.clone())
        .collect()
}

/// The contests of an edition its presumptive nominee lost, with whoever led: contests binding
/// delegates (fields.csv, and some at stake) that had the nominee on the ballot and that someone else led on
/// votes where every option has a count, else the one with a printed majority, else on printed
/// percentages or delegates where every option has one; none where others tie, or where the votes
/// are not the official result (fields.csv's votes_are: 2020-D-IA and NV, whose winners were
/// declared on delegate equivalents): no one is named winner there, so no one to lose to.
pub fn lost(contests: &[Contest], cycle: i64, party: &str) -> Vec<(String, String)> {
    let nominee = group(&presumptive(cycle, party));
    let mut lost = Vec::new();
    for contest in contests.iter().filter(|c| c.cycle == cycle && c.party == party) {
        let options: Vec<_> = contest.candidates.iter().filter(|c| group(&c.name).is_some()).collect();
        let majority = options.iter().find(|c| figure(c, PCT).is_some_and(|p| p > 50_000));
        let deciding = (0..3).find(|&i| options.iter().all(|c| figure(c, i).is_some()));
        let led_on = |i: usize| -> Vec<&str> {
            let top = options.iter().filter_map(|c| figure(c, i)).max();
            options
                .iter()
                .filter(|c| figure(c, i) == top)
                .map(|c| c.name.as_str())
                .collect()
        };
        let leaders = match (deciding, majority) {
            (Some(0), _) => led_on(0),
            (_, Some(c)) => vec![c.name.as_str()],
            (Some(i), None) => led_on(i),
            (None, None) => continue,
        };
        let on_it = nominee.as_deref().is_some_and(|n| on_ballot(contest, n) == Some(true));
        // A loss is to someone the site names: one leader, and votes that are the result.
        let named = contest.votes_are.is_none() && leaders.len() == 1;
        if on_it && named && contest.status == "final" && group(leaders[0]) != nominee {
            lost.push((contest.id.clone(), leaders[0].to_string()));
        }
    }
    lost.sort();
    lost
}

const PCT: usize = 1;

/// An option's figures in the order they decide: votes, printed percentage (in thousandths, so
/// they compare as whole numbers), delegates.
fn figure(candidate: &Candidate, which: usize) -> Option<i64> {
    match which {
        0 => candidate.votes,
        PCT => candidate
            .pct
            .as_deref()?
            .parse::<f64>()
            .ok()
            .map(|p| (p * 1000.0).round() as i64),
        // In halves, whole numbers as the others are.
        _ => candidate.delegates.map(|d| (d * 2.0) as i64),
    }
}
