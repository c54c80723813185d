//! A loaded dataset made ready for reading: contests in display order, with search text prepared once.

use crate::model::derive::race::{leaders, upset, Leader};
use crate::model::{territory, Contest, Dataset, TerritoryKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub dataset: Dataset,
    /// Indices into `dataset.contests`, by date (undated last), then territory name, then id.
    pub order: Vec<usize>,
    /// Lower-cased territory name and code, contest id and every option's name, per contest.
    haystacks: Vec<String>,
    cycles: Vec<i64>,
    /// Each cycle and party's delegate leader, for the upsets; found once per dataset.
    leaders: Vec<Leader>,
}

impl Catalog {
    pub fn new(dataset: Dataset) -> Catalog {
        let contests = &dataset.contests;
        // Names looked up once, not in each of the sort's n log n comparisons.
        let names: Vec<&str> = contests.iter().map(Contest::territory_name).collect();
        let key = |i: usize| (contests[i].date.is_none(), &contests[i].date, names[i], &contests[i].id);
        let order = crate::model::data::order::sorted_indices(contests.len(), &mut |a, b| key(a).cmp(&key(b)));
        let haystacks = contests.iter().map(haystack).collect();
        let mut cycles: Vec<i64> = Vec::new();
        for contest in contests {
            if !cycles.contains(&contest.cycle) {
                cycles.push(contest.cycle);
            }
        }
        crate::model::data::order::sort_short(&mut cycles, |a, b| b.cmp(a));
        Catalog {
            leaders: leaders(&dataset.contests),
            dataset,
            order,
            haystacks,
            cycles,
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

    /// Each cycle and party's delegate leader over all its contests.
    pub fn leaders(&self) -> &[Leader] {
        &self.leaders
    }

    /// The winning option of contest `index` if it is an upset (see `race::upset`).
    pub fn upset(&self, index: usize) -> Option<usize> {
        upset(&self.dataset.contests[index], &self.leaders)
    }

    /// Cycles present, newest first.
    pub fn cycles(&self) -> &[i64] {
        &self.cycles
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
