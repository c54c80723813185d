//! Reading a dataset someone handed us (bundled file, newsroom JSON; CSV in the tools): fatal
//! errors are for files that are not datasets at all; everything else is a per-contest problem.
//!
//! The page reads JSON only. The CSV reader stays with the tools (`cargo xtask data --convert`):
//! in the browser it cost 4 KB of the first load (gzip), more than any reader waits for a spreadsheet.

use thiserror::Error;

use crate::model::data::order::sorted;
use crate::model::read::json::{self, Json, JsonError};
use crate::model::read::nominations::nomination_id;
use crate::model::read::{decode, why};
use crate::model::{dataset_from_csv, validate, Dataset, Problem, ProblemKind, Unfit, SCHEMA_VERSION};

/// Larger files are refused before parsing: no real calendar comes near it.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LoadError {
    #[error("The file is empty.")]
    Empty,
    #[error("{}", too_large(*.0))]
    TooLarge(usize),
    #[error("The file is not UTF-8 text (byte {0} is not); save it as UTF-8.")]
    NotUtf8(usize),
    #[error("The file is neither JSON nor CSV ({0}).")]
    NotJsonOrCsv(String),
    /// A break in the structure: nothing after it can be placed, so no contest is read.
    #[error("The file is not valid JSON: {0}.")]
    BrokenJson(JsonError),
    /// A CSV file the tools cannot read: its structure breaks (placed by line and column) or its
    /// header is not Tally's. Carried as words, so the page's build holds no CSV reader's messages.
    #[error("The file is CSV but cannot be read: {0}.")]
    BrokenCsv(String),
    #[error("The file is CSV; the page reads Tally JSON. Convert it with `cargo xtask data --convert <file.csv>` (see docs/DATA.md).")]
    CsvNeedsConverting,
    #[error("The file is JSON but not a Tally dataset: {0}.")]
    NotADataset(String),
    #[error("The file has schema_version {0}; this Tally reads version {SCHEMA_VERSION}.")]
    UnsupportedSchema(String),
    #[error("{}", NOT_AS_BUILT)]
    NotAsBuilt,
}

/// A file over [`MAX_BYTES`], in words (also said of a response whose announced length is).
pub fn too_large(bytes: usize) -> String {
    format!("The file is {bytes} bytes; Tally reads files up to 20 MB.")
}

/// A bundled file whose bytes are not those the build named ([`LoadError::NotAsBuilt`]). The
/// reader's build says it of any failure to read a bundled file: bytes that match their name are
/// the ones the build validated, so nothing else can fail, and `LoadError`'s other messages stay
/// out of its wasm (0.45 KB gzip).
pub const NOT_AS_BUILT: &str = "The file is not the one this page was built with.";

/// A file's content hash, as the build names the bundled data by it (`results.<hash>.json`):
/// FNV-1a, 64 bits, in hex. Names need no cryptographic hash, only a different one per content.
pub fn content_hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The bundled dataset, fetched from `url` (`data/results.<hash>.json`). When its bytes are the
/// ones the build named, they are the ones it validated (the build refuses a bundled file with
/// any problem), so they are not validated again: the reader's build has no validator, 2 KB of
/// wasm (gzip). Any other bytes are refused.
pub fn load_as_built(bytes: &[u8], url: &str) -> Result<Loaded, LoadError> {
    as_built(bytes, url, false)?;
    let (dataset, problems) = read_json(content(utf8(bytes)?)?)?;
    Ok(Loaded { dataset, problems })
}

/// Whether `bytes` are the file the build named `url` for: `<stem>.<hash>.json`, a details file's
/// stem ending in `details` (`details.<hash>.json`, `2016-D.details.<hash>.json`), a results
/// file's not (`results.<hash>.json`, `2016-D.<hash>.json`).
pub(crate) fn as_built(bytes: &[u8], url: &str, details: bool) -> Result<(), LoadError> {
    // The name after the last '/' (found by byte: `rsplit` is 0.25 KB of the reader's gzip).
    let name = &url[url.bytes().rposition(|b| b == b'/').map_or(0, |at| at + 1)..];
    let name = name.strip_suffix(".json").unwrap_or("");
    let (stem, hash) = match name.bytes().rposition(|b| b == b'.') {
        Some(at) => (&name[..at], &name[at + 1..]),
        None => ("", ""),
    };
    match !stem.is_empty() && stem.ends_with("details") == details && hash == content_hash(bytes).as_str() {
        true => Ok(()),
        false => Err(LoadError::NotAsBuilt),
    }
}

/// A dataset with only its valid contests, and the problems that kept the others out.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// A live feed's reply, polled: Tally JSON only, read and validated as [`load`] reads it, and
/// checked against the rules its contests carry: a split its rule contradicts is flagged, the
/// contest kept (`rules::check_feed_rules`). No CSV is sniffed for (a feed is never one: a reply
/// that is not JSON is a failed poll), which keeps std's substring searcher out of a live build's
/// wasm (1.2 KB gzip).
pub fn load_feed(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let value = parse_file(content(utf8(bytes)?)?)?;
    #[allow(unused_mut)]
    let (mut dataset, mut problems) = read_value(&value);
    // Only a build that reads feeds checks their rules (see `LIVE_FEEDS`).
    #[cfg(any(feature = "newsroom", feature = "live"))]
    problems.extend(crate::model::read::rules::check_feed_rules(&value, &mut dataset));
    Ok(keep_valid(dataset, problems))
}

/// Reads a fetched body: it must be UTF-8, then as [`load`].
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    load(utf8(bytes)?)
}

pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len()));
    }
    std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8(e.valid_up_to()))
}

/// The text of a file, without a byte-order mark or surrounding space; never empty or too large.
fn content(text: &str) -> Result<&str, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(trimmed)
}

fn looks_like_csv(text: &str) -> bool {
    text.lines().next().is_some_and(|header| header.contains("contest_id"))
}

/// Reads JSON in the documented schema; a CSV file is named as such, with the way to convert it.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    let text = content(text)?;
    if text.starts_with('{') || text.starts_with('[') {
        load_json(text)
    } else if looks_like_csv(text) {
        Err(LoadError::CsvNeedsConverting)
    } else {
        Err(LoadError::NotJsonOrCsv(
            "it does not start with { nor with a CSV header naming contest_id".into(),
        ))
    }
}

/// Reads either form, JSON or CSV in the source columns: the tools' reader (`cargo xtask data`).
pub fn load_any(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = content(utf8(bytes)?)?;
    if looks_like_csv(text) {
        let (dataset, problems) =
            dataset_from_csv(text, None, "Newsroom dataset", None).map_err(|e| LoadError::BrokenCsv(e.to_string()))?;
        Ok(keep_valid(dataset, problems))
    } else {
        #[cfg(feature = "newsroom")]
        return load_with_rules(text.as_bytes());
        #[cfg(not(feature = "newsroom"))]
        load(text)
    }
}

/// Parses a Tally JSON file (dataset or details): an object of a known schema_version with a list of contests.
pub(crate) fn parse_file(text: &str) -> Result<Json, LoadError> {
    let value = json::parse(text).map_err(LoadError::BrokenJson)?;
    match &value {
        Json::Object(_) => {}
        Json::Invalid(reason) => return Err(LoadError::NotADataset(why(|| reason.clone()))),
        _ => return Err(LoadError::NotADataset(why(|| "the top level must be an object".into()))),
    }
    match value.get("schema_version") {
        Some(Json::Int(n)) if *n == i64::from(SCHEMA_VERSION) => {}
        Some(Json::Int(n)) => return Err(LoadError::UnsupportedSchema(why(|| n.to_string()))),
        Some(other) => {
            return Err(LoadError::UnsupportedSchema(why(|| {
                format!("written as {}", other.kind())
            })))
        }
        None => return Err(LoadError::NotADataset(why(|| "schema_version is missing".into()))),
    }
    let Some(Json::Array(_)) = value.get("contests") else {
        return Err(LoadError::NotADataset(why(|| "contests must be a list".into())));
    };
    Ok(value)
}

/// The `contests` list of a file [`parse_file`] accepted.
pub(crate) fn contests_of(value: &Json) -> &[Json] {
    match value.get("contests") {
        Some(Json::Array(items)) => items,
        _ => &[],
    }
}

fn load_json(text: &str) -> Result<Loaded, LoadError> {
    let (dataset, problems) = read_json(text)?;
    Ok(keep_valid(dataset, problems))
}

/// Another site's file, as the newsroom's tools read it: as [`load_bytes`], and checked against
/// the rules its contests carry (`rules::check_file_rules`): a split its rule contradicts is a
/// problem, and that contest is left out like any other with a problem. A live feed (a file that
/// declares `poll_seconds`) is checked as each poll of it is ([`load_feed`]): such a split is
/// flagged on the night, its contest shown.
#[cfg(feature = "newsroom")]
pub fn load_with_rules(bytes: &[u8]) -> Result<Loaded, LoadError> {
    use crate::model::read::rules::{check_feed_rules, check_file_rules};
    let text = content(utf8(bytes)?)?;
    if !text.starts_with('{') {
        return load(text);
    }
    let value = parse_file(text)?;
    let (mut dataset, mut problems) = read_value(&value);
    problems.extend(match dataset.poll_seconds.get() {
        Some(_) => check_feed_rules(&value, &mut dataset),
        None => check_file_rules(&value, &mut dataset),
    });
    Ok(keep_valid(dataset, problems))
}

/// A JSON dataset's contests as written, and the entries that could not be read, unvalidated.
fn read_json(text: &str) -> Result<(Dataset, Vec<Problem>), LoadError> {
    Ok(read_value(&parse_file(text)?))
}

/// The contests of a file [`parse_file`] accepted, as [`read_json`].
fn read_value(value: &Json) -> (Dataset, Vec<Problem>) {
    let raw_contests = contests_of(value);
    let text_of = |key: &str| value.get(key).and_then(Json::as_str).map(str::to_string);

    let mut problems = Vec::new();
    let mut contests = Vec::with_capacity(raw_contests.len());
    for (index, raw) in raw_contests.iter().enumerate() {
        match decode::contest(raw) {
            Ok(contest) => contests.push(contest),
            Err(unfit) => problems.push(unreadable(raw, "contest", index, unfit)),
        }
    }
    let mut nominations = Vec::new();
    if let Some(Json::Array(raw)) = value.get("nominations") {
        for (index, raw) in raw.iter().enumerate() {
            match decode::nomination(raw) {
                Ok(nomination) => nominations.push(nomination),
                Err(unfit) => problems.push(unreadable(raw, "nomination", index, unfit)),
            }
        }
    }
    let mut editions = Vec::new();
    if let Some(Json::Array(raw)) = value.get("editions") {
        for (index, raw) in raw.iter().enumerate() {
            match decode::edition_file(raw) {
                Ok(file) => editions.push(file),
                Err(unfit) => problems.push(unreadable(raw, "edition", index, unfit)),
            }
        }
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: text_of("title").unwrap_or_else(|| "Untitled dataset".into()),
        as_of: text_of("as_of"),
        // A feed that asks to be polled but not how often is polled as often as allowed: validation names it.
        poll_seconds: crate::model::Live::new(match value.get("poll_seconds").filter(|_| crate::model::LIVE_FEEDS) {
            Some(Json::Int(n)) => Some(*n),
            Some(_) => Some(0),
            None => None,
        }),
        complete_calendar: value.get("complete_calendar") == Some(&Json::Bool(true)),
        details: text_of("details"),
        nominations,
        editions,
        contests,
    };
    (dataset, problems)
}

/// The problem for a list entry that did not fit, named by its id (given, or the usual
/// `{cycle}-{party}-{territory}` a file leaves unwritten) or else by its place. Every build that
/// reads feeds names it, words or not: a live reader's page acts on which contest failed (it keeps
/// that contest's last figures and counts the contests not read); a build without feeds reads only
/// files the build validated, and never gets here.
pub(crate) fn unreadable(raw: &Json, what: &str, index: usize, unfit: Unfit) -> Problem {
    let text = |key| raw.get(key).and_then(Json::as_str);
    let id = match crate::model::LIVE_FEEDS {
        true => match (text("id"), raw.get("cycle"), text("party"), text("territory")) {
            (Some(id), ..) => id.to_string(),
            (None, Some(Json::Int(cycle)), Some(party), Some(territory)) => format!("{cycle}-{party}-{territory}"),
            _ => format!("{what} #{}", index + 1),
        },
        false => String::new(),
    };
    Problem::new(id, unfit.field, ProblemKind::Unreadable(unfit.reason))
}

/// Validates, then keeps out every contest a problem names; nothing is altered.
pub fn keep_valid(mut dataset: Dataset, mut problems: Vec<Problem>) -> Loaded {
    problems.extend(validate(&dataset));
    let rejected = sorted(problems.iter().map(|p| p.contest.as_str()).collect());
    dataset
        .contests
        .retain(|c| rejected.binary_search(&c.id.as_str()).is_err());
    dataset
        .nominations
        .retain(|n| rejected.binary_search(&nomination_id(n).as_str()).is_err());
    Loaded { dataset, problems }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"schema_version":1,"title":"t","contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
         "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]}]}"#;

    #[test]
    fn the_content_hash_is_fnv1a_64() {
        // The published FNV-1a test vectors.
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn a_feed_is_read_as_any_json_file_and_nothing_else_is_a_feed() {
        assert_eq!(load_feed(FILE.as_bytes()), load(FILE));
        let unknown = FILE.replace("\"AS\"", "\"XX\"");
        let read = load_feed(unknown.as_bytes()).unwrap();
        assert_eq!((read.dataset.contests.len(), read.problems.len()), (0, 2));
        let csv = "contest_id,cycle\n2024-D-AS,2024\n";
        assert_eq!(load(csv), Err(LoadError::CsvNeedsConverting));
        assert!(load_feed(csv.as_bytes()).is_err());
        assert!(load_feed(b"").is_err());
    }

    #[test]
    fn the_bundled_file_is_read_only_as_built() {
        let url = format!(
            "https://example.org/news/data/results.{}.json",
            content_hash(FILE.as_bytes())
        );
        assert_eq!(load_as_built(FILE.as_bytes(), &url), load(FILE));
        let changed = FILE.replace("51", "52");
        assert_eq!(load_as_built(changed.as_bytes(), &url), Err(LoadError::NotAsBuilt));
        assert_eq!(
            load_as_built(FILE.as_bytes(), "data/results.json"),
            Err(LoadError::NotAsBuilt)
        );
    }
}
