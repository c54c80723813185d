//! Size budgets, checked on every release build: sizes are deterministic, so exceeding one fails
//! the test command. Timings stay printed figures (`cargo xtask bench`).

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::Result;

/// Bytes before the first results paint: the page and its stylesheet, which is all it needs.
pub const FIRST_PAINT: usize = 30 * 1024;
/// Everything the interactive front page loads for a reader: page, styles, scripts, wasm, data
/// (issue #10). The newsroom's build (`builds.rs`) is not in it: only the tools' addresses load it.
pub const FIRST_LOAD: usize = 160 * 1024;
/// Everything one contest's card embed loads.
pub const CARD: usize = 15 * 1024;

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory").len()
}

/// The files a page asks for from its own site, relative to the site's root: what its tags name
/// (stylesheet, scripts, icon), what its loader imports for a reader (glue and wasm; not the
/// newsroom's build, which only the tools' addresses load), and the dataset the app fetches
/// (`data-dataset`). Links to other pages and absolute URLs are not loads.
fn requested(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in html.split(|c: char| "\"'= <>(),;".contains(c)) {
        let value = token.trim_start_matches("./");
        let asset = [".css", ".js", ".wasm", ".json", ".svg"]
            .iter()
            .any(|e| value.ends_with(e));
        let newsroom = value.starts_with(crate::builds::NEWSROOM);
        if asset && !newsroom && !value.contains(':') && !found.iter().any(|f| f == value) {
            found.push(value.to_string());
        }
    }
    found
}

struct Weight {
    page: usize,
    styles: usize,
    all: usize,
}

/// Each asset's gzip size, measured once however many pages load it.
type Sizes = std::collections::HashMap<String, usize>;

fn weigh(dist: &Path, page: &Path, sizes: &mut Sizes) -> Result<Weight> {
    let html = fs::read(page)?;
    let text = String::from_utf8_lossy(&html);
    let page_bytes = gzip_len(&html);
    let (mut styles, mut all) = (0, page_bytes);
    // A live card's feed is polled, not part of the card (bytes per poll: tests/browser/live.test.mjs).
    let feed = crate::pages::live_feed();
    for file in requested(&text)
        .into_iter()
        .filter(|f| Some(f.as_str()) != feed.as_deref().map(|f| f.trim_start_matches("./")))
    {
        let size = match sizes.get(&file) {
            Some(&size) => size,
            None => {
                let bytes =
                    fs::read(dist.join(&file)).map_err(|e| format!("{} asks for {file}: {e}", page.display()))?;
                *sizes.entry(file.clone()).or_insert(gzip_len(&bytes))
            }
        };
        all += size;
        if file.ends_with(".css") {
            styles += size;
        }
    }
    Ok(Weight {
        page: page_bytes,
        styles,
        all,
    })
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// Checks every page in dist/ against the budgets; prints where each kind of page stands.
pub fn check() -> Result<String> {
    let dist = crate::dist_dir();
    let (mut paint, mut card) = ((0, String::new()), (0, String::new()));
    let mut sizes = Sizes::new();
    for page in crate::pages::html_files(&dist)? {
        let name = page.strip_prefix(&dist).unwrap_or(&page).display().to_string();
        if name.starts_with("demo/") {
            continue;
        }
        let weight = weigh(&dist, &page, &mut sizes)?;
        if name.starts_with("embed/") {
            if weight.all > card.0 {
                card = (weight.all, name);
            }
        } else if weight.page + weight.styles > paint.0 {
            paint = (weight.page + weight.styles, name);
        }
    }
    let front = weigh(&dist, &dist.join("index.html"), &mut sizes)?.all;
    // A contest's page also reads the sources and corrections it shows (printed, not judged).
    let details = fs::read_dir(dist.join("data"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("details."))
        })
        .ok_or("dist/data has no details file")?;
    // (Counted once: the page preloads it, `pages::with_data_preloads`, which `weigh` counts.)
    let contest_page = dist.join("contest/2024-D-AS.html");
    let preloaded = details
        .file_name()
        .is_some_and(|n| fs::read_to_string(&contest_page).is_ok_and(|h| h.contains(&*n.to_string_lossy())));
    let contest =
        weigh(&dist, &contest_page, &mut sizes)?.all + if preloaded { 0 } else { gzip_len(&fs::read(&details)?) };
    let report = format!(
        "before the first results paint: {} gzip at most ({}; budget {})\n\
         first load of the interactive page: {} gzip (index.html and all it loads for a reader; budget {})\n\
         first load of a contest's page: {} gzip (contest/2024-D-AS.html, its sources file too; printed)\n\
         one card embed, all bytes: {} gzip at most ({}; budget {})",
        kb(paint.0),
        paint.1,
        kb(FIRST_PAINT),
        kb(front),
        kb(FIRST_LOAD),
        kb(contest),
        kb(card.0),
        card.1,
        kb(CARD)
    );
    let over = paint.0 > FIRST_PAINT || front > FIRST_LOAD || card.0 > CARD;
    if over {
        Err(format!("over budget:\n{report}").into())
    } else {
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_asks_for_its_own_assets_only() {
        let html = r#"<link rel=stylesheet href=./tally-1.css><link rel="icon" href="favicon.svg"><a href="contest/x.html">x</a><script src=tally-child.js defer></script><link rel=canonical href="https://example.org/"><script type=module>import init, * as bindings from './tally-2.js';
const wasm = await init({ module_or_path: './tally-2_bg.wasm' }); import('./newsroom-3.js');</script><main id="app" data-dataset="data/results.3.json">"#;
        assert_eq!(
            super::requested(html),
            [
                "tally-1.css",
                "favicon.svg",
                "tally-child.js",
                "tally-2.js",
                "tally-2_bg.wasm",
                "data/results.3.json"
            ]
        );
    }
}
