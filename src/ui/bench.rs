//! `cargo xtask bench`'s hook into the newsroom's build: the live delegate check timed in the
//! browser (the reader's build computes none: the build wrote its words).

/// Reads `file` (a dataset whose contests carry their `rule`) once, then checks every contest
/// against its rule `runs` times, as the newsroom's build does on loading a `?data=` file (rules
/// read, each split checked, its words written); milliseconds per run. NaN if the file is unreadable.
/// Exported by the binary (src/main.rs): an export only a library defines is not kept in the wasm.
pub fn time_rule_checks(file: &str, runs: u32) -> f64 {
    let Ok(value) = crate::model::read::load::parse_file(file) else {
        return f64::NAN;
    };
    let Ok(mut loaded) = crate::model::load(file) else {
        return f64::NAN;
    };
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let start = performance.now();
    for _ in 0..runs {
        // Each run writes every contest's verdict and words anew.
        let problems = crate::model::read::rules::check_file_rules(&value, &mut loaded.dataset);
        std::hint::black_box(problems);
    }
    (performance.now() - start) / f64::from(runs.max(1))
}
