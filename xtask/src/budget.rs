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
/// A live build (`--live`) is held to it too, the stylesheet its app adds at once included.
pub const FIRST_LOAD: usize = 160 * 1024;
/// The stylesheet a live build's app adds as it starts (a feed's line and marks).
const LIVE_STYLES: &str = "tally-live.css";
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
    weigh_html(dist, page, &fs::read(page)?, sizes)
}

/// A feed no card loads as an asset (absolute), for weighing a card as a `--live` build writes it.
const ANY_FEED: &str = "https://feeds.example/night.json";

/// A card `page` as a live build writes it (`pages::live_card`: its updater too, the feed polled
/// and not weighed), unless this build is one and it already is.
fn weigh_live_card(dist: &Path, page: &Path, sizes: &mut Sizes) -> Result<usize> {
    let html = fs::read_to_string(page)?;
    let id = page
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .ok_or("a card is named by its contest")?;
    let live = if html.contains(crate::pages::CARD_UPDATER) {
        html
    } else {
        crate::pages::live_card(&html, ANY_FEED, &id)
    };
    Ok(weigh_html(dist, page, live.as_bytes(), sizes)?.all)
}

fn weigh_html(dist: &Path, page: &Path, html: &[u8], sizes: &mut Sizes) -> Result<Weight> {
    let text = String::from_utf8_lossy(html);
    let page_bytes = gzip_len(html);
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
    let mut live_card = (0, String::new());
    let mut sizes = Sizes::new();
    for page in crate::pages::html_files(&dist)? {
        let name = page.strip_prefix(&dist).unwrap_or(&page).display().to_string();
        if name.starts_with("demo/") {
            continue;
        }
        let weight = weigh(&dist, &page, &mut sizes)?;
        if name.starts_with("embed/") {
            // A live night's card (`--live`) loads its updater too: the same budget, all bytes.
            let live = weigh_live_card(&dist, &page, &mut sizes)?;
            if live > live_card.0 {
                live_card = (live, name.clone());
            }
            if weight.all > card.0 {
                card = (weight.all, name);
            }
        } else if weight.page + weight.styles > paint.0 {
            paint = (weight.page + weight.styles, name);
        }
    }
    // A live build's app adds the feed's stylesheet as it starts (`ui/effects.rs`): it is part of
    // that build's first load. The feed is not: it is the newsroom's, polled.
    let live = crate::pages::live_feed().is_some();
    let live_styles = match live {
        true => gzip_len(&fs::read(dist.join(LIVE_STYLES))?),
        false => 0,
    };
    let front = weigh(&dist, &dist.join("index.html"), &mut sizes)?.all + live_styles;
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
    let contest = weigh(&dist, &contest_page, &mut sizes)?.all
        + if preloaded { 0 } else { gzip_len(&fs::read(&details)?) }
        + live_styles;
    let report = format!(
        "before the first results paint: {} gzip at most ({}; budget {})\n\
         first load of the interactive page: {} gzip, {} B (index.html and all it loads for a reader{}; budget {}, {} B)\n\
         first load of a contest's page: {} gzip (contest/2024-D-AS.html, its sources file too; printed)\n\
         one card embed, all bytes: {} gzip at most ({}; budget {})\n\
         one card embed with its live updater (a --live build's), all bytes: {} gzip at most ({}; budget {})",
        kb(paint.0),
        paint.1,
        kb(FIRST_PAINT),
        kb(front),
        front,
        match live {
            true => ", a live build: the feed's stylesheet too, not the feed",
            false => "",
        },
        kb(FIRST_LOAD),
        FIRST_LOAD,
        kb(contest),
        kb(card.0),
        card.1,
        kb(CARD),
        kb(live_card.0),
        live_card.1,
        kb(CARD)
    );
    let over = paint.0 > FIRST_PAINT || front > FIRST_LOAD || card.0 > CARD || live_card.0 > CARD;
    if over {
        Err(format!("over budget:\n{report}").into())
    } else {
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    #[test]
    fn a_live_card_is_weighed_with_its_updater_and_not_its_feed() {
        let dist = std::env::temp_dir().join(format!("tally-budget-{}", std::process::id()));
        fs::create_dir_all(dist.join("embed")).unwrap();
        let card = dist.join("embed/2024-D-AS.html");
        fs::write(
            &card,
            "<head><script src=tally-child.js></script></head><main>card</main>",
        )
        .unwrap();
        fs::write(dist.join("tally-child.js"), "parent.postMessage(1)").unwrap();
        // Not text a compressor can fold away: every byte of it counts.
        let mut seed = 0x9e37_79b9_u32;
        let updater: Vec<u8> = (0..4000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed as u8
            })
            .collect();
        fs::write(dist.join(crate::pages::CARD_UPDATER), &updater).unwrap();
        let mut sizes = super::Sizes::new();
        let plain = super::weigh(&dist, &card, &mut sizes).unwrap().all;
        let live = super::weigh_live_card(&dist, &card, &mut sizes).unwrap();
        let updater_gzip = super::gzip_len(&updater);
        assert!(updater_gzip > 3900, "{updater_gzip}");
        assert!(
            live >= plain + updater_gzip,
            "{live} = {plain} + the updater ({updater_gzip}) + its tag"
        );
        assert!(live < plain + updater_gzip + 100, "{live}: the tag, not the feed");
        fs::remove_dir_all(&dist).unwrap();
    }

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
