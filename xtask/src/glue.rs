//! The wasm-bindgen JS glue, minified with terser after the build (trunk's own minifier cannot
//! parse that file and ships it whole), and its integrity hash in index.html updated to match.

use std::fs;
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::{root, run, Result};

/// Minifies dist/tally-*.js in place and updates its hash in every page; says what it saved.
pub fn minify() -> Result<String> {
    let dist = root().join("dist");
    let html = fs::read_to_string(dist.join("index.html"))?;
    let glue = fs::read_dir(&dist)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            // The page's own module (tally-embed.js and tally-child.js are plain scripts).
            name.starts_with("tally-") && name.ends_with(".js") && html.contains(&format!("./{name}"))
        })
        .ok_or("dist/index.html loads no tally-*.js glue")?;
    let before = fs::read(&glue)?;
    // Trunk puts the glue's hash on its preload, which the prerendered pages leave out; any page
    // that still carries it gets the new one.
    let old = integrity(&before);
    run(Command::new(root().join("node_modules/.bin/terser"))
        .arg(&glue)
        .args(["--module", "--compress", "passes=2", "--mangle", "--output"])
        .arg(&glue))?;
    let after = fs::read(&glue)?;
    let new = integrity(&after);
    for page in crate::pages::html_files(&dist)? {
        let text = fs::read_to_string(&page)?;
        if text.contains(&old) {
            fs::write(&page, text.replace(&old, &new))?;
        }
    }
    let name = glue.file_name().unwrap_or_default().to_string_lossy();
    Ok(format!("dist/{name}: {} -> {} bytes", before.len(), after.len()))
}

/// Minifies the plain scripts every page may load (the resize script), in place.
pub fn minify_scripts() -> Result<String> {
    let script = root().join("dist/tally-child.js");
    let before = fs::metadata(&script)?.len();
    run(Command::new(root().join("node_modules/.bin/terser"))
        .arg(&script)
        .args(["--compress", "passes=2", "--mangle", "--output"])
        .arg(&script))?;
    Ok(format!(
        "dist/tally-child.js: {before} -> {} bytes",
        fs::metadata(&script)?.len()
    ))
}

/// A Subresource Integrity value, as trunk writes it.
fn integrity(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn integrity_is_sha384_in_base64() {
        // Known digest of the empty input.
        assert_eq!(
            super::integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
