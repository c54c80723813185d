//! One contest's link preview as SVG, 1200 by 630: where and when, the result as the page's
//! headline says it, and each option's share as a bar, in the page's default order (most votes
//! first). Every word and figure comes from the model code the pages use (`site::headline`,
//! `share_cells`, `shares`, `Marks`); the colours from the stylesheet's light theme. Bars are
//! neutral but for the winner's, in the page's bar colour: the map's per-candidate palette is the
//! map's own, and a preview must not read as either party.

use tally::model::data::order::sort_short;
use tally::model::words::format::{contest_date, contest_label, count, share_cells, Marks, NOT_REPORTED};
use tally::model::words::site::headline;
use tally::model::words::snippet::html_attr;
use tally::model::{shares, Contest, OptionKind, Percent};

use super::fonts::{Measure, FAMILY};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const MARGIN: f32 = 64.0;
/// The most options drawn; the rest are counted in the footer.
const MOST_ROWS: usize = 5;
const ROW: f32 = 52.0;
const NAME_END: f32 = 420.0;
const BAR_START: f32 = 440.0;
const BAR_WIDTH: f32 = 360.0;
const SHARE_END: f32 = 930.0;
const FOOTER_RULE: f32 = 562.0;

/// The stylesheet's colours a preview uses (its light theme: `:root` in `static/tally.css`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colours {
    pub bg: String,
    pub fg: String,
    pub muted: String,
    pub line: String,
    pub panel: String,
    pub bar: String,
}

impl Colours {
    /// Reads the first `:root { … }` block of the stylesheet, naming what it lacks.
    pub fn from_css(css: &str) -> Result<Colours, String> {
        let start = css.find(":root {").ok_or("the stylesheet has no `:root {` block")?;
        let block = &css[start..];
        let block = &block[..block
            .find('}')
            .ok_or("the stylesheet's `:root {` block is not closed")?];
        let colour = |name: &str| -> Result<String, String> {
            let key = format!("--{name}:");
            let at = block
                .find(&key)
                .ok_or_else(|| format!("the stylesheet's :root sets no --{name}"))?;
            let value = block[at + key.len()..].split(';').next().unwrap_or("").trim();
            let hex = value.strip_prefix('#').unwrap_or("");
            if (hex.len() == 6 || hex.len() == 3) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                Ok(value.to_string())
            } else {
                Err(format!("--{name} is {value:?}, not a #rrggbb colour"))
            }
        };
        Ok(Colours {
            bg: colour("bg")?,
            fg: colour("fg")?,
            muted: colour("muted")?,
            line: colour("line")?,
            panel: colour("panel")?,
            bar: colour("bar")?,
        })
    }
}

/// The options in the page's default order: most votes (or the highest printed share) first,
/// rows that are no one's votes last; as `ui::contest_detail` sorts them for `Sort::default()`.
pub fn order(contest: &Contest) -> Vec<usize> {
    let shares = shares(contest);
    let figure = |i: usize| -> i64 {
        contest.options[i]
            .votes
            .map(|v| v.saturating_mul(1_000_000))
            .or(shares[i].map(Percent::millionths))
            .unwrap_or(-1)
    };
    let void = |i: usize| contest.options[i].kind == OptionKind::Void;
    let mut order: Vec<usize> = (0..contest.options.len()).collect();
    sort_short(&mut order, |&a, &b| {
        void(a).cmp(&void(b)).then(figure(b).cmp(&figure(a)))
    });
    order
}

/// Greedy word wrap to `width`; the last allowed line ends with an ellipsis if words remain.
fn wrap(measure: &Measure, text: &str, px: f32, bold: bool, width: f32, lines: usize) -> (Vec<String>, bool) {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let tried = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || measure.width(&tried, px, bold) <= width {
            line = tried;
        } else {
            out.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        out.push(line);
    }
    let fits = out.len() <= lines && out.iter().all(|l| measure.width(l, px, bold) <= width);
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(rest);
    }
    if let Some(last) = out.last_mut() {
        *last = fit(measure, last, px, bold, width);
    }
    (out, fits)
}

/// `text` as it fits in `width` at `px`: whole, or cut at a character with an ellipsis.
fn fit(measure: &Measure, text: &str, px: f32, bold: bool, width: f32) -> String {
    if measure.width(text, px, bold) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut = format!("{}\u{2026}", chars.iter().collect::<String>().trim_end());
        if measure.width(&cut, px, bold) <= width {
            return cut;
        }
    }
    "\u{2026}".into()
}

/// A name in its column: at full size if it fits, smaller down to a floor, then cut.
fn name_fitted(measure: &Measure, name: &str, bold: bool) -> (String, f32) {
    let width = NAME_END - MARGIN;
    for px in [28.0, 26.0, 24.0, 22.0] {
        if measure.width(name, px, bold) <= width {
            return (name.to_string(), px);
        }
    }
    (fit(measure, name, 22.0, bold, width), 22.0)
}

fn text(x: f32, y: f32, px: f32, bold: bool, fill: &str, anchor_end: bool, content: &str) -> String {
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{px}\"{}{} fill=\"{fill}\">{}</text>",
        if bold { " font-weight=\"700\"" } else { "" },
        if anchor_end { " text-anchor=\"end\"" } else { "" },
        html_attr(content)
    )
}

/// The preview of one contest, as SVG source.
pub fn svg(contest: &Contest, colours: &Colours, measure: &Measure) -> String {
    let c = colours;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{}\"/><rect width=\"{WIDTH}\" height=\"10\" fill=\"{}\"/>",
        c.bg, c.bar
    );
    let content_width = WIDTH as f32 - 2.0 * MARGIN;

    // Where and when.
    let kicker = format!(
        "{} \u{b7} {} \u{b7} {}",
        contest.territory_name(),
        contest_label(contest),
        contest_date(contest)
    );
    out.push_str(&text(
        MARGIN,
        84.0,
        28.0,
        false,
        &c.muted,
        false,
        &fit(measure, &kicker, 28.0, false, content_width),
    ));

    // The result in words, as large as three lines allow.
    let words = headline(contest);
    let (lines, px) = [46.0, 40.0, 34.0]
        .iter()
        .map(|&px| (wrap(measure, &words, px, true, content_width, 3), px))
        .find(|((_, fits), _)| *fits)
        .map(|((lines, _), px)| (lines, px))
        .unwrap_or_else(|| (wrap(measure, &words, 34.0, true, content_width, 3).0, 34.0));
    let mut baseline = 84.0 + 20.0;
    for line in &lines {
        baseline += px * 1.2;
        out.push_str(&text(MARGIN, baseline, px, true, &c.fg, false, line));
    }

    // Each option's share, as the page's table shows it.
    let shares = shares(contest);
    let cells = share_cells(contest);
    let marks = Marks::new(contest);
    let order = order(contest);
    let top = baseline + 28.0;
    let room = ((FOOTER_RULE - 8.0 - top) / ROW).floor().max(0.0) as usize;
    let shown = order.len().min(MOST_ROWS).min(room);
    for (row, &i) in order.iter().take(shown).enumerate() {
        let option = &contest.options[i];
        let winner = marks.winner(i);
        let y = top + row as f32 * ROW;
        let (name, name_px) = name_fitted(measure, &option.name, winner);
        out.push_str(&text(MARGIN, y + 35.0, name_px, winner, &c.fg, false, &name));
        if let Some(share) = shares[i] {
            out.push_str(&format!(
                "<rect x=\"{BAR_START}\" y=\"{}\" width=\"{BAR_WIDTH}\" height=\"22\" rx=\"3\" fill=\"{}\"/>",
                y + 15.0,
                c.panel
            ));
            // A share above nothing is at least a sliver; none is no bar.
            let millionths = share.millionths().clamp(0, 100_000_000);
            let drawn = match millionths {
                0 => 0.0,
                m => (m as f32 / 100_000_000.0 * BAR_WIDTH).max(2.0),
            };
            out.push_str(&format!(
                "<rect x=\"{BAR_START}\" y=\"{}\" width=\"{drawn:.1}\" height=\"22\" rx=\"3\" fill=\"{}\"/>",
                y + 15.0,
                if winner { &c.bar } else { &c.muted }
            ));
        }
        out.push_str(&text(SHARE_END, y + 35.0, 28.0, winner, &c.fg, true, &cells[i]));
        let votes = option
            .votes
            .map(|v| count(v, "vote", "votes"))
            .unwrap_or_else(|| NOT_REPORTED.into());
        let votes_width = WIDTH as f32 - MARGIN - SHARE_END - 24.0;
        out.push_str(&text(
            WIDTH as f32 - MARGIN,
            y + 35.0,
            22.0,
            false,
            &c.muted,
            true,
            &fit(measure, &votes, 22.0, false, votes_width),
        ));
    }

    // Whose image this is, and what it leaves out.
    out.push_str(&format!(
        "<rect x=\"{MARGIN}\" y=\"{FOOTER_RULE}\" width=\"{content_width}\" height=\"2\" fill=\"{}\"/>",
        c.line
    ));
    out.push_str(&text(MARGIN, 604.0, 26.0, true, &c.fg, false, "Tally"));
    out.push_str(&text(
        MARGIN + measure.width("Tally", 26.0, true) + 14.0,
        604.0,
        22.0,
        false,
        &c.muted,
        false,
        "US presidential primaries and caucuses",
    ));
    let hidden = order.len() - shown;
    if hidden > 0 {
        out.push_str(&text(
            WIDTH as f32 - MARGIN,
            604.0,
            22.0,
            false,
            &c.muted,
            true,
            &format!("{} more on the page", count(hidden as i64, "option", "options")),
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
pub fn wrap_for_test(measure: &Measure, text: &str, px: f32, width: f32) -> (Vec<String>, bool) {
    wrap(measure, text, px, true, width, 3)
}
