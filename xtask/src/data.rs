//! `cargo xtask data`: the converter from the editable CSV (data/) to the bundled JSON (static/data/).

use std::fs;
use std::path::Path;

use tally::model::derive::allocation::{check_contest, tally, Check};
use tally::model::words::format::count;
use tally::model::{
    apply_fields, dataset_from_csv, nominations_from_csv, rules_from_csv, split_details, validate, Dataset, OptionKind,
    Problem, ProblemKind,
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
2024-R-NV-P). Its `votes_are` column says what a contest's votes are when they are not its official result:
`final alignment` for the 2020 Iowa and Nevada Democratic caucuses, whose parties declared their results in
state delegate equivalents and county convention delegates, which the reference rows do not hold (see 2020
Democratic, IA and NV, above); no winner is named on those votes.
";

/// Says so when ../shared/data holds newer reference facts than data/ (it is absent on a clone).
pub fn warn_if_behind_reference() {
    let shared = root().join("../shared/data");
    for name in ["results.csv", "corrections.csv", "editions.csv", "allocation.csv"] {
        if let (Ok(reference), Ok(ours)) = (fs::read(shared.join(name)), fs::read(root().join("data").join(name))) {
            if reference != ours {
                println!(
                    "note: ../shared/data/{name} differs from data/{name}: `cargo xtask data --refresh` brings it in"
                );
            }
        }
    }
}

/// Facts about whole contests that the reference rows do not carry, each row citing its basis.
const FIELDS: &str = "fields.csv";
/// Each edition's nomination (presumptive nominee, nominee, delegates needed, clinch date), from
/// the reference facts; the bundled file carries the rows of the editions it holds.
const EDITIONS: &str = "editions.csv";

/// The reference allocation rules, one row per contest, and Tally's named methods and sourced
/// facts on top of them.
const ALLOCATION: &str = "allocation.csv";
const RULES: &str = "rules.csv";

/// Every bundled split checked against its rule: a split the rule does not give is a problem
/// unless data/rules.csv documents an exception with its source. Prints the counts per edition.
fn check_rules(dataset: &Dataset, allocation: &str, own: &str) -> Result<Vec<Problem>> {
    let (rules, mut problems) = rules_from_csv(allocation, own).map_err(|e| format!("data/{ALLOCATION}: {e}"))?;
    let mut checks = Vec::new();
    for contest in &dataset.contests {
        let Some(rule) = rules.get(&contest.id) else {
            problems.push(Problem::new(
                &contest.id,
                "allocation.csv",
                ProblemKind::Unreadable("no rule for this contest".into()),
            ));
            continue;
        };
        let checked = check_contest(contest, rule);
        if let Check::Differs { given, .. } = &checked.check {
            if rule.exception.is_none() {
                let why = format!("the reported split contradicts the party's rule, which gives {given:?} from these votes (document an exception with its source in data/{RULES})");
                problems.push(Problem::new(&contest.id, "delegates_won", ProblemKind::Unreadable(why)));
            }
        }
        checks.push((contest, checked.check));
    }
    for (edition, t) in tally(checks.iter().map(|(c, k)| (*c, k))) {
        println!(
            "rules {edition}: {} checked ({} agree, {} differ, {} depend on the rounding), {} not checkable",
            t.checked, t.agree, t.differ, t.depends, t.unchecked
        );
    }
    Ok(problems)
}

/// Reads data/*.csv and returns the dataset, or every problem found, each on a line.
pub fn convert() -> Result<Dataset> {
    let read = |name: &str| {
        fs::read_to_string(root().join("data").join(name)).map_err(|e| format!("reading data/{name}: {e}"))
    };
    let as_of = read("AS_OF")?.trim().to_string();
    let (mut dataset, mut problems) = dataset_from_csv(
        &read("results.csv")?,
        Some(&read("corrections.csv")?),
        TITLE,
        Some(as_of),
    )
    .map_err(|e| format!("data/results.csv: {e}"))?;
    // The bundled dataset is the whole calendar: every jurisdiction must be there.
    dataset.complete_calendar = true;
    problems.extend(apply_fields(&mut dataset, &read(FIELDS)?).map_err(|e| format!("data/{FIELDS}: {e}"))?);
    let (nominations, unread) =
        nominations_from_csv(&read(EDITIONS)?, &dataset).map_err(|e| format!("data/{EDITIONS}: {e}"))?;
    dataset.nominations = nominations;
    problems.extend(unread);
    problems.extend(validate(&dataset));
    problems.extend(check_rules(&dataset, &read(ALLOCATION)?, &read(RULES)?)?);
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
            if OptionKind::classify(&option.name) == option.kind {
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
    let (dataset, problems) =
        dataset_from_csv(&text, None, "Newsroom dataset", None).map_err(|e| format!("{}: {e}", csv.display()))?;
    let loaded = tally::model::keep_valid(dataset, problems);
    for problem in &loaded.problems {
        println!("  left out: {problem}");
    }
    let out = csv.with_extension("json");
    fs::write(&out, render(&loaded.dataset)?)?;
    println!("wrote {} ({} contests)", out.display(), loaded.dataset.contests.len());
    Ok(())
}

/// The two bundled files: results (what the first load fetches) and the details file beside it
/// (sources and corrections, fetched when a contest is opened).
pub fn render_bundled(dataset: &Dataset) -> Result<[(&'static str, String); 2]> {
    let (lean, details) = split_details(dataset, DETAILS_FILE);
    Ok([
        (BUNDLED, render(&lean)?),
        (BUNDLED_DETAILS, serde_json::to_string(&details)? + "\n"),
    ])
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
            "{BUNDLED} and {BUNDLED_DETAILS} are up to date ({} contests)",
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
    let options: usize = dataset.contests.iter().map(|c| c.options.len()).sum();
    println!("{} contests, {options} ballot options", dataset.contests.len());
    Ok(())
}
