//! `cargo xtask bench`: builds dist/, prepares what the browser benchmark compares Tally with
//! (script-free copies of the prerendered front and contest pages, synthetic datasets of 1,000
//! and 10,000 contests in the project's own schema), then runs tests/bench/bench.mjs, which
//! prints the table.

use std::fs;
use std::path::Path;
use std::process::Command;

use tally::model::read::rules::rule_json;
use tally::model::words::format::decimal;
use tally::model::{expected_for_party, BallotOption, Contest, ContestKind, Dataset, OptionKind, Party, Status};

use crate::{data, root, run, Result};

pub const SYNTHETIC_SIZES: [usize; 2] = [1_000, 10_000];

/// The prerendered pages the bench compares with their script-free copies (site-relative paths;
/// a copy keeps its page's folder, so its relative links and `<base>` still hold).
const COMPARED: [(&str, &str); 2] = [
    ("index.html", "static.html"),
    ("contest/2024-D-AS.html", "contest/2024-D-AS.static.html"),
];

/// The physical limit: the same page, byte for byte the same markup and stylesheet, without its
/// scripts and what it preloads for them (the wasm, its JS glue, the dataset).
fn script_free(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..tag_end];
        if tag.starts_with("<script") {
            rest = rest.find("</script>").map_or("", |e| &rest[e + "</script>".len()..]);
        } else if tag.starts_with("<link")
            && ["rel=preload", "rel=\"preload\"", "rel=modulepreload"]
                .iter()
                .any(|r| tag.contains(r))
        {
            rest = &rest[tag_end..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    out
}

/// A valid dataset of `size` contests: cycles back from 2024, both parties, every jurisdiction.
pub fn synthetic(size: usize) -> Dataset {
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut contests = Vec::with_capacity(size);
    'fill: for cycle in (1792..=2024).rev().step_by(4) {
        for party in Party::ALL {
            for territory in expected_for_party(party) {
                if contests.len() == size {
                    break 'fill;
                }
                let n = contests.len();
                let votes: Vec<i64> = (0..2 + n % 6).map(|_| (next() % 200_000) as i64 + 1).collect();
                let total: i64 = votes.iter().sum();
                let options = votes
                    .iter()
                    .enumerate()
                    .map(|(j, &v)| BallotOption {
                        name: format!("Candidate {} {}", (b'A' + (j as u8)) as char, n % 97),
                        kind: OptionKind::Person,
                        votes: Some(v),
                        pct: Some(decimal(v as f64 * 100.0 / total as f64, 1)),
                        delegates: None,
                    })
                    .collect();
                contests.push(Contest {
                    id: format!("{cycle}-{}-{}", party.code(), territory.code),
                    cycle,
                    party,
                    territory: territory.code.to_string(),
                    extra: false,
                    date: Some(format!("{cycle}-{:02}-{:02}", 1 + n % 6, 1 + n % 28)),
                    kind: ContestKind::ALL[n % 3],
                    status: Status::Final,
                    pledged_delegates: None,
                    whole_field: true,
                    binding: true,
                    votes_are: None,
                    pct_of: Default::default(),
                    pct_computed: Default::default(),
                    sources: vec![format!("https://example.org/results/{n}")],
                    notes: None,
                    options,
                    corrections: Vec::new(),
                    expected_vote_pct: tally::model::Live::NONE,
                    called: tally::model::Live::NONE,
                    updated_at: tally::model::Live::NONE,
                    rule_check: None,
                    rule_agrees: None,
                });
            }
        }
    }
    Dataset {
        schema_version: 1,
        title: format!("Synthetic benchmark dataset, {size} contests"),
        as_of: None,
        poll_seconds: tally::model::Live::NONE,
        complete_calendar: false,
        details: None,
        nominations: Vec::new(),
        editions: Vec::new(),
        contests,
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The bench's dataset of every edition, 2008 to 2024, in one file.
pub const EVERY_EDITION: &str = "every-edition.json";

/// What each edition's data weighs when it loads (gzip, as served): its results file, and the
/// details file fetched when one of its contests is opened; then the front page's data today.
fn print_edition_bytes(every: &Dataset) -> Result<()> {
    let gzip = |path: &str| -> Result<(usize, usize)> {
        let bytes = fs::read(root().join(path)).map_err(|e| format!("{path}: {e}"))?;
        Ok((bytes.len(), crate::budget::gzip_len(&bytes)))
    };
    println!("\nData per edition (bytes: raw / gzip), {}/:", data::EDITIONS_DIR);
    println!(
        "{:<18} {:>9} {:>22} {:>22}",
        "edition", "contests", "results", "details"
    );
    for (cycle, party) in data::editions(every) {
        let stem = format!("{}/{cycle}-{}", data::EDITIONS_DIR, party.code());
        let contests = every
            .contests
            .iter()
            .filter(|c| (c.cycle, c.party) == (cycle, party))
            .count();
        let (results, details) = (gzip(&format!("{stem}.json"))?, gzip(&format!("{stem}.details.json"))?);
        println!(
            "{:<18} {contests:>9} {:>10} / {:>9} {:>10} / {:>9}",
            format!("{cycle} {}", party.name()),
            results.0,
            results.1,
            details.0,
            details.1
        );
    }
    let (raw, zipped) = gzip(data::BUNDLED)?;
    println!(
        "front page's first load of data: {} ({raw} / {zipped} bytes)",
        data::BUNDLED
    );
    Ok(())
}

/// The bundled dataset as a newsroom's file with every contest's rule in it: what the newsroom's
/// build checks live, and the bench times.
pub fn with_rules() -> Result<String> {
    let rules = data::bundled_rules()?;
    // The editions the reference rules cover (the bundled three, 172 contests).
    let mut dataset = data::convert()?;
    dataset.contests.retain(|c| rules.contains_key(&c.id));
    dataset.nominations.retain(|n| {
        dataset
            .contests
            .iter()
            .any(|c| (c.cycle, c.party) == (n.cycle, n.party))
    });
    for contest in &mut dataset.contests {
        contest.rule_check = None;
        contest.rule_agrees = None;
    }
    let mut value: serde_json::Value = serde_json::from_str(&data::render(&dataset)?)?;
    for (contest, json) in dataset
        .contests
        .iter()
        .zip(value["contests"].as_array_mut().into_iter().flatten())
    {
        json["rule"] = serde_json::from_str(&rule_json(&rules[&contest.id]))?;
        // The file names its contests: no derived id.
        json["id"] = serde_json::json!(contest.id);
    }
    Ok(serde_json::to_string(&value)? + "\n")
}

/// Lays out target/bench/site (dist/ plus the comparison files) and runs the browser benchmark.
pub fn run_bench(quick: bool) -> Result<()> {
    let site = root().join("target/bench/site");
    let _ = fs::remove_dir_all(&site);
    copy_dir(&root().join("dist"), &site)?;
    for (page, copy) in COMPARED {
        let html = fs::read_to_string(site.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        fs::write(site.join(copy), script_free(&html))?;
    }
    for size in SYNTHETIC_SIZES {
        fs::write(
            site.join(format!("synthetic-{size}.json")),
            data::render(&synthetic(size))?,
        )?;
    }
    // Every edition loaded at once (a newsroom's `?data=` file, as the synthetic ones are read).
    let mut every = data::convert()?;
    every.complete_calendar = false;
    fs::write(site.join(EVERY_EDITION), data::render(&every)?)?;
    print_edition_bytes(&every)?;
    fs::write(site.join("bench-rules.json"), with_rules()?)?;
    let mut node = Command::new("node");
    node.arg("tests/bench/bench.mjs")
        .arg(&site)
        .current_dir(root())
        .env("CHROMIUM", crate::tools::CHROMIUM);
    if quick {
        node.arg("--quick");
    }
    run(&mut node)
}

#[cfg(test)]
mod tests {
    #[test]
    fn script_free_keeps_markup_and_stylesheet() {
        let page = "<head><script type=module>import init from './a.js';</script><link href=./a.css rel=stylesheet>\
                    <link rel=\"preload\" href=\"data/r.json\" as=\"fetch\"><script defer src=child.js></script>\
                    <link href=./a.js rel=modulepreload><link as=fetch href=./a.wasm rel=preload></head>\
                    <body><main id=app><p>1 < 2</p></main></body>";
        assert_eq!(
            super::script_free(page),
            "<head><link href=./a.css rel=stylesheet></head><body><main id=app><p>1 < 2</p></main></body>"
        );
    }

    /// The bench's file checks as the build does: every verdict the same, no problem.
    #[test]
    fn the_rules_file_checks_as_the_build_does() {
        let file = super::with_rules().unwrap();
        let loaded = tally::model::read::load::load_with_rules(file.as_bytes()).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let mut built = crate::data::convert().unwrap();
        built.contests.retain(|c| c.rule_check.is_some());
        assert_eq!(loaded.dataset.contests.len(), 172);
        assert_eq!(loaded.dataset.contests.len(), built.contests.len());
        for (live, build) in loaded.dataset.contests.iter().zip(&built.contests) {
            assert_eq!((&live.id, live.rule_agrees), (&build.id, build.rule_agrees));
            assert_eq!(live.rule_check, build.rule_check, "{}", live.id);
        }
    }

    #[test]
    fn synthetic_datasets_validate() {
        for size in [57, 1_000] {
            let dataset = super::synthetic(size);
            assert_eq!(dataset.contests.len(), size);
            assert_eq!(tally::model::read::validate::validate(&dataset), []);
        }
    }
}
