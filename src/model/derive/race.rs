//! The delegate race over a set of contests (one edition's: never a sum across cycles or parties),
//! per candidate, with every missing figure counted.

use crate::model::data::fold::fold;
use crate::model::data::numbers::count;
use crate::model::{delegate_figures, winner, BallotOption, Contest, DelegateFigure, Delegates, OptionKind};

/// One candidate's figures over a set of contests; uncommitted-type options are two standings:
/// "Uncommitted" and "None of these candidates".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The name without a "(write-in)", spelled as [`spelling`] prefers; "Uncommitted" or "None of
    /// these candidates" for the uncommitted kind (see [`candidate_name`]).
    pub name: String,
    pub kind: OptionKind,
    /// The ballot labels counted here, as first listed, each once however spelled ("Uncommitted",
    /// "No preference", "Uninstructed").
    pub labels: Vec<String>,
    /// Contests that list this candidate.
    pub listed: usize,
    /// Contests binding delegates whose popular-vote winner (any basis) this is, once settled (on a
    /// live night a lead is no win); not where the votes are not the official result (`votes_are`).
    pub won: usize,
    /// Pledged delegates as stated (0 where the listed delegates account for all those pledged).
    pub delegates: Delegates,
    /// Votes where counted.
    pub votes: i64,
    /// Contests held that list this candidate without a vote count.
    pub votes_missing: usize,
    /// Contests binding delegates that list this candidate without a delegate figure.
    pub delegates_missing: usize,
}

/// The race over a set of contests, computed on demand and never stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Race {
    pub contests: usize,
    /// Pledged delegates at stake, summed where stated.
    pub pledged: Delegates,
    /// Contests that state no pledged total (unbound delegations among them).
    pub pledged_missing: usize,
    /// Contests naming no popular-vote leader: ties, level, unclear, not reported, cancelled, no
    /// count, votes that are not the official result (a contest still counting with a leader is
    /// not among them, nor yet won).
    pub no_winner: usize,
    /// Contests held whose listed options are not known to be the whole field.
    pub partial_field: usize,
    /// Contests whose reported delegates agree with, or differ from, the split their party's rule
    /// gives (`Contest::rule_agrees`); the rest could not be checked.
    pub rule_agree: usize,
    pub rule_differ: usize,
    /// By delegates, then votes (most first), then first listed.
    pub standings: Vec<Standing>,
}

/// The name a candidate's options share: without a "(write-in)" or other bracket; for the
/// uncommitted kind, "None of these candidates" for a none-of-the-above line ("None of These
/// Candidates", "None of the Names Shown"), else "Uncommitted" (uninstructed, no preference).
pub fn candidate_name(option: &BallotOption) -> &str {
    match option.kind {
        OptionKind::Uncommitted if fold(&option.name).starts_with("none of") => "None of these candidates",
        OptionKind::Uncommitted => "Uncommitted",
        _ => crate::model::data::fold::before(&option.name, " (").trim(),
    }
}

/// What options are grouped by: the candidate name folded, so case and marks do not split a person.
pub fn candidate_key(option: &BallotOption) -> String {
    fold(candidate_name(option))
}

/// Of two spellings that fold alike, the one a reader sees (in the race and the map's legend
/// alike, whatever order the contests come in): the greater in byte order, which prefers lower
/// case and marks ("Joe Biden" to "JOE BIDEN", "José" to "Jose").
pub fn spelling<'a>(a: &'a str, b: &'a str) -> &'a str {
    a.max(b)
}

/// The race over `set`, indices into `contests`.
pub fn race(contests: &[Contest], set: &[usize]) -> Race {
    let mut race = Race {
        contests: set.len(),
        pledged: Delegates::ZERO,
        pledged_missing: 0,
        no_winner: 0,
        partial_field: 0,
        rule_agree: 0,
        rule_differ: 0,
        standings: Vec::new(),
    };
    // Candidate keys, sorted, with their standing: found by binary search, so ten thousand contests
    // of a few hundred names stay fast to total on every keystroke.
    let mut keys: Vec<(String, usize)> = Vec::new();
    for &index in set {
        let contest = &contests[index];
        match contest.pledged_delegates {
            Some(p) => race.pledged += p,
            None => race.pledged_missing += 1,
        }
        let held = contest.status.counted();
        race.partial_field += usize::from(held && !contest.whole_field);
        let winner = winner(contest);
        race.no_winner += usize::from(winner.is_none());
        race.rule_agree += usize::from(contest.rule_agrees == Some(true));
        race.rule_differ += usize::from(contest.rule_agrees == Some(false));
        // A contest won counts where it bound delegates (not a non-binding primary's) and is
        // settled: on a live night a lead is not a win.
        let won = winner.filter(|_| contest.binds_delegates() && contest.status.settled());
        let figures = delegate_figures(contest);
        // With none at stake, an empty delegate cell is no missing figure.
        let at_stake = contest.pledged_delegates != Some(Delegates::ZERO);
        // (standing, what) already counted in this contest, should a candidate be listed twice.
        let mut counted: Vec<(usize, u8)> = Vec::new();
        let mut once = |s: usize, what: u8| {
            let first = !counted.contains(&(s, what));
            counted.push((s, what));
            usize::from(first)
        };
        for (i, option) in contest.options.iter().enumerate().filter(|(_, o)| o.kind.can_win()) {
            let key = candidate_key(option);
            let s = match keys.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
                Ok(found) => keys[found].1,
                Err(slot) => {
                    keys.insert(slot, (key, race.standings.len()));
                    race.standings.push(Standing {
                        name: candidate_name(option).to_string(),
                        kind: option.kind,
                        labels: Vec::new(),
                        listed: 0,
                        won: 0,
                        delegates: Delegates::ZERO,
                        votes: 0,
                        votes_missing: 0,
                        delegates_missing: 0,
                    });
                    race.standings.len() - 1
                }
            };
            let standing = &mut race.standings[s];
            if spelling(&standing.name, candidate_name(option)) != standing.name {
                standing.name = candidate_name(option).to_string();
            }
            // Labels are listed once however they are spelled ("No Preference", "No preference").
            let label = fold(&option.name);
            if !standing.labels.iter().any(|l| fold(l) == label) {
                standing.labels.push(option.name.clone());
            }
            standing.listed += once(s, 0);
            standing.won += usize::from(won == Some(i));
            match option.votes {
                Some(v) => standing.votes += v,
                None if held => standing.votes_missing += once(s, 1),
                None => {}
            }
            match figures[i] {
                DelegateFigure::Won(d) => standing.delegates += d,
                DelegateFigure::NotReported if at_stake => standing.delegates_missing += once(s, 2),
                _ => {}
            }
        }
    }
    let standings = &race.standings;
    let order = crate::model::data::order::sorted_indices(standings.len(), &mut |a, b| {
        let (a, b) = (&standings[a], &standings[b]);
        (b.delegates, b.votes).cmp(&(a.delegates, a.votes))
    });
    let mut slots: Vec<Option<Standing>> = race.standings.drain(..).map(Some).collect();
    race.standings = order.into_iter().filter_map(|i| slots[i].take()).collect();
    race
}

/// Adds "{what} {n} of {of} contests" when `n` is not 0.
fn note(gaps: &mut Vec<String>, what: &str, n: usize, of: usize) {
    if n > 0 {
        gaps.push(format!("{what} {n} of {}", count(of as i64, "contest", "contests")));
    }
}

impl Standing {
    /// Each missing figure in words: "votes not reported in 3 of 57 contests".
    pub fn gaps(&self, of: usize) -> Vec<String> {
        let mut gaps = Vec::new();
        note(&mut gaps, "votes not reported in", self.votes_missing, of);
        note(&mut gaps, "delegates not reported in", self.delegates_missing, of);
        gaps
    }

    /// What a row says of its missing figures: on a live night (the page shows a feed) as
    /// [`Standing::gaps_on_the_night`], else [`Standing::gaps`]. A build without feeds has no such
    /// night, nor its words.
    pub fn notes(&self, of: usize, night: bool) -> Vec<String> {
        #[cfg(any(feature = "newsroom", feature = "live"))]
        if night {
            return self.gaps_on_the_night(of);
        }
        let _ = night;
        self.gaps(of)
    }

    /// The same on a live night, when the counts change with every update: both figures always,
    /// as what is in ("votes reported in \u{2007}6 of 16 contests", never "not reported in 0"),
    /// each count padded with figure spaces to the digits of the total, so the text keeps its
    /// length and a row never re-wraps as reports come in (tally-live.css sets digits of one width).
    #[cfg(any(feature = "newsroom", feature = "live"))]
    pub fn gaps_on_the_night(&self, of: usize) -> Vec<String> {
        let total = count(of as i64, "contest", "contests");
        let padded = |missing: usize| {
            let n = of.saturating_sub(missing).to_string();
            let pad = "\u{2007}".repeat(of.to_string().len().saturating_sub(n.len()));
            format!("{pad}{n} of {total}")
        };
        vec![
            format!("votes reported in {}", padded(self.votes_missing)),
            format!("delegates reported in {}", padded(self.delegates_missing)),
        ]
    }
}

impl Race {
    /// What the totals leave out, in words, said once for the whole race.
    pub fn gaps(&self) -> Vec<String> {
        let (of, mut gaps) = (self.contests, Vec::new());
        note(&mut gaps, "pledged delegates not stated in", self.pledged_missing, of);
        note(&mut gaps, "no popular-vote winner in", self.no_winner, of);
        note(
            &mut gaps,
            "not every candidate is known to be listed in",
            self.partial_field,
            of,
        );
        gaps
    }
}
