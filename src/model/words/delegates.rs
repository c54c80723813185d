//! The delegate result in words: each option's cell, the sentence, the list's compact cell, and
//! the surnames that cell uses (`data::names`).

use crate::model::data::names::surname;
use crate::model::data::numbers::{and_list, NOT_REPORTED};
use crate::model::data::order::ranked;
use crate::model::{
    delegate_figures, delegate_result, delegates_accounted, Contest, DelegateFigure, DelegateResult, Delegates, Status,
};

/// Each option's delegates cell: 0 where it follows by arithmetic (said in `delegate_sentence`).
pub fn delegate_cells(contest: &Contest) -> Vec<String> {
    delegate_figures(contest)
        .iter()
        .map(|figure| match figure {
            DelegateFigure::Won(d) => d.to_string(),
            DelegateFigure::ZeroByArithmetic => "0".into(),
            DelegateFigure::NotReported => NOT_REPORTED.into(),
            DelegateFigure::NotBound => "Not bound".into(),
        })
        .collect()
}

/// Whether every option that won delegates won the same number.
fn evenly(contest: &Contest) -> bool {
    let mut won = contest
        .options
        .iter()
        .filter_map(|o| o.delegates.filter(|&d| d > Delegates::ZERO));
    let first = won.next();
    won.all(|d| Some(d) == first)
}

/// The delegate result in a sentence.
pub fn delegate_sentence(contest: &Contest) -> String {
    let stake = |joiner: &str| {
        contest
            .pledged_delegates
            .map(|p| format!("{joiner}of {p} pledged"))
            .unwrap_or_default()
    };
    let rest = if delegates_accounted(contest) {
        let pledged = contest.pledged_delegates.unwrap_or_default();
        format!(" The options left blank by the source won none: the delegates listed add up to all {pledged} pledged.")
    } else {
        String::new()
    };
    let won = |i: usize| contest.options[i].delegates.unwrap_or_default();
    match delegate_result(contest) {
        // "Contest", not "vote": a cancelled contest binds none too (2024-R-SD).
        DelegateResult::NotBinding => "This contest bound no delegates.".into(),
        DelegateResult::NoneAtStake => "No delegates were at stake.".into(),
        DelegateResult::NotReported => "The delegate allocation has not been reported.".into(),
        // Where no vote was held, a sole recipient of every pledged delegate won no "most".
        DelegateResult::Winner { option }
            if matches!(contest.status, Status::Cancelled | Status::NoVote)
                && contest.options[option].delegates == contest.pledged_delegates =>
        {
            format!(
                "{} was awarded all {}.",
                contest.options[option].name,
                won(option).count("pledged delegate", "pledged delegates")
            )
        }
        DelegateResult::Winner { option } if crate::model::words::live::counted(contest) => format!(
            "{} won the most delegates: {}{}.{rest}",
            contest.options[option].name,
            won(option),
            stake(" ")
        ),
        DelegateResult::Winner { option } => format!(
            "{} has the most delegates: {}{}.{rest}",
            contest.options[option].name,
            won(option),
            stake(" ")
        ),
        DelegateResult::Split { options } if evenly(contest) => {
            let parts: Vec<String> = options
                .iter()
                .map(|&i| format!("{} {}", contest.options[i].name, won(i)))
                .collect();
            format!(
                "The delegates were split evenly: {}{}.{rest}",
                parts.join(", "),
                stake(", ")
            )
        }
        DelegateResult::Split { options } => format!(
            "{} {} the most delegates, {} each{}.{rest}",
            and_list(
                &options
                    .iter()
                    .map(|&i| contest.options[i].name.as_str())
                    .collect::<Vec<_>>()
            ),
            if crate::model::words::live::counted(contest) {
                "won"
            } else {
                "have"
            },
            won(options[0]),
            stake(", ")
        ),
    }
}

/// The list's delegates cell: "Biden 52 of 52 pledged", "Palmer 3, Biden 3, of 6 pledged".
pub fn delegates_text(contest: &Contest) -> String {
    let everyone: Vec<usize> = (0..contest.options.len()).collect();
    let won = ranked(&everyone, &|i| {
        contest.options[i]
            .delegates
            .filter(|&d| d > Delegates::ZERO)
            .map(Delegates::halves)
    });
    if won.is_empty() {
        return match delegate_result(contest) {
            DelegateResult::NotBinding => "Non-binding".into(),
            DelegateResult::NoneAtStake => "None at stake".into(),
            _ => NOT_REPORTED.into(),
        };
    }
    let listed: Vec<String> = won
        .iter()
        .map(|&(i, d)| format!("{} {}", surname(&contest.options[i].name), Delegates::from_halves(d)))
        .collect();
    let mut text = listed.join(", ");
    if let Some(pledged) = contest.pledged_delegates {
        // With several names, a comma keeps "of N" from reading as the last name's share.
        let joiner = if listed.len() > 1 { ", " } else { " " };
        text.push_str(&format!("{joiner}of {pledged} pledged"));
    }
    text
}
