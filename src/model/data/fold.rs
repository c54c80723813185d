//! Text folded for search and name comparison: case, marks and apostrophe styles set aside, so
//! "lodz" finds "Łódź", "o'rourke" finds "O’Rourke", "strasse" finds "Straße". And finding text
//! in text (`contains`, `before`, `split`).

/// Lower case; Latin letters without their marks, whether precomposed ("é") or typed as combining
/// marks ("e\u{301}"); ß, æ, œ, þ, ĳ spelled out; curly apostrophes straight. Hand-made rather than
/// std's `to_lowercase`, whose Unicode tables would add some 14 KB to the first load's wasm: names
/// here are written in Latin letters, with Greek and Cyrillic capitals folded by their offsets.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            '\u{2018}' | '\u{2019}' | '\u{2bc}' | '\u{b4}' | '\u{2032}' => out.push('\''),
            'Æ' | 'æ' => out.push_str("ae"),
            'Œ' | 'œ' => out.push_str("oe"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'Þ' | 'þ' => out.push_str("th"),
            'Ĳ' | 'ĳ' => out.push_str("ij"),
            'Α'..='Ω' | 'А'..='Я' => out.push(shifted(c, 0x20)),
            'Ѐ'..='Џ' => out.push(shifted(c, 0x50)),
            _ => out.push(base_letter(c)),
        }
    }
    out
}

/// Where `needle` first occurs in `text`, compared byte by byte (a match of whole UTF-8 characters
/// starts on one: the same place as `str::find`). std's `&str` patterns bring its two-way
/// searcher, ~1 KB of the reader's gzip, for needles of a few characters in short text.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// Whether `needle` occurs in `text`, as `str::contains` says (`find`).
pub fn contains(text: &str, needle: &str) -> bool {
    find(text, needle).is_some()
}

/// `text` up to the first `separator`, or all of it: `text.split(separator).next()` (`find`).
pub fn before<'a>(text: &'a str, separator: &str) -> &'a str {
    find(text, separator).map_or(text, |at| &text[..at])
}

/// `text` split at each `separator`, as `str::split` splits it (`find`); `separator` is not empty.
pub fn split<'a>(text: &'a str, separator: &'a str) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match find(text, separator).filter(|_| !separator.is_empty()) {
            Some(at) => {
                rest = Some(&text[at + separator.len()..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// `text` with each `from` written as `to`, as `str::replace` with a `char` writes it (which the
/// reader's build would keep, with its searcher, for three small uses).
pub fn replace(text: &str, from: char, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c == from {
            true => out.push_str(to),
            false => out.push(c),
        }
    }
    out
}

fn shifted(c: char, by: u32) -> char {
    char::from_u32(c as u32 + by).unwrap_or(c)
}

/// The ASCII letter under a Latin letter, from the tables below; `_` there keeps the character.
fn base_letter(c: char) -> char {
    let (table, first) = match c {
        '\u{c0}'..='\u{24f}' => (LATIN, 0xc0),
        '\u{1e00}'..='\u{1eff}' => (LATIN_ADDITIONAL, 0x1e00),
        _ => return c.to_ascii_lowercase(),
    };
    match table.as_bytes()[c as usize - first] {
        b'_' => c,
        letter => char::from(letter),
    }
}

/// U+00C0 to U+024F (Latin-1 letters, Latin Extended-A and -B), one ASCII letter each.
const LATIN: &str = concat!(
    "aaaaaa_ceeeeiiiidnooooo_ouuuuy__aaaaaa_ceeeeiiiidnooooo_ouuuuy_y",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii__jjkkklllllll",
    "lllnnnnnnnnnoooooo__rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
    "bbbb___ccdddd____ffg___ikkl__nn_oo__pp_____ttttuu_vyyzz_________",
    "_____________aaiioouuuuuuuuuu_aaaa__ggggkkoooo__j___gg__nnaa____",
    "aaaaeeeeiiiioooorrrruuuusstt__hh____zzaaeeooooooooyylntj__acclt_",
    "z__bu_eejjqqrryy",
);

/// U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese, Welsh...), one ASCII letter each.
const LATIN_ADDITIONAL: &str = concat!(
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwy______aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy______",
);

#[cfg(test)]
mod tests {
    use super::{before, contains, find, fold, replace, split};

    #[test]
    fn a_character_is_replaced_as_std_replaces_it() {
        for text in ["", "2024-03-05T21:00:00Z", "TZTZ", "party run", "Łódź T"] {
            for (from, to) in [('T', " "), ('Z', " UTC"), (' ', "-"), ('ź', ""), ('x', "y")] {
                assert_eq!(replace(text, from, to), text.replace(from, to), "{text:?} {from:?}");
            }
        }
    }

    #[test]
    fn text_is_found_where_std_finds_it() {
        let texts = [
            "",
            "a",
            "Palmer 3, Biden 3",
            "Biden 3",
            ", , ",
            "Łódź, Kraków, ",
            "Jason Palmer (write-in)",
            "ab ( (c",
        ];
        let needles = ["", ", ", " (", "Łódź", "ódź", "ź", "3", "Biden 3, x", "a"];
        for text in texts {
            for needle in needles {
                assert_eq!(find(text, needle), text.find(needle), "{text:?} {needle:?}");
                assert_eq!(contains(text, needle), text.contains(needle), "{text:?} {needle:?}");
                assert_eq!(
                    before(text, needle),
                    text.split(needle).next().unwrap(),
                    "{text:?} {needle:?}"
                );
                if !needle.is_empty() {
                    let ours: Vec<_> = split(text, needle).collect();
                    assert_eq!(ours, text.split(needle).collect::<Vec<_>>(), "{text:?} {needle:?}");
                }
            }
        }
    }

    #[test]
    fn case_marks_and_apostrophes_are_set_aside() {
        let same = [
            ("Pérez-Serrato ÑOÑO", "perez-serrato nono"),
            ("Łódź", "lodz"),
            ("Čapek Kovač", "capek kovac"),
            ("Erdős Ődön", "erdos odon"),
            ("Straße STRAẞE", "strasse strasse"),
            ("Cafe\u{301} café CAFÉ", "cafe cafe cafe"),
            (
                "O’Rourke O‘Rourke Oʼrourke O'Rourke",
                "o'rourke o'rourke o'rourke o'rourke",
            ),
            ("Ærø Œuvre Þórr Ĳssel", "aero oeuvre thorr ijssel"),
            ("Nguyễn Đặng Thị", "nguyen dang thi"),
            ("Ștefan Țiriac", "stefan tiriac"),
            ("Ελλάδα ΑΘΗΝΑ", "ελλάδα αθηνα"),
            ("МОСКВА Ёж", "москва ёж"),
            ("Guam 2024-D-GU ×", "guam 2024-d-gu ×"),
        ];
        for (text, folded) in same {
            assert_eq!(fold(text), folded, "{text}");
        }
    }
}
