//! The results board in words: which edition the map and the race show (one at a time, the reader
//! may switch), each jurisdiction's tile (its contest, result, whether the filter leaves it out,
//! whether the presumptive nominee lost it) and its label, the legend, the headings.

use crate::model::derive::nomination::on_ballot;
use crate::model::derive::race::{candidate_key, candidate_name, race, spelling, Race};
use crate::model::derive::results::winner;
use crate::model::words::format::{contest_label, count, surname, votes_not_the_result};
use crate::model::{
    expected_for_party, outcome, Basis, Catalog, Cycles, Delegates, Edition, Filter, Outcome, Territory,
};

/// What the map and the race show, and the editions the reader can switch to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapChoice {
    pub shown: Edition,
    /// Every edition of the data (those in files of their own too), newest cycle first,
    /// Democratic before Republican.
    pub choices: Vec<Edition>,
}

impl MapChoice {
    /// Whether the data hold several cycles or parties, so the reader is offered a switch.
    pub fn must_choose(&self) -> bool {
        self.choices.len() > 1
    }
}

/// The board shows one edition at a time, because a jurisdiction has one tile and a race is one
/// party's in one cycle: the reader's pick if the selection holds it, otherwise the newest cycle
/// and, of both parties, the Democratic one. With nothing selected, the filter's cycle and party
/// still choose (every tile muted). `None` when the data hold no edition the filter fits (no 2020
/// Republican contests): no map of another edition. The switch lists every edition: one outside
/// the selection brings the list to its cycle (`State::after`, `PickEdition`).
pub fn map_choice(
    catalog: &Catalog,
    filter: &Filter,
    selected: &[usize],
    picked: Option<Edition>,
) -> Option<MapChoice> {
    let mut found: Vec<Edition> = Vec::new();
    for &i in selected {
        let edition = catalog.contests()[i].edition();
        if !found.contains(&edition) {
            found.push(edition);
        }
    }
    let all = catalog.editions();
    let newest = catalog.newest();
    let fits = |e: &&Edition| filter.spans(**e, newest);
    let shown = match picked {
        Some(pick) if found.contains(&pick) => pick,
        _ => all
            .iter()
            .find(|e| found.contains(e))
            .or_else(|| all.iter().find(fits))
            .copied()?,
    };
    Some(MapChoice {
        shown,
        choices: all.to_vec(),
    })
}

/// The race of `edition` over the selected contests: one cycle and party, never a sum of several.
pub fn edition_race(catalog: &Catalog, selected: &[usize], edition: Edition) -> Race {
    let contests = catalog.contests();
    let set: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|&i| contests[i].edition() == edition)
        .collect();
    race(contests, &set)
}

/// The delegate checks of the race's contests in a sentence: "Delegates checked against the
/// party's rules: 8 of 57; 8 agree with the reported split, 0 differ. …" (`rule_agrees`, computed
/// by the build); "1 agrees", "1 differs"; no "rest" where every contest was checked, and no
/// figures where none was (an edition whose rules these results do not hold).
pub fn checked_line(race: &Race) -> String {
    let checked = race.rule_agree + race.rule_differ;
    if checked == 0 {
        return "No contest's delegates are checked against the party's rules here.".into();
    }
    let s = |n: usize| if n == 1 { "s" } else { "" };
    format!(
        "Delegates checked against the party's rules: {checked} of {}; {} agree{} with the reported split, {} differ{}.{}",
        race.contests,
        race.rule_agree,
        s(race.rule_agree),
        race.rule_differ,
        s(race.rule_differ),
        if checked < race.contests {
            " The rest cannot be checked from the statewide vote (each contest's page says why)."
        } else {
            ""
        }
    )
}

/// "2024 Democratic delegate race: 57 contests".
pub fn race_title(edition: Edition, race: &Race) -> String {
    format!(
        "{} delegate race: {}",
        edition.label(),
        count(race.contests as i64, "contest", "contests")
    )
}

/// "1,968 delegates needed to nominate; Biden passed it on Mar 12, 2024. The party nominated Kamala
/// Harris.", from the edition's nomination (its last sentence only where the nominee was not the
/// presumptive one); nothing where the file gives no figure (the date alone, without it, says
/// nothing).
pub fn needed(nomination: &crate::model::Nomination) -> Option<String> {
    let needed = count(nomination.needed_to_nominate?, "delegate", "delegates");
    let passed = match nomination.clinched_on.as_deref() {
        Some(day) => format!(
            "; {} passed it on {}",
            nomination.surname(),
            crate::model::words::format::date(day)
        ),
        None => String::new(),
    };
    let nominee = match nomination.nominee != nomination.presumptive_nominee {
        true => format!(" The party nominated {}.", nomination.nominee),
        false => String::new(),
    };
    Some(format!("{needed} needed to nominate{passed}.{nominee}"))
}

/// The race's rows beyond the `shown` first, in words: "And 22 more, with no delegates." (or "with
/// 3 delegates or fewer" each); none when every row is shown.
pub fn race_rest(race: &Race, shown: usize) -> Option<String> {
    let rest = race.standings.get(shown..).filter(|r| !r.is_empty())?;
    // Standings are by delegates, most first: the first of the rest has the most.
    let most = rest[0].delegates;
    Some(if most == Delegates::ZERO {
        format!("And {} more, with no delegates.", rest.len())
    } else {
        format!(
            "And {} more, with {} or fewer each.",
            rest.len(),
            most.count("delegate", "delegates")
        )
    })
}

/// "2024 Republican winners": the map's heading claims no place, for an edition may have no
/// contest for one (2008 D: the Northern Mariana Islands); its tile says so.
pub fn map_title(edition: Edition) -> String {
    format!("{} winners", edition.label())
}

/// A tile's result: the popular-vote result of its contest, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TileResult {
    /// Index into the contest's options.
    Won {
        option: usize,
        basis: Basis,
    },
    /// The option led votes that are not the official result (`votes_are`): no winner is named,
    /// and the legend counts no win.
    Led {
        option: usize,
    },
    Tie,
    Level,
    Undecided,
    Cancelled,
    NoVote,
    NotReported,
    /// The jurisdiction held no contest of this edition in the dataset.
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
    /// The edition's presumptive nominee lost this contest (see `nomination::lost_by`).
    pub nominee_lost: bool,
    /// Other contests of the same edition here (Michigan's caucus, Nevada's primary), not shown.
    pub more: usize,
}

/// One tile per jurisdiction of the party's calendar, in the territory table's order. Where a
/// jurisdiction held several contests of the edition, the tile shows one the filter selects, the
/// main (non-extra) one first.
pub fn tiles(catalog: &Catalog, selected: &[usize], edition: Edition) -> Vec<Tile> {
    let contests = catalog.contests();
    expected_for_party(edition.party)
        .map(|territory| {
            let mut here: Vec<usize> = catalog
                .order
                .iter()
                .copied()
                .filter(|&i| contests[i].edition() == edition && contests[i].territory == territory.code)
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
                    nominee_lost: false,
                    more: 0,
                };
            };
            let contest = &contests[index];
            let result = match outcome(contest) {
                Outcome::Winner { option, basis, .. } if votes_not_the_result(contest, basis).is_some() => {
                    TileResult::Led { option }
                }
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
                nominee_lost: catalog.nominee_lost(index).is_some(),
                more: here.len() - 1,
            }
        })
        .collect()
}

impl Tile {
    /// The winner's name as the legend and colours group it ("Joe Biden" for a write-in too); on a
    /// live night, the leader's where the count goes on (the label says "is leading").
    pub fn winner<'a>(&self, catalog: &'a Catalog) -> Option<&'a str> {
        match (self.contest, &self.result) {
            (Some(i), TileResult::Won { option, .. }) => Some(candidate_name(&catalog.contests()[i].options[*option])),
            _ => None,
        }
    }

    /// What the winner's name folds to, as the race and the legend group names.
    fn winner_key(&self, catalog: &Catalog) -> Option<String> {
        match (self.contest, &self.result) {
            (Some(i), TileResult::Won { option, .. }) => Some(candidate_key(&catalog.contests()[i].options[*option])),
            _ => None,
        }
    }

    /// The tile's line under the code: the winner's surname, or the state of the contest.
    pub fn text(&self, catalog: &Catalog) -> String {
        if let Some(name) = self.winner(catalog) {
            return surname(name).to_string();
        }
        match self.result {
            TileResult::Led { .. } => "No winner",
            TileResult::Tie => "Tie",
            TileResult::Level => "Level",
            TileResult::Undecided => "Unclear",
            TileResult::Cancelled => "Cancelled",
            TileResult::NoVote => "No count",
            TileResult::NotReported => "No figures",
            _ => "",
        }
        .into()
    }

    /// The tile in words, for screen readers: "American Samoa, 2024 Democratic caucus: Jason Palmer
    /// won; Biden lost".
    pub fn label(&self, catalog: &Catalog, edition: Edition) -> String {
        let joiner = if self.contest.is_some() { ", " } else { ": " };
        format!("{}{joiner}{}", self.territory.name, self.result_words(catalog, edition))
    }

    /// The tile in words after its place's name, for the map's table, whose rows name the place:
    /// "2024 Democratic caucus: Jason Palmer won; Biden lost".
    pub fn result_words(&self, catalog: &Catalog, edition: Edition) -> String {
        let Some(index) = self.contest else {
            return format!("no {} contest", edition.label());
        };
        let contest = &catalog.contests()[index];
        let result = match &self.result {
            TileResult::Won { option, basis } => {
                let name = &contest.options[*option].name;
                match basis {
                    _ if !crate::model::words::live::counted(contest) => format!("{name} is leading"),
                    Basis::Votes => format!("{name} won"),
                    _ => format!("{name} won, {}", basis.label()),
                }
            }
            TileResult::Led { option } => format!(
                "{} led the {}, not the official result; no winner named",
                contest.options[*option].name,
                contest.votes_are.as_deref().unwrap_or_default()
            ),
            TileResult::Tie => "a tie".into(),
            TileResult::Level => "level on printed percentages, no winner named".into(),
            TileResult::Undecided => "leader unclear, figures missing".into(),
            TileResult::Cancelled => "cancelled".into(),
            TileResult::NoVote => "decided without a vote count".into(),
            TileResult::NotReported => "result not reported".into(),
            TileResult::NoContest => String::new(),
        };
        let mut label = format!("{}: {result}", contest_label(contest));
        if let Some(nomination) = catalog.nomination(edition).filter(|_| self.nominee_lost) {
            label.push_str(&format!("; {} lost", nomination.surname()));
        }
        if self.more > 0 {
            let noun = if self.more == 1 { "contest" } else { "contests" };
            label.push_str(&format!(" ({} more {noun})", self.more));
        }
        if self.muted {
            label.push_str("; outside the current filter");
        }
        label
    }
}

/// A winner the map colours: their name, what it folds to, and how many tiles they won.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry<'a> {
    pub name: &'a str,
    /// The name folded, as the race groups names: the same winner however a feed spells them.
    pub key: String,
    pub tiles: usize,
    /// Of those, the tiles the filter selects (not muted): what the legend counts.
    pub selected: usize,
}

/// The winners the map colours, most tiles first (faded ones too, so a filter keeps the colours),
/// for its legend, which counts the selected tiles only. Names are grouped as the race
/// groups them (folded) and spelled as it spells them, so "JOE BIDEN" is no second colour.
pub fn legend<'a>(tiles: &[Tile], catalog: &'a Catalog) -> Vec<LegendEntry<'a>> {
    let mut legend: Vec<LegendEntry> = Vec::new();
    for tile in tiles {
        let (Some(name), Some(key)) = (tile.winner(catalog), tile.winner_key(catalog)) else {
            continue;
        };
        match legend.iter_mut().find(|e| e.key == key) {
            Some(entry) => {
                entry.tiles += 1;
                entry.selected += usize::from(!tile.muted);
                entry.name = spelling(entry.name, name);
            }
            None => legend.push(LegendEntry {
                name,
                key,
                tiles: 1,
                selected: usize::from(!tile.muted),
            }),
        }
    }
    crate::model::data::order::sort_short(&mut legend, |a, b| b.tiles.cmp(&a.tiles));
    legend
}

/// What the legend's and the race's counts are, which differ where a place held two contests or
/// a vote that bound no delegates (2024-D-NH: Biden's write-in win colours the map, and the race
/// counts no contest won).
/// On a live night the map colours a place still counting by its leader, and the legend counts it.
pub const WHAT_COUNTS: &str =
    "The legend counts places won (or, while the count goes on, led); the race, contests won that bound delegates.";

/// Which legend entry colours `tile`: its winner's place in the legend.
pub fn legend_rank(legend: &[LegendEntry], tile: &Tile, catalog: &Catalog) -> Option<usize> {
    let key = tile.winner_key(catalog)?;
    legend.iter().position(|e| e.key == key)
}

/// Where the edition's presumptive nominee lost, said at the top of the board: "Biden won 51 of 56
/// contests (no winner named in 4) and lost 1: American Samoa, to Jason Palmer." Counted over the
/// whole edition (not the filters): the contests that bound delegates and had them on the ballot,
/// the only ones they could lose; each won (as the race's "Contests won" counts), lost (someone
/// else named winner) or with no winner named (cancelled, no count, a tie, votes that are not the
/// result), so the three add up. Those that list them without them on the ballot are said apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    /// The presumptive nominee's surname.
    pub nominee: String,
    /// Contests of the edition that bound delegates and had the nominee on the ballot.
    pub contests: usize,
    /// Of those, the contests the nominee won.
    pub won: usize,
    /// The contests lost, grouped by who won them, in calendar order.
    pub losses: Vec<(String, Vec<usize>)>,
    /// Contests that bound delegates and list the nominee, who was not on their ballot (see
    /// `nomination::on_ballot`): neither won nor lost, said apart.
    pub off_ballot: Vec<usize>,
}

/// Where a part of the story leads: a contest's result, or the edition's "Where … lost" view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryLink {
    Contest(usize),
    Losses,
}

/// The view a story's "N more" leads to: `edition`'s "Where … lost", which lists every place lost.
pub fn losses_filter(edition: Edition) -> Filter {
    Filter {
        cycle: Cycles::Year(edition.cycle),
        party: Some(edition.party),
        nominee_lost: true,
        ..Filter::default()
    }
}

/// The most places the story names for one winner; past it, the first few and how many more.
pub const STORY_PLACES: usize = 3;

pub fn story(catalog: &Catalog, edition: Edition) -> Option<Story> {
    let nomination = catalog.nomination(edition)?;
    let key = crate::model::data::fold::fold(&nomination.presumptive_nominee);
    let contests = catalog.contests();
    let mut story = Story {
        nominee: nomination.surname().into(),
        contests: 0,
        won: 0,
        losses: Vec::new(),
        off_ballot: Vec::new(),
    };
    for &i in &catalog.order {
        let contest = &contests[i];
        // On the night, a contest still counting is neither won nor lost yet.
        if contest.edition() != edition || !contest.status.settled() {
            continue;
        }
        match on_ballot(contest, &key) {
            Some(true) => story.contests += 1,
            Some(false) => {
                story.off_ballot.push(i);
                continue;
            }
            None => continue,
        }
        let Some(option) = winner(contest) else {
            continue;
        };
        let winner = &contest.options[option];
        if candidate_key(winner) == key {
            story.won += 1;
            continue;
        }
        let winner = winner.name.clone();
        match story.losses.iter_mut().find(|(w, _)| *w == winner) {
            Some((_, places)) => places.push(i),
            None => story.losses.push((winner, vec![i])),
        }
    }
    // Nothing settled yet (early on the night): no "won 0 of 0".
    (story.contests > 0 || !story.off_ballot.is_empty()).then_some(story)
}

impl Story {
    /// The sentence in parts, each a text and, for a place, the contest it links to: the opening,
    /// then per winner the places ("A, B and C") and ", to Jason Palmer", "; " between winners;
    /// then any places the nominee was not on the ballot ("Obama was not on the ballot in
    /// Michigan."). A winner of more than [`STORY_PLACES`] is named with the first places and how
    /// many more ("New Hampshire, Nevada and 20 more"), a link to the "Where … lost" view that
    /// lists them all: the sentence stays a few lines on a phone.
    pub fn parts(&self, catalog: &Catalog) -> Vec<(String, Option<StoryLink>)> {
        let mut parts = vec![(self.opening(), None)];
        for (g, (winner, places)) in self.losses.iter().enumerate() {
            named(catalog, places, Some(StoryLink::Losses), &mut parts);
            let end = if g + 1 == self.losses.len() { "." } else { "; " };
            parts.push((format!(", to {winner}{end}"), None));
        }
        if !self.off_ballot.is_empty() {
            parts.push((format!(" {} was not on the ballot in ", self.nominee), None));
            named(catalog, &self.off_ballot, None, &mut parts);
            parts.push((".".into(), None));
        }
        parts
    }

    /// How many contests were lost.
    pub fn lost(&self) -> usize {
        self.losses.iter().map(|(_, places)| places.len()).sum()
    }

    /// The sentence's opening: "Biden won 51 of 56 contests (no winner named in 4) and lost 1: "
    /// (then the places), or "… and lost none." The parenthesis only where some named no winner.
    pub fn opening(&self) -> String {
        let lost = self.lost();
        let unnamed = self.contests - self.won - lost;
        let unnamed = match unnamed {
            0 => String::new(),
            n => format!(" (no winner named in {n})"),
        };
        let lost = match lost {
            0 => "none.".into(),
            n => format!("{n}: "),
        };
        format!(
            "{} won {} of {}{unnamed} and lost {lost}",
            self.nominee,
            self.won,
            count(self.contests as i64, "contest", "contests")
        )
    }
}

/// `places` in words, each a link to its contest ("A, B and C"), or past [`STORY_PLACES`] the first
/// few and how many more, the count a link to `more`. Pushed as named, not collected into a list
/// first (0.19 KB of wasm).
fn named(catalog: &Catalog, places: &[usize], more: Option<StoryLink>, parts: &mut Vec<(String, Option<StoryLink>)>) {
    let shown = if places.len() > STORY_PLACES {
        STORY_PLACES - 1
    } else {
        places.len()
    };
    let items = shown + usize::from(shown < places.len());
    for n in 0..items {
        parts.push(match places[..shown].get(n) {
            Some(&i) => (
                catalog.contests()[i].territory_name().into(),
                Some(StoryLink::Contest(i)),
            ),
            None => (format!("{} more", places.len() - shown), more),
        });
        let joiner = match items - 1 - n {
            0 => "",
            1 => " and ",
            _ => ", ",
        };
        parts.push((joiner.into(), None));
    }
}
