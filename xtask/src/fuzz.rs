//! `cargo xtask fuzz`: a mutational fuzzer over everything a newsroom or a URL can feed Tally:
//! the dataset reader (JSON and CSV), the details file, validation, the results maths, filters, the URL query
//! and the hosts and origins of links.
//! Stable Rust, no extra toolchain; any panic is saved under target/fuzz-panics/ and fails the run.

use std::fs;
use std::panic;
use std::time::Instant;

use tally::model::url::origin::{data_allowed, host};
use tally::model::words::format::summary;
use tally::model::{delegate_result, load_any, merge_details, outcome, shares, split_details, totals, Catalog, Query};

use crate::{data, root, Result};

/// Tokens that break parsers in interesting ways, spliced into inputs.
const DICTIONARY: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "-",
    "0",
    "-1",
    "1e999",
    "1.5",
    "99999999999999999999999",
    "null",
    "true",
    "\\u0000",
    "\\ud800",
    "\\",
    "\"votes\":",
    "\"pct\":\"<0.1\"",
    "\"delegates\":-3",
    "\"territory\":\"ZZ\"",
    "\"options\":[]",
    "\"kind\":\"void\"",
    "\"status\":\"no-vote\"",
    "<script>",
    "\n",
    "\r\n",
    ",,",
    "\u{feff}",
    "é",
    "https://",
    "@",
    "%2E",
    ":443",
];

/// xorshift64*: fast, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Small valid inputs to mutate: slices of the bundled dataset, as JSON and as CSV, and the
/// malformed regression corpus.
fn seeds() -> Result<Vec<Vec<u8>>> {
    let dataset = data::convert()?;
    let mut seeds = Vec::new();
    for window in dataset.contests.chunks(3).take(40) {
        let mut small = dataset.clone();
        small.contests = window.to_vec();
        seeds.push(data::render(&small)?.into_bytes());
        let (_, details) = split_details(&small, "details.json");
        seeds.push(serde_json::to_vec(&details)?);
    }
    let csv = fs::read_to_string(root().join("data/results.csv"))?;
    let lines: Vec<&str> = csv.lines().collect();
    for start in (1..lines.len()).step_by(40).take(15) {
        let rows = lines[start..(start + 8).min(lines.len())].join("\n");
        seeds.push(format!("{}\n{rows}\n", lines[0]).into_bytes());
    }
    for entry in fs::read_dir(root().join("tests/corpus"))? {
        seeds.push(fs::read(entry?.path())?);
    }
    Ok(seeds)
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut input = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = at.min(input.len() - 1);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(input.len());
                let copy = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, copy);
            }
            4 => input.truncate(at),
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                input.splice(at.., other[from..].iter().copied());
            }
            _ => input.insert(at, rng.next() as u8),
        }
    }
    input
}

/// Everything downstream of reading, as the browser would run it.
fn exercise(input: &[u8]) {
    if let Ok(loaded) = load_any(input) {
        // The same bytes as a details file for it: a dataset's contests carry sources and corrections.
        let _ = merge_details(&loaded.dataset, input);
        for contest in &loaded.dataset.contests {
            for source in &contest.sources {
                let _ = (host(source), data_allowed(source, "https://news.example/", &[source]));
            }
            let _ = (
                outcome(contest),
                delegate_result(contest),
                shares(contest),
                totals(contest),
                summary(contest),
            );
        }
        let catalog = Catalog::new(loaded.dataset);
        let text = String::from_utf8_lossy(&input[..input.len().min(200)]);
        let (mut query, _) = Query::parse(&text);
        let _ = query.check_against(&catalog);
        let _ = query.filter.apply(&catalog);
        let _ = query.to_search();
    }
    let text = String::from_utf8_lossy(input);
    let (query, _) = Query::parse(&text);
    let _ = (query.to_search(), host(&text), data_allowed(&text, &text, &[&text]));
}

pub fn run(inputs: u64) -> Result<()> {
    let seeds = seeds()?;
    let mut rng = Rng(0x7a11_f00d ^ inputs);
    panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let mut panics = 0u64;
    let out = root().join("target/fuzz-panics");
    for n in 0..inputs {
        let input = mutate(&mut rng, &seeds);
        if panic::catch_unwind(|| exercise(&input)).is_err() {
            panics += 1;
            fs::create_dir_all(&out)?;
            fs::write(out.join(format!("panic-{n}.bin")), &input)?;
        }
        if (n + 1) % 250_000 == 0 {
            println!(
                "  {} inputs, {panics} panics, {:.0}s",
                n + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    let _ = panic::take_hook();
    println!(
        "fuzz: {inputs} inputs from {} seeds in {:.1}s, {panics} panics",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
    if panics > 0 {
        return Err(format!("{panics} inputs panicked; they are in target/fuzz-panics/").into());
    }
    Ok(())
}
