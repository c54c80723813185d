//! Text folded for search and name comparison: case, marks and apostrophe styles set aside, so
//! "lodz" finds "Łódź", "o'rourke" finds "O’Rourke", "strasse" finds "Straße".

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
    use super::fold;

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
