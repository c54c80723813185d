//! People's names as compact lists print them: a surname ("Biden", "De La Fuente").

/// Lower-case particles that belong to a surname ("De La Fuente", "van Buren").
const PARTICLES: [&str; 10] = ["de", "la", "del", "della", "di", "da", "van", "von", "der", "le"];
/// Generational suffixes, never a surname on their own ("Robert F. Kennedy Jr.").
const SUFFIXES: [&str; 6] = ["jr", "jr.", "sr", "sr.", "ii", "iii"];

/// A person's surname, for compact lists; labels like "Uncommitted" stay whole.
pub fn surname(name: &str) -> &str {
    let name = super::fold::before(name, " (").trim();
    if crate::model::OptionKind::classify(name) != crate::model::OptionKind::Person {
        return name;
    }
    let mut words: Vec<(usize, &str)> = name
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word.trim_end_matches(',')))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    while words.len() > 1 && SUFFIXES.contains(&words[words.len() - 1].1.to_ascii_lowercase().as_str()) {
        words.pop();
    }
    let Some(&(mut start, last)) = words.last() else {
        return name;
    };
    let end = start + last.len();
    // Particles join the surname, but never the first word: that is a given name.
    for &(at, word) in words.iter().rev().skip(1) {
        if at == 0 || !PARTICLES.contains(&word.to_ascii_lowercase().as_str()) {
            break;
        }
        start = at;
    }
    &name[start..end]
}
