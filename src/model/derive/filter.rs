//! The reader's filters and what they select, in the order the winners list shows.

use crate::model::data::fold::fold;
use crate::model::{Catalog, ContestKind, Edition, Party, TerritoryKind, TERRITORIES};

/// Which cycles the reader chose (`?cycle=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cycles {
    /// Nothing chosen: the newest cycle; every cycle for a search or a territory's own page.
    #[default]
    Newest,
    /// One year (`?cycle=2016`).
    Year(i64),
    /// Every year (`?cycle=all`).
    All,
}

impl Cycles {
    /// As the address and the cycle select write it: "2016", "all"; `None` for the default.
    pub fn code(self) -> Option<String> {
        match self {
            Cycles::Newest => None,
            Cycles::Year(year) => Some(year.to_string()),
            Cycles::All => Some("all".into()),
        }
    }

    /// "all" or a year; anything else is not a choice.
    pub fn from_code(code: &str) -> Option<Cycles> {
        match code {
            "all" | "ALL" | "All" => Some(Cycles::All),
            year => year.parse().ok().map(Cycles::Year),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Upper-case territory codes; empty means every jurisdiction.
    pub territories: Vec<String>,
    pub party: Option<Party>,
    pub cycle: Cycles,
    pub kind: Option<ContestKind>,
    /// Free text, matched against territory, contest id and ballot option names.
    pub text: String,
    /// Only the contests their edition's presumptive nominee lost (see `nomination::lost_by`).
    pub nominee_lost: bool,
    /// Only the contests whose reported delegates differ from the split their party's rule gives.
    pub rule_differs: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether it selects by one territory and nothing else: that territory's own page, which
    /// shows every year of it.
    pub fn is_one_territory(&self) -> bool {
        self.territories.len() == 1
            && Filter {
                territories: Vec::new(),
                ..self.clone()
            }
            .is_empty()
    }

    /// The same selection in the address's one spelling: "All years" where no year chosen already
    /// means every year (a search, a territory's own page) is no year chosen.
    pub fn canonical(mut self) -> Filter {
        let one_territory = Filter {
            cycle: Cycles::Newest,
            ..self.clone()
        }
        .is_one_territory();
        if self.cycle == Cycles::All && (!self.text.trim().is_empty() || one_territory) {
            self.cycle = Cycles::Newest;
        }
        self
    }

    /// The year the filter selects from (`None`: every year), `newest` being the data's newest
    /// cycle. With none chosen, a search and a territory's own page look in every year.
    pub fn year(&self, newest: Option<i64>) -> Option<i64> {
        match self.cycle {
            Cycles::Year(year) => Some(year),
            Cycles::All => None,
            Cycles::Newest if !self.text.trim().is_empty() || self.is_one_territory() => None,
            Cycles::Newest => newest,
        }
    }

    /// Whether the contests of `edition` are among those the filter can select.
    pub fn spans(&self, edition: Edition, newest: Option<i64>) -> bool {
        self.year(newest).is_none_or(|c| c == edition.cycle) && self.party.is_none_or(|p| p == edition.party)
    }

    /// Indices into the catalog's contests, in display order.
    pub fn apply(&self, catalog: &Catalog) -> Vec<usize> {
        let needle = fold(self.text.trim());
        let year = self.year(catalog.newest());
        catalog
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let contest = &catalog.contests()[i];
                (self.territories.is_empty()
                    || self
                        .territories
                        .iter()
                        .any(|t| t.eq_ignore_ascii_case(&contest.territory)))
                    && self.party.is_none_or(|p| p == contest.party)
                    && year.is_none_or(|c| c == contest.cycle)
                    && self.kind.is_none_or(|k| k == contest.kind)
                    && (needle.is_empty() || crate::model::data::fold::contains(catalog.haystack(i), &needle))
                    && (!self.nominee_lost || catalog.nominee_lost(i).is_some())
                    && (!self.rule_differs || contest.rule_agrees == Some(false))
            })
            .collect()
    }

    /// The polite status line: "3 contests: Democratic, territories".
    pub fn describe(&self, count: usize, catalog: &Catalog) -> String {
        let parts = self.active(catalog);
        let noun = if count == 1 { "contest" } else { "contests" };
        if parts.is_empty() {
            format!("{count} {noun}")
        } else {
            format!("{count} {noun}: {}", parts.join(", "))
        }
    }

    /// Whose losses the "where … lost" choice shows, for the editions the cycle and party chosen
    /// span: the presumptive nominees' surname when they share it ("Biden"), otherwise "the
    /// presumptive nominee"; `None` when the dataset names none of their nominees.
    pub fn who_lost(&self, catalog: &Catalog) -> Option<String> {
        let mut who: Option<&str> = None;
        for &edition in catalog.editions() {
            let chosen = self.spans(edition, catalog.newest());
            match (catalog.nomination(edition).filter(|_| chosen), who) {
                (Some(n), Some(surname)) if fold(n.surname()) != fold(surname) => {
                    return Some("the presumptive nominee".into())
                }
                (Some(n), _) => who = Some(n.surname()),
                (None, _) => {}
            }
        }
        who.map(str::to_string)
    }

    /// What the filters select by, in words ("2024", "Democratic", "matching “palmer”").
    pub fn active(&self, catalog: &Catalog) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        match self.cycle {
            Cycles::Year(year) => parts.push(year.to_string()),
            Cycles::All => parts.push("all years".into()),
            Cycles::Newest => {}
        }
        if let Some(party) = self.party {
            parts.push(party.name().to_string());
        }
        if !self.territories.is_empty() {
            parts.push(describe_territories(&self.territories));
        }
        if let Some(kind) = self.kind {
            parts.push(kind.label().to_ascii_lowercase());
        }
        if self.nominee_lost {
            let who = self
                .who_lost(catalog)
                .unwrap_or_else(|| "the presumptive nominee".into());
            parts.push(format!("where {who} lost"));
        }
        if self.rule_differs {
            parts.push("delegates differing from the rule".into());
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("matching \u{201c}{}\u{201d}", self.text.trim()));
        }
        parts
    }
}

/// Names the chosen jurisdictions, collapsing a whole kind ("territories") where one is chosen.
fn describe_territories(codes: &[String]) -> String {
    let mut chosen: Vec<&str> = codes.iter().map(String::as_str).collect();
    crate::model::data::order::sort_short(&mut chosen, |a, b| a.cmp(b));
    chosen.dedup();
    for kind in TerritoryKind::ALL {
        let mut members: Vec<&str> = TERRITORIES.iter().filter(|t| t.kind == kind).map(|t| t.code).collect();
        crate::model::data::order::sort_short(&mut members, |a, b| a.cmp(b));
        if members.len() > 1 && members == chosen {
            return kind.plural().to_string();
        }
    }
    let names: Vec<&str> = chosen
        .iter()
        .map(|c| crate::model::data::territory::territory(c).map_or(*c, |t| t.name))
        .collect();
    if names.len() > 3 {
        format!("{} jurisdictions", names.len())
    } else {
        crate::model::data::numbers::and_list(&names)
    }
}
