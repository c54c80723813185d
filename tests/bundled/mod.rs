//! The editions of `data/results.csv` (2024 D, 2024 R, 2020 D) as the site holds them: the front
//! file (the newest cycle) and 2020 Democratic's file of its own, read together as the page does
//! once a view asks for 2020. The tests that check `data/results.csv` figure for figure read this.

fn read(name: &str) -> serde_json::Value {
    let path = format!("{}/static/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The front file with 2020 Democratic's contests and nomination merged in, as JSON.
#[allow(dead_code)]
pub fn results() -> String {
    let mut front = read("results.json");
    let edition = read("editions/2020-D.json");
    let contests = front["contests"].as_array_mut().unwrap();
    contests.extend(edition["contests"].as_array().unwrap().iter().cloned());
    front["title"] = "US presidential primaries and caucuses: 2024 Democratic, 2024 Republican, 2020 Democratic".into();
    // The front file names every edition's nomination; these are the three editions' own.
    let nominations = front["nominations"].as_array_mut().unwrap();
    nominations.retain(|n| n["cycle"] == 2024 || (n["cycle"] == 2020 && n["party"] == "D"));
    serde_json::to_string(&front).unwrap()
}

/// The front file's details with 2020 Democratic's, as JSON.
#[allow(dead_code)]
pub fn details() -> String {
    let mut front = read("details.json");
    let edition = read("editions/2020-D.details.json");
    let contests = front["contests"].as_array_mut().unwrap();
    contests.extend(edition["contests"].as_array().unwrap().iter().cloned());
    serde_json::to_string(&front).unwrap()
}

/// Every edition's own file (`static/data/editions/`) with its details merged in, as one dataset:
/// what a page holding them all renders from. Each file reads and validates without a problem.
#[allow(dead_code)]
pub fn every_edition() -> tally::model::Dataset {
    use tally::model::{load, merge_details, validate};
    let dir = format!("{}/static/data/editions", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".details.json"))
        .collect();
    names.sort();
    let mut all: Option<tally::model::Dataset> = None;
    for name in &names {
        let loaded =
            load(&std::fs::read_to_string(format!("{dir}/{name}")).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.problems, [], "{name}");
        let details = std::fs::read(format!("{dir}/{}", name.replace(".json", ".details.json"))).unwrap();
        let (dataset, problems) = merge_details(&loaded.dataset, &details).unwrap();
        assert_eq!(problems, [], "{name}'s details");
        assert_eq!(validate(&dataset), [], "{name}");
        match &mut all {
            None => all = Some(dataset),
            Some(all) => {
                all.contests.extend(dataset.contests);
                all.nominations.extend(dataset.nominations);
            }
        }
    }
    all.expect("the editions' files")
}
