//! Mounts the app, on a smaller allocator.

#[cfg(target_arch = "wasm32")]
fn main() {
    tally::ui::start();
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
