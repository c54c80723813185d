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
}

const fn t(code: &'static str, name: &'static str, kind: TerritoryKind) -> Territory {
    Territory { code, name, kind }
}

use TerritoryKind::{Abroad, District, State, Territory as Terr};

/// Every jurisdiction that sends delegates to a national convention, in alphabetical order of name.
pub const TERRITORIES: [Territory; 57] = [
    t("AL", "Alabama", State),
    t("AK", "Alaska", State),
    t("AS", "American Samoa", Terr),
    t("AZ", "Arizona", State),
    t("AR", "Arkansas", State),
    t("CA", "California", State),
    t("CO", "Colorado", State),
    t("CT", "Connecticut", State),
    t("DE", "Delaware", State),
    t("DA", "Democrats Abroad", Abroad),
    t("DC", "District of Columbia", District),
    t("FL", "Florida", State),
    t("GA", "Georgia", State),
    t("GU", "Guam", Terr),
    t("HI", "Hawaii", State),
    t("ID", "Idaho", State),
    t("IL", "Illinois", State),
    t("IN", "Indiana", State),
    t("IA", "Iowa", State),
    t("KS", "Kansas", State),
    t("KY", "Kentucky", State),
    t("LA", "Louisiana", State),
    t("ME", "Maine", State),
    t("MD", "Maryland", State),
    t("MA", "Massachusetts", State),
    t("MI", "Michigan", State),
    t("MN", "Minnesota", State),
    t("MS", "Mississippi", State),
    t("MO", "Missouri", State),
    t("MT", "Montana", State),
    t("NE", "Nebraska", State),
    t("NV", "Nevada", State),
    t("NH", "New Hampshire", State),
    t("NJ", "New Jersey", State),
    t("NM", "New Mexico", State),
    t("NY", "New York", State),
    t("NC", "North Carolina", State),
    t("ND", "North Dakota", State),
    t("MP", "Northern Mariana Islands", Terr),
    t("OH", "Ohio", State),
    t("OK", "Oklahoma", State),
    t("OR", "Oregon", State),
    t("PA", "Pennsylvania", State),
    t("PR", "Puerto Rico", Terr),
    t("RI", "Rhode Island", State),
    t("SC", "South Carolina", State),
    t("SD", "South Dakota", State),
    t("TN", "Tennessee", State),
    t("TX", "Texas", State),
    t("VI", "U.S. Virgin Islands", Terr),
    t("UT", "Utah", State),
    t("VT", "Vermont", State),
    t("VA", "Virginia", State),
    t("WA", "Washington", State),
    t("WV", "West Virginia", State),
    t("WI", "Wisconsin", State),
    t("WY", "Wyoming", State),
];

pub fn territory(code: &str) -> Option<&'static Territory> {
    TERRITORIES.iter().find(|t| t.code.eq_ignore_ascii_case(code))
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
    fn lookup_is_case_insensitive() {
        assert_eq!(territory("as").map(|t| t.name), Some("American Samoa"));
        assert!(territory("ZZ").is_none());
    }
}
