//! A loaded dataset made ready for reading: contests in display order, with search text prepared
//! once, and the editions it holds or names in files of their own (merged in as they arrive).

use crate::model::derive::nomination::lost_by;
use crate::model::{territory, Contest, Dataset, Edition, EditionFile, Nomination, TerritoryKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub dataset: Dataset,
    /// Indices into `dataset.contests`, by date (undated last), then territory name, then id.
    pub order: Vec<usize>,
    /// Lower-cased territory name and code, contest id and every option's name, per contest.
    haystacks: Vec<String>,
    cycles: Vec<i64>,
    editions: Vec<Edition>,
}

impl Catalog {
    pub fn new(dataset: Dataset) -> Catalog {
        let contests = &dataset.contests;
        // Names looked up once, not in each of the sort's n log n comparisons.
        let names: Vec<&str> = contests.iter().map(Contest::territory_name).collect();
        let key = |i: usize| (contests[i].date.is_none(), &contests[i].date, names[i], &contests[i].id);
        let order = crate::model::data::order::sorted_indices(contests.len(), &mut |a, b| key(a).cmp(&key(b)));
        let haystacks = contests.iter().map(haystack).collect();
        let mut editions: Vec<Edition> = Vec::new();
        let named = dataset.editions.iter().map(EditionFile::edition);
        for edition in contests.iter().map(Contest::edition).chain(named) {
            if !editions.contains(&edition) {
                editions.push(edition);
            }
        }
        crate::model::data::order::sort_short(&mut editions, |a, b| (b.cycle, a.party).cmp(&(a.cycle, b.party)));
        let mut cycles: Vec<i64> = editions.iter().map(|e| e.cycle).collect();
        cycles.dedup();
        Catalog {
            dataset,
            order,
            haystacks,
            cycles,
            editions,
        }
    }

    pub fn contests(&self) -> &[Contest] {
        &self.dataset.contests
    }

    pub fn contest(&self, id: &str) -> Option<&Contest> {
        self.dataset.contests.iter().find(|c| c.id.eq_ignore_ascii_case(id))
    }

    pub(crate) fn haystack(&self, index: usize) -> &str {
        &self.haystacks[index]
    }

    /// The nomination of `edition`, when the dataset records it.
    pub fn nomination(&self, edition: Edition) -> Option<&Nomination> {
        self.dataset.nominations.iter().find(|n| n.edition() == edition)
    }

    /// The nomination whose presumptive nominee lost contest `index` (see `nomination::lost_by`).
    pub fn nominee_lost(&self, index: usize) -> Option<&Nomination> {
        let contest = &self.dataset.contests[index];
        self.nomination(contest.edition())
            .filter(|n| lost_by(contest, &n.presumptive_nominee))
    }

    /// Cycles present or in files of their own, newest first.
    pub fn cycles(&self) -> &[i64] {
        &self.cycles
    }

    /// The newest cycle, what the page shows when the reader chose none.
    pub fn newest(&self) -> Option<i64> {
        self.cycles.first().copied()
    }

    /// Editions present or in files of their own, newest cycle first, Democratic before Republican.
    pub fn editions(&self) -> &[Edition] {
        &self.editions
    }

    /// The editions still in files of their own (not yet merged in).
    pub fn pending(&self) -> &[EditionFile] {
        &self.dataset.editions
    }

    /// This catalog with the editions read from their own files merged in: their contests, the
    /// nominations it lacked, their entries gone from the manifest. (Each file's sources and
    /// corrections were read with it: it holds no details pointer of its own.)
    pub fn with_editions(&self, editions: Vec<(EditionFile, Dataset)>) -> Catalog {
        let mut dataset = self.dataset.clone();
        for (file, edition) in editions {
            dataset.editions.retain(|f| f.file != file.file);
            for nomination in edition.nominations {
                if !dataset.nominations.iter().any(|n| n.edition() == nomination.edition()) {
                    dataset.nominations.push(nomination);
                }
            }
            dataset.contests.extend(edition.contests);
        }
        Catalog::new(dataset)
    }

    /// This catalog with its contests as `read` holds them (a details file read into an earlier
    /// state of it, before editions were merged in): their sources, corrections, notes and checks.
    pub fn with_details_of(&self, read: &Catalog) -> Catalog {
        let mut dataset = self.dataset.clone();
        dataset.details = None;
        for contest in &mut dataset.contests {
            if let Some(read) = read.contest(&contest.id) {
                *contest = read.clone();
            }
        }
        Catalog::new(dataset)
    }
}

fn haystack(contest: &Contest) -> String {
    let mut text = format!("{} {} {}", contest.territory_name(), contest.id, contest.kind.label());
    if let Some(t) = territory(&contest.territory) {
        text.push(' ');
        text.push_str(match t.kind {
            TerritoryKind::Territory => "territory",
            TerritoryKind::District => "district",
            TerritoryKind::Abroad => "abroad",
            TerritoryKind::State => "state",
        });
    }
    for option in &contest.options {
        text.push('\n');
        text.push_str(&option.name);
    }
    crate::model::data::fold::fold(&text)
}
