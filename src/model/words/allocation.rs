//! The delegate check in words: one line under a contest's delegates ("Checked: from these votes,
//! the party's rule gives Palmer 3, Biden 3, as reported.") and the arithmetic behind it ("How this
//! is worked out"). The build computes them (`cargo xtask data`) and ships them in the details file.

use crate::model::data::names::surname;
use crate::model::data::numbers::{and_list, count, decimal};
use crate::model::derive::allocation::{
    check_contest, reported, working, Check, ContestCheck, Level, Method, PoolWork, Rounding, Rule, Unchecked, Working,
};
use crate::model::{Contest, RuleCheck};

/// A contest's check in words, from its rule.
pub fn rule_check(contest: &Contest, rule: &Rule) -> RuleCheck {
    checked_words(contest, rule, &check_contest(contest, rule))
}

/// A contest's check in words, from the check already made.
pub fn checked_words(contest: &Contest, rule: &Rule, checked: &ContestCheck) -> RuleCheck {
    RuleCheck {
        line: check_line(contest, rule, checked),
        how: working(contest, rule, &checked.check)
            .map(|w| how(contest, rule, &w).join("\n"))
            .unwrap_or_default(),
    }
}

/// The options a split names: those that won a delegate in either split, in the contest's order.
fn named(reported: &[i64], given: &[i64]) -> Vec<usize> {
    (0..reported.len().min(given.len()))
        .filter(|&i| reported[i] > 0 || given[i] > 0)
        .collect()
}

/// "Palmer 3, Biden 3".
fn split_with_names(contest: &Contest, which: &[usize], split: &[i64]) -> String {
    let each: Vec<String> = which
        .iter()
        .map(|&i| format!("{} {}", surname(&contest.options[i].name), split[i]))
        .collect();
    each.join(", ")
}

/// "3–3".
fn dashed(which: &[usize], split: &[i64]) -> String {
    let each: Vec<String> = which.iter().map(|&i| split[i].to_string()).collect();
    each.join("\u{2013}")
}

/// A contest's reported split and the rule's, in words ("Palmer 4, Biden 2", "Palmer 3, Biden 3").
pub fn split_words(contest: &Contest, given: &[i64]) -> (String, String) {
    let reported = reported(contest).unwrap_or_default();
    let which = named(&reported, given);
    (
        split_with_names(contest, &which, &reported),
        split_with_names(contest, &which, given),
    )
}

/// The one line under the delegates.
pub fn check_line(contest: &Contest, rule: &Rule, checked: &ContestCheck) -> String {
    let reported = reported(contest).unwrap_or_default();
    let mut line = match &checked.check {
        Check::Agrees {
            given,
            either_rounding,
            any_threshold,
        } => {
            let which = named(&reported, given);
            format!(
                "Checked: from these votes, the party's rule gives {}, as reported{}.",
                split_with_names(contest, &which, given),
                caveats(*either_rounding, *any_threshold)
            )
        }
        Check::Differs {
            given,
            either_rounding,
            any_threshold,
        } => {
            let which = named(&reported, given);
            let mut line = format!(
                "Reported {}; the rule gives {} from these votes{}.",
                split_with_names(contest, &which, &reported),
                dashed(&which, given),
                caveats(*either_rounding, *any_threshold)
            );
            if let Some(exception) = &rule.exception {
                line.push_str(&format!(" A documented exception: {exception}"));
            }
            line
        }
        Check::DependsOnRounding {
            largest_remainder,
            nearest_leader,
        } => {
            let which = named(&reported, largest_remainder);
            let which: Vec<usize> = (0..reported.len())
                .filter(|i| which.contains(i) || nearest_leader[*i] > 0)
                .collect();
            format!(
                "Not decided from these votes: the party's rounding is not known, and largest remainder gives {} where nearest, the rest to the leader, gives {} (reported {}).",
                dashed(&which, largest_remainder),
                dashed(&which, nearest_leader),
                split_with_names(contest, &which, &reported)
            )
        }
        Check::Unchecked(why) => unchecked(contest, rule, why),
    };
    if let (Some((first, first_check)), Some(now)) = (&checked.first_report, checked.check.given()) {
        let which = named(first, now);
        let which: Vec<usize> = (0..first.len())
            .filter(|i| which.contains(i) || reported.get(*i).is_some_and(|&r| r > 0))
            .collect();
        line.push_str(&first_report_words(
            &which,
            first,
            matches!(first_check, Check::Agrees { .. }),
            &reported,
            matches!(checked.check, Check::Agrees { .. }),
        ));
    }
    line
}

/// What the check says of a corrected split's first report, after its line: " The first report
/// (4–2) did not follow the rule; the correction (3–3) does." (the options `which` named). A live
/// page says it of the split a correction on the night replaced (`app_state::live::update`).
pub fn first_report_words(
    which: &[usize],
    first: &[i64],
    first_follows: bool,
    now: &[i64],
    now_follows: bool,
) -> String {
    let (first_words, now_words) = (dashed(which, first), dashed(which, now));
    match (first_follows, now_follows) {
        (false, true) => {
            format!(" The first report ({first_words}) did not follow the rule; the correction ({now_words}) does.")
        }
        (true, false) => {
            format!(" The first report ({first_words}) followed the rule; the correction ({now_words}) does not.")
        }
        (true, true) => format!(" The first report ({first_words}) followed it too."),
        (false, false) => format!(" The first report ({first_words}) did not follow it either."),
    }
}

fn caveats(either_rounding: bool, any_threshold: bool) -> &'static str {
    match (either_rounding, any_threshold) {
        (true, true) => ", under either usual rounding and whatever its threshold",
        (true, false) => ", under either usual rounding",
        (false, true) => ", whatever its threshold",
        (false, false) => "",
    }
}

/// Why a contest is not checked, and what would be needed.
fn unchecked(contest: &Contest, rule: &Rule, why: &Unchecked) -> String {
    match why {
        Unchecked::NoRuleToCheck(word) => match word.as_str() {
            "non-binding" => "Not checked: this contest binds no delegates.".into(),
            "unbound" => "Not checked: the delegates go to the convention unbound.".into(),
            "convention" => "Not checked: the delegates are chosen at a convention.".into(),
            "none" => "Not checked: no vote allocated these delegates.".into(),
            "hybrid" => "Not checkable from the statewide vote: the party mixes methods by district, which would need each district's results.".into(),
            _ => "Not checked: the party's rule for these delegates is not known.".into(),
        },
        Unchecked::ByDistrict { district, total } => match (district, total) {
            (Some(d), Some(t)) if d < t => format!(
                "Not checkable from the statewide vote: {d} of the {t} delegates are allocated by district, which would need each district's results."
            ),
            _ => "Not checkable from the statewide vote: the delegates are allocated by district, which would need each district's results.".into(),
        },
        Unchecked::DelegateEquivalents => "Not checkable from these votes: the party allocated its delegates on the caucus's delegate equivalents (state or county convention delegates), which this file does not hold.".into(),
        Unchecked::ThresholdUnknown => "Not checkable from these votes: the party's threshold is not known, and it could change the split.".into(),
        Unchecked::PoolsUnknown => "Not checkable from these votes: the sizes of the party's delegate pools are not known, and more than one option reaches the threshold.".into(),
        Unchecked::PartialFigures => {
            let missing = crate::model::derive::allocation::vote_shares(contest)
                .and_then(|(_, m)| m)
                .filter(|&m| m > 0.0);
            match missing {
                Some(m) => format!(
                    "Not checkable from these figures: {}% of the vote is not listed, enough to change the split; the whole field would be needed.",
                    decimal(m, 2)
                ),
                None => "Not checkable from these figures: they are not the whole field, and the options not listed could change the split.".into(),
            }
        }
        Unchecked::NoFigures => "Not checkable: no vote figures.".into(),
        Unchecked::NoSplitReported => match rule.method {
            Method::Other(_) => "Not checked: the party's rule for these delegates is not known.".into(),
            _ => "Not checked: the split of delegates is not reported.".into(),
        },
    }
}

fn pct(share: f64) -> String {
    format!("{}%", decimal(share, 2))
}

/// A rule's level as the party states it: "15%", "12.5%".
fn level(t: f64) -> String {
    let places = (0..3)
        .find(|&p| (t * 10f64.powi(p as i32)).fract().abs() < 1e-9)
        .unwrap_or(2);
    format!("{}%", decimal(t, places))
}

/// How one pool's quotas become whole delegates, the remainders named.
fn rounded(viable: &[usize], p: &PoolWork, rounding: Rounding, name: &dyn Fn(usize) -> String) -> String {
    let list = |split: &dyn Fn(usize) -> i64| {
        let each: Vec<String> = viable.iter().map(|&i| format!("{} {}", name(i), split(i))).collect();
        each.join(", ")
    };
    let result = list(&|i| p.given[i]);
    match rounding {
        Rounding::LargestRemainder | Rounding::Unknown => {
            let whole = |i: usize| p.quota[i].floor() as i64;
            let left = p.pool - viable.iter().map(|&i| whole(i)).sum::<i64>();
            if left <= 0 {
                return format!("whole numbers (largest remainder): {result}.");
            }
            let to: Vec<String> = viable
                .iter()
                .filter(|&&i| p.given[i] > whole(i))
                .map(|&i| format!("{}'s {}", name(i), decimal(p.quota[i] - p.quota[i].floor(), 2)))
                .collect();
            format!(
                "whole numbers {} leave {left}, which {} to the largest {} ({}): {result}.",
                list(&whole),
                if left == 1 { "goes" } else { "go" },
                if left == 1 { "remainder" } else { "remainders" },
                and_list(&to.iter().map(String::as_str).collect::<Vec<_>>())
            )
        }
        Rounding::NearestLeader | Rounding::PercentNearestLeader => {
            let near = |i: usize| p.quota[i].round() as i64;
            let diff = p.pool - viable.iter().map(|&i| near(i)).sum::<i64>();
            let how = if rounding == Rounding::NearestLeader {
                "each to the nearest whole number"
            } else {
                "shares rounded to whole percent, each to the nearest whole number"
            };
            match diff {
                0 => format!("{how}: {result}."),
                d if d > 0 => format!("{how} ({}) leave {d}, to the leader: {result}.", list(&near)),
                d => format!(
                    "{how} ({}) make {} too many, taken from the leader: {result}.",
                    list(&near),
                    -d
                ),
            }
        }
    }
}

/// "How this is worked out": the rule, the shares, the threshold, each pool's arithmetic.
fn how(contest: &Contest, rule: &Rule, w: &Working) -> Vec<String> {
    let name = |i: usize| surname(&contest.options[i].name).to_string();
    let mut lines = Vec::new();
    lines.push(match (&rule.method, rule.threshold, rule.trigger) {
        (Method::DncProportional, _, _) => {
            "The rule: the Democrats' proportional rule (DNC Rule 14): a 15% threshold, the delegates divided among the options that reach it in proportion to their votes.".to_string()
        }
        (Method::WinnerTakeAll, _, _) => "The rule: winner-take-all, all delegates to the leader.".to_string(),
        (Method::ProportionalTrigger, _, Level::Known(t)) => format!(
            "The rule: proportional to the vote, unless the leader passes {}, who then takes all.",
            level(t)
        ),
        _ => "The rule: proportional to the vote.".to_string(),
    });
    let votes = |i: usize| match contest.options[i].votes {
        Some(v) if contest.whole_field || contest.options.iter().all(|o| o.pct.is_none()) => {
            format!(" ({})", count(v, "vote", "votes"))
        }
        _ => String::new(),
    };
    // Every option that could matter; the many small ones together.
    let lead = (0..w.shares.len()).fold(0, |b, i| if w.shares[i] > w.shares[b] { i } else { b });
    let floor = w.threshold.unwrap_or(0.0).min(1.0);
    let (big, small): (Vec<usize>, Vec<usize>) = (0..w.shares.len())
        .filter(|&i| w.shares[i] > 0.0)
        .partition(|&i| w.shares[i] >= floor || i == lead);
    let mut listed: Vec<String> = big
        .iter()
        .map(|&i| format!("{} {}{}", name(i), pct(w.shares[i]), votes(i)))
        .collect();
    if small.len() == 1 {
        listed.push(format!(
            "{} {}{}",
            name(small[0]),
            pct(w.shares[small[0]]),
            votes(small[0])
        ));
    } else if !small.is_empty() {
        let together: f64 = small.iter().map(|&i| w.shares[i]).sum();
        listed.push(format!("{} others together {}", small.len(), pct(together)));
    }
    let mut shares = format!("Shares of the vote: {}.", listed.join(", "));
    if let Some(m) = w.missing {
        shares.push_str(&format!(" Not listed: {}, too little to change the split.", pct(m)));
    }
    lines.push(shares);
    let viable: Vec<usize> = (0..w.shares.len())
        .filter(|&i| w.shares[i] > 0.0 && w.shares[i] >= w.threshold.unwrap_or(0.0))
        .collect();
    let viable_names: Vec<String> = viable.iter().map(|&i| name(i)).collect();
    let viable_names: Vec<&str> = viable_names.iter().map(String::as_str).collect();
    let total_pools: i64 = w.by_rounding.first().map_or(0, |(_, p)| p.iter().map(|p| p.pool).sum());
    if w.takes_all {
        lines.push(match (&rule.method, rule.trigger) {
            (Method::ProportionalTrigger, Level::Known(t)) => format!(
                "{}'s {} passes the {} trigger: {} takes all {total_pools}.",
                name(lead),
                pct(w.shares[lead]),
                level(t),
                name(lead)
            ),
            _ => format!(
                "{} leads with {} and takes all {total_pools}.",
                name(lead),
                pct(w.shares[lead])
            ),
        });
        return lines;
    }
    lines.push(match (w.threshold, rule.threshold) {
        (Some(t), Level::Known(rule_t)) if t < rule_t => format!(
            "Nobody reached {}: the threshold is half the leader's share, {}; {} {} it.",
            level(rule_t),
            pct(t),
            and_list(&viable_names),
            if viable.len() == 1 { "reaches" } else { "reach" }
        ),
        (Some(t), _) if t > 0.0 => format!(
            "Threshold {}: {} {} it.",
            level(t),
            and_list(&viable_names),
            if viable.len() == 1 { "reaches" } else { "reach" }
        ),
        (Some(_), _) => "No threshold: every option shares.".to_string(),
        (None, _) => format!(
            "The party's threshold is not known: every threshold up to {}'s {} gives the same split.",
            name(lead),
            pct(w.shares[lead])
        ),
    });
    let sum: f64 = viable.iter().map(|&i| w.shares[i]).sum();
    if viable.len() > 1 && (sum - 100.0).abs() > 0.005 && rule.rounding != Rounding::PercentNearestLeader {
        let each: Vec<String> = viable
            .iter()
            .map(|&i| format!("{} {}", name(i), pct(w.shares[i] * 100.0 / sum)))
            .collect();
        lines.push(format!("Re-tabulated among them: {}.", each.join(", ")));
    }
    lines.push(match (rule.rounding, w.by_rounding.len()) {
        (Rounding::Unknown, 1) => "The party's rounding is not known; with one option sharing, no rounding changes the result.".into(),
        (Rounding::Unknown, _) => "The party's rounding is not known: both usual methods are worked out, largest remainder and nearest with the leftover to the leader.".into(),
        (Rounding::LargestRemainder, _) => "Rounding: largest remainder, as the rule says.".into(),
        (Rounding::NearestLeader, _) => "Rounding: to the nearest whole number, the leftover to the leader, as the rule says.".into(),
        (Rounding::PercentNearestLeader, _) => "Rounding: shares to whole percent, delegates to the nearest whole number, the rest to the top vote-getter, as the rule says.".into(),
    });
    for (rounding, pools) in &w.by_rounding {
        for p in pools {
            let quotas: Vec<String> = viable
                .iter()
                .map(|&i| {
                    let share = match rounding {
                        Rounding::PercentNearestLeader => format!("{}%", decimal(w.shares[i].round(), 0)),
                        _ => pct(w.shares[i] * 100.0 / sum),
                    };
                    format!("{} {share} × {} = {}", name(i), p.pool, decimal(p.quota[i], 2))
                })
                .collect();
            lines.push(format!(
                "{}: {}; {}",
                if pools.len() > 1 {
                    format!("Pool of {}", p.pool)
                } else {
                    count(p.pool, "delegate", "delegates")
                },
                quotas.join(", "),
                rounded(&viable, p, *rounding, &name)
            ));
        }
        if pools.len() > 1 {
            let each: Vec<String> = viable
                .iter()
                .map(|&i| format!("{} {}", name(i), pools.iter().map(|p| p.given[i]).sum::<i64>()))
                .collect();
            lines.push(format!("Together: {}.", each.join(", ")));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::derive::allocation::Basis;
    use crate::model::load;

    fn american_samoa() -> Contest {
        load(
            r#"{"schema_version":1,"title":"t","complete_calendar":false,"contests":[
            {"cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus","status":"final",
             "whole_field":true,"pledged_delegates":6,
             "options":[{"name":"Jason Palmer","votes":51,"delegates":3},
                        {"name":"Joe Biden","votes":40,"delegates":3},
                        {"name":"Dean Phillips","votes":0,"delegates":0}],
             "corrections":[{"reported_at":"2024-03-06T05:25:00Z","field":"delegates","option":"Jason Palmer","from":"4","to":"3"},
                            {"reported_at":"2024-03-06T05:25:00Z","field":"delegates","option":"Joe Biden","from":"2","to":"3"}]}]}"#,
        )
        .unwrap()
        .dataset
        .contests
        .remove(0)
    }

    fn dnc() -> Rule {
        Rule {
            method: Method::DncProportional,
            basis: Basis::Statewide,
            threshold: Level::Known(15.0),
            trigger: Level::Unknown,
            pools: vec![6],
            district: None,
            rounding: Rounding::LargestRemainder,
            exception: None,
        }
    }

    #[test]
    fn american_samoa_reads_as_checked_with_its_first_report_contradicting_the_rule() {
        let words = rule_check(&american_samoa(), &dnc());
        assert_eq!(
            words.line,
            "Checked: from these votes, the party's rule gives Palmer 3, Biden 3, as reported. \
             The first report (4\u{2013}2) did not follow the rule; the correction (3\u{2013}3) does."
        );
        assert!(
            words.how.lines().any(|l| l.contains("Palmer 56.04% (51 votes)")),
            "{:#?}",
            words.how
        );
        assert!(
            words
                .how
                .lines()
                .any(|l| l == "Threshold 15%: Palmer and Biden reach it."),
            "{:#?}",
            words.how
        );
        assert!(
            words.how.lines().any(|l| l
                == "6 delegates: Palmer 56.04% × 6 = 3.36, Biden 43.96% × 6 = 2.64; whole numbers Palmer 3, Biden 2 \
                    leave 1, which goes to the largest remainder (Biden's 0.64): Palmer 3, Biden 3."),
            "{:#?}",
            words.how
        );
    }

    #[test]
    fn a_differing_split_names_the_reported_and_the_rule_s() {
        let mut contest = american_samoa();
        contest.corrections.clear();
        contest.options[0].delegates = Some(crate::model::Delegates::whole(4));
        contest.options[1].delegates = Some(crate::model::Delegates::whole(2));
        let words = rule_check(&contest, &dnc());
        assert_eq!(
            words.line,
            "Reported Palmer 4, Biden 2; the rule gives 3\u{2013}3 from these votes."
        );
    }

    #[test]
    fn district_rules_say_what_is_missing() {
        let rule = Rule {
            basis: Basis::District,
            district: Some(14),
            pools: vec![],
            ..dnc()
        };
        let mut contest = american_samoa();
        contest.pledged_delegates = Some(crate::model::Delegates::whole(21));
        assert_eq!(
            rule_check(&contest, &rule).line,
            "Not checkable from the statewide vote: 14 of the 21 delegates are allocated by district, which would need each district's results."
        );
        assert!(rule_check(&contest, &rule).how.is_empty());
    }
}
