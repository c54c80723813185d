//! Two builds of the app in dist/. Trunk's has the newsroom's tools (the Embed customizer, and
//! another site's dataset from `?data=` with each of its problems listed); it becomes
//! `newsroom-<hash>.js` and `.wasm`. The reader's build (`--no-default-features`, built here the way
//! trunk builds) is `tally-<hash>.js` and `.wasm`, what every page loads unless its address asks for
//! the tools: 11 KB less wasm (gzip) for every reader. Each page's loader chooses between them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::{root, run, tools, Result};

/// The newsroom's build's files start with this; a reader's page never loads them (the size
/// budget leaves them out).
pub const NEWSROOM: &str = "newsroom-";
/// The feed a live build polls (`cargo xtask dist --live <url>`), read when the app is compiled.
pub const LIVE_FEED_VAR: &str = "TALLY_LIVE_FEED";

/// The two glue files, reader's first, once both builds are in dist/ and every page loads them.
pub fn split(dist: &Path) -> Result<[PathBuf; 2]> {
    let index = fs::read_to_string(dist.join("index.html"))?;
    let trunk_loader = loader_of(&index).ok_or("dist/index.html has no trunk loader (import init)")?;
    let trunk_glue = trunk_loader
        .split('\'')
        .find(|s| s.starts_with("./") && s.ends_with(".js"))
        .ok_or("trunk's loader names no glue")?
        .trim_start_matches("./")
        .to_string();
    let stem = trunk_glue.trim_end_matches(".js");
    let newsroom = format!("{NEWSROOM}{}", stem.trim_start_matches("tally-"));
    fs::rename(dist.join(&trunk_glue), dist.join(format!("{newsroom}.js")))?;
    fs::rename(
        dist.join(format!("{stem}_bg.wasm")),
        dist.join(format!("{newsroom}_bg.wasm")),
    )?;
    let reader = build_reader(dist)?;
    let loader = format!("<script type=module>{}</script>", loader_script(&reader, &newsroom));
    for page in crate::pages::html_files(dist)? {
        let html = fs::read_to_string(&page)?;
        if let Some(old) = loader_of(&html) {
            fs::write(&page, html.replacen(old, &loader, 1))?;
        }
    }
    Ok([dist.join(format!("{reader}.js")), dist.join(format!("{newsroom}.js"))])
}

/// The page's loader: the newsroom's build when the address asks for a dataset (`data=`), the
/// customizer or a CSV (`customize`, `download`: where the reader's Embed and Download CSV
/// buttons go), else the reader's. The
/// reader's glue is imported statically so the browser fetches it while it reads the page.
/// Asked for the customizer, it says at once that the tools are loading, under the Embed button
/// (the app's first render replaces it).
fn loader_script(reader: &str, newsroom: &str) -> String {
    format!(
        "import r from'./{reader}.js';const q=new URLSearchParams(location.search),n=q.get('data')||q.has('customize')||q.has('download'),\
         s=q.has('customize')&&document.createElement('p');s&&(s.setAttribute('role','status'),s.className='loading',\
         s.textContent='Loading the embed tools\u{2026}',document.querySelector('.embed-button')?.after(s));\
         const wasm=await(n?(await import('./{newsroom}.js')).default({{module_or_path:'./{newsroom}_bg.wasm'}}):r({{module_or_path:'./{reader}_bg.wasm'}}));\
         dispatchEvent(new CustomEvent('TrunkApplicationStarted',{{detail:{{wasm}}}}))"
    )
}

/// Trunk's inline loader (`<script type=module>import init ...</script>`), whole, if the page has one.
fn loader_of(html: &str) -> Option<&str> {
    let start = html.find("<script type=module>import init")?;
    let end = start + html[start..].find("</script>")? + "</script>".len();
    Some(&html[start..end])
}

/// The reader's build's features: older editions load on demand, and their half votes and
/// computed shares must read. A live night's adds `live` (`LIVE_FEED_VAR`).
pub const READER_FEATURES: &str = "earlier";

/// Builds the app without the newsroom's tools as trunk builds it (cargo, wasm-bindgen, wasm-opt
/// with index.html's settings, its whole pipeline run twice) into the dist folder, named by its
/// content. Returns the files' stem.
fn build_reader(dist: &Path) -> Result<String> {
    let wasm32 = "wasm32-unknown-unknown";
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--target",
            wasm32,
            "--bin",
            "tally",
            "--no-default-features",
            "--features",
            READER_FEATURES,
        ])
        // Polling is compiled into the reader's build only for a live night.
        .args(
            std::env::var_os(LIVE_FEED_VAR)
                .map(|_| ["--features", "live"])
                .into_iter()
                .flatten(),
        )
        .current_dir(root()))?;
    let out = root().join("target/reader");
    let _ = fs::remove_dir_all(&out);
    run(Command::new("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "reader",
            "--out-dir",
        ])
        .arg(&out)
        .arg(root().join(format!("target/{wasm32}/release/tally.wasm")))
        .env("PATH", tools::tool_path()))?;
    let source = fs::read_to_string(root().join("index.html"))?;
    let level = attribute(&source, "data-wasm-opt").unwrap_or("z");
    let params = attribute(&source, "data-wasm-opt-params").unwrap_or_default();
    let wasm = out.join("reader_bg.wasm");
    // A second run of the whole pipeline finds what the first left behind (about 0.3 KB gzip
    // on the reader's first load); a third gave some back.
    for _pass in 0..2 {
        run(Command::new(root().join("node_modules/.bin/wasm-opt"))
            .arg(format!("-O{level}"))
            .args(params.split_whitespace())
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
    }
    let (glue, wasm) = (fs::read(out.join("reader.js"))?, fs::read(&wasm)?);
    let hash: String = Sha256::digest([glue.as_slice(), &wasm].concat())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let stem = format!("tally-{hash}");
    fs::write(dist.join(format!("{stem}.js")), glue)?;
    fs::write(dist.join(format!("{stem}_bg.wasm")), wasm)?;
    Ok(stem)
}

/// An attribute's value in trunk's `index.html` (`name="value"`).
pub fn attribute<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let start = html.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&html[start..start + html[start..].find('"')?])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_loader_is_found_whole_and_attributes_by_exact_name() {
        let html = "<head><script type=module>import init, * as b from './tally-1.js';\nawait init();</script><link href=x.css></head>";
        assert_eq!(
            super::loader_of(html),
            Some("<script type=module>import init, * as b from './tally-1.js';\nawait init();</script>")
        );
        let source = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--a --b" />"#;
        assert_eq!(super::attribute(source, "data-wasm-opt"), Some("z"));
        assert_eq!(super::attribute(source, "data-wasm-opt-params"), Some("--a --b"));
    }
}
