//! Mounts the app, on a smaller allocator.

#[cfg(target_arch = "wasm32")]
fn main() {
    tally::ui::start();
}

/// `cargo xtask bench` times the newsroom's live delegate check through this (`tally::ui::bench`).
#[cfg(all(feature = "newsroom", target_arch = "wasm32"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn time_rule_checks(file: &str, runs: u32) -> f64 {
    tally::ui::bench::time_rule_checks(file, runs)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tally runs in the browser: `cargo xtask run` builds and serves it.");
}

/// talc instead of the default dlmalloc: 3 KB less wasm after gzip, and as fast in `cargo xtask bench`
/// (a free-list allocator was smaller still but ten times slower at 10,000 contests).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
