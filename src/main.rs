//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    tally::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tally runs in the browser: `cargo xtask run` builds and serves it.");
}
