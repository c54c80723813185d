//! The static site: which pages the build writes and where they live. Every path is relative to
//! the site's root, which every page names as its `<base>`, so the same links work from every
//! page, under any sub-path, on any static host without rewrite rules.

use crate::model::{Catalog, Filter, Query};

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
    format!("contest/{}.html", crate::model::url::query::encode(id))
}

pub fn territory_path(code: &str) -> String {
    format!("territory/{}.html", crate::model::url::query::encode(code))
}

pub fn card_path(id: &str) -> String {
    format!("embed/{}.html", crate::model::url::query::encode(id))
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

    /// The page that shows a view: an opened contest's, a territory's own (the one territory the
    /// filters select, by nothing else), or the front page with the filters applied.
    pub fn showing(query: &Query) -> Page {
        match (&query.contest, crate::model::only_territory(&query.filter)) {
            (Some(id), _) => Page::Contest(id.clone()),
            (None, Some(code)) => Page::Territory(code.to_string()),
            (None, None) => Page::Front,
        }
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
}
