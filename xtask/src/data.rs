//! `cargo xtask data`: the converter from the editable CSV (data/) to the bundled JSON (static/data/).

use std::fs;
use std::path::Path;

use tally::model::{dataset_from_csv, validate, Dataset};

use crate::{root, Result};

const TITLE: &str = "US presidential primaries and caucuses: 2024 Democratic, 2024 Republican, 2020 Democratic";
pub const BUNDLED: &str = "static/data/results.json";

/// Copies the reference facts from ../shared/data into the project's own data/ folder.
pub fn refresh() -> Result<()> {
    let shared = root().join("../shared/data");
    for (from, to) in [
        ("results.csv", "results.csv"),
        ("corrections.csv", "corrections.csv"),
        ("NOTES.md", "SOURCES.md"),
    ] {
        fs::copy(shared.join(from), root().join("data").join(to)).map_err(|e| format!("copying {from}: {e}"))?;
        println!("refreshed data/{to} from ../shared/data/{from}");
    }
    Ok(())
}

/// Says so when ../shared/data holds newer reference facts than data/ (it is absent on a clone).
pub fn warn_if_behind_reference() {
    let shared = root().join("../shared/data");
    for (from, to) in [("results.csv", "results.csv"), ("corrections.csv", "corrections.csv")] {
        if let (Ok(reference), Ok(ours)) = (fs::read(shared.join(from)), fs::read(root().join("data").join(to))) {
            if reference != ours {
                println!(
                    "note: ../shared/data/{from} differs from data/{to}: `cargo xtask data --refresh` brings it in"
                );
            }
        }
    }
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
    problems.extend(validate(&dataset));
    if problems.is_empty() {
        return Ok(dataset);
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    Err(format!("the dataset has {} problem(s):\n{}", problems.len(), lines.join("\n")).into())
}

pub fn render(dataset: &Dataset) -> Result<String> {
    Ok(serde_json::to_string(dataset)? + "\n")
}

/// Writes the bundled JSON; with `check`, fails instead when the file on disk is out of date.
pub fn run(check: bool) -> Result<()> {
    warn_if_behind_reference();
    let dataset = convert()?;
    let json = render(&dataset)?;
    let path = root().join(BUNDLED);
    if check {
        let current = fs::read_to_string(&path).unwrap_or_default();
        if current != json {
            return Err(format!("{BUNDLED} is out of date with data/*.csv: run `cargo xtask data`").into());
        }
        println!("{BUNDLED} is up to date ({} contests)", dataset.contests.len());
        return Ok(());
    }
    fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    fs::write(&path, &json)?;
    let options: usize = dataset.contests.iter().map(|c| c.options.len()).sum();
    println!(
        "wrote {BUNDLED}: {} contests, {options} ballot options, {} bytes",
        dataset.contests.len(),
        json.len()
    );
    Ok(())
}
