//! Who won, decided from the spreadsheet's figures alone, never by the app's results code: the
//! most votes, or, where counts are missing, printed percentages that leave no doubt.

use super::{is_void, Candidate, Contest};

/// The option with the most votes. Where some count is missing, the printed percentages decide
/// when their ranges leave no doubt. `Err` says why the figures name no winner; where fields.csv's
/// `votes_are` says the votes are not the official result (a caucus its party decided on state
/// delegate equivalents), the most votes name no winner.
pub fn most_votes(contest: &Contest) -> Result<&Candidate, &'static str> {
    if contest.votes_are.is_some() {
        return Err("its votes are not the official result (fields.csv votes_are)");
    }
    let contenders: Vec<&Candidate> = contest.candidates.iter().filter(|c| !is_void(&c.name)).collect();
    if contenders.iter().all(|c| c.votes.is_some()) {
        let most = contenders.iter().filter_map(|c| c.votes).max().ok_or("no options")?;
        let top: Vec<&Candidate> = contenders.into_iter().filter(|c| c.votes == Some(most)).collect();
        return if top.len() == 1 { Ok(top[0]) } else { Err("a tie") };
    }
    let printed: Vec<(&Candidate, (i64, i64))> = contenders
        .iter()
        .filter_map(|c| Some((*c, printed_range(c.pct.as_deref()?))))
        .collect();
    let Some(&(leader, (least, _))) = printed.iter().max_by_key(|(_, (least, _))| *least) else {
        return Err("no count or printed percentage");
    };
    // A printed majority: no one else can have had more. Otherwise every option needs a printed
    // figure, and the leader's least must exceed every other's most.
    let majority = least > 50 * 10_000;
    let clear = printed.len() == contenders.len()
        && printed
            .iter()
            .all(|(c, (_, most))| std::ptr::eq(*c, leader) || *most < least);
    if majority || clear {
        Ok(leader)
    } else {
        Err("no figure settles it")
    }
}

/// A printed percentage as the range it stands for, in ten-thousandths of a percent: "72.2" is
/// 72.15 to 72.25, "<0.1" is 0 to 0.1.
pub fn printed_range(pct: &str) -> (i64, i64) {
    let (below, digits) = match pct.strip_prefix('<') {
        Some(rest) => (true, rest),
        None => (false, pct),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    assert!(fraction.len() <= 4, "{pct}: more places than the test reads");
    let unit = 10_i64.pow(4 - fraction.len() as u32);
    let value =
        whole.parse::<i64>().expect("a printed percentage") * 10_000 + fraction.parse::<i64>().unwrap_or(0) * unit;
    if below {
        (0, value)
    } else {
        (value - unit / 2, value + unit / 2)
    }
}
