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
    // One pass over the words, no list of them (0.2 KB of wasm): the last word that is not a
    // suffix (the first word always counts), with the particles just before it, never the first word.
    let (mut start, mut end, mut particles, mut at) = (0, name.len(), None, 0);
    let mut seen = false;
    for word in name.split(' ') {
        let here = at;
        at += word.len() + 1;
        let word = word.trim_end_matches(',');
        if word.is_empty() {
            continue;
        }
        let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
        if seen && is(&SUFFIXES) {
            particles = None;
            continue;
        }
        (start, end, seen) = (particles.unwrap_or(here), here + word.len(), true);
        particles = match here != 0 && is(&PARTICLES) {
            true => particles.or(Some(here)),
            false => None,
        };
    }
    &name[start..end]
}
