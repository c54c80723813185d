//! Link previews: one PNG per contest page (`preview/<id>.<hash>.png`, 1200 by 630), drawn as SVG
//! from the data and model code the pages use (`draw.rs`) and rendered with resvg in the bundled
//! typeface (`fonts.rs`), so a build draws the same pixels anywhere. Platforms show no SVG
//! previews, hence PNG. Renders are cached by their SVG source under `target/previews/`: an
//! unchanged contest is copied, not drawn again.

pub mod draw;
pub mod fonts;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use resvg::{tiny_skia, usvg};
use tally::model::words::format::share_sentence;
use tally::model::words::site::headline;
use tally::model::{content_hash, Catalog, Contest};

use crate::{root, Result};
use draw::{Colours, HEIGHT, WIDTH};

/// Part of the cache key: change it when rendering changes in a way the SVG source does not show.
const RENDERER: &str = "resvg 0.49, Noto Sans (notosans 0.1), 1x";

/// One contest's preview: where it is, relative to the site's root, and what it shows in words.
#[derive(Clone, Debug)]
pub struct Preview {
    pub path: String,
    pub alt: String,
}

/// Draws and renders previews with the bundled fonts.
pub struct Renderer {
    options: usvg::Options<'static>,
    measure: fonts::Measure,
    colours: Colours,
}

impl Renderer {
    /// A renderer with the page's colours, from the stylesheet the pages load.
    pub fn new() -> Result<Renderer> {
        let css = fs::read_to_string(root().join("static/tally.css"))?;
        let colours = Colours::from_css(&css).map_err(|e| format!("static/tally.css: {e}"))?;
        let options = usvg::Options {
            font_family: fonts::FAMILY.into(),
            fontdb: fonts::database(),
            ..usvg::Options::default()
        };
        Ok(Renderer {
            options,
            measure: fonts::Measure::new(),
            colours,
        })
    }

    pub fn svg(&self, contest: &Contest) -> String {
        draw::svg(contest, &self.colours, &self.measure)
    }

    /// SVG source to PNG bytes.
    pub fn render(&self, svg: &str) -> Result<Vec<u8>> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("preview SVG: {e}"))?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("a 1200x630 pixmap")?;
        resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        Ok(pixmap.encode_png().map_err(|e| format!("encoding a preview: {e}"))?)
    }
}

/// What the image shows, for `og:image:alt`: the headline and the shares in words.
pub fn alt(contest: &Contest) -> String {
    match share_sentence(contest) {
        Some(shares) => format!("{}. {shares}", headline(contest)),
        None => format!("{}.", headline(contest)),
    }
}

fn cache_dir() -> PathBuf {
    root().join("target").join("previews")
}

/// Writes every contest's preview into `site/preview/`, keyed by contest id; and a line of figures.
pub fn write(site: &Path, catalog: &Catalog) -> Result<(HashMap<String, Preview>, String)> {
    let started = Instant::now();
    let renderer = Renderer::new()?;
    let dir = site.join("preview");
    fs::create_dir_all(&dir)?;
    let cache = cache_dir();
    fs::create_dir_all(&cache)?;
    let (mut previews, mut used) = (HashMap::new(), HashSet::new());
    let (mut rendered, mut bytes) = (0, 0);
    for contest in catalog.contests() {
        let svg = renderer.svg(contest);
        let key = format!("{}.png", content_hash(format!("{RENDERER}\n{svg}").as_bytes()));
        let cached = cache.join(&key);
        let png = match fs::read(&cached) {
            Ok(png) => png,
            Err(_) => {
                let png = renderer.render(&svg)?;
                fs::write(&cached, &png)?;
                rendered += 1;
                png
            }
        };
        used.insert(key);
        bytes += png.len();
        let path = format!("preview/{}.{}.png", contest.id, content_hash(&png));
        fs::write(site.join(&path), &png)?;
        previews.insert(
            contest.id.clone(),
            Preview {
                path,
                alt: alt(contest),
            },
        );
    }
    // The cache keeps this build's renders only.
    for entry in fs::read_dir(&cache)? {
        let entry = entry?;
        if !used.contains(&entry.file_name().to_string_lossy().into_owned()) {
            fs::remove_file(entry.path())?;
        }
    }
    let summary = format!(
        "{} previews ({rendered} rendered, the rest unchanged), {:.1} MB, {:.1}s",
        previews.len(),
        bytes as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64()
    );
    Ok((previews, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{BUNDLED, BUNDLED_DETAILS};
    use tally::model::words::format::thousands;
    use tally::model::{load_bytes, merge_details};

    /// The bundled dataset, as the pages are built from it.
    fn catalog() -> Catalog {
        let loaded = load_bytes(&fs::read(root().join(BUNDLED)).unwrap()).unwrap();
        let details = fs::read(root().join(BUNDLED_DETAILS)).unwrap();
        Catalog::new(merge_details(&loaded.dataset, &details).unwrap().0)
    }

    /// The option with the most votes, read straight from the data (not through the model).
    fn most_votes(contest: &Contest) -> &tally::model::BallotOption {
        contest.options.iter().max_by_key(|o| o.votes.unwrap_or(-1)).unwrap()
    }

    #[test]
    fn american_samoa_2024_renders_as_a_1200_by_630_png_naming_its_winner_and_figures() {
        let catalog = catalog();
        let samoa = catalog.contest("2024-D-AS").expect("the bundled data has 2024-D-AS");
        let renderer = Renderer::new().unwrap();
        let svg = renderer.svg(samoa);
        let winner = most_votes(samoa);
        assert!(svg.contains(&winner.name), "{svg}");
        // Every option's name (up to the rows drawn) and its votes as the dataset holds them.
        for option in &samoa.options {
            assert!(svg.contains(&option.name), "{}", option.name);
            assert!(svg.contains(&thousands(option.votes.unwrap())), "{}", option.name);
        }
        let png = renderer.render(&svg).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("the preview decodes as PNG");
        assert_eq!((pixmap.width(), pixmap.height()), (1200, 630));
        // Nonblank: many pixels differ from the background, in the bar colour among them.
        let background = pixmap.pixels()[pixmap.width() as usize * 300];
        let differing = pixmap.pixels().iter().filter(|p| **p != background).count();
        assert!(differing > 20_000, "{differing} pixels drawn");
        let bar = renderer.colours.bar.trim_start_matches('#');
        let rgb: Vec<u8> = (0..3)
            .map(|i| u8::from_str_radix(&bar[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        assert!(
            pixmap
                .pixels()
                .iter()
                .any(|p| [p.red(), p.green(), p.blue()] == rgb[..]),
            "the winner's bar is drawn in the page's bar colour"
        );
    }

    #[test]
    fn every_contest_draws_its_winner_and_fits_the_frame() {
        let catalog = catalog();
        let renderer = Renderer::new().unwrap();
        for contest in catalog.contests() {
            let svg = renderer.svg(contest);
            let tree = usvg::Tree::from_str(&svg, &renderer.options).unwrap();
            let bounds = tree.root().abs_bounding_box();
            assert!(
                bounds.left() >= 0.0 && bounds.right() <= 1200.0 && bounds.bottom() <= 630.0,
                "{}: {bounds:?}",
                contest.id
            );
            // Each option drawn in the page's order appears under its own name (or cut to fit).
            let first = &contest.options[draw::order(contest)[0]];
            let shown = first.name.chars().take(8).collect::<String>();
            assert!(svg.contains(&html_escape(&shown)), "{}: {}", contest.id, first.name);
            if tally::model::words::format::Marks::new(contest).won {
                let winner = most_votes(contest);
                if winner.votes.is_some() && contest.votes_are.is_none() {
                    assert!(
                        svg.contains(&html_escape(&winner.name)),
                        "{}: {}",
                        contest.id,
                        winner.name
                    );
                }
            }
        }
    }

    fn html_escape(text: &str) -> String {
        tally::model::words::snippet::html_attr(text)
    }

    #[test]
    fn colours_come_from_the_stylesheet_or_a_clear_message() {
        let colours = Colours::from_css(":root {\n --bg: #fff; --fg: #111111; --muted: #595959; --line: #d6d6d6; --panel: #f4f4f2; --bar: #0b5cad;\n}").unwrap();
        assert_eq!(colours.bar, "#0b5cad");
        assert_eq!(
            Colours::from_css(":root { --bg: #fff; }").unwrap_err(),
            "the stylesheet's :root sets no --fg"
        );
        assert!(Colours::from_css(":root { --bg: var(--x); }")
            .unwrap_err()
            .contains("--bg"));
    }

    #[test]
    fn a_long_headline_wraps_within_three_lines() {
        let m = fonts::Measure::new();
        let (lines, fits) = draw::wrap_for_test(&m, &"word ".repeat(80), 46.0, 1072.0);
        assert!(!fits);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('\u{2026}'));
        assert!(lines.iter().all(|l| m.width(l, 46.0, true) <= 1072.0));
    }
}
