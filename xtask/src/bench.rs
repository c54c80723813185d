//! `cargo xtask bench`: builds dist/, prepares what the browser benchmark compares Tally with
//! (a script-free page of the same winners list, synthetic datasets of 1,000 and 10,000
//! contests in the project's own schema), then runs tests/bench/bench.mjs, which prints the table.

use std::fs;
use std::path::Path;
use std::process::Command;

use tally::model::format::{date, decimal, summary};
use tally::model::snippet::html_attr;
use tally::model::{
    expected_for_party, BallotOption, Catalog, Contest, ContestKind, Dataset, OptionKind, Party, Status,
};

use crate::{data, root, run, Result};

pub const SYNTHETIC_SIZES: [usize; 2] = [1_000, 10_000];

/// The physical limit: the same winners list as Tally's first view, as plain HTML, no script.
fn static_page(dataset: &Dataset, stylesheet: &str) -> String {
    let catalog = Catalog::new(dataset.clone());
    let mut rows = String::new();
    for &i in &catalog.order {
        let contest = &catalog.contests()[i];
        let s = summary(contest);
        let cells = [
            date(contest.date.as_deref()),
            contest.party.name().to_string(),
            contest.kind.label().to_string(),
            s.winner,
            s.share,
            s.margin,
            s.delegates,
        ];
        let cells: String = cells.iter().map(|c| format!("<td>{}</td>", html_attr(c))).collect();
        rows.push_str(&format!(
            "<tr><th scope=row>{}</th>{cells}</tr>\n",
            html_attr(contest.territory_name())
        ));
    }
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\">\
         <title>Tally (static)</title><link rel=icon href=favicon.svg type=image/svg+xml><link rel=stylesheet href=\"{stylesheet}\"></head><body><main>\
         <header class=masthead><h1>Tally</h1></header><p class=status>{} contests</p>\
         <table class=winners><caption elementtiming=results>Winners by contest, in date order</caption>\
         <thead><tr><th scope=col>Territory</th><th scope=col>Date</th><th scope=col>Party</th><th scope=col>Contest</th>\
         <th scope=col>Winner</th><th scope=col>Share</th><th scope=col>Margin</th><th scope=col>Delegates</th></tr></thead>\
         <tbody>\n{rows}</tbody></table></main></body></html>\n",
        catalog.contests().len()
    )
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
                        sources: Vec::new(),
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
                    sources: vec![format!("https://example.org/results/{n}")],
                    notes: None,
                    options,
                    corrections: Vec::new(),
                });
            }
        }
    }
    Dataset {
        schema_version: 1,
        title: format!("Synthetic benchmark dataset, {size} contests"),
        as_of: None,
        complete_calendar: false,
        details: None,
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

/// Lays out target/bench/site (dist/ plus the comparison files) and runs the browser benchmark.
pub fn run_bench(quick: bool) -> Result<()> {
    let site = root().join("target/bench/site");
    let _ = fs::remove_dir_all(&site);
    copy_dir(&root().join("dist"), &site)?;
    let index = fs::read_to_string(site.join("index.html"))?;
    let stylesheet = index
        .split("href=./")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .ok_or("no stylesheet in dist/index.html")?;
    let dataset = data::convert()?;
    fs::write(site.join("static.html"), static_page(&dataset, stylesheet))?;
    for size in SYNTHETIC_SIZES {
        fs::write(
            site.join(format!("synthetic-{size}.json")),
            data::render(&synthetic(size))?,
        )?;
    }
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
    fn synthetic_datasets_validate() {
        for size in [57, 1_000] {
            let dataset = super::synthetic(size);
            assert_eq!(dataset.contests.len(), size);
            assert_eq!(tally::model::validate(&dataset), []);
        }
    }
}
