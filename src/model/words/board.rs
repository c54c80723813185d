//! The results board's tile map: which cycle and party it shows, and each jurisdiction's tile
//! (its contest, result, whether the filter leaves it out, whether it is an upset) in words.

use crate::model::derive::race::candidate_name;
use crate::model::words::format::{contest_label, surname, votes_not_the_result};
use crate::model::{outcome, Basis, Catalog, Filter, Outcome, Party, Territory, TERRITORIES};

/// One cycle and party: what the map shows at a time, as each jurisdiction holds one contest of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edition {
    pub cycle: i64,
    pub party: Party,
}

impl Edition {
    /// "2024 Democratic".
    pub fn label(self) -> String {
        format!("{} {}", self.cycle, self.party.name())
    }
}

/// What the map shows, and the editions the reader can switch to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapChoice {
    pub shown: Edition,
    /// Every edition among the selected contests, newest cycle first, Democratic before Republican.
    pub choices: Vec<Edition>,
}

impl MapChoice {
    /// Whether the selection spans several cycles or parties, so the reader is offered a switch.
    pub fn must_choose(&self) -> bool {
        self.choices.len() > 1
    }
}

/// The map shows one cycle and party at a time, because a jurisdiction has one tile: the reader's
/// pick if the selection holds it, otherwise the newest cycle and, of both parties, the Democratic
/// one. With nothing selected, the filter's cycle and party still choose (every tile muted).
/// `None` only for an empty dataset.
pub fn map_choice(
    catalog: &Catalog,
    filter: &Filter,
    selected: &[usize],
    picked: Option<Edition>,
) -> Option<MapChoice> {
    let editions_of = |indices: &mut dyn Iterator<Item = usize>| {
        let mut editions: Vec<Edition> = Vec::new();
        for i in indices {
            let c = &catalog.contests()[i];
            let edition = Edition {
                cycle: c.cycle,
                party: c.party,
            };
            if !editions.contains(&edition) {
                editions.push(edition);
            }
        }
        crate::model::data::order::sort_short(&mut editions, |a, b| (b.cycle, a.party).cmp(&(a.cycle, b.party)));
        editions
    };
    let choices = editions_of(&mut selected.iter().copied());
    let fallback = || {
        let all = editions_of(&mut (0..catalog.contests().len()));
        let fits =
            |e: &&Edition| filter.cycle.is_none_or(|c| c == e.cycle) && filter.party.is_none_or(|p| p == e.party);
        all.iter().find(fits).or(all.first()).copied()
    };
    let shown = match picked {
        Some(pick) if choices.contains(&pick) => pick,
        _ => choices.first().copied().or_else(fallback)?,
    };
    Some(MapChoice { shown, choices })
}

/// A tile's result: the popular-vote result of its contest, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TileResult {
    /// Index into the contest's options.
    Won {
        option: usize,
        basis: Basis,
    },
    Tie,
    Level,
    Undecided,
    Cancelled,
    NoVote,
    NotReported,
    /// The jurisdiction held no contest of this cycle and party in the dataset.
    NoContest,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub territory: &'static Territory,
    /// Index into the catalog's contests.
    pub contest: Option<usize>,
    pub result: TileResult,
    /// The filter leaves this contest out: shown, but muted.
    pub muted: bool,
    /// The popular-vote winner is not the delegate leader (see `race::upset`).
    pub upset: bool,
    /// Other contests of the same edition here (Michigan's caucus, Nevada's primary), not shown.
    pub more: usize,
}

/// One tile per jurisdiction, in the territory table's order. Where a jurisdiction held several
/// contests of the edition, the tile shows one the filter selects, the main (non-extra) one first.
pub fn tiles(catalog: &Catalog, selected: &[usize], edition: Edition) -> Vec<Tile> {
    let contests = catalog.contests();
    TERRITORIES
        .iter()
        .map(|territory| {
            let mut here: Vec<usize> = catalog
                .order
                .iter()
                .copied()
                .filter(|&i| {
                    let c = &contests[i];
                    c.cycle == edition.cycle && c.party == edition.party && c.territory == territory.code
                })
                .collect();
            crate::model::data::order::sort_short(&mut here, |&a, &b| {
                (!selected.contains(&a), contests[a].extra).cmp(&(!selected.contains(&b), contests[b].extra))
            });
            let Some(&index) = here.first() else {
                return Tile {
                    territory,
                    contest: None,
                    result: TileResult::NoContest,
                    muted: true,
                    upset: false,
                    more: 0,
                };
            };
            let result = match outcome(&contests[index]) {
                Outcome::Winner { option, basis, .. } => TileResult::Won { option, basis },
                Outcome::Tie { .. } => TileResult::Tie,
                Outcome::Level { .. } => TileResult::Level,
                Outcome::Undecided { .. } => TileResult::Undecided,
                Outcome::Cancelled => TileResult::Cancelled,
                Outcome::NoVoteHeld => TileResult::NoVote,
                Outcome::NotReported => TileResult::NotReported,
            };
            Tile {
                territory,
                contest: Some(index),
                result,
                muted: !selected.contains(&index),
                upset: catalog.upset(index).is_some(),
                more: here.len() - 1,
            }
        })
        .collect()
}

impl Tile {
    /// The winner's name as the legend and colours group it ("Joe Biden" for a write-in too).
    pub fn winner<'a>(&self, catalog: &'a Catalog) -> Option<&'a str> {
        match (self.contest, &self.result) {
            (Some(i), TileResult::Won { option, .. }) => Some(candidate_name(&catalog.contests()[i].options[*option])),
            _ => None,
        }
    }

    /// The tile's line under the code: the winner's surname, or the state of the contest.
    pub fn text(&self, catalog: &Catalog) -> String {
        if let Some(name) = self.winner(catalog) {
            return surname(name).to_string();
        }
        match self.result {
            TileResult::Tie => "Tie",
            TileResult::Level => "Level",
            TileResult::Undecided => "Unclear",
            TileResult::Cancelled => "Cancelled",
            TileResult::NoVote => "No vote",
            TileResult::NotReported => "No figures",
            _ => "",
        }
        .into()
    }

    /// The tile in words, for screen readers: "American Samoa, 2024 Democratic caucus: Jason Palmer
    /// won, an upset".
    pub fn label(&self, catalog: &Catalog, edition: Edition) -> String {
        let name = self.territory.name;
        let Some(index) = self.contest else {
            return format!("{name}: no {} contest", edition.label());
        };
        let contest = &catalog.contests()[index];
        let result = match &self.result {
            TileResult::Won { option, basis } => {
                let name = &contest.options[*option].name;
                match votes_not_the_result(contest, *basis) {
                    Some(votes_are) => format!("{name} led the {votes_are}"),
                    None if *basis == Basis::Votes => format!("{name} won"),
                    None => format!("{name} won, {}", basis.label()),
                }
            }
            TileResult::Tie => "a tie".into(),
            TileResult::Level => "level on printed percentages, no winner named".into(),
            TileResult::Undecided => "leader unclear, figures missing".into(),
            TileResult::Cancelled => "cancelled".into(),
            TileResult::NoVote => "no vote held".into(),
            TileResult::NotReported => "result not reported".into(),
            TileResult::NoContest => String::new(),
        };
        let mut label = format!("{name}, {}: {result}", contest_label(contest));
        if self.upset {
            label.push_str(", an upset");
        }
        if self.more > 0 {
            label.push_str(&format!(
                " ({} more {})",
                self.more,
                if self.more == 1 { "contest" } else { "contests" }
            ));
        }
        if self.muted {
            label.push_str("; outside the current filter");
        }
        label
    }
}

/// The winners the map colours, most tiles first, for its legend.
pub fn legend<'a>(tiles: &[Tile], catalog: &'a Catalog) -> Vec<(&'a str, usize)> {
    let mut legend: Vec<(&str, usize)> = Vec::new();
    for name in tiles.iter().filter_map(|t| t.winner(catalog)) {
        match legend.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 += 1,
            None => legend.push((name, 1)),
        }
    }
    crate::model::data::order::sort_short(&mut legend, |a, b| b.1.cmp(&a.1));
    legend
}
