//! `cargo xtask <command>`: the one place that knows how Tally is set up, built, served and tested.

mod bench;
mod budget;
mod builds;
mod csp;
mod csv_rules;
mod data;
mod fuzz;
mod glue;
mod pages;
mod previews;
mod replay;
mod tools;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The project root (xtask lives one level below it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

/// Where `cargo xtask dist` writes the site (set by `--out`).
pub const DIST_VAR: &str = "TALLY_DIST";

/// The folder `cargo xtask dist` builds into: dist/, or another (`--out DIR`: a second build beside
/// it, as the live build the browser tests make, `tests/browser/live-build.test.mjs`).
pub fn dist_dir() -> PathBuf {
    std::env::var_os(DIST_VAR)
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("dist"))
}

/// Runs a command to completion, failing with its name when it fails.
pub fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .map_err(|e| format!("could not start {:?}: {e}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        let args: Vec<String> = command.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        Err(format!(
            "`{} {}` failed ({status})",
            command.get_program().to_string_lossy(),
            args.join(" ")
        )
        .into())
    }
}

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO"));
    command.args(args).current_dir(root());
    command
}

/// Runs one named step of a longer command, printing what it is and how long it took.
fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    let started = Instant::now();
    let done = f().map_err(|e| format!("{name}: {e}"))?;
    println!("<== {name}: ok in {:.1}s", started.elapsed().as_secs_f64());
    Ok(done)
}

/// The release build: trunk (whose post-build hook writes the static pages), the reader's build
/// beside trunk's, the JS glue minified, the policy into every page, then the size budgets.
fn dist() -> Result<()> {
    step("release build (trunk build --release, pages prerendered)", || {
        let out = dist_dir();
        run(tools::trunk(&["build", "--release"]).arg("--dist").arg(&out))
    })?;
    let glues = step(
        "the reader's build (the app without the newsroom's tools), and each page's loader",
        || builds::split(&dist_dir()),
    )?;
    step("minify the JS glue and the resize script (terser)", || {
        for glue in &glues {
            glue::minify(glue).map(|saved| println!("{saved}"))?;
        }
        glue::minify_scripts().map(|saved| println!("{saved}"))
    })?;
    // Named as it is: `--out` builds elsewhere than dist/.
    let out = dist_dir();
    let policy_step = format!(
        "Content-Security-Policy into {}/",
        out.strip_prefix(root()).unwrap_or(&out).display()
    );
    step(&policy_step, || csp::apply().map(|policy| println!("{policy}")))?;
    step("size budgets", || budget::check().map(|report| println!("{report}")))
}

/// Trunk's post-build hook: the static pages, into trunk's staging folder.
fn prerender() -> Result<()> {
    let site = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("prerender runs as trunk's post-build hook (it needs TRUNK_STAGING_DIR)")?;
    let base_url = std::env::var(pages::BASE_URL_VAR).ok().filter(|b| !b.is_empty());
    let written = pages::write(&site, base_url.as_deref())?;
    println!("prerendered {written}");
    Ok(())
}

fn serve() -> Result<()> {
    step("install what is missing", tools::ensure_build_tools)?;
    step("dataset is up to date", || data::run(true))?;
    println!("\nTally: http://127.0.0.1:8080/  (demo article: http://127.0.0.1:8080/demo/article.html)");
    run(&mut tools::trunk(&["serve"]))
}

fn test() -> Result<()> {
    let started = Instant::now();
    step("install what is missing", || {
        tools::ensure_build_tools().and_then(|()| tools::ensure_chromium())
    })?;
    step("formatting (cargo fmt --check)", || {
        run(&mut cargo(&["fmt", "--all", "--", "--check"]))
    })?;
    step("clippy, native", || {
        run(&mut cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step(
        "clippy, wasm32 (the newsroom's build, the reader's and a live night's reader's)",
        || {
            // The reader's features as `builds::build_reader` compiles them, not a build nobody ships.
            let reader = builds::READER_FEATURES;
            let live = format!("{reader},live");
            for features in [
                &["--all-features"][..],
                &["--no-default-features", "--features", reader],
                &["--no-default-features", "--features", &live],
            ] {
                let mut args = vec!["clippy", "--target", "wasm32-unknown-unknown", "-p", "tally"];
                args.extend_from_slice(features);
                args.extend_from_slice(&["--", "-D", "warnings"]);
                run(&mut cargo(&args))?;
            }
            Ok(())
        },
    )?;
    step("dataset is up to date", || data::run(true))?;
    step("native tests (cargo test)", || {
        run(&mut cargo(&["test", "--workspace"]))
    })?;
    step(
        "a live night's reader reads a feed (tests/live.rs with its features)",
        || {
            let live = format!("{},live", builds::READER_FEATURES);
            run(&mut cargo(&[
                "test",
                "--test",
                "live",
                "--no-default-features",
                "--features",
                &live,
            ]))
        },
    )?;
    dist()?;
    step("browser tests (headless Chromium against dist/)", || {
        run(Command::new("npm")
            .args(["run", "--silent", "test:browser"])
            .current_dir(root())
            .env("CHROMIUM", tools::CHROMIUM))
    })?;
    step("fuzz, quick (20,000 inputs)", || fuzz::run(20_000))?;
    step("benchmark, quick (figures printed, not judged)", || {
        bench::run_bench(true)
    })?;
    println!("\nall checks passed in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

const USAGE: &str = "usage: cargo xtask <command>
  run            install what is missing, build, serve on http://127.0.0.1:8080 (trunk serve)
  test           install what is missing, then fmt, clippy, cargo test, release build, browser tests
  dist           release build into dist/: the app, every static page, the policy; checks the size budgets
                   --out DIR  into DIR instead of dist/
                   --base-url URL  the site's public address (canonical links, og:url, sitemap.xml)
                   --data-origins 'https://a.example https://b.example'  other sites ?data= may read
                   --live URL  a live night: every page polls this feed (docs/DATA.md, Live feeds)
  prerender      trunk's post-build hook: the static pages and hashed data into trunk's staging folder
  bench          transfer sizes, first results paint vs a static page, filter latency, wasm memory
                   --quick    fewer loads, for CI
  fuzz           mutational fuzzing of the dataset reader, validation, results and URL query
                   --inputs N  how many inputs (default 1,000,000); fails on any panic
  replay         a night replayed: its feed on http://127.0.0.1:8787/live/feed.json (dist/ beside it)
                   --timeline FILE  the night (default: Super Tuesday 2024, from the bundled data)
                   --speed N  simulated seconds per second (default 60); --from TIME  where to start
                   --port N (default 8787); --write FILE  write the timeline instead of serving
  data           regenerate static/data/{results,details}.json from data/*.csv
                   --refresh  copy ../shared/data into data/ first
                   --check    fail if either file is out of date
                   --convert FILE.csv  a newsroom spreadsheet to FILE.json, the form ?data= reads";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let outcome = match args.first().map(String::as_str) {
        Some("run") => serve(),
        Some("test") => test(),
        Some("bench") => tools::ensure_build_tools()
            .and_then(|()| tools::ensure_chromium())
            .and_then(|()| dist())
            .and_then(|()| bench::run_bench(flag("--quick"))),
        Some("fuzz") => {
            let inputs = args
                .iter()
                .skip_while(|a| *a != "--inputs")
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(1_000_000);
            if cfg!(debug_assertions) && inputs > 100_000 {
                // A million inputs want optimised code: rerun this command as a release build.
                run(&mut cargo(&[
                    "run",
                    "--release",
                    "--quiet",
                    "-p",
                    "xtask",
                    "--",
                    "fuzz",
                    "--inputs",
                    &inputs.to_string(),
                ]))
            } else {
                fuzz::run(inputs)
            }
        }
        Some("dist") => {
            // The site's public address, for canonical links, og:url and the sitemap.
            if let Some(base) = args.iter().skip_while(|a| *a != "--base-url").nth(1) {
                std::env::set_var(pages::BASE_URL_VAR, base);
            }
            if let Some(out) = args.iter().skip_while(|a| *a != "--out").nth(1) {
                let out = std::env::current_dir()
                    .map(|here| here.join(out))
                    .unwrap_or_else(|_| out.into());
                std::env::set_var(DIST_VAR, out);
            }
            // Other sites whose data `?data=` may show under this site's name.
            if let Some(origins) = args.iter().skip_while(|a| *a != "--data-origins").nth(1) {
                std::env::set_var(pages::DATA_ORIGINS_VAR, origins);
            }
            // A live night: every page polls this feed (both builds compiled with it, the reader's
            // with the `live` feature), and the policy lets the page ask its origin.
            if let Some(feed) = args.iter().skip_while(|a| *a != "--live").nth(1) {
                std::env::set_var(builds::LIVE_FEED_VAR, feed);
                if let Some(origin) = tally::model::url::origin::origin(feed) {
                    let listed = std::env::var(pages::DATA_ORIGINS_VAR).unwrap_or_default();
                    std::env::set_var(pages::DATA_ORIGINS_VAR, format!("{listed} {origin}"));
                }
            }
            tools::ensure_build_tools().and_then(|()| dist())
        }
        Some("prerender") => prerender(),
        Some("replay") => replay::run(&args[1..]),
        Some("data") if flag("--convert") => match args.iter().skip_while(|a| *a != "--convert").nth(1) {
            Some(file) => data::convert_file(std::path::Path::new(file)),
            None => Err("usage: cargo xtask data --convert <file.csv>".into()),
        },
        Some("data") => {
            (if flag("--refresh") { data::refresh() } else { Ok(()) }).and_then(|()| data::run(flag("--check")))
        }
        _ => Err(USAGE.into()),
    };
    if let Err(error) = outcome {
        eprintln!("\nxtask: {error}");
        std::process::exit(1);
    }
}
