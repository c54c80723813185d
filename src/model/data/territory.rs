//! The one table of jurisdictions: USPS code, name and kind for every state, DC, territory and abroad.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TerritoryKind {
    State,
    District,
    Territory,
    Abroad,
}

impl TerritoryKind {
    pub const ALL: [TerritoryKind; 4] = [Self::State, Self::District, Self::Territory, Self::Abroad];

    pub fn code(self) -> &'static str {
        match self {
            Self::State => "state",
            Self::District => "district",
            Self::Territory => "territory",
            Self::Abroad => "abroad",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Plural heading used for picker groups and the status line.
    pub fn plural(self) -> &'static str {
        match self {
            Self::State => "states",
            Self::District => "district",
            Self::Territory => "territories",
            Self::Abroad => "abroad",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Territory {
    pub code: &'static str,
    pub name: &'static str,
    pub kind: TerritoryKind,
    /// The tile map's cell: (row, column) of a grid shaped like the country, with the territories
    /// and Democrats Abroad in its bottom row, full size (see `TILE_GRID`).
    pub tile: (u8, u8),
}

const fn t(code: &'static str, name: &'static str, kind: TerritoryKind, row: u8, column: u8) -> Territory {
    Territory {
        code,
        name,
        kind,
        tile: (row, column),
    }
}

use TerritoryKind::{Abroad, District, State, Territory as Terr};

/// Every jurisdiction that sends delegates to a national convention, in alphabetical order of name,
/// with its tile. The grid, 9 rows of 11 (NPR's tile-grid layout for the states and DC):
///
/// ```text
/// AK                            ME
///                            VT NH
/// WA ID MT ND MN IL WI MI NY RI MA
/// OR NV WY SD IA IN OH PA NJ CT
/// CA UT CO NE MO KY WV VA MD DE
///    AZ NM KS AR TN NC SC DC
///          OK LA MS AL GA
/// HI       TX             FL
/// GU MP AS       DA          PR VI
/// ```
pub const TERRITORIES: [Territory; 57] = [
    t("AL", "Alabama", State, 6, 6),
    t("AK", "Alaska", State, 0, 0),
    t("AS", "American Samoa", Terr, 8, 2),
    t("AZ", "Arizona", State, 5, 1),
    t("AR", "Arkansas", State, 5, 4),
    t("CA", "California", State, 4, 0),
    t("CO", "Colorado", State, 4, 2),
    t("CT", "Connecticut", State, 3, 9),
    t("DE", "Delaware", State, 4, 9),
    t("DA", "Democrats Abroad", Abroad, 8, 5),
    t("DC", "District of Columbia", District, 5, 8),
    t("FL", "Florida", State, 7, 8),
    t("GA", "Georgia", State, 6, 7),
    t("GU", "Guam", Terr, 8, 0),
    t("HI", "Hawaii", State, 7, 0),
    t("ID", "Idaho", State, 2, 1),
    t("IL", "Illinois", State, 2, 5),
    t("IN", "Indiana", State, 3, 5),
    t("IA", "Iowa", State, 3, 4),
    t("KS", "Kansas", State, 5, 3),
    t("KY", "Kentucky", State, 4, 5),
    t("LA", "Louisiana", State, 6, 4),
    t("ME", "Maine", State, 0, 10),
    t("MD", "Maryland", State, 4, 8),
    t("MA", "Massachusetts", State, 2, 10),
    t("MI", "Michigan", State, 2, 7),
    t("MN", "Minnesota", State, 2, 4),
    t("MS", "Mississippi", State, 6, 5),
    t("MO", "Missouri", State, 4, 4),
    t("MT", "Montana", State, 2, 2),
    t("NE", "Nebraska", State, 4, 3),
    t("NV", "Nevada", State, 3, 1),
    t("NH", "New Hampshire", State, 1, 10),
    t("NJ", "New Jersey", State, 3, 8),
    t("NM", "New Mexico", State, 5, 2),
    t("NY", "New York", State, 2, 8),
    t("NC", "North Carolina", State, 5, 6),
    t("ND", "North Dakota", State, 2, 3),
    t("MP", "Northern Mariana Islands", Terr, 8, 1),
    t("OH", "Ohio", State, 3, 6),
    t("OK", "Oklahoma", State, 6, 3),
    t("OR", "Oregon", State, 3, 0),
    t("PA", "Pennsylvania", State, 3, 7),
    t("PR", "Puerto Rico", Terr, 8, 9),
    t("RI", "Rhode Island", State, 2, 9),
    t("SC", "South Carolina", State, 5, 7),
    t("SD", "South Dakota", State, 3, 3),
    t("TN", "Tennessee", State, 5, 5),
    t("TX", "Texas", State, 7, 3),
    t("VI", "U.S. Virgin Islands", Terr, 8, 10),
    t("UT", "Utah", State, 4, 1),
    t("VT", "Vermont", State, 1, 9),
    t("VA", "Virginia", State, 4, 7),
    t("WA", "Washington", State, 2, 0),
    t("WV", "West Virginia", State, 4, 6),
    t("WI", "Wisconsin", State, 2, 6),
    t("WY", "Wyoming", State, 3, 2),
];

/// The tile map's size: (rows, columns).
pub const TILE_GRID: (u8, u8) = (9, 11);

/// The jurisdiction whose tile is at (row, column), if any: for moving between tiles by arrow key.
pub fn at_tile(row: u8, column: u8) -> Option<&'static Territory> {
    TERRITORIES.iter().find(|t| t.tile == (row, column))
}

pub fn territory(code: &str) -> Option<&'static Territory> {
    TERRITORIES.iter().find(|t| t.code.eq_ignore_ascii_case(code))
}

/// A code as read from a file: a known one as the table spells it ("as" is "AS"), so every later
/// comparison may be exact; an unknown one as given, so the problem names what the editor wrote.
pub fn canonical_code(code: String) -> String {
    territory(&code).map_or(code, |t| t.code.to_string())
}

/// Jurisdictions a party's nominating calendar covers: Democrats Abroad only exists for Democrats.
pub fn expected_for_party(party: crate::model::Party) -> impl Iterator<Item = &'static Territory> {
    TERRITORIES
        .iter()
        .filter(move |t| t.kind != Abroad || party == crate::model::Party::Democratic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_50_states_dc_5_territories_and_abroad() {
        let count = |kind| TERRITORIES.iter().filter(|t| t.kind == kind).count();
        assert_eq!(
            (count(State), count(District), count(Terr), count(Abroad)),
            (50, 1, 5, 1)
        );
        let mut codes: Vec<_> = TERRITORIES.iter().map(|t| t.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), TERRITORIES.len(), "codes are unique");
    }

    #[test]
    fn every_jurisdiction_has_its_own_tile_inside_the_grid() {
        let (rows, columns) = TILE_GRID;
        assert!(columns <= 12, "narrow enough for a 320 px screen");
        let mut cells: Vec<(u8, u8)> = TERRITORIES.iter().map(|t| t.tile).collect();
        assert!(cells.iter().all(|&(r, c)| r < rows && c < columns), "{cells:?}");
        cells.sort();
        cells.dedup();
        assert_eq!(cells.len(), TERRITORIES.len(), "no two tiles share a cell");
        // Every row and column is used: the grid is no bigger than it needs to be.
        assert!((0..rows).all(|r| cells.iter().any(|c| c.0 == r)));
        assert!((0..columns).all(|k| cells.iter().any(|c| c.1 == k)));
        for t in &TERRITORIES {
            assert_eq!(at_tile(t.tile.0, t.tile.1).map(|found| found.code), Some(t.code));
        }
        assert!(at_tile(0, 1).is_none());
    }

    #[test]
    fn lookup_is_case_insensitive() {
        assert_eq!(territory("as").map(|t| t.name), Some("American Samoa"));
        assert!(territory("ZZ").is_none());
    }
}
