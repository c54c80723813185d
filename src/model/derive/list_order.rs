//! The winners list's orders: by date (the catalog's), territory, closeness and turnout.

use crate::model::{outcome, totals, Basis, Catalog, Contest, Outcome};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// Date, then territory name: the catalog's order.
    #[default]
    Date,
    /// Territory name, then date.
    Territory,
    /// Closest popular vote first (margin in points; ties and level results at 0); no margin last.
    Margin,
    /// Most votes counted first; contests with no counts last.
    Turnout,
}

impl ListOrder {
    pub const ALL: [ListOrder; 4] = [Self::Date, Self::Territory, Self::Margin, Self::Turnout];

    /// As the URL spells it (`sort=margin`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Territory => "territory",
            Self::Margin => "margin",
            Self::Turnout => "turnout",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Territory => "Territory",
            Self::Margin => "Closest race",
            Self::Turnout => "Turnout",
        }
    }

    /// The list's caption, which says the order it is in.
    pub fn caption(self) -> &'static str {
        match self {
            Self::Date => "Winners by contest, in date order",
            Self::Territory => "Winners by contest, by territory name",
            Self::Margin => "Winners by contest, closest race first",
            Self::Turnout => "Winners by contest, most votes counted first",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|o| o.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// The popular-vote margin in millionths of a point: 0 for a tie on votes or a level result.
pub fn margin_key(contest: &Contest) -> Option<i64> {
    match outcome(contest) {
        Outcome::Winner { margin, .. } => margin?.points.map(|p| p.millionths()),
        Outcome::Tie { basis, .. } if basis != Basis::Delegates => Some(0),
        Outcome::Level { .. } => Some(0),
        _ => None,
    }
}

/// Every ballot counted (void ones too), when any option has a count.
pub fn turnout(contest: &Contest) -> Option<i64> {
    let totals = totals(contest);
    contest
        .options
        .iter()
        .any(|o| o.votes.is_some())
        .then_some(totals.valid + totals.void)
}

/// `selected` (indices into the catalog's contests, in date order) in the order `by`; stable, so
/// equal keys keep date order, and missing figures come last.
pub fn ordered(catalog: &Catalog, selected: &[usize], by: ListOrder) -> Vec<usize> {
    in_order(catalog, selected, Some(by))
}

/// A place's contests as its history reads (a territory's page): newest cycle first; within a
/// cycle Democratic before Republican, and a party's main contest before its second (Washington's
/// 2016 caucus before its primary); then the catalog's date order, as `selected` gives it.
pub fn newest_first(catalog: &Catalog, selected: &[usize]) -> Vec<usize> {
    in_order(catalog, selected, None)
}

/// `ordered` by `by`, or by history (`None`): one sort and one comparator for every order, as each
/// closure sorted on is code of its own in the wasm.
#[inline(never)]
fn in_order(catalog: &Catalog, selected: &[usize], by: Option<ListOrder>) -> Vec<usize> {
    // Date order is the catalog's own: nothing to sort on every filter change.
    if by == Some(ListOrder::Date) {
        return selected.to_vec();
    }
    let contests = catalog.contests();
    // One key per contest, computed once rather than in each comparison: (missing, value, name).
    let keys: Vec<(bool, i64, &str)> = selected
        .iter()
        .map(|&i| {
            let c = &contests[i];
            match by {
                // Newest cycle, party, main contest, as one figure (a party's code is its place in `Party`).
                None => (false, c.extra as i64 + 2 * c.party as i64 - 4 * c.cycle, ""),
                Some(ListOrder::Date | ListOrder::Territory) => (false, 0, c.territory_name()),
                Some(ListOrder::Margin) => margin_key(c).map_or((true, 0, ""), |m| (false, m, "")),
                Some(ListOrder::Turnout) => turnout(c).map_or((true, 0, ""), |t| (false, -t, "")),
            }
        })
        .collect();
    crate::model::data::order::sorted_indices(selected.len(), &mut |a, b| keys[a].cmp(&keys[b]))
        .into_iter()
        .map(|k| selected[k])
        .collect()
}
