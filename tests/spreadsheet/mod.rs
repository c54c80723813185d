//! The dataset as the newsroom keeps it (`data/*.csv`), read by the tests' own small RFC 4180
//! reader, never the app's: what the pages and the bundled file must agree with.

// Each test file uses its own part of this module.
#![allow(dead_code)]

pub mod allocation;
pub mod csv;
pub mod editions;
pub mod winner;

/// One contest: the columns its rows share, each ballot option's figures, and its facts from
/// `data/fields.csv` and `data/corrections.csv`.
pub struct Contest {
    pub id: String,
    pub cycle: i64,
    /// "D" or "R".
    pub party: String,
    pub territory: String,
    pub territory_name: String,
    pub date: String,
    /// "primary", "caucus", "party-run primary".
    pub kind: String,
    pub status: String,
    /// Delegate votes: whole, or ending in .5 (2008's half votes; exact in an f64, as are their sums).
    pub pledged: Option<f64>,
    pub candidates: Vec<Candidate>,
    /// Every option is listed (fields.csv's `whole_field` is "yes").
    pub whole_field: bool,
    /// fields.csv's `binding` is not "no".
    pub binding: bool,
    /// fields.csv's `votes_are`: what the votes are when they are not the official result.
    pub votes_are: Option<String>,
    /// fields.csv's `pct_of`: what the printed percentages are shares of, when not of votes.
    pub pct_of: Option<String>,
    pub note: Option<String>,
    pub corrections: Vec<Correction>,
}

/// One row of `data/results.csv`: a ballot option (the column is named `candidate`) and its
/// figures; an empty cell is `None`.
pub struct Candidate {
    pub name: String,
    pub votes: Option<i64>,
    /// The source's printed percentage, as printed ("56.0", "<0.1").
    pub pct: Option<String>,
    /// Delegate votes, whole or ending in .5.
    pub delegates: Option<f64>,
    pub sources: Vec<String>,
}

/// One row of `data/corrections.csv`: a figure first reported as `from`, now `to`.
pub struct Correction {
    pub candidate: String,
    pub from: String,
    pub to: String,
}

impl Contest {
    pub fn party_name(&self) -> &'static str {
        match self.party.as_str() {
            "D" => "Democratic",
            "R" => "Republican",
            other => panic!("{}: party {other:?}", self.id),
        }
    }

    /// Every source named on any of its rows, once each.
    pub fn sources(&self) -> Vec<&str> {
        let mut all: Vec<&str> = Vec::new();
        for source in self.candidates.iter().flat_map(|c| &c.sources) {
            if !all.contains(&source.as_str()) {
                all.push(source);
            }
        }
        all
    }
}

/// Blank, void, spoiled, over- and undervotes: ballots cast for no one, outside every share.
pub fn is_void(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.contains("ballots") || ["blank", "overvote", "overvotes", "undervotes"].contains(&name.as_str())
}

/// The results files: `results.csv` (the bundled editions, 2024 D, 2024 R, 2020 D) and the earlier
/// cycles' files beside it, in the same columns.
pub const RESULTS_FILES: [&str; 5] = [
    "results.csv",
    "results-2020-R.csv",
    "results-2016.csv",
    "results-2012-R.csv",
    "results-2008.csv",
];

/// Every contest of `data/results.csv`, in the file's order, with its facts from the side files.
pub fn contests() -> Vec<Contest> {
    contests_of(&["results.csv"])
}

/// Every contest of every results file, every edition.
pub fn all_contests() -> Vec<Contest> {
    contests_of(&RESULTS_FILES)
}

fn contests_of(files: &[&str]) -> Vec<Contest> {
    let fields = csv::records(&read("fields.csv"));
    let corrections = csv::records(&read("corrections.csv"));
    let mut contests: Vec<Contest> = Vec::new();
    let rows = files.iter().flat_map(|file| csv::records(&read(file)));
    for row in rows {
        let id = row.get("contest_id");
        if contests.last().is_none_or(|c| c.id != id) {
            assert!(contests.iter().all(|c| c.id != id), "{id}: its rows are not together");
            let facts = fields.iter().find(|f| f.get("contest_id") == id);
            let fact = |name: &str| facts.map(|f| f.get(name)).unwrap_or("");
            contests.push(Contest {
                id: id.to_string(),
                cycle: number(row.get("cycle")).unwrap_or_else(|| panic!("{id}: no cycle")),
                party: row.get("party").to_string(),
                territory: row.get("territory_code").to_string(),
                territory_name: row.get("territory_name").to_string(),
                date: row.get("date").to_string(),
                kind: row.get("contest_type").to_string(),
                status: row.get("status").to_string(),
                pledged: delegate_votes(row.get("pledged_delegates")),
                candidates: Vec::new(),
                whole_field: fact("whole_field") == "yes",
                binding: fact("binding") != "no",
                votes_are: Some(fact("votes_are").to_string()).filter(|v| !v.is_empty()),
                pct_of: facts.map(|f| f.get("pct_of").to_string()).filter(|v| !v.is_empty()),
                note: Some(fact("note").to_string()).filter(|n| !n.is_empty()),
                corrections: corrections
                    .iter()
                    .filter(|c| c.get("contest_id") == id)
                    .map(|c| Correction {
                        candidate: c.get("candidate").to_string(),
                        from: c.get("from").to_string(),
                        to: c.get("to").to_string(),
                    })
                    .collect(),
            });
        }
        let contest = contests.last_mut().expect("pushed above");
        contest.candidates.push(Candidate {
            name: row.get("candidate").to_string(),
            votes: number(row.get("votes")),
            pct: Some(row.get("vote_pct").to_string()).filter(|p| !p.is_empty()),
            delegates: delegate_votes(row.get("delegates_won")),
            sources: row
                .get("source_url")
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
        });
    }
    contests
}

/// The date the data was last checked (`data/AS_OF`).
pub fn as_of() -> String {
    read("AS_OF").trim().to_string()
}

pub fn read(name: &str) -> String {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A whole number as the spreadsheet writes it (digits only), or `None` for an empty cell.
fn number(cell: &str) -> Option<i64> {
    if cell.is_empty() {
        return None;
    }
    assert!(cell.bytes().all(|b| b.is_ascii_digit()), "not a count: {cell:?}");
    Some(cell.parse().expect("digits"))
}

/// Delegate votes as the spreadsheet writes them: digits, or digits and ".5" (a half vote).
fn delegate_votes(cell: &str) -> Option<f64> {
    if cell.is_empty() {
        return None;
    }
    let whole = cell.strip_suffix(".5").unwrap_or(cell);
    assert!(
        whole.bytes().all(|b| b.is_ascii_digit()),
        "not a number of delegate votes: {cell:?}"
    );
    Some(whole.parse::<f64>().expect("digits") + if whole.len() < cell.len() { 0.5 } else { 0.0 })
}
