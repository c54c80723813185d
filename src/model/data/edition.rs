//! An edition (one cycle and party's primaries: "2024 Democratic") and what the dataset says of its
//! nomination: the presumptive nominee, the nominee, the delegates needed, the day it was clinched.

use serde::Serialize;

use crate::model::{Contest, Party};

/// One cycle and party: a delegate race of its own, and what the map shows at a time.
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

    /// The edition a contest id names (`2016-D-AS`: 2016 Democratic), as the bundled ids spell it.
    pub fn of_id(id: &str) -> Option<Edition> {
        let mut parts = id.splitn(3, '-');
        let cycle = parts.next()?.parse().ok()?;
        let party = Party::from_code(parts.next()?)?;
        parts.next()?;
        Some(Edition { cycle, party })
    }
}

impl Contest {
    pub fn edition(&self) -> Edition {
        Edition {
            cycle: self.cycle,
            party: self.party,
        }
    }
}

/// An edition's nomination, as `data/editions.csv` records it (see docs/DATA.md, "Nominations").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Nomination {
    pub cycle: i64,
    pub party: Party,
    /// Who had clinched a majority of the delegates when the primaries ended (Biden in 2024).
    pub presumptive_nominee: String,
    /// Who the convention nominated, where it differs (Harris in 2024).
    pub nominee: String,
    /// Delegates needed to nominate on the first ballot, by the count the press used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_to_nominate: Option<i64>,
    /// ISO date the presumptive nominee passed that number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinched_on: Option<String>,
}

impl Nomination {
    /// The presumptive nominee's surname, as the page's short phrases name them ("Where Biden lost").
    pub fn surname(&self) -> &str {
        crate::model::data::names::surname(&self.presumptive_nominee)
    }

    pub fn edition(&self) -> Edition {
        Edition {
            cycle: self.cycle,
            party: self.party,
        }
    }
}

/// An edition kept in a file of its own, as the front file's manifest names it (`editions`): the
/// page fetches it when a filter, an address or a page asks for it (docs/DATA.md, "Editions").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EditionFile {
    pub cycle: i64,
    pub party: Party,
    /// Relative to the file that names it: `editions/2016-D.<hash>.json`.
    pub file: String,
    /// How many contests it holds.
    pub contests: usize,
}

impl EditionFile {
    pub fn edition(&self) -> Edition {
        Edition {
            cycle: self.cycle,
            party: self.party,
        }
    }
}
