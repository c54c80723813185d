//! The one typeface the previews are set in, Noto Sans (regular and bold, from the `notosans`
//! crate), so that every build draws the same pixels: no system font is ever looked up.

use std::sync::Arc;

use resvg::usvg::fontdb;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// The family name the SVG asks for; the only one the renderer knows.
pub const FAMILY: &str = "Noto Sans";

/// A font database holding only the bundled faces.
pub fn database() -> Arc<fontdb::Database> {
    let mut db = fontdb::Database::new();
    db.load_font_data(notosans::REGULAR_TTF.to_vec());
    db.load_font_data(notosans::BOLD_TTF.to_vec());
    db.set_sans_serif_family(FAMILY);
    Arc::new(db)
}

/// Measures text as the renderer will set it (advance widths; kerning ignored, which the
/// layout's slack absorbs), so lines can be wrapped and names fitted before drawing.
pub struct Measure {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Measure {
    pub fn new() -> Measure {
        Measure {
            regular: FontRef::new(notosans::REGULAR_TTF).expect("the bundled regular face reads"),
            bold: FontRef::new(notosans::BOLD_TTF).expect("the bundled bold face reads"),
        }
    }

    /// The width of `text` at `px`, in pixels.
    pub fn width(&self, text: &str, px: f32, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(px), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    // A character the face lacks is drawn as a box about this wide.
                    .unwrap_or(px * 0.6)
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_wider_still() {
        let m = Measure::new();
        let short = m.width("Biden", 30.0, false);
        assert!(short > 30.0 && short < 30.0 * 5.0, "{short}");
        assert!(m.width("Joe Biden", 30.0, false) > short);
        assert!(m.width("Biden", 30.0, true) > short);
        assert!((m.width("Biden", 60.0, false) - 2.0 * short).abs() < 0.5);
    }
}
