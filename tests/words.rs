//! Every wording function, from tables of contests and the words a reader sees.

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
        ",
        |c| {
            let s = summary(c);
            format!("{}; {}; {}; {}", s.winner, s.share, s.margin, s.delegates)
        },
    );
}

#[test]
fn result_sentences() {
    check(
        "
        whole | Jason Palmer:51:56.0:3 | Joe Biden:40:44.0:3 => Jason Palmer won the popular vote by 11 votes (12.0 points).
        final | Ann:2:: | Bob:1::                            => Ann won the popular vote by 1 vote.
        final | Ann::60.5: | Bob::39.5:                      => Ann won the popular vote by 21.0 points (by the source's percentages).
        final | Ann::40.0: | Bob::40.0:                      => Ann and Bob are level on the source's printed percentages at 40.0% each; with no counts to separate them, no winner is named.
        final | Ann:10:: | Bob:10::                          => Ann and Bob tied for first place, 10 votes each.
        final | Ann:10:45.0: | Bob::: | Cy:::                => No leader can be named: Bob and Cy have no published figure and could be ahead.
        final | Ann:::4 | Bob:::2                            => No vote counts were published; Ann won the most delegates.
        final | Ann:::                                       => Ann is reported as the winner; no figures were published.
        cancelled | Ann:::6                                  => The contest was cancelled; no votes were cast.
        no-vote | Ann:::6                                    => No vote was held, so there is no popular vote.
        final | Ann::: | Bob:::                              => The popular vote has not been reported.
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
        final non-binding pledged= | Ann:5:: | Bob:3::       => This vote bound no delegates.
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
        ",
        |c| {
            format!(
                "{} | {} | {}",
                share_cells(c).join(" "),
                total_label(c),
                delegate_cells(c).join(" ")
            )
        },
    );
}

#[test]
fn figures_read_as_a_reader_expects() {
    assert_eq!(thousands(3207687), "3,207,687");
    assert_eq!(thousands(51), "51");
    assert_eq!(thousands(100000), "100,000");
    assert_eq!(count(1, "vote", "votes"), "1 vote");
    assert_eq!(count(0, "vote", "votes"), "0 votes");
    assert_eq!(count(1200, "problem", "problems"), "1,200 problems");
    assert_eq!(date(Some("2024-03-05")), "Mar 5, 2024");
    assert_eq!(date(None), "No date");
    assert_eq!(contest_label(&contest("final | Ann:1::")), "2024 Democratic caucus");
    let surnames = [
        ("Joe Biden (write-in)", "Biden"),
        ("Robert F. Kennedy Jr.", "Kennedy"),
        ("Robert F. Kennedy, Jr.", "Kennedy"),
        ("Rocky De La Fuente", "De La Fuente"),
        ("Martin Van Buren", "Van Buren"),
        ("Armando Perez-Serrato", "Perez-Serrato"),
        ("Cher", "Cher"),
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
