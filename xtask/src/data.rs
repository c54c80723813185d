//! `cargo xtask data`: the converter from the editable CSV (data/) to the bundled JSON (static/data/).

use std::fs;
use std::path::Path;

use tally::model::derive::allocation::{check_contest, tally, Check};
use tally::model::words::allocation::{rule_check, split_words};
use tally::model::words::format::count;
use tally::model::{
    apply_fields, dataset_from_csv, nominations_from_csv, rules_from_csv, split_details, validate, Dataset, OptionKind,
    Party, Problem, ProblemKind,
};

use crate::{root, Result};

const TITLE: &str = "US presidential primaries and caucuses: 2024 Democratic, 2024 Republican, 2020 Democratic";
pub const BUNDLED: &str = "static/data/results.json";
pub const BUNDLED_DETAILS: &str = "static/data/details.json";
/// As the results file names it: relative to the results file.
const DETAILS_FILE: &str = "details.json";

/// Copies the reference facts from ../shared/data into the project's own data/ folder.
pub fn refresh() -> Result<()> {
    let shared = root().join("../shared/data");
    for (from, to) in [
        ("results.csv", "results.csv"),
        ("results-2020-R.csv", "results-2020-R.csv"),
        ("results-2016.csv", "results-2016.csv"),
        ("results-2012-R.csv", "results-2012-R.csv"),
        ("results-2008.csv", "results-2008.csv"),
        ("corrections.csv", "corrections.csv"),
        ("editions.csv", "editions.csv"),
        ("allocation.csv", "allocation.csv"),
        ("NOTES.md", "SOURCES.md"),
    ] {
        fs::copy(shared.join(from), root().join("data").join(to)).map_err(|e| format!("copying {from}: {e}"))?;
        println!("refreshed data/{to} from ../shared/data/{from}");
    }
    // Our own side file is described after the reference notes, so a refresh keeps saying so.
    let sources = root().join("data/SOURCES.md");
    let notes = fs::read_to_string(&sources)?;
    fs::write(&sources, format!("{}\n\n{FIELDS_SECTION}", notes.trim_end()))?;
    Ok(())
}

/// Appended to data/SOURCES.md: where the facts of data/fields.csv come from.
const FIELDS_SECTION: &str = "## Whole fields and binding votes (data/fields.csv, Tally's own)

The reference rows do not say whether the listed options are a contest's whole field, nor whether its vote
binds delegates. `data/fields.csv` records both, one row per contest where a source says so, each citing in its
`basis` column the statement it rests on (a total equal to the listed rows, \"the only name on the ballot\",
a complete official or county file, FiveThirtyEight's complete per-candidate counts as described above). It
never infers a whole field from how the printed percentages add up. A contest it does not name is not known
to be whole (its shares stay as printed and its listed counts are never called a total) and binds its
delegates. Its `note` column gives readers what the notes above say about a contest: a secondary source
(2024-R-HI), a field known to be incomplete (2024-D-PA), a vote that binds no delegates (2024-R-MT, 2024-R-SD,
2024-R-NV-P), the 2008 Democratic half votes (MI, FL, DA, AS, GU) and the 2008 Republican penalties (NH, SC, MI,
WY, FL), as \"Earlier cycles\" above gives them. Its `votes_are` column says what a contest's votes are when they are not its official result:
`final alignment` for the 2020 Iowa and Nevada Democratic caucuses, whose parties declared their results in
state delegate equivalents and county convention delegates, which the reference rows do not hold (see 2020
Democratic, IA and NV, above); `source's partial count` for the 2008 Minnesota Republican caucus, whose
source's table leaves out its winner, Mitt Romney. No winner is named on those votes.
";

/// Says so when ../shared/data holds newer reference facts than data/ (it is absent on a clone).
pub fn warn_if_behind_reference() {
    let shared = root().join("../shared/data");
    let results = RESULTS.iter().map(|(name, _)| *name);
    for name in results.chain(["corrections.csv", "editions.csv", "allocation.csv"]) {
        if let (Ok(reference), Ok(ours)) = (fs::read(shared.join(name)), fs::read(root().join("data").join(name))) {
            if reference != ours {
                println!(
                    "note: ../shared/data/{name} differs from data/{name}: `cargo xtask data --refresh` brings it in"
                );
            }
        }
    }
}

/// The results files, one row per ballot option, all in the same columns: `results.csv` (2024 D,
/// 2024 R, 2020 D; percentages as the sources printed them) and the earlier cycles' files, whose
/// `vote_pct` the compilers computed from FiveThirtyEight's counts unless a source printed one
/// (data/SOURCES.md, "Earlier cycles"): `true` marks those contests `pct_computed`, except where
/// data/fields.csv says the percentages are shares of delegates (`pct_of`), which were printed.
pub const RESULTS: [(&str, bool); 5] = [
    ("results.csv", false),
    ("results-2020-R.csv", true),
    ("results-2016.csv", true),
    ("results-2012-R.csv", true),
    ("results-2008.csv", true),
];

/// The editions the front page's results file holds (the newest cycle); every other edition is a
/// file of its own that the front file names (`pages.rs` writes the manifest), and every edition
/// of every file is read and validated all the same.
pub const BUNDLED_EDITIONS: [(i64, Party); 2] = [(2024, Party::Democratic), (2024, Party::Republican)];

/// Jurisdictions the reference facts hold no contest for, and why: the calendar check lets these
/// pass (and says so) rather than inventing a row. Their editions' files say the calendar is not
/// complete, so a reader's page reads the place as not reported.
pub const CALENDAR_GAPS: [(&str, &str); 2] = [
    (
        "2008-D-MP",
        "the reference's 57 contests of 2008 D name no Northern Mariana Islands contest",
    ),
    (
        "2008-R-GU",
        "data/SOURCES.md, Earlier cycles, still missing: \"2008 R: the GU contest\"",
    ),
];

/// Facts about whole contests that the reference rows do not carry, each row citing its basis.
const FIELDS: &str = "fields.csv";
/// Each edition's nomination (presumptive nominee, nominee, delegates needed, clinch date), from
/// the reference facts; the bundled file carries the rows of the editions it holds.
const EDITIONS: &str = "editions.csv";

/// The reference allocation rules, one row per contest, and Tally's named methods and sourced
/// facts on top of them.
const ALLOCATION: &str = "allocation.csv";
const RULES: &str = "rules.csv";

/// Every contest's rule, by id, from the files the build checks the bundled splits with
/// (`data/allocation.csv`, `data/rules.csv`): the replay's feed carries them.
pub fn bundled_rules() -> Result<std::collections::BTreeMap<String, tally::model::derive::allocation::Rule>> {
    let read = |name: &str| {
        fs::read_to_string(root().join("data").join(name)).map_err(|e| format!("reading data/{name}: {e}"))
    };
    let (rules, problems) =
        rules_from_csv(&read(ALLOCATION)?, &read(RULES)?).map_err(|e| format!("data/{ALLOCATION}: {e}"))?;
    match problems.first() {
        Some(problem) => Err(format!("data/{RULES}: {problem}").into()),
        None => Ok(rules),
    }
}

/// Every bundled split checked against its rule: a split the rule does not give is a problem
/// unless data/rules.csv documents an exception with its source. Prints the counts per edition.
fn check_rules(dataset: &mut Dataset, allocation: &str, own: &str) -> Result<Vec<Problem>> {
    let (rules, mut problems) = rules_from_csv(allocation, own).map_err(|e| format!("data/{ALLOCATION}: {e}"))?;
    let mut checks = Vec::new();
    // The reference rules cover some editions only (2024 D, 2024 R, 2020 D): the others' contests
    // are not checked, and say so.
    let edition = |id: &str| id.splitn(3, '-').take(2).collect::<Vec<_>>().join("-");
    let covered: Vec<String> = rules.keys().map(|id| edition(id)).collect();
    let mut uncovered: Vec<String> = Vec::new();
    for contest in &mut dataset.contests {
        if !covered.contains(&edition(&contest.id)) {
            if !uncovered.contains(&edition(&contest.id)) {
                uncovered.push(edition(&contest.id));
            }
            continue;
        }
        let Some(rule) = rules.get(&contest.id) else {
            problems.push(Problem::new(
                &contest.id,
                "allocation.csv",
                ProblemKind::Unreadable("no rule for this contest".into()),
            ));
            continue;
        };
        // The reader's words, computed here so the reader's wasm only shows them (details file).
        contest.rule_check = Some(rule_check(contest, rule));
        let checked = check_contest(contest, rule);
        contest.rule_agrees = match checked.check {
            Check::Agrees { .. } => Some(true),
            Check::Differs { .. } => Some(false),
            _ => None,
        };
        if let Check::Differs { given, .. } = &checked.check {
            if rule.exception.is_none() {
                // The same problem a newsroom's file gets; the exception goes in data/rules.csv.
                let (reported, given) = split_words(contest, given);
                problems.push(Problem::new(
                    &contest.id,
                    "delegates_won",
                    ProblemKind::ContradictsRule { reported, given },
                ));
            }
        }
        checks.push((contest.clone(), checked.check));
    }
    for (edition, t) in tally(checks.iter().map(|(c, k)| (c, k))) {
        println!(
            "rules {edition}: {} checked ({} agree, {} differ, {} depend on the rounding), {} not checkable",
            t.checked, t.agree, t.differ, t.depends, t.unchecked
        );
    }
    for edition in uncovered {
        println!("rules {edition}: not checked (data/{ALLOCATION} holds no rules for this edition)");
    }
    Ok(problems)
}

/// Reads data/*.csv and returns the dataset, or every problem found, each on a line.
pub fn convert() -> Result<Dataset> {
    let read = |name: &str| {
        fs::read_to_string(root().join("data").join(name)).map_err(|e| format!("reading data/{name}: {e}"))
    };
    let as_of = read("AS_OF")?.trim().to_string();
    let corrections = read("corrections.csv")?;
    let (mut dataset, mut problems) = (None::<Dataset>, Vec::new());
    for (name, computed) in RESULTS {
        // Corrections name contests of results.csv, the only file reported on the night.
        let corrections = (name == "results.csv").then_some(corrections.as_str());
        let (mut part, found) = dataset_from_csv(&read(name)?, corrections, TITLE, Some(as_of.clone()))
            .map_err(|e| format!("data/{name}: {e}"))?;
        for contest in &mut part.contests {
            contest.pct_computed = tally::model::Earlier::new(computed.then_some(true));
        }
        problems.extend(found);
        match &mut dataset {
            None => dataset = Some(part),
            Some(all) => all.contests.extend(part.contests),
        }
    }
    let mut dataset = dataset.ok_or("no results files")?;
    // The bundled dataset is the whole calendar: every jurisdiction must be there.
    dataset.complete_calendar = true;
    problems.extend(apply_fields(&mut dataset, &read(FIELDS)?).map_err(|e| format!("data/{FIELDS}: {e}"))?);
    // Shares of delegates were printed by the party, not computed from counts.
    for contest in dataset.contests.iter_mut().filter(|c| !c.pct_of.is_none()) {
        contest.pct_computed = tally::model::Earlier::NONE;
    }
    let (nominations, unread) =
        nominations_from_csv(&read(EDITIONS)?, &dataset).map_err(|e| format!("data/{EDITIONS}: {e}"))?;
    dataset.nominations = nominations;
    problems.extend(unread);
    for problem in validate(&dataset) {
        let gap = CALENDAR_GAPS.iter().find(|(id, _)| *id == problem.contest);
        match (gap, &problem.kind) {
            (Some((id, why)), ProblemKind::MissingJurisdiction) => println!("calendar: no {id} ({why})"),
            _ => problems.push(problem),
        }
    }
    problems.extend(check_rules(&mut dataset, &read(ALLOCATION)?, &read(RULES)?)?);
    if problems.is_empty() {
        return Ok(dataset);
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    let found = count(problems.len() as i64, "problem", "problems");
    Err(format!("the dataset has {found}:\n{}", lines.join("\n")).into())
}

/// The dataset as JSON, leaving out what a reader derives the same way: a contest's `id` when it
/// is the usual `{cycle}-{party}-{territory}`, an option's `kind` when its label says it, a
/// nomination's `nominee` when it is the presumptive nominee.
pub fn render(dataset: &Dataset) -> Result<String> {
    let mut value = serde_json::to_value(dataset)?;
    for (nomination, json) in dataset
        .nominations
        .iter()
        .zip(value["nominations"].as_array_mut().into_iter().flatten())
    {
        if nomination.nominee == nomination.presumptive_nominee {
            json.as_object_mut().map(|o| o.shift_remove("nominee"));
        }
    }
    for (contest, json) in dataset
        .contests
        .iter()
        .zip(value["contests"].as_array_mut().into_iter().flatten())
    {
        let usual_id = format!("{}-{}-{}", contest.cycle, contest.party.code(), contest.territory);
        if contest.id == usual_id && !contest.extra {
            json.as_object_mut().map(|o| o.shift_remove("id"));
        }
        for (option, json) in contest
            .options
            .iter()
            .zip(json["options"].as_array_mut().into_iter().flatten())
        {
            // Only labels every build knows: the reader's leaves out the earlier cycles' ones.
            if OptionKind::classify_with(&option.name, false) == option.kind {
                json.as_object_mut().map(|o| o.shift_remove("kind"));
            }
        }
    }
    Ok(serde_json::to_string(&value)? + "\n")
}

/// A newsroom's spreadsheet (CSV in the source columns) to the JSON the page reads, beside it:
/// every rejected contest is listed, the valid ones written.
pub fn convert_file(csv: &Path) -> Result<()> {
    let text = fs::read_to_string(csv).map_err(|e| format!("reading {}: {e}", csv.display()))?;
    let converted = convert_text(&text).map_err(|e| format!("{}: {e}", csv.display()))?;
    for problem in &converted.left_out {
        println!("  left out: {problem}");
    }
    for id in &converted.unused_rules {
        println!("  a rule for {id}, which the file does not hold");
    }
    for problem in &converted.rule_problems {
        println!("  the page leaves out: {problem}");
    }
    let out = csv.with_extension("json");
    fs::write(&out, &converted.json)?;
    println!("wrote {} ({} contests)", out.display(), converted.contests);
    Ok(())
}

/// A newsroom's spreadsheet as the JSON `?data=` reads, and what the converter says of it.
pub struct Converted {
    pub json: String,
    pub contests: usize,
    /// Contests that could not be read or are invalid: not written.
    pub left_out: Vec<Problem>,
    /// Contests named by `rule_*` cells that the file does not hold.
    pub unused_rules: Vec<String>,
    /// What the newsroom's tools will say of the rules (the file keeps those contests).
    pub rule_problems: Vec<Problem>,
}

pub fn convert_text(text: &str) -> Result<Converted> {
    let (dataset, problems) = dataset_from_csv(text, None, "Newsroom dataset", None)?;
    let rules = crate::csv_rules::rules_of_csv(text)?;
    let loaded = tally::model::keep_valid(dataset, problems);
    let mut json: serde_json::Value = serde_json::from_str(&render(&loaded.dataset)?)?;
    let unused_rules = crate::csv_rules::attach(&mut json, &rules);
    let json = serde_json::to_string(&json)? + "\n";
    // The rules are checked as the newsroom's tools will check them.
    let rule_problems = crate::csv_rules::check(&json)?;
    Ok(Converted {
        json,
        contests: loaded.dataset.contests.len(),
        left_out: loaded.problems,
        unused_rules,
        rule_problems,
    })
}

/// The two bundled files: results (what the first load fetches) and the details file beside it
/// (sources and corrections, fetched when a contest is opened), holding the `BUNDLED_EDITIONS`;
/// then each edition's own pair (`EDITIONS_DIR`), every edition of every results file.
pub fn render_bundled(dataset: &Dataset) -> Result<Vec<(String, String)>> {
    let mut bundled = dataset.clone();
    let is_bundled = |cycle: i64, party: Party| BUNDLED_EDITIONS.contains(&(cycle, party));
    bundled.contests.retain(|c| is_bundled(c.cycle, c.party));
    // Every edition's nomination, so "Where Clinton lost" is offered before 2016's file is there.
    // The reader's build leaves out what only the earlier cycles use (Cargo feature `earlier`).
    let half = |d: Option<tally::model::Delegates>| d.is_some_and(|d| d.whole_number().is_none());
    if let Some(c) = bundled.contests.iter().find(|c| {
        !c.pct_of.is_none()
            || c.pct_computed.is()
            || half(c.pledged_delegates)
            || c.options.iter().any(|o| half(o.delegates))
    }) {
        return Err(format!(
            "{}: the reader's build reads no pct_of, pct_computed or half votes (feature `earlier`)",
            c.id
        )
        .into());
    }
    let (lean, details) = split_details(&bundled, DETAILS_FILE);
    let mut files = vec![
        (BUNDLED.to_string(), render(&lean)?),
        (BUNDLED_DETAILS.to_string(), serde_json::to_string(&details)? + "\n"),
    ];
    for (cycle, party) in editions(dataset) {
        let mut edition = dataset.clone();
        edition.title = format!("US presidential primaries and caucuses: {cycle} {}", party.name());
        edition.contests.retain(|c| (c.cycle, c.party) == (cycle, party));
        edition.nominations.retain(|n| (n.cycle, n.party) == (cycle, party));
        let stem = format!("{cycle}-{}", party.code());
        // A calendar the reference facts leave a place out of is not claimed complete.
        edition.complete_calendar = !CALENDAR_GAPS.iter().any(|(id, _)| id.starts_with(&format!("{stem}-")));
        let (lean, details) = split_details(&edition, &format!("{stem}.details.json"));
        files.push((format!("{EDITIONS_DIR}/{stem}.json"), render(&lean)?));
        files.push((
            format!("{EDITIONS_DIR}/{stem}.details.json"),
            serde_json::to_string(&details)? + "\n",
        ));
    }
    Ok(files)
}

/// Each edition's own results and details files, one pair per edition, newest first.
pub const EDITIONS_DIR: &str = "static/data/editions";

/// The dataset's editions, newest first, Democratic before Republican.
pub fn editions(dataset: &Dataset) -> Vec<(i64, Party)> {
    let mut editions: Vec<(i64, Party)> = dataset.contests.iter().map(|c| (c.cycle, c.party)).collect();
    editions.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    editions.dedup();
    editions
}

/// Writes the bundled JSON; with `check`, fails instead when a file on disk is out of date.
pub fn run(check: bool) -> Result<()> {
    warn_if_behind_reference();
    let dataset = convert()?;
    let files = render_bundled(&dataset)?;
    if check {
        for (name, json) in &files {
            if fs::read_to_string(root().join(name)).unwrap_or_default() != *json {
                return Err(format!("{name} is out of date with data/*.csv: run `cargo xtask data`").into());
            }
        }
        println!(
            "{BUNDLED}, {BUNDLED_DETAILS} and {EDITIONS_DIR}/ are up to date ({} contests)",
            dataset.contests.len()
        );
        return Ok(());
    }
    for (name, json) in &files {
        let path = root().join(name);
        fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
        fs::write(&path, json)?;
        println!("wrote {name}: {} bytes", json.len());
    }
    for (cycle, party) in editions(&dataset) {
        let contests = dataset
            .contests
            .iter()
            .filter(|c| (c.cycle, c.party) == (cycle, party))
            .count();
        println!("{cycle} {}: {contests} contests", party.name());
    }
    let options: usize = dataset.contests.iter().map(|c| c.options.len()).sum();
    println!("{} contests, {options} ballot options", dataset.contests.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// data/results.csv's rows of American Samoa 2024, its delegates as first reported (4-2,
    /// data/corrections.csv) when `first_report`.
    fn american_samoa(first_report: bool) -> Dataset {
        let results = fs::read_to_string(root().join("data/results.csv")).unwrap();
        let mut lines = results.lines();
        let mut csv = format!("{}\n", lines.next().unwrap());
        for line in lines.filter(|l| l.contains(",2024-D-AS,")) {
            let line = match first_report {
                true => line
                    .replace(",Jason Palmer,51,56.0,3,", ",Jason Palmer,51,56.0,4,")
                    .replace(",Joe Biden,40,44.0,3,", ",Joe Biden,40,44.0,2,"),
                false => line.to_string(),
            };
            csv += &format!("{line}\n");
        }
        assert!(!first_report || csv.contains(",4,"), "the rows changed: {csv}");
        dataset_from_csv(&csv, None, TITLE, None).unwrap().0
    }

    #[test]
    fn the_build_refuses_a_split_its_rule_contradicts_unless_an_exception_documents_it() {
        let read = |name: &str| fs::read_to_string(root().join("data").join(name)).unwrap();
        let (allocation, own) = (read(ALLOCATION), read(RULES));
        let header = own.lines().next().unwrap();
        // As corrected (3-3): the rule gives it.
        assert!(check_rules(&mut american_samoa(false), &allocation, &own)
            .unwrap()
            .is_empty());
        // As first reported (4-2): refused, in words.
        let problems = check_rules(&mut american_samoa(true), &allocation, &own).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(matches!(problems[0].kind, ProblemKind::ContradictsRule { .. }));
        assert!(problems[0].to_string().contains("Palmer 4, Biden 2"), "{}", problems[0]);
        // With an exception and its source in data/rules.csv's columns: kept.
        let excused = format!("{header}\n2024-D-AS,,,,The party's first release (test),https://example.org/release\n");
        assert!(check_rules(&mut american_samoa(true), &allocation, &excused)
            .unwrap()
            .is_empty());
    }
}
