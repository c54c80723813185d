//! `cargo xtask <command>`: the one place that knows how Tally is set up, built, served and tested.

mod data;

use std::path::PathBuf;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The project root (xtask lives one level below it).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask has a parent")
        .to_path_buf()
}

const USAGE: &str = "usage: cargo xtask <command>
  run            install what is missing, build, serve on http://127.0.0.1:8080
  test           install what is missing, then fmt, clippy, cargo test, release build, browser tests
  data           regenerate static/data/results.json from data/*.csv (--refresh: copy ../shared/data first; --check: fail if stale)
  dist           release build into dist/";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let outcome = match args.first().map(String::as_str) {
        Some("data") => (if flag("--refresh") {
            data::refresh()
        } else {
            Ok(())
        })
        .and_then(|()| data::run(flag("--check"))),
        _ => Err(USAGE.into()),
    };
    if let Err(error) = outcome {
        eprintln!("xtask: {error}");
        std::process::exit(1);
    }
}
