//! The wasm-bindgen JS glue and the wasm, made smaller after the build: the names by which they
//! call each other shortened (wasm-opt), then the glue minified with terser (trunk's own minifier
//! cannot parse that file and ships it whole), and its integrity hash in the pages updated to match.

use std::fs;
use std::path::Path;
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::{root, run, Result};

/// Shortens the names `glue` (`dist/<name>.js`) and its wasm call each other by, minifies the glue
/// in place and updates its hash in every page; says what it saved.
pub fn minify(glue: &Path) -> Result<String> {
    let dist = crate::dist_dir();
    let wasm = glue.with_file_name(format!(
        "{}_bg.wasm",
        glue.file_stem().unwrap_or_default().to_string_lossy()
    ));
    let before = fs::read(glue)?;
    shorten_names(&wasm, glue)?;
    // Trunk puts the glue's hash on its preload, which the prerendered pages leave out; any page
    // that still carries it gets the new one.
    let old = integrity(&before);
    run(Command::new(root().join("node_modules/.bin/terser"))
        .arg(glue)
        .args(["--module", "--compress", "passes=2", "--mangle", "--output"])
        .arg(glue))?;
    let after = fs::read(glue)?;
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

/// The names the glue and the wasm call each other by (`__wbg_appendChild_dbf7ad2f48413560`, 131
/// of them, each in both files, with a hash gzip cannot compress) become one or two letters: 5 KB
/// gzip of the first load. wasm-opt renames them in the wasm and prints what it renamed; the
/// glue is rewritten to match. Names are changed, nothing else, so a file's content hash in its
/// name still tells one build from another.
fn shorten_names(wasm: &Path, glue: &Path) -> Result<()> {
    let source = fs::read_to_string(root().join("index.html"))?;
    // The same features as the build's own wasm-opt run (index.html's data-wasm-opt-params).
    let features: Vec<&str> = crate::builds::attribute(&source, "data-wasm-opt-params")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|word| word.starts_with("--enable-"))
        .collect();
    let output = Command::new(root().join("node_modules/.bin/wasm-opt"))
        .arg(wasm)
        .arg("--minify-imports-and-exports-and-modules")
        .args(&features)
        .arg("-o")
        .arg(wasm)
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "wasm-opt could not shorten {}: {}",
            wasm.display(),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let renamed = renames(&String::from_utf8_lossy(&output.stdout))?;
    let text = fs::read_to_string(glue)?;
    fs::write(glue, rename_in_glue(&text, &renamed)?)?;
    Ok(())
}

/// wasm-opt's report of what it renamed: `{"imports": [[module, old, new], ..], "exports": [[old, new], ..]}`.
fn renames(report: &str) -> Result<Vec<(String, String)>> {
    // wasm-opt prints the report with trailing commas, which JSON does not allow.
    let json = report.replace(",\n ]", "\n ]").replace(",\n]", "\n]");
    let report: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("wasm-opt's list of renamed names: {e}"))?;
    let pairs = |key: &str, from: usize| -> Vec<(String, String)> {
        report[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let old = entry.get(from)?.as_str()?;
                let new = entry.get(from + 1)?.as_str()?;
                Some((old.to_string(), new.to_string()))
            })
            .collect()
    };
    let renamed = [pairs("imports", 1), pairs("exports", 0)].concat();
    if renamed.is_empty() {
        return Err("wasm-opt renamed nothing: is its report's format new?".into());
    }
    Ok(renamed)
}

/// The glue with each renamed import and export under its new name, and its import module
/// (`"./tally_bg.js"`, wasm-bindgen's name, whatever trunk calls the files) under the name
/// wasm-opt gives every module: `a`. Only whole names are replaced.
fn rename_in_glue(glue: &str, renamed: &[(String, String)]) -> Result<String> {
    let new_name: std::collections::HashMap<&str, &str> =
        renamed.iter().map(|(old, new)| (old.as_str(), new.as_str())).collect();
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(glue.len());
    let mut rest = glue;
    while let Some(start) = rest.find(is_name) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..].find(|c: char| !is_name(c)).unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        out.push_str(new_name.get(word).copied().unwrap_or(word));
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    let modules: Vec<&str> = out
        .split('"')
        .filter(|s| s.starts_with("./") && s.ends_with("_bg.js"))
        .collect();
    match modules[..] {
        [module] => Ok(out.replace(&format!("\"{module}\""), "\"a\"")),
        _ => Err(format!("the glue should name one import module, not {modules:?}").into()),
    }
}

/// Minifies the plain scripts pages may load (the resize script; a live card's updater), in place.
pub fn minify_scripts() -> Result<String> {
    let mut said = Vec::new();
    for name in ["tally-child.js", crate::pages::CARD_UPDATER] {
        let script = crate::dist_dir().join(name);
        let before = fs::metadata(&script)?.len();
        run(Command::new(root().join("node_modules/.bin/terser"))
            .arg(&script)
            .args(["--compress", "passes=2", "--mangle", "--output"])
            .arg(&script))?;
        said.push(format!(
            "dist/{name}: {before} -> {} bytes",
            fs::metadata(&script)?.len()
        ));
    }
    Ok(said.join("\n"))
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
    fn renamed_names_are_replaced_whole_and_the_module_becomes_a() {
        let report = "{\n \"imports\": [\n  [\"./tally_bg.js\", \"__wbg_append_1f\", \"$\"],\n ],\n\"exports\": [\n  [\"memory\", \"Kb\"],\n ]\n}";
        let renamed = super::renames(report).unwrap();
        let glue = "const i = { __wbg_append_1f: function(a) { return wasm.memory; }, __wbg_append_1fx: 1 };\nreturn { \"./tally_bg.js\": i, memoryless: wasm.memory };";
        assert_eq!(
            super::rename_in_glue(glue, &renamed).unwrap(),
            "const i = { $: function(a) { return wasm.Kb; }, __wbg_append_1fx: 1 };\nreturn { \"a\": i, memoryless: wasm.Kb };"
        );
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // Known digest of the empty input.
        assert_eq!(
            super::integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
