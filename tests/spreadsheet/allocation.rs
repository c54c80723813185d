//! The tests' own delegate arithmetic, from `data/allocation.csv`, `data/rules.csv` and the
//! spreadsheet's rows, written apart from the app's (src/model/derive/allocation.rs): exact
//! integer arithmetic on votes or on printed hundredths of a percent, never floats. Where a fact
//! is missing it computes anyway under a stated assumption, so a test can compare what each side
//! dares to check.

use super::csv::records;
use super::{is_void, read, Contest};

/// A contest's split as this reader computes it.
#[derive(Debug)]
pub struct Computed {
    pub id: String,
    /// Each option's delegates, in the spreadsheet's row order.
    pub split: Vec<i64>,
    /// The stored split (an empty cell is 0).
    pub stored: Vec<i64>,
    /// The facts this computation had to assume ("threshold unknown: none applied").
    pub assumed: Vec<String>,
}

struct RuleRow {
    method: String,
    threshold: Option<i64>,
    trigger: Option<i64>,
    pools: Vec<i64>,
    basis: String,
    rounding: String,
}

/// Hundredths of a percent, from a cell such as "15", "12.5", "3.85".
fn hundredths(cell: &str) -> Option<i64> {
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
    let fraction = format!("{fraction:0<2}");
    Some(whole.parse::<i64>().ok()? * 100 + fraction.get(..2)?.parse::<i64>().ok()?)
}

fn rules() -> Vec<(String, RuleRow)> {
    let own = records(&read("rules.csv"));
    records(&read("allocation.csv"))
        .iter()
        .map(|r| {
            let id = r.get("contest_id").to_string();
            let over = own.iter().find(|o| o.get("contest_id") == id);
            let over = |column: &str| over.map(|o| o.get(column)).filter(|v| !v.is_empty());
            let statewide: Option<i64> = r.get("statewide_pledged").parse().ok();
            let district: i64 = r.get("district_pledged").parse().unwrap_or(0);
            let pools = match over("pools") {
                Some(p) => p.split(' ').map(|n| n.parse().unwrap()).collect(),
                None => statewide.filter(|_| district == 0).into_iter().collect(),
            };
            let method = over("method").unwrap_or(r.get("method")).to_string();
            let rounding = over("rounding").map(str::to_string).unwrap_or_else(|| {
                if method == "dnc-proportional" {
                    "largest-remainder".into()
                } else {
                    "unknown".into()
                }
            });
            (
                id,
                RuleRow {
                    threshold: hundredths(r.get("threshold_pct")),
                    trigger: hundredths(r.get("majority_trigger_pct")),
                    basis: r.get("allocation_basis").to_string(),
                    method,
                    pools,
                    rounding,
                },
            )
        })
        .collect()
}

/// Aggregates of several people's votes hold no delegates.
fn aggregate(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("write-in") || name.starts_with("other") || name.contains("scattering")
}

/// Largest remainders on exact fractions `weights[i] * pool / sum`.
fn largest_remainder(weights: &[i128], pool: i64) -> Vec<i64> {
    let sum: i128 = weights.iter().sum();
    let mut given: Vec<i64> = weights.iter().map(|w| (w * pool as i128 / sum) as i64).collect();
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((weights[i] * pool as i128 % sum, weights[i])));
    let left = pool - given.iter().sum::<i64>();
    for &i in order.iter().take(left as usize) {
        given[i] += 1;
    }
    given
}

/// Each to the nearest whole number, the difference settled with the leader.
fn nearest_leader(quotas: Vec<i64>, pool: i64, weights: &[i128]) -> Vec<i64> {
    let mut given = quotas;
    let leader = (0..weights.len())
        .max_by_key(|&i| (weights[i], std::cmp::Reverse(i)))
        .unwrap();
    given[leader] += pool - given.iter().sum::<i64>();
    given
}

fn round_half_up(numerator: i128, denominator: i128) -> i64 {
    ((2 * numerator + denominator) / (2 * denominator)) as i64
}

/// Every contest whose rule allocates on the statewide vote, with a reported split and figures,
/// computed from the spreadsheet; those this arithmetic cannot do are left out.
pub fn computed(contests: &[Contest]) -> Vec<Computed> {
    let rules = rules();
    let mut out = Vec::new();
    for contest in contests {
        // The reference rules cover the bundled editions (2024 D, 2024 R, 2020 D) only.
        let Some((_, rule)) = rules.iter().find(|(id, _)| *id == contest.id) else {
            continue;
        };
        let methods = [
            "dnc-proportional",
            "proportional",
            "proportional-wta-trigger",
            "winner-take-all",
        ];
        if rule.basis != "statewide" || !methods.contains(&rule.method.as_str()) || !contest.binding {
            continue;
        }
        let rows: Vec<_> = contest.candidates.iter().filter(|c| !is_void(&c.name)).collect();
        if rows.iter().all(|c| c.delegates.is_none()) {
            continue;
        }
        // A rule allocates whole delegates: a half vote is no split to check.
        if rows.iter().any(|c| c.delegates.is_some_and(|d| d.fract() != 0.0)) {
            continue;
        }
        let stored: Vec<i64> = rows.iter().map(|c| c.delegates.unwrap_or(0.0) as i64).collect();
        let mut assumed = Vec::new();
        // Weights in one unit for every row: votes when every row has them, else printed
        // hundredths of a percent of the whole vote.
        let counts: Option<Vec<i128>> = rows.iter().map(|c| c.votes.map(i128::from)).collect();
        let printed: Option<Vec<i128>> = rows
            .iter()
            .map(|c| c.pct.as_deref().and_then(hundredths).map(i128::from))
            .collect();
        let (weights, whole) = match (&counts, &printed) {
            (Some(counts), _) if contest.whole_field || printed.is_none() => {
                let total: i128 = counts.iter().sum();
                (counts.clone(), total)
            }
            (_, Some(printed)) => (printed.clone(), 10_000),
            (Some(counts), None) => (counts.clone(), counts.iter().sum()),
            (None, None) => {
                // Some rows have a share and some do not: the printed ones, the rest unlisted.
                let some: Vec<i128> = rows
                    .iter()
                    .map(|c| c.pct.as_deref().and_then(hundredths).map_or(0, i128::from))
                    .collect();
                if some.iter().all(|&w| w == 0) {
                    continue;
                }
                (some, 10_000)
            }
        };
        if whole == 0 {
            continue;
        }
        let weights: Vec<i128> = rows
            .iter()
            .zip(&weights)
            .map(|(c, &w)| if aggregate(&c.name) { 0 } else { w })
            .collect();
        // Every printed share, ballots for no one and aggregates included, is listed.
        let listed: i128 = contest
            .candidates
            .iter()
            .map(|c| c.pct.as_deref().and_then(hundredths).map_or(0, i128::from))
            .sum();
        let unlisted = if whole == 10_000 && !contest.whole_field {
            (10_000 - listed).max(0)
        } else {
            0
        };
        let leader = (0..weights.len())
            .max_by_key(|&i| (weights[i], std::cmp::Reverse(i)))
            .unwrap();
        let total_pool: i64 = if rule.pools.is_empty() {
            contest.pledged.map_or(stored.iter().sum(), |p| p as i64)
        } else {
            rule.pools.iter().sum()
        };
        // A share as hundredths of a percent of the whole vote, exactly compared: w / whole ≥ t / 10000.
        let at_least = |w: i128, t: i64| w * 10_000 >= t as i128 * whole;
        let takes_all = match rule.method.as_str() {
            "winner-take-all" => true,
            "proportional-wta-trigger" => match rule.trigger {
                Some(t) => weights[leader] * 10_000 > t as i128 * whole,
                None => continue,
            },
            _ => false,
        };
        let mut split = vec![0; rows.len()];
        if takes_all {
            if unlisted * 10_000 >= weights[leader] * 10_000 {
                assumed.push("the unlisted share is below the leader's".into());
            }
            split[leader] = total_pool;
        } else {
            let threshold = match rule.threshold {
                Some(t) if rule.method == "dnc-proportional" && !at_least(weights[leader], t) => {
                    // Nobody reached it: half the leader's share (Rule 14.F).
                    (weights[leader] * 10_000 / whole / 2) as i64
                }
                Some(t) => t,
                None => {
                    assumed.push("threshold unknown: none applied".into());
                    0
                }
            };
            if unlisted > 0 && unlisted * 10_000 >= threshold as i128 * whole {
                assumed.push(format!(
                    "the unlisted {unlisted} hundredths of a percent hold no viable option"
                ));
            }
            let viable: Vec<i128> = weights
                .iter()
                .map(|&w| if w > 0 && at_least(w, threshold) { w } else { 0 })
                .collect();
            let pools = if rule.pools.is_empty() {
                if viable.iter().filter(|&&w| w > 0).count() > 1 && rule.method == "dnc-proportional" {
                    continue; // the pools would matter and their sizes are not known
                }
                vec![total_pool]
            } else {
                rule.pools.clone()
            };
            let sum: i128 = viable.iter().sum();
            let by = |rounding: &str| -> Vec<i64> {
                let mut total = vec![0; rows.len()];
                for &pool in &pools {
                    let given = match rounding {
                        "largest-remainder" => largest_remainder(&viable, pool),
                        "nearest-leader" => nearest_leader(
                            viable.iter().map(|&w| round_half_up(w * pool as i128, sum)).collect(),
                            pool,
                            &viable,
                        ),
                        "percent-nearest-leader" => nearest_leader(
                            viable
                                .iter()
                                .map(|&w| {
                                    let percent = if w == 0 { 0 } else { round_half_up(w * 100, whole) };
                                    round_half_up(percent as i128 * pool as i128, 100)
                                })
                                .collect(),
                            pool,
                            &viable,
                        ),
                        other => panic!("{}: rounding {other}", contest.id),
                    };
                    for (t, g) in total.iter_mut().zip(given) {
                        *t += g;
                    }
                }
                total
            };
            split = if rule.rounding == "unknown" {
                let (a, b) = (by("largest-remainder"), by("nearest-leader"));
                if a != b {
                    continue; // the rounding would decide
                }
                a
            } else {
                by(&rule.rounding)
            };
        }
        out.push(Computed {
            id: contest.id.clone(),
            split,
            stored,
            assumed,
        });
    }
    out
}
