//! Every wording function, from tables of contests and the words a reader sees.

mod bundled;
mod common;

use common::contest;
use tally::model::words::format::*;
use tally::model::*;

/// Runs `words` on each `spec => expected` line of `table`, reporting every difference.
fn check(table: &str, words: impl Fn(&Contest) -> String) {
    let failures: Vec<String> = table
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let (spec, expected) = line.split_once("=>").unwrap();
            let actual = words(&contest(spec));
            (actual != expected.trim()).then(|| {
                format!(
                    "{}\n  expected {:?}\n  got      {actual:?}",
                    spec.trim(),
                    expected.trim()
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn list_cells() {
    check(
        "
        whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 => Jason Palmer; 56.0%; +12.0 pts (11 votes); Palmer 3, Biden 3, of 6 pledged
        final | Ann:2::6 | Bob:1::                           => Ann; ; +1 vote; Ann 6 of 6 pledged
        final | Joe Biden:56924:82.98:16                     => Joe Biden; 82.98%; ; Biden 16 of 6 pledged
        final | Ann:9:99.9: | Bob:1:<0.1:                    => Ann; 99.9%; +8 votes; Not reported
        final | Ann::40.0: | Bob::40.0:                      => Level: Ann and Bob; 40.0%; Level; Not reported
        final | Ann:10:: | Bob:10::                          => Tie: Ann and Bob; ; Tied; Not reported
        final | Ann:10:: | Bob:::                            => Leader unclear; ; ; Not reported
        final non-binding pledged= | Ann:5:: | Bob:3::       => Ann; ; +2 votes; Non-binding
        final pledged=0 | Ann:5:: | Bob:3::                  => Ann; ; +2 votes; None at stake
        final pledged=7 | Ann:::3 | Bob:::3 | Cy:::1         => Tie: Ann and Bob; ; Tied; Ann 3, Bob 3, Cy 1, of 7 pledged
        cancelled | Ann:::6                                  => Cancelled; ; ; Ann 6 of 6 pledged
        final | Ann:1000:50.0: | Bob::30.0: | Cy:200::       => Ann; 50.0%; ; Not reported
        final | Ann::50.0: | Bob::49.75:                     => Ann; 50.0%; +0.3 pts; Not reported
        final | Ann::60: | Bob::20.5:                        => Ann; 60%; +40 pts; Not reported
        final | Ann::50: | Bob::49.8:                        => Level: Ann and Bob; 50%; Level; Not reported
        whole | Ann:799918:: | Bob:82::                      => Ann; 100.0%; +799,836 votes; Not reported
        final | Ann:10:50: | Bob:9:49.8:                     => Ann; 50%; +1 vote; Not reported
        ",
        |c| {
            let s = summary(c);
            format!("{}; {}; {}; {}", s.winner, s.share, s.margin, s.delegates)
        },
    );
    check(
        "
        final | Ann:5:: | Bob:3::                            => by votes
        final | Ann::50: | Bob::49.8:                        => level on printed percentages, no counts
        final | Ann::40.0: | Bob::40.0:                      => level on printed percentages, no counts
        final votes_are=final_alignment | Ann:60::2 | Bob:40::4 => most votes, final alignment; not the official result
        final votes_are=final_alignment | Ann:::2 | Bob:::4  => by delegates (no vote counts)
        ",
        |c| summary(c).basis_note.unwrap_or_else(|| "by votes".into()),
    );
}

#[test]
fn result_sentences() {
    check(
        "
        whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 => Jason Palmer won the popular vote by 11 votes (12.0 points).
        final | Ann:2:: | Bob:1::                            => Ann won the popular vote by 1 vote.
        final | Ann:10:50: | Bob:9:49.8:                     => Ann won the popular vote by 1 vote.
        final | Ann::60.5: | Bob::39.5:                      => Ann won the popular vote by 21.0 points (by the source's percentages).
        final | Ann::40.0: | Bob::40.0:                      => Ann and Bob are level on the source's printed percentages at 40.0% each; with no counts to separate them, no winner is named.
        final | Ann:10:: | Bob:10::                          => Ann and Bob tied for first place, 10 votes each.
        final | Ann:10:45.0: | Bob::: | Cy:::                => No leader can be named: Bob and Cy have no published figure and could be ahead.
        final | Ann:::4 | Bob:::2                            => No vote counts were published; Ann won the most delegates.
        final | Ann:::                                       => Ann is reported as the winner; no figures were published.
        cancelled | Ann:::6                                  => The contest was cancelled; no votes were cast.
        no-vote | Ann:::6                                    => Decided without a vote count (by voice vote, or with no ballot), so there is no popular vote.
        final | Ann::: | Bob:::                              => The popular vote has not been reported.
        final | Ann::50: | Bob::49.8:                        => Ann and Bob are level on the source's printed percentages, within their rounding; with no counts to separate them, no winner is named.
        final | Ann::50: | Bob::49.8: | Cy::0.2:             => Ann and Bob are level on the source's printed percentages, within their rounding; with no counts to separate them, no winner is named.
        final | Ann::50: | Bob::50.0:                        => Ann and Bob are level on the source's printed percentages, within their rounding; with no counts to separate them, no winner is named.
        final | Ann::50.0: | Bob::49.75:                     => Ann won the popular vote by 0.3 points (by the source's percentages).
        final | Ann:1000:50.0: | Bob::30.0: | Cy:200::       => Ann won the popular vote (by votes reported (some counts missing)).
        final votes_are=final_alignment | Ann:60::2 | Bob:40::4 => Ann led the final alignment by 20 votes; these votes are not the contest's official result, so no winner is named on them.
        ",
        popular_sentence,
    );
    check(
        "
        whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 => The delegates were split evenly: Jason Palmer 3, Joe Biden 3, of 6 pledged.
        final pledged=7 | Ann:::3 | Bob:::3 | Cy:::1         => Ann and Bob won the most delegates, 3 each, of 7 pledged.
        final | Ann:5::6 | Bob:3:: | Cy:1::                  => Ann won the most delegates: 6 of 6 pledged. The options left blank by the source won none: the delegates listed add up to all 6 pledged.
        final | Ann:5::4 | Bob:3::                           => Ann won the most delegates: 4 of 6 pledged.
        final | Ann:5::0 | Bob:3::0                          => The delegate allocation has not been reported.
        final pledged=0 | Ann:5::0 | Bob:3::0                => No delegates were at stake.
        final non-binding pledged= | Ann:5:: | Bob:3::       => This contest bound no delegates.
        cancelled non-binding | Ann:::                       => This contest bound no delegates.
        cancelled pledged=19 | Donald Trump:::19             => Donald Trump was awarded all 19 pledged delegates.
        no-vote | Ann:::6 | Bob:::                           => Ann was awarded all 6 pledged delegates.
        no-vote pledged= | Ann:::30 | Bob:::4                => Ann won the most delegates: 30.
        cancelled | Ann:::4 | Bob:::2                        => Ann won the most delegates: 4 of 6 pledged.
        ",
        delegate_sentence,
    );
    check(
        "
        whole | Ann:60:: | Bob:40::                          => Shares are computed from the counts: each option's part of the 100 votes for a candidate or option.
        whole | Ann:60:: | Bob:40:: | Blank ballots:5::      => Shares are computed from the counts: each option's part of the 100 votes for a candidate or option, leaving out 5 blank or void.
        whole | Ann:1:: | Bob::0.0:                          => Shares are the source's printed percentages, as not every option has a count.
        final | Ann:60:60.0: | Bob:40:40.0:                  => Only the options listed are itemised by the source; others may have had votes. Shares are the source's printed percentages, and the listed counts do not add up to a total.
        final | Ann::: | Bob:::                              =>
        cancelled | Ann:::6                                  =>
        final | Ann::65.6:4.5 | Bob::32.7:2.5                => Only the options listed are itemised by the source; others may have had votes. Shares are the source's printed percentages.
        ",
        |c| share_sentence(c).unwrap_or_default(),
    );
}

#[test]
fn table_cells_and_labels() {
    check(
        "
        whole | Ann:60::6 | Bob:40:: | Blank ballots:5::     => 60.0% 40.0% \u{2014} | Total | 6 0 0
        final | Ann:60:60.0:4 | Bob:40:<0.1: | Blank ballots:5:1.3: => 60.0% <0.1% 1.3% | Sum of the listed counts | 4 Not reported Not reported
        whole | Ann:60::3 | Bob:::                         => Not reported Not reported | Sum of the listed counts | 3 Not reported
        final non-binding pledged= | Ann:5:: | Bob:3::0     => Not reported Not reported | Sum of the listed counts | Not bound 0
        final pledged=0 | Ann:5:: | Bob:3::0                 => Not reported Not reported | Sum of the listed counts | Not bound 0
        final | Joe Biden::93.9:6 | Jason Palmer:4:: | Cy:2:: => 93.9% Not reported Not reported | no sum | 6 0 0
        final | Ann::: | Bob:::                              => Not reported Not reported | no sum | Not reported Not reported
        whole | Ann:799918:: | Bob:82:: | Cy:0::             => 100.0% <0.1% 0.0% | Total | Not reported Not reported Not reported
        ",
        |c| {
            format!(
                "{} | {} | {}",
                share_cells(c).join(" "),
                total_label(c).unwrap_or("no sum"),
                delegate_cells(c).join(" ")
            )
        },
    );
}

#[test]
fn headlines_and_marks() {
    check(
        "
        whole | Ann:51:: | Bob:40::                          => Ann wins the 2024 Guam Democratic caucus, 51 votes to 40
        final | Ann:1000:50.0: | Bob::30.0: | Cy:200::       => Ann wins the 2024 Guam Democratic caucus, with 50.0%
        final | Ann:1000:50.0: | Bob::5.0: | Cy:200:10.0:    => Ann wins the 2024 Guam Democratic caucus, 1,000 votes to 200
        final | Ann::50: | Bob::49.8:                        => The 2024 Guam Democratic caucus: Ann and Bob are level on the source's printed percentages, within their rounding; with no counts to separate them, no winner is named
        final votes_are=final_alignment | Ann:60::2 | Bob:40::4 => Ann leads the final alignment and Bob wins the most delegates in the 2024 Guam Democratic caucus
        final votes_are=final_alignment | Ann:60::4 | Bob:40::2 => Ann leads the final alignment and wins the most delegates in the 2024 Guam Democratic caucus
        final votes_are=final_alignment | Ann:60:: | Bob:40::  => Ann leads the final alignment in the 2024 Guam Democratic caucus
        ",
        tally::model::words::site::headline,
    );
    check(
        "
        final | Ann:60::4 | Bob:40::2                        => Ann* Winner | Bob
        final | Ann:60::2 | Bob:40::4                        => Ann* Winner | Bob Most delegates
        final | Ann:10::3 | Bob:10::3                        => Ann* Tied, Tied on delegates | Bob* Tied, Tied on delegates
        final votes_are=final_alignment | Ann:60::2 | Bob:40::4 => Ann Most votes, final alignment | Bob Most delegates
        final votes_are=final_alignment | Ann:60::4 | Bob:40::2 => Ann Most votes, final alignment, Most delegates | Bob
        final | Ann::50: | Bob::49.8:                        => Ann | Bob
        ",
        |c| {
            let marks = Marks::new(c);
            let rows: Vec<String> = c
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let star = if marks.winner(i) { "*" } else { "" };
                    let of: Vec<&str> = marks.of(i).collect();
                    format!("{}{star} {}", o.name, of.join(", ")).trim_end().to_string()
                })
                .collect();
            rows.join(" | ")
        },
    );
}

#[test]
fn names_are_listed_as_a_sentence_lists_them() {
    assert_eq!(and_list(&[]), "");
    assert_eq!(and_list(&["Guam"]), "Guam");
    assert_eq!(and_list(&["Guam", "Ohio"]), "Guam and Ohio");
    assert_eq!(and_list(&["Guam", "Ohio", "Utah"]), "Guam, Ohio and Utah");
    let text = bundled::results();
    let catalog = Catalog::new(load(&text).unwrap().dataset);
    let describe = |search: &str, count: usize| Query::parse(search).0.filter.describe(count, &catalog);
    assert_eq!(describe("?territory=UT,GU,OH", 3), "3 contests: Guam, Ohio and Utah");
    assert_eq!(describe("?territory=OH,GU", 2), "2 contests: Guam and Ohio");
}

#[test]
fn figures_read_as_a_reader_expects() {
    assert_eq!(thousands(3207687), "3,207,687");
    assert_eq!(thousands(51), "51");
    assert_eq!(thousands(100000), "100,000");
    assert_eq!(count(1, "vote", "votes"), "1 vote");
    assert_eq!(count(0, "vote", "votes"), "0 votes");
    assert_eq!(count(1200, "problem", "problems"), "1,200 problems");
    assert_eq!(date("2024-03-05"), "Mar 5, 2024");
    assert_eq!(contest_label(&contest("final | Ann:1::")), "2024 Democratic caucus");
    let surnames = [
        ("Joe Biden (write-in)", "Biden"),
        ("Robert F. Kennedy Jr.", "Kennedy"),
        ("Robert F. Kennedy, Jr.", "Kennedy"),
        ("Rocky De La Fuente", "De La Fuente"),
        ("Martin Van Buren", "Van Buren"),
        ("Armando Perez-Serrato", "Perez-Serrato"),
        ("Cher", "Cher"),
        ("Charles de Gaulle", "de Gaulle"),
        ("de Gaulle", "Gaulle"),
        ("John Jr Smith", "Smith"),
        ("Rocky De La Fuente Jr.", "De La Fuente"),
        ("Jr.", "Jr."),
        ("Ann  Lee", "Lee"),
        ("None of These Candidates", "None of These Candidates"),
        ("Uncommitted", "Uncommitted"),
    ];
    for (name, expected) in surnames {
        assert_eq!(surname(name), expected, "{name}");
    }
    let cases = [
        (56.04, 1, "56.0"),
        (12.087, 1, "12.1"),
        (0.05, 1, "0.1"),
        (-2.25, 1, "-2.3"),
        (99.999, 2, "100.00"),
        (3.0, 0, "3"),
    ];
    for (value, places, text) in cases {
        assert_eq!(decimal(value, places), text, "{value}");
    }
}

/// A list row says its year after its place, and the kind of a place's second contest that year,
/// so that where the list has no date column (phones) no two rows of the bundled list read alike.
#[test]
fn each_row_says_its_year() {
    let mut guam = contest("final | Ann:1::");
    assert_eq!(row_note(&guam), "2024");
    guam.cycle = 2020;
    guam.extra = true;
    assert_eq!(row_note(&guam), "2020 caucus");
    guam.date = None;
    assert_eq!(contest_date(&guam), "2020, no date");

    let text = bundled::results();
    let dataset = load(&text).unwrap().dataset;
    let mut rows = std::collections::HashSet::new();
    for contest in &dataset.contests {
        assert!(
            row_note(contest).starts_with(&contest.cycle.to_string()),
            "{}",
            contest.id
        );
        // Where the date column shows (desktops), it says the year too, a missing date included.
        let date = contest_date(contest);
        assert!(date.contains(&contest.cycle.to_string()), "{}: {date}", contest.id);
        let row = format!(
            "{} {} {}",
            contest.territory_name(),
            row_note(contest),
            contest.party.name()
        );
        assert!(rows.insert(row.clone()), "two rows read {row:?}");
    }
    let samoa: Vec<String> = dataset
        .contests
        .iter()
        .filter(|c| c.territory == "AS")
        .map(row_note)
        .collect();
    assert_eq!(samoa.len(), 3, "American Samoa's contests: {samoa:?}");
}

#[test]
fn corrections_in_one_line() {
    use tally::model::words::corrections::correction_line;
    type Listed<'a> = &'a [(&'a str, &'a str, &'a str, &'a str)];
    let table: [(Listed, Option<&str>); 5] = [
        (&[], None),
        (
            &[
                ("Jason Palmer", "delegates", "4", "3"),
                ("Joe Biden", "delegates", "2", "3"),
            ],
            Some("Delegates corrected from 4\u{2013}2 to 3\u{2013}3"),
        ),
        (
            &[("Jason Palmer", "votes", "51", "52")],
            Some("Jason Palmer's votes corrected from 51 to 52"),
        ),
        (
            &[("Ann", "pct", "40.1", "40.2"), ("Bob", "pct", "30", "29.9")],
            Some("Shares corrected from 40.1\u{2013}30 to 40.2\u{2013}29.9"),
        ),
        (
            &[("Ann", "votes", "5", "6"), ("Bob", "delegates", "1", "2")],
            Some("Ann's votes corrected from 5 to 6; Bob's delegates corrected from 1 to 2"),
        ),
    ];
    for (list, expected) in table {
        let mut corrected = contest("final | Ann:5::1 | Bob:3::2");
        corrected.corrections = list
            .iter()
            .map(|&(option, field, from, to)| Correction {
                reported_at: "2024-03-06T05:25:00Z".into(),
                field: field.into(),
                option: option.into(),
                from: from.into(),
                to: to.into(),
                note: None,
                sources: Vec::new(),
            })
            .collect();
        assert_eq!(correction_line(&corrected).as_deref(), expected, "{list:?}");
    }
}

#[test]
fn a_place_s_history_at_a_glance() {
    use tally::model::words::history::{glance_caption, glance_margin};
    let captions = [
        (
            ("American Samoa", 2024, 2008, 9),
            "American Samoa: every contest since 2008 in these results, at a glance",
        ),
        (
            ("Guam", 2024, 2024, 2),
            "Guam: every 2024 contest in these results, at a glance",
        ),
        (
            ("Guam", 2020, 2020, 1),
            "Guam: the one contest in these results, 2020, at a glance",
        ),
    ];
    for ((place, newest, oldest, contests), expected) in captions {
        assert_eq!(glance_caption(place, newest, oldest, contests), expected);
    }
    // The margin cell is never empty: the list's margin, or why there is none.
    check(
        "
        whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 => +12.0 pts (11 votes)
        final | Ann:10:: | Bob:10::                          => Tied
        final | Ann::40.0: | Bob::40.0:                      => Level
        final | Ann:1000:50.0: | Bob::30.0: | Cy:200::       => Not reported
        final | Ann:::4 | Bob:::2                            => Not reported
        final | Ann::: | Bob:::                              => Not reported
        cancelled | Ann:::6                                  => No vote count
        no-vote | Ann:::6                                    => No vote count
        upcoming | Ann::: | Bob:::                           => Not yet counted
        ",
        |c| glance_margin(c, &summary(c).margin),
    );
}
