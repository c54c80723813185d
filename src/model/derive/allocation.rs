//! Delegates checked against the party's rule: from a contest's figures and its allocation rule
//! (data/allocation.csv with Tally's named rounding methods, data/rules.csv), the split the rule
//! gives, compared with the reported one. Pure arithmetic; never guesses a missing fact: where the
//! rule, the pools or the figures do not decide the split, the check says which fact is missing.

use std::collections::BTreeMap;

// A contest's options are a short list: no std sort instance (2 to 3 KB of a live build's wasm each).
use crate::model::data::order::sort_short;
use crate::model::data::percent::Percent;
use crate::model::{delegate_figures, Contest, DelegateFigure, OptionKind};

/// How a party turns votes into delegates (the reference file's `method` column).
#[derive(Clone, Debug, PartialEq)]
pub enum Method {
    /// DNC Rule 14: 15% threshold, re-tabulation among viable preferences, each pool rounded.
    DncProportional,
    /// Proportional among options at or above the threshold.
    Proportional,
    /// Proportional unless the leader passes the trigger, who then takes all.
    ProportionalTrigger,
    WinnerTakeAll,
    /// Any method that does not turn this vote into delegates (unbound, non-binding, convention,
    /// none, hybrid, unknown): the reference file's word, said to the reader.
    Other(String),
}

/// Where the delegates' votes are counted (the reference file's `allocation_basis`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Statewide,
    District,
    /// State delegate equivalents (2020 IA, NV): not the votes in the file.
    DelegateEquivalents,
    NotApplicable,
    Unknown,
}

/// Tally's named rounding methods (data/rules.csv, documented in docs/DATA.md with sources).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// `largest-remainder`: each its whole number of share × pool, the rest one by one to the
    /// largest remainders (The Green Papers' D-Math; Iowa GOP's "nearest, settled by distance").
    LargestRemainder,
    /// `nearest-leader`: each share × pool to the nearest whole number; a shortfall goes to, an
    /// excess comes from, the leader.
    NearestLeader,
    /// `percent-nearest-leader`: shares rounded to whole percent of the vote, × pool, to the
    /// nearest whole number, the rest to the top vote-getter (New Hampshire GOP, AP).
    PercentNearestLeader,
    /// The rule's rounding is not known: the check computes under largest remainder and nearest
    /// with the leftover to the leader, and stands only when they agree.
    Unknown,
}

impl Rounding {
    pub fn from_code(code: &str) -> Option<Rounding> {
        Some(match code {
            "largest-remainder" => Self::LargestRemainder,
            "nearest-leader" => Self::NearestLeader,
            "percent-nearest-leader" => Self::PercentNearestLeader,
            "unknown" => Self::Unknown,
            _ => return None,
        })
    }
}

/// A percentage the rule states, or that no source read says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Level {
    Known(f64),
    Unknown,
}

/// A contest's allocation rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub method: Method,
    pub basis: Basis,
    /// Minimum share for any delegate (0 = none stated by the party).
    pub threshold: Level,
    /// Share above which the leader takes all (proportional-wta-trigger only).
    pub trigger: Level,
    /// The statewide pools, each rounded separately; empty when their sizes are not known.
    pub pools: Vec<i64>,
    /// Delegates allocated by district (need each district's results).
    pub district: Option<i64>,
    pub rounding: Rounding,
    /// A documented reason, with its source, why the reported split may differ from the rule.
    pub exception: Option<String>,
}

/// Why a contest's split cannot be checked from its figures.
#[derive(Clone, Debug, PartialEq)]
pub enum Unchecked {
    /// The rule: unbound, non-binding, a convention, no vote, unknown (the file's word).
    NoRuleToCheck(String),
    /// Part (or all) of the delegates follow district results: `district` of `total`.
    ByDistrict {
        district: Option<i64>,
        total: Option<i64>,
    },
    DelegateEquivalents,
    /// The threshold is not known and the trigger does not decide.
    ThresholdUnknown,
    /// The pool sizes are not known and more than one option is viable.
    PoolsUnknown,
    /// The listed options are not the whole field and the missing ones could change the split.
    PartialFigures,
    NoFigures,
    NoSplitReported,
}

/// The check of one reported split.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// The rule gives the reported split. `either_rounding`: the rule's rounding is not known and
    /// both usual methods give it; `any_threshold`: its threshold is not known and every threshold
    /// up to the leader's share gives it.
    Agrees {
        given: Vec<i64>,
        either_rounding: bool,
        any_threshold: bool,
    },
    /// The rule gives another split (the flags as above).
    Differs {
        given: Vec<i64>,
        either_rounding: bool,
        any_threshold: bool,
    },
    /// The rounding is not known and the two usual methods give different splits.
    DependsOnRounding {
        largest_remainder: Vec<i64>,
        nearest_leader: Vec<i64>,
    },
    Unchecked(Unchecked),
}

impl Check {
    pub fn is_checked(&self) -> bool {
        !matches!(self, Check::Unchecked(_))
    }

    /// The split the rule gives, when one does.
    pub fn given(&self) -> Option<&[i64]> {
        match self {
            Check::Agrees { given, .. } | Check::Differs { given, .. } => Some(given),
            _ => None,
        }
    }
}

/// A contest's check, and the check of its first report when a correction changed its split.
#[derive(Clone, Debug, PartialEq)]
pub struct ContestCheck {
    pub check: Check,
    pub first_report: Option<(Vec<i64>, Check)>,
}

/// Allocates `pool` among `shares` (percent of the whole vote; zero gets nothing), re-tabulated
/// among the positive ones and rounded as named. Sums to `pool` whenever some share is positive.
pub fn round_pool(shares: &[f64], pool: i64, rounding: Rounding) -> Vec<i64> {
    let total: f64 = shares.iter().sum();
    if total <= 0.0 || pool <= 0 {
        return vec![0; shares.len()];
    }
    let quota: Vec<f64> = shares.iter().map(|s| s / total * pool as f64).collect();
    match rounding {
        Rounding::LargestRemainder | Rounding::Unknown => {
            let mut given: Vec<i64> = quota.iter().map(|q| q.floor() as i64).collect();
            let mut order: Vec<usize> = (0..shares.len()).filter(|&i| shares[i] > 0.0).collect();
            // Largest remainder first; on a tie, the larger vote, then the earlier... by share only,
            // so that the order of the options never matters unless shares are equal.
            sort_short(&mut order, |&a, &b| {
                let (ra, rb) = (quota[a] - quota[a].floor(), quota[b] - quota[b].floor());
                rb.total_cmp(&ra).then(shares[b].total_cmp(&shares[a]))
            });
            let left = pool - given.iter().sum::<i64>();
            for &i in order.iter().cycle().take(left.max(0) as usize) {
                given[i] += 1;
            }
            given
        }
        Rounding::NearestLeader => settle_to_leader(quota.iter().map(|q| q.round() as i64).collect(), pool, shares),
        Rounding::PercentNearestLeader => {
            let whole: Vec<i64> = shares
                .iter()
                // Percent of the whole vote, not re-tabulated among the viable (AP: "54% x 22").
                .map(|s| (s.round() * pool as f64 / 100.0).round() as i64)
                .collect();
            settle_to_leader(whole, pool, shares)
        }
    }
}

/// A shortfall goes to the leader; an excess comes from the leader, then (if the leader runs
/// out) from the next largest shares.
fn settle_to_leader(mut given: Vec<i64>, pool: i64, shares: &[f64]) -> Vec<i64> {
    let mut order: Vec<usize> = (0..shares.len()).collect();
    sort_short(&mut order, |&a, &b| shares[b].total_cmp(&shares[a]));
    let mut diff = pool - given.iter().sum::<i64>();
    given[order[0]] += diff.max(0);
    for &i in &order {
        let take = (-diff).min(given[i]).max(0);
        given[i] -= take;
        diff += take;
    }
    given
}

/// The option with the largest share (the first of equals).
fn leader(shares: &[f64]) -> usize {
    (0..shares.len()).fold(0, |best, i| if shares[i] > shares[best] { i } else { best })
}

/// The split a rule gives on `shares` (of the whole vote, in percent; options that hold no
/// preference, like write-ins, are 0) for `pools`; the missing fact when the rule does not decide.
pub fn allocate(shares: &[f64], rule: &Rule, pools: &[i64], rounding: Rounding) -> Result<Vec<i64>, Unchecked> {
    let total: i64 = pools.iter().sum();
    let top = leader(shares);
    let lead_share = shares.get(top).copied().unwrap_or(0.0);
    let all_to_leader = || {
        let mut given = vec![0; shares.len()];
        if lead_share > 0.0 {
            given[top] = total;
        }
        given
    };
    let proportional = |threshold: f64| {
        let viable: Vec<f64> = shares
            .iter()
            .map(|&s| if s >= threshold && s > 0.0 { s } else { 0.0 })
            .collect();
        let mut given = vec![0; shares.len()];
        for &pool in pools {
            for (g, add) in given.iter_mut().zip(round_pool(&viable, pool, rounding)) {
                *g += add;
            }
        }
        given
    };
    match (&rule.method, rule.threshold) {
        (Method::WinnerTakeAll, _) => Ok(all_to_leader()),
        (Method::ProportionalTrigger, _) if matches!(rule.trigger, Level::Known(t) if lead_share > t) => {
            Ok(all_to_leader())
        }
        (Method::ProportionalTrigger, _) if rule.trigger == Level::Unknown => Err(Unchecked::ThresholdUnknown),
        (Method::DncProportional, Level::Known(t)) => {
            // Rule 14.F: when nobody reaches the threshold, it is half the leader's share.
            let t = if lead_share >= t { t } else { lead_share / 2.0 };
            Ok(proportional(t))
        }
        (Method::Proportional | Method::ProportionalTrigger, Level::Known(t)) => Ok(proportional(t)),
        (Method::Other(word), _) => Err(Unchecked::NoRuleToCheck(word.clone())),
        _ => Err(Unchecked::ThresholdUnknown),
    }
}

/// Each option's share of the whole vote in percent, with the share not listed; `None` without
/// figures. Votes when every option has them and they are the whole field (or nothing else is
/// printed), else the printed percentages, which are of the whole vote; an option with neither
/// counts in the share not listed.
pub fn vote_shares(contest: &Contest) -> Option<(Vec<f64>, Option<f64>)> {
    let counts = |o: &crate::model::BallotOption| matches!(o.kind, OptionKind::Person | OptionKind::Uncommitted);
    let printed_any = contest.options.iter().any(|o| o.pct.is_some());
    if contest.options.iter().all(|o| o.votes.is_some()) && (contest.whole_field || !printed_any) {
        // Ballots that chose no one (blank, overvotes) are not votes for any preference.
        let total: i64 = contest
            .options
            .iter()
            .filter(|o| o.kind != OptionKind::Void)
            .filter_map(|o| o.votes)
            .sum();
        if total <= 0 {
            return None;
        }
        let shares = contest
            .options
            .iter()
            .map(|o| {
                if counts(o) {
                    o.votes.unwrap_or(0) as f64 * 100.0 / total as f64
                } else {
                    0.0
                }
            })
            .collect();
        // Counts alone say nothing of the votes not listed.
        return Some((shares, contest.whole_field.then_some(0.0)));
    }
    let printed: Vec<Option<f64>> = contest
        .options
        .iter()
        .map(|o| {
            o.pct
                .as_deref()
                .and_then(Percent::parse)
                .map(|p| p.millionths() as f64 / 1_000_000.0)
        })
        .collect();
    if printed.iter().all(Option::is_none) {
        return None;
    }
    // An option without a printed share is part of the unlisted remainder: the check runs only if
    // that remainder cannot change the split.
    let whole = contest.whole_field && printed.iter().all(Option::is_some);
    let missing = if whole {
        0.0
    } else {
        (100.0 - printed.iter().flatten().sum::<f64>()).max(0.0)
    };
    let shares = contest
        .options
        .iter()
        .zip(&printed)
        .map(|(o, p)| if counts(o) { p.unwrap_or(0.0) } else { 0.0 })
        .collect();
    Some((shares, Some(missing)))
}

/// The reported split, where every option's delegates are stated or 0 by arithmetic, and whole
/// (a rule allocates delegates; half votes are no split it gives).
pub fn reported(contest: &Contest) -> Option<Vec<i64>> {
    delegate_figures(contest)
        .into_iter()
        .map(|f| match f {
            DelegateFigure::Won(d) => d.whole_number(),
            DelegateFigure::ZeroByArithmetic => Some(0),
            _ => None,
        })
        .collect()
}

/// Checks a contest's reported split (and its first report, if a correction changed it).
pub fn check_contest(contest: &Contest, rule: &Rule) -> ContestCheck {
    let check = check_split(contest, rule, reported(contest));
    let first = first_report(contest);
    let first_report = first.map(|split| {
        let check = check_split(contest, rule, Some(split.clone()));
        (split, check)
    });
    ContestCheck { check, first_report }
}

/// The split as first reported, when a correction of delegates changed it.
fn first_report(contest: &Contest) -> Option<Vec<i64>> {
    let mut split = reported(contest)?;
    let mut changed = false;
    for correction in contest.corrections.iter().filter(|c| c.field.starts_with("delegates")) {
        let i = contest.options.iter().position(|o| o.name == correction.option)?;
        split[i] = correction.from.trim().parse().ok()?;
        changed = true;
    }
    changed.then_some(split)
}

fn check_split(contest: &Contest, rule: &Rule, reported: Option<Vec<i64>>) -> Check {
    let unchecked = Check::Unchecked;
    let pledged = contest.pledged_delegates.and_then(|p| p.whole_number());
    if let Method::Other(word) = &rule.method {
        return unchecked(Unchecked::NoRuleToCheck(word.clone()));
    }
    if !contest.binding {
        return unchecked(Unchecked::NoRuleToCheck("non-binding".into()));
    }
    match rule.basis {
        Basis::Statewide => {}
        Basis::DelegateEquivalents => return unchecked(Unchecked::DelegateEquivalents),
        Basis::District => {
            return unchecked(Unchecked::ByDistrict {
                district: rule.district,
                total: pledged,
            })
        }
        Basis::NotApplicable | Basis::Unknown => {
            return unchecked(Unchecked::NoRuleToCheck("unknown".into()));
        }
    }
    let Some(reported) = reported else {
        return unchecked(Unchecked::NoSplitReported);
    };
    let Some((shares, missing)) = vote_shares(contest) else {
        return unchecked(Unchecked::NoFigures);
    };
    // Missing options cannot change the split when together they fall below the leader (so none
    // could take all) and, unless the leader takes all, below the threshold (so none is viable).
    let lead = shares.iter().copied().fold(0.0, f64::max);
    let takes_all = match (&rule.method, rule.trigger) {
        (Method::WinnerTakeAll, _) => true,
        (Method::ProportionalTrigger, Level::Known(t)) => lead > t,
        _ => false,
    };
    let below = match rule.threshold {
        _ if takes_all => lead,
        Level::Known(t) => t.min(lead),
        Level::Unknown => 0.0,
    };
    match missing {
        Some(m) if m == 0.0 || m < below => {}
        _ => return unchecked(Unchecked::PartialFigures),
    }
    // An unknown threshold decides nothing when every threshold up to the leader's share gives the
    // same split: the split changes only where the threshold crosses an option's share.
    let thresholds: Vec<Level> = match rule.threshold {
        Level::Unknown if !takes_all => std::iter::once(0.0)
            .chain(shares.iter().filter(|&&s| s > 0.0 && s < lead).map(|s| s + 1e-9))
            .map(Level::Known)
            .collect(),
        known => vec![known],
    };
    let any_threshold = thresholds.len() > 1 || (rule.threshold == Level::Unknown && !takes_all);
    let total: i64 = reported.iter().sum();
    let pools = if rule.pools.is_empty() {
        // Unknown pools decide nothing when one option takes every pool: try one pool.
        let one = allocate(&shares, rule, &[pledged.unwrap_or(total)], Rounding::LargestRemainder);
        match one {
            Ok(given) if given.iter().filter(|&&g| g > 0).count() <= 1 => {
                vec![pledged.unwrap_or(total)]
            }
            Ok(_) => return unchecked(Unchecked::PoolsUnknown),
            Err(why) => return unchecked(why),
        }
    } else {
        rule.pools.clone()
    };
    let roundings: Vec<Rounding> = match rule.rounding {
        Rounding::Unknown => vec![Rounding::LargestRemainder, Rounding::NearestLeader],
        known => vec![known],
    };
    // Every split the rule could give, by rounding, over the thresholds it could have.
    let mut by_rounding: Vec<Vec<i64>> = Vec::new();
    for &rounding in &roundings {
        let mut splits = Vec::new();
        for &threshold in &thresholds {
            let rule = Rule {
                threshold,
                ..rule.clone()
            };
            match allocate(&shares, &rule, &pools, rounding) {
                Ok(given) => splits.push(given),
                Err(why) => return unchecked(why),
            }
        }
        splits.dedup();
        if splits.len() > 1 {
            return unchecked(Unchecked::ThresholdUnknown);
        }
        by_rounding.extend(splits);
    }
    by_rounding.dedup();
    // Rounding matters only where more than one option shares a pool.
    let either_rounding = roundings.len() > 1 && by_rounding.iter().any(|g| g.iter().filter(|&&d| d > 0).count() > 1);
    match by_rounding.as_slice() {
        [given] if *given == reported => Check::Agrees {
            given: given.clone(),
            either_rounding,
            any_threshold,
        },
        [given] => Check::Differs {
            given: given.clone(),
            either_rounding,
            any_threshold,
        },
        [largest_remainder, nearest_leader] => Check::DependsOnRounding {
            largest_remainder: largest_remainder.clone(),
            nearest_leader: nearest_leader.clone(),
        },
        _ => unchecked(Unchecked::NoFigures),
    }
}

/// One pool's arithmetic: each option's exact quota (share × pool, or whole percent × pool) and
/// the delegates it gets.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolWork {
    pub pool: i64,
    pub quota: Vec<f64>,
    pub given: Vec<i64>,
}

/// The arithmetic behind a check, for the reader ("How this is worked out").
#[derive(Clone, Debug, PartialEq)]
pub struct Working {
    /// Each option's share of the whole vote, in percent (0 for what is no one's preference).
    pub shares: Vec<f64>,
    /// The share not listed (partial figures), when above 0.
    pub missing: Option<f64>,
    /// The threshold applied: the rule's, half the leader's (DNC Rule 14.F), or `None` when the
    /// rule's is not known and no threshold changes the split.
    pub threshold: Option<f64>,
    /// The leader takes all (winner-take-all, or past the trigger).
    pub takes_all: bool,
    /// Per rounding computed (two when the rule's is not known), each pool's arithmetic.
    pub by_rounding: Vec<(Rounding, Vec<PoolWork>)>,
}

/// The arithmetic of a checked contest (`None` when the check did not run).
pub fn working(contest: &Contest, rule: &Rule, check: &Check) -> Option<Working> {
    if !matches!(
        check,
        Check::Agrees { .. } | Check::Differs { .. } | Check::DependsOnRounding { .. }
    ) {
        return None;
    }
    let (shares, missing) = vote_shares(contest)?;
    let lead = shares.iter().copied().fold(0.0, f64::max);
    let takes_all = match (&rule.method, rule.trigger) {
        (Method::WinnerTakeAll, _) => true,
        (Method::ProportionalTrigger, Level::Known(t)) => lead > t,
        _ => false,
    };
    let threshold = match rule.threshold {
        _ if takes_all => None,
        Level::Known(t) if rule.method == Method::DncProportional && lead < t => Some(lead / 2.0),
        Level::Known(t) => Some(t),
        Level::Unknown => None,
    };
    let total = reported(contest).map_or(0, |r| r.iter().sum());
    let pools = if rule.pools.is_empty() {
        vec![contest
            .pledged_delegates
            .and_then(|p| p.whole_number())
            .unwrap_or(total)]
    } else {
        rule.pools.clone()
    };
    let viable: Vec<f64> = shares
        .iter()
        .map(|&s| {
            if s > 0.0 && s >= threshold.unwrap_or(0.0) {
                s
            } else {
                0.0
            }
        })
        .collect();
    let shared = !takes_all && viable.iter().filter(|&&s| s > 0.0).count() > 1;
    let roundings = match rule.rounding {
        Rounding::Unknown if shared => vec![Rounding::LargestRemainder, Rounding::NearestLeader],
        Rounding::Unknown => vec![Rounding::LargestRemainder],
        known => vec![known],
    };
    let sum: f64 = viable.iter().sum();
    let by_rounding = roundings
        .into_iter()
        .map(|rounding| {
            let work = pools
                .iter()
                .map(|&pool| {
                    let quota = viable
                        .iter()
                        .map(|&s| match rounding {
                            Rounding::PercentNearestLeader => s.round() * pool as f64 / 100.0,
                            _ if sum > 0.0 => s / sum * pool as f64,
                            _ => 0.0,
                        })
                        .collect();
                    let given = if takes_all {
                        let mut all = vec![0; shares.len()];
                        all[leader(&shares)] = pool;
                        all
                    } else {
                        round_pool(&viable, pool, rounding)
                    };
                    PoolWork { pool, quota, given }
                })
                .collect();
            (rounding, work)
        })
        .collect();
    Some(Working {
        shares,
        missing: missing.filter(|&m| m > 0.0),
        threshold,
        takes_all,
        by_rounding,
    })
}

/// Per edition (`{cycle}-{party}`): contests checked, agreeing, differing, not checkable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub checked: usize,
    pub agree: usize,
    pub differ: usize,
    pub depends: usize,
    pub unchecked: usize,
}

pub fn tally<'a>(checks: impl IntoIterator<Item = (&'a Contest, &'a Check)>) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for (contest, check) in checks {
        let t = out
            .entry(format!("{}-{}", contest.cycle, contest.party.code()))
            .or_default();
        match check {
            Check::Agrees { .. } => t.agree += 1,
            Check::Differs { .. } => t.differ += 1,
            Check::DependsOnRounding { .. } => t.depends += 1,
            Check::Unchecked(_) => t.unchecked += 1,
        }
        t.checked += usize::from(check.is_checked());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(method: Method, threshold: f64) -> Rule {
        Rule {
            method,
            basis: Basis::Statewide,
            threshold: Level::Known(threshold),
            trigger: Level::Known(50.0),
            pools: vec![6],
            district: None,
            rounding: Rounding::LargestRemainder,
            exception: None,
        }
    }

    /// A small deterministic generator (xorshift): no dependency, same cases every run.
    struct Gen(u64);
    impl Gen {
        fn next(&mut self, below: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % below
        }
        fn shares(&mut self) -> Vec<f64> {
            let n = 1 + self.next(6) as usize;
            let votes: Vec<f64> = (0..n).map(|_| self.next(1000) as f64).collect();
            let total: f64 = votes.iter().sum::<f64>().max(1.0);
            votes.iter().map(|v| v * 100.0 / total).collect()
        }
    }

    const ROUNDINGS: [Rounding; 3] = [
        Rounding::LargestRemainder,
        Rounding::NearestLeader,
        Rounding::PercentNearestLeader,
    ];

    #[test]
    fn where_the_rounding_is_unknown_both_usual_methods_are_tried_and_a_difference_is_said() {
        // Quotas 1.8, 1.7 and 1.5 of 5: largest remainders give 2-2-1; nearest, the excess taken
        // from the leader, 1-2-2. A rule whose rounding is unknown cannot decide between them.
        let file = r#"{"schema_version": 1, "contests": [{"cycle": 2024, "party": "R", "territory": "GU",
            "date": "2024-03-08", "kind": "caucus", "status": "final", "pledged_delegates": 5, "whole_field": true,
            "options": [{"name": "A Candidate", "votes": 360, "delegates": 2}, {"name": "B Candidate", "votes": 340, "delegates": 2},
                        {"name": "C Candidate", "votes": 300, "delegates": 1}]}]}"#;
        let loaded = crate::model::load(file).expect("the file reads");
        let contest = &loaded.dataset.contests[0];
        let mut unknown = rule(Method::Proportional, 15.0);
        unknown.pools = vec![5];
        unknown.rounding = Rounding::Unknown;
        assert_eq!(
            check_contest(contest, &unknown).check,
            Check::DependsOnRounding {
                largest_remainder: vec![2, 2, 1],
                nearest_leader: vec![1, 2, 2],
            }
        );
        // Where the two agree, the check stands and says either rounding gives it.
        let mut known = unknown.clone();
        known.pools = vec![10];
        let mut even = contest.clone();
        for (option, given) in even.options.iter_mut().zip([4, 3, 3]) {
            option.delegates = Some(crate::model::Delegates::whole(given));
        }
        even.pledged_delegates = Some(crate::model::Delegates::whole(10));
        assert!(matches!(
            check_contest(&even, &known).check,
            Check::Agrees {
                either_rounding: true,
                ..
            }
        ));
    }

    #[test]
    fn american_samoa_2024_gives_three_each() {
        let shares = [51.0 * 100.0 / 91.0, 40.0 * 100.0 / 91.0, 0.0];
        let given = allocate(
            &shares,
            &rule(Method::DncProportional, 15.0),
            &[6],
            Rounding::LargestRemainder,
        );
        assert_eq!(given, Ok(vec![3, 3, 0]));
    }

    #[test]
    fn property_pool_sums_threshold_monotone_order() {
        let mut gen = Gen(0x9e37_79b9_7f4a_7c15);
        for case in 0..3000 {
            let shares = gen.shares();
            let pool = 1 + gen.next(40) as i64;
            let threshold = [0.0, 10.0, 15.0, 20.0][gen.next(4) as usize];
            let method = [
                Method::DncProportional,
                Method::Proportional,
                Method::ProportionalTrigger,
            ][gen.next(3) as usize]
                .clone();
            let rounding = ROUNDINGS[gen.next(3) as usize];
            let r = rule(method.clone(), threshold);
            let given = allocate(&shares, &r, &[pool], rounding).unwrap();
            // Below the threshold gets nothing (the DNC's fallback threshold applies when nobody reaches it).
            let top = shares.iter().copied().fold(0.0, f64::max);
            let effective = if method == Method::DncProportional && top < threshold {
                top / 2.0
            } else {
                threshold
            };
            let trigger = method == Method::ProportionalTrigger && top > 50.0;
            // The pool sums to its size whenever some option is viable.
            let any = shares.iter().any(|&s| s > 0.0 && (s >= effective || trigger));
            assert_eq!(
                given.iter().sum::<i64>(),
                if any { pool } else { 0 },
                "case {case}: {shares:?} {given:?} {rounding:?} {method:?} {threshold}"
            );
            for (s, g) in shares.iter().zip(&given) {
                if *s < effective {
                    assert_eq!(*g, 0, "case {case}: {shares:?} → {given:?}");
                }
            }
            // Reordering the options reorders the split.
            let mut order: Vec<usize> = (0..shares.len()).collect();
            order.reverse();
            let reordered: Vec<f64> = order.iter().map(|&i| shares[i]).collect();
            let again = allocate(&reordered, &r, &[pool], rounding).unwrap();
            let distinct = shares
                .iter()
                .enumerate()
                .all(|(i, a)| shares[i + 1..].iter().all(|b| a != b));
            if distinct {
                assert_eq!(
                    again,
                    order.iter().map(|&i| given[i]).collect::<Vec<_>>(),
                    "case {case}: {shares:?}"
                );
            }
            // A larger vote never gets fewer delegates (largest remainder; the leader methods take
            // an excess from the leader by definition, which can leave it one behind).
            for i in (0..shares.len()).filter(|_| rounding == Rounding::LargestRemainder) {
                for j in 0..shares.len() {
                    if shares[i] > shares[j] {
                        assert!(given[i] >= given[j], "case {case}: {shares:?} → {given:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn trigger_gives_all_to_the_leader_and_winner_take_all_too() {
        let shares = [60.0, 40.0];
        let r = rule(Method::ProportionalTrigger, 15.0);
        assert_eq!(
            allocate(&shares, &r, &[10], Rounding::LargestRemainder),
            Ok(vec![10, 0])
        );
        assert_eq!(
            allocate(&[45.0, 40.0], &r, &[10], Rounding::LargestRemainder),
            Ok(vec![5, 5])
        );
        let wta = rule(Method::WinnerTakeAll, 0.0);
        assert_eq!(
            allocate(&[30.0, 45.0], &wta, &[9], Rounding::LargestRemainder),
            Ok(vec![0, 9])
        );
    }

    #[test]
    fn new_hampshire_rounds_whole_percents() {
        // 54% and 43% of 22: 11.88 → 12, 9.46 → 9, the 22nd to the leader.
        assert_eq!(
            round_pool(&[54.35, 43.24], 22, Rounding::PercentNearestLeader),
            vec![13, 9]
        );
    }
}
