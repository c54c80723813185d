//! The static site: which pages the build writes, where they live, and what each says of itself
//! in its title, description and link-preview tags. Every path is relative to the site's root,
//! which every page names as its `<base>`, so the same links work from every page, under any
//! sub-path, on any static host without rewrite rules.

use crate::model::format::{contest_label, delegate_sentence, popular_sentence, thousands};
use crate::model::snippet::html_attr;
use crate::model::{outcome, shares, Catalog, Contest, Filter, Outcome, Query};

/// One prerendered page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The explorer's default view: every contest.
    Front,
    /// One contest in full.
    Contest(String),
    /// Every contest of one state or territory, each in full.
    Territory(String),
    /// One contest's card for an iframe: no wasm, only the resize script.
    Card(String),
}

pub fn contest_path(id: &str) -> String {
    format!("contest/{}.html", crate::model::encode(id))
}

pub fn territory_path(code: &str) -> String {
    format!("territory/{}.html", crate::model::encode(code))
}

pub fn card_path(id: &str) -> String {
    format!("embed/{}.html", crate::model::encode(id))
}

impl Page {
    /// Every page of a catalog: the front page, then each contest, territory and card.
    pub fn all(catalog: &Catalog) -> Vec<Page> {
        let contests = catalog.contests();
        let mut pages = vec![Page::Front];
        pages.extend(contests.iter().map(|c| Page::Contest(c.id.clone())));
        let mut territories: Vec<&str> = Vec::new();
        for &i in &catalog.order {
            let code = contests[i].territory.as_str();
            if !territories.contains(&code) {
                territories.push(code);
            }
        }
        pages.extend(territories.iter().map(|t| Page::Territory(t.to_string())));
        pages.extend(contests.iter().map(|c| Page::Card(c.id.clone())));
        pages
    }

    /// Where the page is written, relative to the site's root.
    pub fn path(&self) -> String {
        match self {
            Page::Front => "index.html".into(),
            Page::Contest(id) => contest_path(id),
            Page::Territory(code) => territory_path(code),
            Page::Card(id) => card_path(id),
        }
    }

    /// The address a reader shares: the front page is its folder, not `index.html`.
    pub fn href(&self) -> String {
        match self {
            Page::Front => String::new(),
            page => page.path(),
        }
    }

    /// The view the page shows, as the URL would ask for it.
    pub fn query(&self) -> Query {
        match self {
            Page::Front => Query::default(),
            Page::Contest(id) => Query {
                contest: Some(id.clone()),
                ..Query::default()
            },
            Page::Territory(code) => Query {
                filter: Filter {
                    territories: vec![code.clone()],
                    ..Filter::default()
                },
                ..Query::default()
            },
            Page::Card(id) => Query {
                contest: Some(id.clone()),
                embed: true,
                ..Query::default()
            },
        }
    }

    /// Only the interactive pages load the wasm; a card is complete as it is.
    pub fn interactive(&self) -> bool {
        !matches!(self, Page::Card(_))
    }

    /// What the page says of itself in `<title>`, the description and link previews.
    pub fn head(&self, catalog: &Catalog) -> Head {
        let contest = |id: &str| catalog.contest(id);
        match self {
            Page::Contest(id) | Page::Card(id) if contest(id).is_some() => {
                let contest = contest(id).expect("checked above");
                let headline = headline(contest);
                Head {
                    title: format!(
                        "{}: {} results | Tally",
                        contest.territory_name(),
                        contest_label(contest)
                    ),
                    description: format!("{headline}. {}", delegate_sentence(contest)),
                    headline,
                }
            }
            Page::Territory(code) => {
                let name = crate::model::territory(code).map_or(code.as_str(), |t| t.name);
                let headlines: Vec<String> = catalog
                    .order
                    .iter()
                    .map(|&i| &catalog.contests()[i])
                    .filter(|c| c.territory == *code)
                    .map(headline)
                    .collect();
                Head {
                    title: format!("{name}: presidential primary and caucus results | Tally"),
                    headline: format!("{name}: every presidential primary and caucus"),
                    description: format!("{}.", headlines.join(". ")),
                }
            }
            _ => Head {
                title: "Tally: US presidential primary and caucus results".into(),
                headline: "Who won every presidential primary and caucus".into(),
                description: "Who won every 2024 and 2020 presidential primary and caucus: the 50 states, DC, \
                    American Samoa, Guam, the Northern Mariana Islands, Puerto Rico, the US Virgin Islands and \
                    Democrats Abroad."
                    .into(),
            },
        }
    }
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
/// caucus, 51 votes to 40". Figures only as the dataset gives them.
pub fn headline(contest: &Contest) -> String {
    let what = format!(
        "the {} {} {} {}",
        contest.cycle,
        contest.territory_name(),
        contest.party.name(),
        contest.kind.label().to_ascii_lowercase()
    );
    match outcome(contest) {
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
                    .map(|share| format!(", with {}", crate::model::format::percent(share)))
                    .unwrap_or_default(),
            };
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
