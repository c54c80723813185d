//! Installs what is missing, idempotently: the wasm target, trunk, wasm-bindgen-cli, the npm tools
//! (wasm-opt, the browser-test driver) and, for tests, Chromium with chromedriver.

use std::path::Path;
use std::process::Command;

use crate::{root, run, Result};

pub const TRUNK_VERSION: &str = "0.21.14";

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `wasm-bindgen` version Cargo.lock pins; the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}

/// Everything `run` needs.
pub fn ensure_build_tools() -> Result<()> {
    if !output("rustup", &["target", "list", "--installed"])
        .unwrap_or_default()
        .contains("wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if !output("trunk", &["--version"])
        .unwrap_or_default()
        .contains(TRUNK_VERSION)
    {
        println!("installing trunk {TRUNK_VERSION} (a cold install takes up to ~16 minutes)");
        run(Command::new("cargo").args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))?;
    }
    let bindgen = locked_wasm_bindgen()?;
    if !output("wasm-bindgen", &["--version"])
        .unwrap_or_default()
        .contains(&bindgen)
    {
        // Without --locked: the registry lacks one of the CLI's locked dependencies.
        println!("installing wasm-bindgen-cli {bindgen}");
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &bindgen]))?;
    }
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    let lock = root().join("package-lock.json");
    let stale = |marker: &Path| match (
        marker.metadata().and_then(|m| m.modified()),
        lock.metadata().and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed < locked,
        _ => true,
    };
    let terser = root().join("node_modules/.bin/terser");
    if stale(&root().join("node_modules/.package-lock.json")) || !wasm_opt.exists() || !terser.exists() {
        if output("npm", &["--version"]).is_none() {
            return Err(
                "npm is missing: install Node.js 20 or newer (it provides wasm-opt, terser and the browser-test driver)".into(),
            );
        }
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root()))?;
    }
    Ok(())
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Chromium for the browser tests, from Debian's packages; never a downloaded browser.
pub fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let root_user = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if !root_user {
        return Err(
            "the browser tests need Chromium: install the Debian packages `chromium` and `chromium-driver` \
                    (sudo apt-get install chromium chromium-driver), then run this again"
                .into(),
        );
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// A trunk command that never downloads a tool: wasm-bindgen and wasm-opt come from PATH.
pub fn trunk(args: &[&str]) -> Command {
    let mut command = Command::new("trunk");
    command
        .args(args)
        .arg("--offline")
        .current_dir(root())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("PATH", tool_path());
    command
}

/// PATH with the npm tools (wasm-opt) first.
pub fn tool_path() -> String {
    let bin = root().join("node_modules/.bin");
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}
