//! What each static page says of itself in its title, description and link-preview tags, and
//! the sitemap. Which pages exist and where they live is `url::pages`.

use crate::model::data::territory::{expected_for_party, Territory};
use crate::model::derive::list_order::newest_first;
use crate::model::url::pages::Page;
use crate::model::words::format::{
    and_list, contest_label, delegate_sentence, percent, popular_sentence, thousands, votes_not_the_result,
};
use crate::model::words::snippet::html_attr;
use crate::model::{delegate_result, outcome, shares, Catalog, Contest, DelegateResult, Edition, Outcome, Party};

impl Page {
    /// The page's `<title>`; the app gives the document the same one as the reader moves between
    /// pages in place (so it is apart from the rest of the head, which the wasm never needs).
    pub fn title(&self, catalog: &Catalog) -> String {
        match self {
            Page::Contest(id) | Page::Card(id) if catalog.contest(id).is_some() => {
                let contest = catalog.contest(id).expect("checked above");
                format!(
                    "{}: {} results | Tally",
                    contest.territory_name(),
                    contest_label(contest)
                )
            }
            Page::Territory(code) => format!(
                "{}: presidential primary and caucus results | Tally",
                territory_name(code)
            ),
            _ => "Tally: US presidential primary and caucus results".into(),
        }
    }

    /// What the page says of itself in `<title>`, the description and link previews.
    pub fn head(&self, catalog: &Catalog) -> Head {
        let contest = |id: &str| catalog.contest(id);
        let title = self.title(catalog);
        match self {
            Page::Contest(id) | Page::Card(id) if contest(id).is_some() => {
                let contest = contest(id).expect("checked above");
                let headline = headline(contest);
                Head {
                    title,
                    description: format!("{headline}. {}", delegate_sentence(contest)),
                    headline,
                }
            }
            Page::Territory(code) => {
                let name = territory_name(code);
                // In the order the page tells its history: newest first.
                let place: Vec<usize> = catalog
                    .order
                    .iter()
                    .copied()
                    .filter(|&i| catalog.contests()[i].territory == *code)
                    .collect();
                let headlines: Vec<String> = newest_first(catalog, &place)
                    .into_iter()
                    .map(|i| headline(&catalog.contests()[i]))
                    .collect();
                Head {
                    title,
                    headline: format!("{name}: every presidential primary and caucus"),
                    description: format!("{}.", headlines.join(". ")),
                }
            }
            _ => {
                let editions = editions_in_words(catalog);
                Head {
                    title,
                    headline: format!("Who won the {editions} presidential primaries and caucuses"),
                    description: coverage(catalog),
                }
            }
        }
    }
}

/// The editions a catalog holds, by cycle, newest first: "2024 Democratic and Republican, 2020
/// Democratic".
pub fn editions_in_words(catalog: &Catalog) -> String {
    editions_words(catalog.editions())
}

/// Editions, newest cycle first, in words, a cycle's parties together: "2016 Democratic and
/// Republican, 2012 Republican".
pub fn editions_words(editions: &[crate::model::Edition]) -> String {
    let mut by_cycle: Vec<String> = Vec::new();
    let mut cycles: Vec<i64> = editions.iter().map(|e| e.cycle).collect();
    cycles.dedup();
    for cycle in cycles {
        let parties: Vec<&str> = editions
            .iter()
            .filter(|e| e.cycle == cycle)
            .map(|e| e.party.name())
            .collect();
        by_cycle.push(format!("{cycle} {}", and_list(&parties)));
    }
    by_cycle.join(", ")
}

/// The status line while editions load: "Loading the 2016 Democratic and Republican results…".
pub fn loading(editions: &[crate::model::Edition]) -> String {
    format!("Loading the {} results\u{2026}", editions_words(editions))
}

/// The status line when they could not be: what is missing, why, and that the rest stays.
pub fn not_loaded(editions: &[crate::model::Edition], why: &str) -> String {
    format!(
        "The {} results could not be loaded: {why} The list still shows the results before; choose again to retry.",
        editions_words(editions)
    )
}

/// The places each edition the catalog holds contests of has none for, among those its party's
/// calendar has (50 states, DC, the territories, Democrats Abroad for Democrats): 2008 D's
/// Northern Mariana Islands, 2008 R's Guam. Editions still in files of their own are not judged.
pub fn gaps(catalog: &Catalog) -> Vec<(Edition, Vec<&'static Territory>)> {
    let mut gaps = Vec::new();
    for &edition in catalog.editions() {
        let held: Vec<&str> = catalog
            .contests()
            .iter()
            .filter(|c| c.edition() == edition)
            .map(|c| c.territory.as_str())
            .collect();
        let missing: Vec<&Territory> = expected_for_party(edition.party)
            .filter(|t| !held.contains(&t.code))
            .collect();
        if !held.is_empty() && !missing.is_empty() {
            gaps.push((edition, missing));
        }
    }
    gaps
}

/// What the front page says it covers, from the contests it holds: every place of the calendar
/// but those an edition has no contest for, named ("…, but for 2008 Democratic in the Northern
/// Mariana Islands and 2008 Republican in Guam, where none is on record.").
pub fn coverage(catalog: &Catalog) -> String {
    let held: Vec<Edition> = catalog
        .editions()
        .iter()
        .copied()
        .filter(|&e| catalog.contests().iter().any(|c| c.edition() == e))
        .collect();
    let abroad = if held.iter().any(|e| e.party == Party::Democratic) {
        " and, for Democrats, Democrats Abroad"
    } else {
        ""
    };
    let missing: Vec<String> = gaps(catalog)
        .iter()
        .map(|(edition, places)| {
            // A plural name takes its article in a sentence: "the Northern Mariana Islands".
            let names: Vec<String> = places
                .iter()
                .map(|t| match t.name.ends_with("Islands") {
                    true => format!("the {}", t.name),
                    false => t.name.to_string(),
                })
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            format!("{} in {}", edition.label(), and_list(&names))
        })
        .collect();
    let except = match missing.is_empty() {
        true => String::new(),
        false => format!(", but for {}, where none is on record", missing.join(" and ")),
    };
    format!(
        "Who won every {} presidential primary and caucus: the 50 states, DC, American Samoa, Guam, the Northern \
        Mariana Islands, Puerto Rico, the US Virgin Islands{abroad}{except}.",
        editions_words(&held)
    )
}

/// The masthead's line: the editions the data holds. It claims no place: the front page holds
/// one cycle's contests and every page says the same; `coverage` names the places and gaps.
pub fn tagline(catalog: Option<&Catalog>) -> String {
    match catalog.filter(|c| !c.editions().is_empty()) {
        Some(catalog) => format!("{} presidential primaries and caucuses.", editions_in_words(catalog)),
        None => "US presidential primaries and caucuses.".into(),
    }
}

/// A jurisdiction's name, or its code when the table has none.
fn territory_name(code: &str) -> &str {
    crate::model::data::territory::territory(code).map_or(code, |t| t.name)
}

/// A page's own words about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    /// The result in one line, for link previews: "Jason Palmer wins the 2024 American Samoa …".
    pub headline: String,
    pub description: String,
}

/// A contest's result as a headline: "Jason Palmer wins the 2024 American Samoa Democratic
/// caucus, 51 votes to 40". Figures only as the dataset gives them; where the votes are not the
/// official result, what each option led ("… leads the final alignment and … wins the most delegates").
pub fn headline(contest: &Contest) -> String {
    let what = format!(
        "the {} {} {} {}",
        contest.cycle,
        contest.territory_name(),
        contest.party.name(),
        contest.kind.label().to_ascii_lowercase()
    );
    let outcome = outcome(contest);
    if let Outcome::Winner { option, basis, .. } = outcome {
        if let Some(votes_are) = votes_not_the_result(contest, basis) {
            let name = |i: usize| contest.options[i].name.as_str();
            let led = format!("{} leads the {votes_are}", name(option));
            return match delegate_result(contest) {
                DelegateResult::Winner { option: most } if most == option => {
                    format!("{led} and wins the most delegates in {what}")
                }
                DelegateResult::Winner { option: most } => {
                    format!("{led} and {} wins the most delegates in {what}", name(most))
                }
                _ => format!("{led} in {what}"),
            };
        }
    }
    match outcome {
        Outcome::Winner { option, margin, .. } => {
            let winner = &contest.options[option];
            let figures = match (winner.votes, margin.and_then(|m| m.votes)) {
                (Some(votes), Some(ahead)) => format!(
                    ", {} {} to {}",
                    thousands(votes),
                    if votes == 1 { "vote" } else { "votes" },
                    thousands(votes - ahead)
                ),
                _ => shares(contest)[option]
                    .map(|share| match contest.pct_of.get() {
                        Some(of) => format!(", with {} of {of}", percent(share)),
                        None => format!(", with {}", percent(share)),
                    })
                    .unwrap_or_default(),
            };
            if !crate::model::words::live::counted(contest) {
                return format!("{} leads {what}{figures}", winner.name);
            }
            format!("{} wins {what}{figures}", winner.name)
        }
        Outcome::Tie { .. } => format!("A tie for first place in {what}"),
        _ => {
            let sentence = popular_sentence(contest);
            format!("{}: {}", capitalised(&what), sentence.trim_end_matches('.'))
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `sitemap.xml` for the pages a reader lands on (not the cards, which live in iframes).
pub fn sitemap(base_url: &str, pages: &[Page]) -> String {
    let base = if base_url.ends_with('/') {
        base_url.to_string()
    } else {
        format!("{base_url}/")
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages.iter().filter(|p| p.interactive()) {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            html_attr(&format!("{base}{}", page.href()))
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}
