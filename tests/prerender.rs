//! The static pages, rendered natively by the app's own components as the build renders them,
//! checked against the spreadsheet they come from (`data/*.csv`, read by the tests' own reader):
//! every contest's page names its territory, contest and options, states every figure the
//! spreadsheet holds, words every figure it lacks, and names the winner those figures make.

mod bundled;

mod html;
mod spreadsheet;

use std::rc::Rc;

use html::{between, cell_text, text_of, Table};
use spreadsheet::winner::{most_votes, printed_range};
use spreadsheet::{is_void, Candidate, Contest};
use tally::app_state::{Shared, State};
use tally::model::url::pages::Page;
use tally::model::words::site::sitemap;
use tally::model::{load_bytes, merge_details, Catalog};

/// How the pages word a figure the source did not publish, and delegates a vote did not bind.
const NOT_REPORTED: &str = "Not reported";
const NOT_BOUND: &str = "Not bound";

/// The pages as the build makes them: from the bundled JSON, with its details file.
fn bundled() -> Shared {
    let loaded = load_bytes(bundled::results().as_bytes()).expect("bundled file loads");
    let (dataset, _) = merge_details(&loaded.dataset, bundled::details().as_bytes()).expect("details file loads");
    Shared(Rc::new(Catalog::new(dataset)))
}

/// A page as the build renders it, entities decoded.
fn render(page: &Page, catalog: &Shared) -> String {
    html::decoded(&tally::ui::render(State::prerendered(page.query(), catalog.clone())))
}

/// A count as a reader sees it: 168080 is "168,080".
fn thousands(count: i64) -> String {
    let digits = count.to_string();
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = digits.as_str();
    while rest.len() > 3 {
        groups.insert(0, &rest[rest.len() - 3..]);
        rest = &rest[..rest.len() - 3];
    }
    groups.insert(0, rest);
    groups.join(",")
}

/// Delegate votes as a page writes them: "1,765.5", "52".
fn delegate_votes(votes: f64) -> String {
    let whole = thousands(votes.trunc() as i64);
    if votes.fract() == 0.5 {
        format!("{whole}.5")
    } else {
        whole
    }
}

/// A name as a headline or list may give it: "Joe Biden (write-in)" is Joe Biden's win.
fn person(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name).trim()
}

/// What a page gets wrong against the spreadsheet, in words.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn expect(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }
}

/// Everything the contest titled `id="<title_id>"` in `html` gets wrong against the spreadsheet.
/// `full`: a page that also lists the sources, notes and as-of date (a card names hosts only).
fn differences(html: &str, title_id: &str, contest: &Contest, full: bool) -> Vec<String> {
    let Some(card) = between(html, &format!("id=\"{title_id}\""), "</article>") else {
        return vec![format!("nothing titled {title_id}")];
    };
    let mut found = Findings::default();
    check_heading(card, contest, &mut found);
    check_table(card, contest, &mut found);
    check_corrections(card, contest, &mut found);
    check_words(card, contest, &mut found);
    if full {
        check_sources(card, contest, &mut found);
    }
    found.0
}

/// The title names the territory and the contest; the line below it, the pledged delegates.
fn check_heading(card: &str, contest: &Contest, found: &mut Findings) {
    let title = text_of(between(card, ">", "</h").unwrap_or(""));
    found.expect(names_the_contest(&title, contest), || {
        format!("the title {title:?} does not name the territory and contest")
    });
    let meta = text_of(between(card, "<p class=\"meta\"", "</p>").unwrap_or(""));
    match contest.pledged {
        Some(pledged) => found.expect(meta.contains(&format!("{} pledged", delegate_votes(pledged))), || {
            format!("{meta:?} does not state {pledged} pledged delegates")
        }),
        None => found.expect(meta.to_lowercase().contains(&NOT_REPORTED.to_lowercase()), || {
            format!("{meta:?} does not say the pledged delegates are not reported")
        }),
    }
}

/// `words` name the territory, cycle, party and kind of contest.
fn names_the_contest(words: &str, contest: &Contest) -> bool {
    [
        contest.territory_name.as_str(),
        &contest.cycle.to_string(),
        contest.party_name(),
    ]
    .iter()
    .all(|word| words.contains(word))
        && words.to_lowercase().contains(&contest.kind)
}

/// Each option's row states its figures as the spreadsheet has them, and the winner's is marked.
fn check_table(card: &str, contest: &Contest, found: &mut Findings) {
    let table = Table::first_in(card);
    for column in ["Votes", "Share", "Delegates"] {
        if !table.headings().iter().any(|h| h.starts_with(column)) {
            found.expect(false, || format!("no {column} column in {:?}", table.headings()));
            return;
        }
    }
    for candidate in &contest.candidates {
        let name = &candidate.name;
        let cell = |column| table.cell(name, column).unwrap_or_default();
        if table.row_tag(name).is_none() {
            found.expect(false, || format!("no row for {name}"));
            continue;
        }
        let votes = cell("Votes");
        let counted = candidate.votes.map_or(NOT_REPORTED.to_string(), thousands);
        found.expect(votes == counted, || {
            format!("{name}'s votes read {votes:?}, not {counted:?}")
        });
        if let Some(wrong) = share_differs(contest, candidate, &cell("Share")) {
            found.expect(false, || wrong);
        }
        let delegates = cell("Delegates");
        found.expect(delegates_read_right(contest, candidate, &delegates), || {
            let listed = candidate.delegates.map_or("a blank".to_string(), delegate_votes);
            format!("{name}'s delegates read {delegates:?}; the spreadsheet has {listed}")
        });
    }
    // The rule's winner is marked, and no other row; where the votes are not the official
    // result (fields.csv's votes_are), no row is.
    let winner = most_votes(contest);
    if winner.is_ok() || contest.votes_are.is_some() {
        for candidate in &contest.candidates {
            let marked = table
                .row_tag(&candidate.name)
                .is_some_and(|tag| tag.contains("data-winner"));
            let expected = winner.is_ok_and(|w| std::ptr::eq(w, candidate));
            found.expect(marked == expected, || match expected {
                true => format!("{}'s row is not marked the winner", candidate.name),
                false => format!("{}'s row is marked the winner", candidate.name),
            });
        }
    }
}

/// Where the field is whole and every option counted, shares are computed from the counts, of
/// the votes cast for someone; otherwise they are the source's printed percentages, as printed.
fn share_differs(contest: &Contest, candidate: &Candidate, share: &str) -> Option<String> {
    let name = &candidate.name;
    let computed = contest.whole_field && contest.candidates.iter().all(|c| c.votes.is_some());
    if !computed {
        let printed = candidate
            .pct
            .as_ref()
            .map_or(NOT_REPORTED.to_string(), |p| format!("{p}%"));
        return (share != printed).then(|| format!("{name}'s share reads {share:?}, not {printed:?}"));
    }
    if is_void(name) {
        return share
            .contains('%')
            .then(|| format!("{name}, no one's votes, has a share: {share:?}"));
    }
    let valid = valid_votes(contest);
    if valid == 0 {
        return share
            .contains('%')
            .then(|| format!("{name} has a share of no votes: {share:?}"));
    }
    let part = candidate.votes.unwrap_or(0);
    // Rounded half up to tenths, in integers.
    let tenths = (2000 * i128::from(part) + i128::from(valid)) / (2 * i128::from(valid));
    // A count that rounds to nothing reads "<0.1%", never "0.0%" (issue 16).
    let expected = if part > 0 && tenths == 0 {
        "<0.1%".to_string()
    } else {
        format!("{}.{}%", tenths / 10, tenths % 10)
    };
    (share != expected).then(|| format!("{name}'s share of {valid} votes reads {share:?}, not {expected:?}"))
}

/// A delegate count as listed; a blank is a missing figure, and reads 0 only where the listed
/// delegates account for every pledged one.
fn delegates_read_right(contest: &Contest, candidate: &Candidate, cell: &str) -> bool {
    if let Some(won) = candidate.delegates {
        return cell == delegate_votes(won);
    }
    // None at stake (2024-D-NH): no column of "Not reported" under "No delegates were at stake".
    if contest.pledged == Some(0.0) {
        return cell == NOT_BOUND;
    }
    let listed: Vec<f64> = contest.candidates.iter().filter_map(|c| c.delegates).collect();
    let all_listed = !listed.is_empty() && Some(listed.iter().sum::<f64>()) == contest.pledged;
    cell == NOT_REPORTED || cell == NOT_BOUND || (all_listed && cell == "0")
}

/// The sum of the counts of every option but blank and void ballots: what shares are of.
fn valid_votes(contest: &Contest) -> i64 {
    contest
        .candidates
        .iter()
        .filter(|c| !is_void(&c.name))
        .filter_map(|c| c.votes)
        .sum()
}

/// The sentences and the sum row say nothing the figures contradict: after no vote, no "most"
/// delegates of a sole recipient and no "this vote"; no listed counts where there are none; no
/// sum of counts that leaves out an option with a share but no count (2024-D-MP's winner).
fn check_words(card: &str, contest: &Contest, found: &mut Findings) {
    let results: Vec<String> = card
        .split("<p class=\"result\">")
        .skip(1)
        .map(|p| text_of(p.split("</p>").next().unwrap_or("")))
        .collect();
    let text = text_of(card);
    if matches!(contest.status.as_str(), "cancelled" | "no-vote") {
        let sole = contest
            .candidates
            .iter()
            .find(|c| c.delegates.is_some() && c.delegates == contest.pledged);
        if let (Some(sole), Some(pledged)) = (sole, contest.pledged.filter(|&p| p > 0.0)) {
            let said = format!(
                "{} was awarded all {} pledged delegates.",
                sole.name,
                delegate_votes(pledged)
            );
            found.expect(results.iter().any(|r| r.starts_with(&said)), || {
                format!("{results:?} do not say {said:?}")
            });
        }
        found.expect(!results.iter().any(|r| r.to_lowercase().contains("this vote")), || {
            format!("{results:?}: \"this vote\" where no vote was held")
        });
    }
    if contest.candidates.iter().all(|c| c.votes.is_none()) {
        for wrong in ["listed counts", "as compiled", "computed these shares"] {
            found.expect(!text.contains(wrong), || {
                format!("{wrong:?} where no option has a count")
            });
        }
    }
    let foot = between(card, "<tfoot>", "</tfoot>").map(text_of);
    let uncounted = contest
        .candidates
        .iter()
        .find(|c| !is_void(&c.name) && c.votes.is_none() && c.pct.is_some());
    match (uncounted, foot) {
        (Some(c), Some(foot)) => found.expect(false, || format!("{foot:?} leaves out {}'s votes", c.name)),
        (None, Some(foot)) => {
            let sum = valid_votes(contest);
            found.expect(foot.contains(&thousands(sum)), || {
                format!("{foot:?} is not the sum {sum}")
            });
        }
        _ => {}
    }
}

/// Each correction names its option and both figures, on its own line above its note.
fn check_corrections(card: &str, contest: &Contest, found: &mut Findings) {
    let section = between(card, "class=\"corrections\"", "</section>").unwrap_or("");
    for correction in &contest.corrections {
        let listed = section
            .split("<li>")
            .map(|item| text_of(item.split("<p").next().unwrap_or("")))
            .any(|line| {
                let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).collect();
                line.contains(&correction.candidate)
                    && words.contains(&correction.from.as_str())
                    && words.contains(&correction.to.as_str())
            });
        found.expect(listed, || {
            format!(
                "no correction of {} from {} to {}",
                correction.candidate, correction.from, correction.to
            )
        });
    }
}

/// Every source of every row is a link; the contest's note and the data's date are shown.
fn check_sources(card: &str, contest: &Contest, found: &mut Findings) {
    for source in contest.sources() {
        found.expect(card.contains(&format!("href=\"{source}\"")), || {
            format!("no link to {source}")
        });
    }
    if let Some(note) = &contest.note {
        found.expect(card.contains(note.as_str()), || format!("no note {note:?}"));
    }
    let as_of = spreadsheet::as_of();
    found.expect(card.contains(&as_of), || format!("no as-of date {as_of}"));
}

/// What a contest's page says of itself: its title and description name the contest, and its
/// link-preview headline names the winner before any other option.
fn head_differences(page: &Page, catalog: &Shared, contest: &Contest) -> Vec<String> {
    let head = page.head(catalog);
    let mut found = Findings::default();
    for (what, words) in [("title", &head.title), ("description", &head.description)] {
        found.expect(names_the_contest(words, contest), || {
            format!("the {what} {words:?} does not name the territory and contest")
        });
    }
    if let Ok(winner) = most_votes(contest) {
        let first_named = contest
            .candidates
            .iter()
            .filter_map(|c| head.headline.find(person(&c.name)).map(|at| (at, c)))
            .min_by_key(|&(at, c)| (at, std::cmp::Reverse(c.name.len())))
            .map(|(_, c)| c.name.as_str());
        found.expect(first_named == Some(winner.name.as_str()), || {
            format!("the headline {:?} does not name {} first", head.headline, winner.name)
        });
    }
    found.0
}

/// Fails with every difference found, by page.
fn assert_none(found: Vec<(String, Vec<String>)>) {
    let failures: Vec<String> = found
        .into_iter()
        .filter(|(_, found)| !found.is_empty())
        .map(|(page, found)| format!("{page}:\n  {}", found.join("\n  ")))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_contest_page_and_card_states_the_spreadsheet_s_figures() {
    let catalog = bundled();
    let mut found = Vec::new();
    for contest in &spreadsheet::contests() {
        let page = Page::Contest(contest.id.clone());
        let mut wrong = differences(&render(&page, &catalog), "detail-title", contest, true);
        wrong.extend(head_differences(&page, &catalog, contest));
        found.push((page.path(), wrong));
        let card = Page::Card(contest.id.clone());
        let wrong = differences(&render(&card, &catalog), "detail-title", contest, false);
        found.push((card.path(), wrong));
    }
    assert_none(found);
}

/// The same over every edition, 2008 to 2024: each contest's page and card, rendered from every
/// edition's own file, states the spreadsheet's figures (`data/*.csv`).
#[test]
fn every_contest_page_and_card_of_every_edition_states_the_spreadsheet_s_figures() {
    let catalog = Shared(Rc::new(Catalog::new(bundled::every_edition())));
    let mut found = Vec::new();
    let contests = spreadsheet::all_contests();
    for contest in &contests {
        let page = Page::Contest(contest.id.clone());
        found.push((
            page.path(),
            differences(&render(&page, &catalog), "detail-title", contest, true),
        ));
        let card = Page::Card(contest.id.clone());
        found.push((
            card.path(),
            differences(&render(&card, &catalog), "detail-title", contest, false),
        ));
    }
    assert_eq!(
        contests.len(),
        catalog.contests().len(),
        "a page for every contest of every edition"
    );
    assert_none(found);
}

#[test]
fn a_territory_page_shows_each_of_its_contests_in_full() {
    let catalog = bundled();
    let contests = spreadsheet::contests();
    let mut territories: Vec<(&str, &str)> = Vec::new();
    for contest in &contests {
        if !territories.iter().any(|(code, _)| *code == contest.territory) {
            territories.push((&contest.territory, &contest.territory_name));
        }
    }
    let mut found = Vec::new();
    for (code, name) in territories {
        let page = Page::Territory(code.to_string());
        let html = render(&page, &catalog);
        let mut wrong = Vec::new();
        if !page.head(&catalog).title.contains(name) {
            wrong.push(format!("the title does not name {name}"));
        }
        for contest in contests.iter().filter(|c| c.territory == code) {
            wrong.extend(differences(
                &html,
                &format!("{}-detail-title", contest.id),
                contest,
                true,
            ));
        }
        found.push((page.path(), wrong));
    }
    assert_none(found);
}

#[test]
fn the_winner_rule_decides_nearly_every_contest() {
    let contests = spreadsheet::contests();
    let left_out: Vec<String> = contests
        .iter()
        .filter_map(|c| most_votes(c).err().map(|why| format!("{}: {why}", c.id)))
        .collect();
    // Cancelled contests, votes never held or never counted, and the two caucuses decided on
    // delegate equivalents: at most one contest in fifteen. Any more, and the rule needs a look.
    assert!(
        left_out.len() * 15 <= contests.len(),
        "{} of {} contests have no winner by the rule:\n{}",
        left_out.len(),
        contests.len(),
        left_out.join("\n")
    );
    let not_the_result: Vec<&str> = contests
        .iter()
        .filter(|c| c.votes_are.is_some())
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        !not_the_result.is_empty(),
        "fields.csv marks the caucuses decided on delegate equivalents"
    );
}

#[test]
fn a_card_is_static() {
    let catalog = bundled();
    for contest in spreadsheet::contests() {
        let html = render(&Page::Card(contest.id.clone()), &catalog);
        assert!(
            html.contains(&format!("href=\"contest/{}.html\"", contest.id)),
            "{}'s card links to its page",
            contest.id
        );
        assert!(
            !html.contains("<button"),
            "nothing on {}'s card needs the wasm",
            contest.id
        );
    }
}

#[test]
fn the_front_page_lists_every_contest_of_the_newest_cycle_with_its_winner() {
    let catalog = bundled();
    let html = render(&Page::Front, &catalog);
    let list = between(&html, "class=\"winners\"", "</table>").expect("the list of winners");
    let mut contests = spreadsheet::contests();
    let newest = contests.iter().map(|c| c.cycle).max().unwrap();
    contests.retain(|c| c.cycle == newest);
    assert_eq!(
        list.matches("<tr").count(),
        contests.len() + 1,
        "a heading, then a row per contest"
    );
    for contest in &contests {
        let row = between(list, &format!("href=\"contest/{}.html\"", contest.id), "</tr>")
            .unwrap_or_else(|| panic!("the front page does not list {}", contest.id));
        if let Ok(winner) = most_votes(contest) {
            let cell = between(row, "class=\"winner\"", "</td>")
                .map(cell_text)
                .unwrap_or_default();
            assert!(
                cell.starts_with(person(&winner.name)),
                "{}: the list's winner reads {cell:?}, not {}",
                contest.id,
                winner.name
            );
        }
    }
}

#[test]
fn the_sitemap_lists_every_page_a_reader_lands_on() {
    let catalog = bundled();
    let base = "https://example.org/graphics/tally/";
    let mut expected = vec![base.to_string()];
    for contest in spreadsheet::contests() {
        expected.push(format!("{base}contest/{}.html", contest.id));
        let territory = format!("{base}territory/{}.html", contest.territory);
        if !expected.contains(&territory) {
            expected.push(territory);
        }
    }
    let xml = sitemap(base, &Page::all(&catalog));
    let mut listed: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .filter_map(|l| l.split("</loc>").next())
        .collect();
    listed.sort_unstable();
    expected.sort_unstable();
    assert_eq!(
        listed, expected,
        "the front page, and every contest's and territory's page"
    );
}

#[test]
fn headlines_state_the_result_in_words() {
    let catalog = bundled();
    let contests = spreadsheet::contests();
    let samoa = contests.iter().find(|c| c.id == "2024-D-AS").unwrap();
    // The contest that made Tally, with its two leaders' counts from the spreadsheet.
    let mut counted: Vec<&Candidate> = samoa.candidates.iter().collect();
    counted.sort_by_key(|c| std::cmp::Reverse(c.votes));
    let (winner, runner_up) = (counted[0], counted[1]);
    assert_eq!(
        Page::Contest(samoa.id.clone()).head(&catalog).headline,
        format!(
            "{} wins the 2024 American Samoa Democratic caucus, {} votes to {}",
            winner.name,
            thousands(winner.votes.unwrap()),
            thousands(runner_up.votes.unwrap())
        )
    );
}

#[test]
fn the_tests_own_readers_read_as_a_reader_would() {
    assert_eq!(thousands(168080), "168,080");
    assert_eq!(thousands(51), "51");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(3207687), "3,207,687");
    assert_eq!(person("Joe Biden (write-in)"), "Joe Biden");
    assert_eq!(printed_range("72.2"), (721_500, 722_500));
    assert_eq!(printed_range("100"), (995_000, 1_005_000));
    assert_eq!(printed_range("<0.1"), (0, 1_000));
    assert_eq!(
        spreadsheet::csv::parse("a,\"b, \"\"c\"\"\"\r\n\n\"line\nbreak\",\n"),
        [vec!["a", "b, \"c\""], vec!["line\nbreak", ""]]
    );
    assert_eq!(
        html::text_of(&html::decoded("<td>Tom &amp; Jerry&#39;s &lt;b&gt;</td>")),
        "Tom & Jerry's <b>"
    );
    assert_eq!(html::text_of(&html::decoded("<td>&lt;0.1%</td>")), "<0.1%");
}

/// The front page's link preview and masthead name exactly the editions the data holds (there
/// are no 2020 Republican contests), read back from its words and compared with the spreadsheet's.
#[test]
fn the_front_page_names_exactly_the_editions_it_holds() {
    let catalog = bundled();
    let head = Page::Front.head(&catalog);
    let editions = head
        .headline
        .strip_prefix("Who won the ")
        .and_then(|h| h.strip_suffix(" presidential primaries and caucuses"))
        .unwrap_or_else(|| panic!("{}", head.headline));
    let mut named: Vec<(i64, String)> = Vec::new();
    for cycle in editions.split(", ") {
        let (year, parties) = cycle.split_once(' ').unwrap();
        for party in parties.split(" and ") {
            named.push((year.parse().unwrap(), party.to_string()));
        }
    }
    let mut held: Vec<(i64, String)> = Vec::new();
    for contest in spreadsheet::contests() {
        let edition = (contest.cycle, contest.party_name().to_string());
        if !held.contains(&edition) {
            held.push(edition);
        }
    }
    named.sort();
    held.sort();
    assert_eq!(named, held);
    assert!(head
        .description
        .starts_with(&format!("Who won every {editions} presidential")));
    let html = render(&Page::Front, &catalog);
    assert!(
        html.contains(&format!("{editions} presidential primaries and caucuses.")),
        "the masthead"
    );
    // A newsroom's file of one edition, its calendar not complete, claims no more.
    let one = spreadsheet::read("results.csv")
        .lines()
        .filter(|l| l.starts_with("cycle,") || l.contains(",2024-R-VT,"))
        .collect::<Vec<_>>()
        .join("\n");
    let (dataset, _) = tally::model::dataset_from_csv(&one, None, "Vermont", None).unwrap();
    let vermont = Catalog::new(dataset);
    assert_eq!(
        tally::model::words::site::tagline(Some(&vermont)),
        "2024 Republican presidential primaries and caucuses."
    );
    assert!(!Page::Front.head(&vermont).description.contains("Democrats"));
}
