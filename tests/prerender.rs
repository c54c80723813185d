//! The static pages, rendered natively by the app's own components as the build renders them:
//! every contest's page states its result and every figure the dataset holds.

use std::rc::Rc;

use tally::app_state::{Shared, State};
use tally::model::url::pages::Page;
use tally::model::words::format::{delegate_sentence, popular_sentence, thousands};
use tally::model::words::site::{headline, sitemap};
use tally::model::*;

fn bundled() -> Shared {
    let read = |name: &str| std::fs::read(format!("{}/static/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let loaded = load_bytes(&read("results.json")).expect("bundled file loads");
    let (dataset, _) = merge_details(&loaded.dataset, &read("details.json")).expect("details file loads");
    Shared(Rc::new(Catalog::new(dataset)))
}

fn render(page: &Page, catalog: &Shared) -> String {
    tally::ui::render(State::prerendered(page.query(), catalog.clone()))
}

/// Text as it appears in HTML.
fn text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// An attribute value as it appears in HTML.
fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

fn assert_states_in_full(html: &str, contest: &Contest, as_of: Option<&str>, at: &str) {
    // On a territory's page, the contest's own card.
    let card = format!("id=\"{}-detail-title\"", contest.id);
    let html = match html.find(&card) {
        Some(start) => &html[start..start + html[start..].find("</article>").unwrap_or(html.len() - start)],
        None => html,
    };
    let must = |needle: String, what: &str| {
        assert!(html.contains(&needle), "{at} ({}): no {what} {needle:?}", contest.id);
    };
    must(text(&popular_sentence(contest)), "winner sentence");
    must(text(&delegate_sentence(contest)), "delegate sentence");
    for option in &contest.options {
        // The option's own row of the table holds its figures.
        let start = format!("<th scope=\"row\">{}", text(&option.name));
        let row = html
            .find(&start)
            .map(|at| &html[at..at + html[at..].find("</tr>").unwrap_or(0)])
            .unwrap_or_else(|| panic!("{at} ({}): no row for {}", contest.id, option.name));
        if let Some(votes) = option.votes {
            assert!(
                row.contains(&format!(">{}</td>", thousands(votes))),
                "{at}: {}'s votes",
                option.name
            );
        }
        if let Some(delegates) = option.delegates {
            assert!(
                row.contains(&format!(">{delegates}</td>")),
                "{at}: {}'s delegates",
                option.name
            );
        }
    }
    // Where every contender has a count, the most votes win, read from the data, not the wording.
    let contenders: Vec<&BallotOption> = contest.options.iter().filter(|o| o.kind.can_win()).collect();
    if contest.status == Status::Final && contenders.iter().all(|o| o.votes.is_some()) {
        let most = contenders.iter().map(|o| o.votes.unwrap()).max().unwrap_or(0);
        let top: Vec<&&BallotOption> = contenders.iter().filter(|o| o.votes == Some(most)).collect();
        match (top.as_slice(), &contest.votes_are) {
            // Votes that are not the official result name no winner: the row says what it led.
            ([most], Some(votes_are)) => must(
                format!(
                    "<tr><th scope=\"row\">{}<span class=\"mark\">Most votes, {}</span>",
                    text(&most.name),
                    text(votes_are)
                ),
                "most votes' marked row",
            ),
            ([winner], None) => must(
                format!("<tr class=\"is-winner\"><th scope=\"row\">{}", text(&winner.name)),
                "winner's marked row",
            ),
            _ => {}
        }
    }
    for source in &contest.sources {
        must(attribute(source), "source");
    }
    if let Some(as_of) = as_of {
        must(format!("Data as of {as_of}."), "as-of date");
    }
}

#[test]
fn every_contest_page_states_its_result_and_every_figure() {
    let catalog = bundled();
    let as_of = catalog.dataset.as_of.as_deref();
    for contest in catalog.contests() {
        let page = Page::Contest(contest.id.clone());
        let html = render(&page, &catalog);
        assert_states_in_full(&html, contest, as_of, &page.path());
        let head = page.head(&catalog);
        assert_eq!(head.headline, headline(contest));
        assert!(head.description.starts_with(&head.headline), "{}", page.path());
    }
}

#[test]
fn a_territory_page_shows_each_of_its_contests_in_full() {
    let catalog = bundled();
    let as_of = catalog.dataset.as_of.as_deref();
    let pages = Page::all(&catalog);
    let territories: Vec<&Page> = pages.iter().filter(|p| matches!(p, Page::Territory(_))).collect();
    // Every jurisdiction with a contest has its page: the territories and Democrats Abroad too.
    for code in ["AS", "GU", "MP", "PR", "VI", "DA", "DC"] {
        assert!(
            territories.contains(&&Page::Territory(code.into())),
            "no page for {code}"
        );
    }
    for page in territories {
        let Page::Territory(code) = page else { unreachable!() };
        let html = render(page, &catalog);
        let contests: Vec<&Contest> = catalog.contests().iter().filter(|c| &c.territory == code).collect();
        assert!(!contests.is_empty());
        for contest in contests {
            assert_states_in_full(&html, contest, as_of, &page.path());
            assert!(html.contains(&format!("id=\"{}-detail-title\"", contest.id)));
        }
    }
}

#[test]
fn a_card_is_static_and_whole() {
    let catalog = bundled();
    let contest = catalog.contest("2024-D-AS").unwrap();
    let html = render(&Page::Card(contest.id.clone()), &catalog);
    assert!(html.contains(&text(&popular_sentence(contest))));
    assert!(html.contains(&format!(
        "href=\"{}\"",
        tally::model::url::pages::contest_path(&contest.id)
    )));
    assert!(!html.contains("<button"), "nothing on a card needs the wasm");
}

#[test]
fn the_front_page_lists_every_contest() {
    let catalog = bundled();
    let html = render(&Page::Front, &catalog);
    for contest in catalog.contests() {
        assert!(
            html.contains(&format!(
                "href=\"{}\"",
                tally::model::url::pages::contest_path(&contest.id)
            )),
            "the front page links to {}",
            contest.id
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_a_reader_lands_on() {
    let catalog = bundled();
    let pages = Page::all(&catalog);
    let xml = sitemap("https://example.org/graphics/tally", &pages);
    let listed = xml.matches("<loc>").count();
    assert_eq!(listed, pages.iter().filter(|p| p.interactive()).count());
    assert!(xml.contains("<loc>https://example.org/graphics/tally/</loc>"));
    assert!(xml.contains("<loc>https://example.org/graphics/tally/contest/2024-D-AS.html</loc>"));
    assert!(xml.contains("<loc>https://example.org/graphics/tally/territory/AS.html</loc>"));
}

#[test]
fn headlines_state_the_result_in_words() {
    let catalog = bundled();
    let contest = catalog.contest("2024-D-AS").unwrap();
    // Built from the dataset's own figures for the contest that made Tally.
    let (winner, runner_up) = (&contest.options[0], &contest.options[1]);
    assert_eq!(
        headline(contest),
        format!(
            "{} wins the 2024 American Samoa Democratic caucus, {} votes to {}",
            winner.name,
            winner.votes.unwrap(),
            runner_up.votes.unwrap()
        )
    );
}
