//! The bundled dataset as the tests read it, and the reference CSV files (data/) read apart from
//! the converter, with figures worked out from them independently of the model.
#![allow(dead_code)] // each test file uses its own part

use tally::model::*;

pub fn catalog() -> Catalog {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/results.json")).unwrap();
    Catalog::new(load(&text).unwrap().dataset)
}

pub fn index(catalog: &Catalog, id: &str) -> usize {
    catalog
        .contests()
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("{id} missing"))
}

pub fn select(catalog: &Catalog, search: &str) -> (Filter, Vec<usize>) {
    let (query, notices) = Query::parse(search);
    assert!(notices.is_empty(), "{notices:?}");
    let selected = query.filter.apply(catalog);
    (query.filter, selected)
}

pub fn ids(catalog: &Catalog, indices: &[usize]) -> Vec<String> {
    indices.iter().map(|&i| catalog.contests()[i].id.clone()).collect()
}

/// The reference files as rows keyed by their header, read here apart from the converter.
pub fn reference(name: &str) -> Vec<Vec<(String, String)>> {
    let text = std::fs::read_to_string(format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let rows = parse_csv(&text).unwrap();
    let (header, rows) = rows.split_first().unwrap();
    rows.iter()
        .map(|row| header.iter().cloned().zip(row.iter().cloned()).collect())
        .collect()
}

pub fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    row.iter().find(|(c, _)| c == column).map_or("", |(_, v)| v.trim())
}

/// How the race groups a row: every uncommitted-type label as one, a person by their folded name
/// without a "(write-in)"; `None` for rows that stand for no one ("Other", "Blank ballots").
pub fn group(candidate: &str) -> Option<String> {
    match OptionKind::classify(candidate) {
        OptionKind::Uncommitted => Some("uncommitted".into()),
        OptionKind::Person => Some(tally::model::data::fold::fold(
            candidate.split(" (").next().unwrap().trim(),
        )),
        _ => None,
    }
}

/// One edition's contests, pledged total and per-candidate (delegates, votes), summed from
/// data/results.csv.
pub struct Sums {
    pub contests: Vec<String>,
    pub pledged: i64,
    pub candidates: Vec<(String, i64, i64)>,
}

pub fn sums(cycle: i64, party: &str) -> Sums {
    let mut sums = Sums {
        contests: Vec::new(),
        pledged: 0,
        candidates: Vec::new(),
    };
    let number = |text: &str| text.replace(',', "").parse::<i64>().unwrap_or(0);
    for row in reference("results.csv") {
        if cell(&row, "cycle") != cycle.to_string() || cell(&row, "party") != party {
            continue;
        }
        let id = cell(&row, "contest_id").to_string();
        if !sums.contests.contains(&id) {
            sums.pledged += number(cell(&row, "pledged_delegates"));
            sums.contests.push(id);
        }
        let Some(key) = group(cell(&row, "candidate")) else {
            continue;
        };
        let (delegates, votes) = (number(cell(&row, "delegates_won")), number(cell(&row, "votes")));
        match sums.candidates.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => (entry.1, entry.2) = (entry.1 + delegates, entry.2 + votes),
            None => sums.candidates.push((key, delegates, votes)),
        }
    }
    sums
}

/// Each edition's presumptive nominee, from data/editions.csv.
pub fn presumptive(cycle: i64, party: &str) -> String {
    let rows = reference("editions.csv");
    let row = rows
        .iter()
        .find(|r| cell(r, "cycle") == cycle.to_string() && cell(r, "party") == party)
        .unwrap();
    cell(row, "presumptive_nominee").to_string()
}

/// The contests of an edition its presumptive nominee lost, worked out here from the CSV files:
/// those binding delegates (data/fields.csv, and any at stake) that list the nominee and that
/// someone else led: on votes where every option has a count, else the one with a printed
/// majority, else on printed percentages or delegates where every option has one.
pub fn lost_in_csv(cycle: i64, party: &str) -> Vec<(String, String)> {
    let nominee = group(&presumptive(cycle, party));
    let unbound: Vec<String> = reference("fields.csv")
        .iter()
        .filter(|r| cell(r, "binding") == "no")
        .map(|r| cell(r, "contest_id").to_string())
        .collect();
    let rows = reference("results.csv");
    let mut lost = Vec::new();
    for id in sums(cycle, party).contests {
        let options: Vec<&Vec<(String, String)>> = rows
            .iter()
            .filter(|r| cell(r, "contest_id") == id && group(cell(r, "candidate")).is_some())
            .collect();
        // Figures in thousandths, so printed percentages compare as whole numbers.
        let figure = |r: &[(String, String)], column: &str| {
            cell(r, column).parse::<f64>().ok().map(|f| (f * 1000.0).round() as i64)
        };
        let majority = |r: &&&Vec<(String, String)>| figure(r, "vote_pct").is_some_and(|p| p > 50_000);
        let deciding = ["votes", "vote_pct", "delegates_won"]
            .into_iter()
            .find(|column| options.iter().all(|r| figure(r, column).is_some()));
        let leaders: Vec<&str> = match (options.iter().find(majority), deciding) {
            (_, Some("votes")) | (None, Some(_)) => {
                let column = deciding.unwrap();
                let top = options.iter().filter_map(|r| figure(r, column)).max();
                options
                    .iter()
                    .filter(|r| figure(r, column) == top)
                    .map(|r| cell(r, "candidate"))
                    .collect()
            }
            (Some(r), _) => vec![cell(r, "candidate")],
            (None, None) => continue,
        };
        let listed = options.iter().any(|r| group(cell(r, "candidate")) == nominee);
        let bound = !unbound.contains(&id) && cell(options[0], "pledged_delegates") != "0";
        let held = cell(options[0], "status") == "final";
        if bound && listed && held && leaders.iter().all(|name| group(name) != nominee) {
            lost.push((id, leaders.join(" and ")));
        }
    }
    lost.sort();
    lost
}
