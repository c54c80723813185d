//! Figures about a contest's result that a reader could be misled by: margins against a runner-up
//! that is not certain, shares of a count below the display precision, votes that are not the
//! official result; on small tables and on the bundled dataset.

mod bundled;
mod common;
mod spreadsheet;

use common::contest;
use tally::model::words::format::*;
use tally::model::*;

/// contest spec | the winner's margin: votes and points, "-" for a figure not given
const MARGINS: &str = "
whole | Ann:60:: | Bob:40::                            | 20 / 20.0
final | Ann:1000:50.0: | Bob::30.0: | Cy:200::         | no margin
final | Ann:1000:50.0: | Bob::30.0: | Cy:200:10.0:     | - / 20.0
final | Ann:1000:50.0: | Bob::10.0: | Cy:200:10.0:     | - / 40.0
final | Ann:1000:50.0: | Bob:300:20.0: | Cy::20.0:     | - / 30.0
final | Ann:1000:50.0: | Bob:300:20.0: | Cy:250:20.0: | Dee::5.0: | 700 / 30.0
final | Ann:1000:50.0: | Bob::9.9: | Cy:200:10.0:      | 800 / 40.0
final | Ann:1000:50.0: | Bob::: | Cy:200:10.0:         | no margin
final | Ann:1000:50.0: | Bob::5.0: | Cy:200:10.0: | Dee:::  | no margin
final | Ann:1000:50.0: | Bob::5.0: | Cy:200:44.9: | Dee:::  | 800 / 5.1
final | Ann::45.0: | Bob::30.0: | Cy:::               | - / 15.0
final | Ann::40.0: | Bob::30.0: | Cy:::               | no margin
final | Ann:15:40.0: | Bob:12:45.0: | Cy::10.0:       | - / 5.0
final | Ann::50.0: | Bob::49.75:                      | - / 0.3
final | Ann::60: | Bob::20.5:                         | - / 40
final | Ann:10:50: | Bob:9:49.8:                      | 1 / 0
final | Ann:9:99.9: | Bob:1:<0.1:                     | 8 / -
whole | Ann:9999:: | Bob:1::                          | 9998 / -
final | Ann::60.0: | Bob::                           | no margin
whole | Ann:992:96.2: | Other:39:3.8: | Bob:0:0:      | no margin
final | Ann:80240:86.90: | Write-in votes:7113:7.70: | Bob:3958:4.29: | Cy:1030:: | no margin
final | Ann::60.0: | Bob::15.0: | Other::25.0:       | no margin
final | Ann:60:: | Bob:30:: | Other:: | Cy:5::       | no margin
whole | Ann:60:: | Bob:30:: | Other:10::             | 30 / 30.0
whole | Ann:60:: | Bob:20:: | Write-ins:20::         | 40 / 40.0
";

#[test]
fn margins_only_against_a_certain_runner_up_and_at_the_coarser_precision() {
    let mut failures = Vec::new();
    for line in MARGINS.lines().filter(|l| !l.trim().is_empty()) {
        let (spec, expected) = line.rsplit_once('|').unwrap();
        let actual = match outcome(&contest(spec)) {
            Outcome::Winner { margin: Some(m), .. } => format!(
                "{} / {}",
                m.votes.map_or("-".into(), |v| v.to_string()),
                m.points.map_or("-".into(), |p| p.to_string())
            ),
            Outcome::Winner { margin: None, .. } => "no margin".into(),
            other => format!("{other:?}"),
        };
        if actual != expected.trim() {
            failures.push(format!("{spec}: expected {:?}, got {actual:?}", expected.trim()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The bundled dataset, as the first load has it.
fn bundled() -> Dataset {
    let text = bundled::results();
    load(&text).unwrap().dataset
}

/// No computed share of a count that is not zero reads "0.0%": not in a list cell, a detail row, a
/// headline nor the CSV export. The bundled data has such counts (2024-D-MA's smallest rows).
#[test]
fn no_count_above_zero_reads_as_zero_percent() {
    let dataset = bundled();
    let mut tiny = 0;
    for contest in &dataset.contests {
        let computed = share_basis(contest) == ShareBasis::Counts;
        let valid = totals(contest).valid;
        let cells = share_cells(contest);
        for (option, cell) in contest.options.iter().zip(&cells) {
            let Some(votes) = option
                .votes
                .filter(|&v| v > 0 && computed && option.kind != OptionKind::Void)
            else {
                continue;
            };
            assert_ne!(cell, "0.0%", "{} {}", contest.id, option.name);
            // Below half a tenth of a percent, the share rounds to nothing.
            if votes * 2000 < valid {
                tiny += 1;
                assert_eq!(cell, "<0.1%", "{} {}", contest.id, option.name);
            }
        }
        assert_ne!(summary(contest).share, "0.0%", "{}", contest.id);
        assert!(
            !tally::model::words::site::headline(contest).contains(" 0.0%"),
            "{}",
            contest.id
        );
    }
    assert!(tiny > 0, "the bundled data has shares below the precision");
    let catalog = Catalog::new(dataset);
    let all: Vec<usize> = (0..catalog.contests().len()).collect();
    let csv = tally::model::words::export::list_csv(&catalog, &all);
    assert!(!csv.contains(",0.0%,"), "the CSV export");
}

/// Where the votes are not the official result (fields.csv's votes_are: 2020-D-IA's and
/// 2020-D-NV's final alignments, the party having declared state delegate equivalents; 2008-R-MN's
/// partial count, its source leaving out the winner), their leader is never called the winner.
#[test]
fn votes_that_are_not_the_result_name_no_winner() {
    let dataset = bundled::every_edition();
    let marked: Vec<String> = spreadsheet::all_contests()
        .into_iter()
        .filter(|c| c.votes_are.is_some())
        .map(|c| c.id)
        .collect();
    assert!(
        marked.len() >= 3 && marked.iter().any(|id| id == "2008-R-MN"),
        "{marked:?}"
    );
    for id in &marked {
        let contest = dataset.contests.iter().find(|c| c.id == *id).unwrap();
        let votes_are = contest.votes_are.as_deref().expect("the bundled data marks it too");
        let most = |figure: fn(&BallotOption) -> Option<i64>| {
            let best = contest.options.iter().filter_map(figure).max();
            best.and_then(|_| contest.options.iter().position(|o| figure(o) == best))
        };
        let most_votes = most(|o| o.votes).expect("votes");
        let leader = &contest.options[most_votes].name;
        let marks = Marks::new(contest);
        let of = |i: usize| marks.of(i).collect::<Vec<_>>();
        let headline = tally::model::words::site::headline(contest);
        let led = format!("{leader} leads the {votes_are} and ");
        match most(|o| o.delegates.map(Delegates::halves)) {
            // No delegates reported (2008-R-MN): only what the votes are.
            None => {
                assert_eq!(of(most_votes), [format!("Most votes, {votes_are}")]);
                assert!(
                    headline.starts_with(&format!("{leader} leads the {votes_are} in ")),
                    "{headline}"
                );
            }
            Some(most_delegates) if most_delegates == most_votes => {
                assert_eq!(
                    of(most_votes),
                    [format!("Most votes, {votes_are}"), "Most delegates".into()]
                );
                assert!(
                    headline.starts_with(&format!("{led}wins the most delegates")),
                    "{headline}"
                );
            }
            Some(most_delegates) => {
                assert_eq!(of(most_votes), [format!("Most votes, {votes_are}")]);
                assert_eq!(of(most_delegates), ["Most delegates"]);
                let other = &contest.options[most_delegates].name;
                assert!(headline.starts_with(&format!("{led}{other} wins")), "{headline}");
            }
        }
        for i in 0..contest.options.len() {
            assert!(
                !marks.winner(i) && !of(i).contains(&"Winner"),
                "{id} {}",
                contest.options[i].name
            );
        }
        assert!(
            !headline.contains(&format!(" wins the {}", contest.cycle)),
            "{headline}"
        );
        let sentence = popular_sentence(contest);
        assert!(
            sentence.starts_with(&format!("{leader} led the {votes_are}")) && !sentence.contains("won"),
            "{sentence}"
        );
        assert!(summary(contest)
            .basis_note
            .is_some_and(|n| n.contains("not the official result")));
    }
}

/// No margin, list cell or "votes to" headline is given against a runner-up that an aggregate row
/// ("Other", "Write-in votes": several people's votes together) is ahead of, as the spreadsheet
/// has them (2024-R-PR's "Other", 2024-D-DC's "Write-in votes").
#[test]
fn no_margin_against_a_runner_up_behind_an_aggregate_row() {
    let dataset = bundled();
    let mut checked = 0;
    let mut aggregate_ahead = 0;
    for sheet in spreadsheet::contests() {
        let contest = dataset.contests.iter().find(|c| c.id == sheet.id).unwrap();
        let Outcome::Winner { option, margin, .. } = outcome(contest) else {
            continue;
        };
        let winner = &contest.options[option].name;
        let named = |name: &str| spreadsheet::editions::group(name).is_some();
        let aggregates: Vec<i64> = sheet
            .candidates
            .iter()
            .filter(|c| !named(&c.name) && !spreadsheet::is_void(&c.name))
            .filter_map(|c| c.votes)
            .collect();
        // The best named runner-up, from the spreadsheet's rows.
        let runner = sheet
            .candidates
            .iter()
            .filter(|c| named(&c.name) && c.name != *winner)
            .filter_map(|c| c.votes)
            .max();
        let ahead = runner.is_some_and(|r| aggregates.iter().any(|&a| a > r));
        aggregate_ahead += usize::from(ahead);
        let headline = tally::model::words::site::headline(contest);
        if ahead {
            assert!(margin.is_none(), "{}: {margin:?}", sheet.id);
            assert_eq!(summary(contest).margin, "", "{}", sheet.id);
            assert!(!headline.contains(" to "), "{headline}");
            continue;
        }
        if let Some((_, to)) = headline.rsplit_once(" to ") {
            checked += 1;
            let to: i64 = to.replace(',', "").parse().unwrap();
            assert!(aggregates.iter().all(|&a| a <= to), "{headline}");
        }
    }
    assert!(
        aggregate_ahead >= 2,
        "the bundled data has aggregate rows ahead of a runner-up"
    );
    assert!(checked > 50, "most headlines give the votes");
}

/// Decimals of a share as shown ("56.0%" 1, "<0.1%" 1, "37%" 0).
fn decimals(cell: &str) -> usize {
    let digits = cell.trim_start_matches('<').trim_end_matches('%');
    digits.split_once('.').map_or(0, |(_, d)| d.len())
}

/// Over the whole bundled dataset: every computed share column (each contest's options table, and
/// the list's share column over every contest) has one precision; every printed share is marked
/// as printed, in the list and in the options table's heading.
#[test]
fn computed_shares_have_one_precision_per_column_and_printed_ones_say_so() {
    let dataset = bundled();
    let mut list_computed = Vec::new();
    let (mut computed, mut printed) = (0, 0);
    for contest in &dataset.contests {
        let cells = share_cells(contest);
        let summary = summary(contest);
        match share_basis(contest) {
            ShareBasis::Counts => {
                computed += 1;
                let places: Vec<usize> = cells.iter().filter(|c| c.ends_with('%')).map(|c| decimals(c)).collect();
                assert!(places.windows(2).all(|w| w[0] == w[1]), "{}: {cells:?}", contest.id);
                assert_eq!(summary.share_source, None, "{}", contest.id);
                if !summary.share.is_empty() {
                    list_computed.push((contest.id.clone(), summary.share.clone()));
                }
            }
            ShareBasis::Printed => {
                printed += 1;
                assert_eq!(
                    summary.share_source.is_some(),
                    !summary.share.is_empty(),
                    "{}",
                    contest.id
                );
            }
        }
    }
    let first = decimals(&list_computed[0].1);
    for (id, share) in &list_computed {
        assert_eq!(decimals(share), first, "{id}: {share} in the list's computed column");
    }
    assert!(
        computed > 0 && printed > 0,
        "the dataset holds both kinds ({computed} computed, {printed} printed)"
    );
}
