//! Reading a dataset someone handed us (bundled file, newsroom JSON or CSV): fatal errors are
//! for files that are not datasets at all; everything else is a per-contest problem.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

use crate::model::{
    dataset_from_csv, validate, Contest, Dataset, Problem, ProblemKind, SCHEMA_VERSION,
};

/// Larger files are refused before parsing: no real calendar comes near it.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Error)]
pub enum LoadError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is {0} bytes; Tally reads files up to 20 MB.")]
    TooLarge(usize),
    #[error("The file is not UTF-8 text (byte {0} is not); save it as UTF-8.")]
    NotUtf8(usize),
    #[error("The file is neither JSON nor CSV ({0}).")]
    NotJsonOrCsv(String),
    #[error("The file is JSON but not a Tally dataset: {0}.")]
    NotADataset(String),
    #[error("The file has schema_version {0}; this Tally reads version {SCHEMA_VERSION}.")]
    UnsupportedSchema(String),
}

/// A dataset with only its valid contests, and the problems that kept the others out.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    complete_calendar: bool,
}

/// Reads a fetched body: it must be UTF-8, then as [`load`].
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8(e.valid_up_to()))?;
    load(text)
}

/// Reads JSON in the documented schema, or CSV in the source columns, whichever the text is.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(text.len()));
    }
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(LoadError::Empty);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        load_json(trimmed)
    } else if trimmed
        .lines()
        .next()
        .is_some_and(|header| header.contains("contest_id"))
    {
        let (mut dataset, problems) = dataset_from_csv(trimmed, None, "Newsroom dataset", None)
            .map_err(|e| LoadError::NotJsonOrCsv(e.to_string()))?;
        // A newsroom's file may cover a single state; only the bundled calendar must be whole.
        dataset.complete_calendar = false;
        Ok(keep_valid(dataset, problems))
    } else {
        Err(LoadError::NotJsonOrCsv(
            "it does not start with { nor with a CSV header naming contest_id".into(),
        ))
    }
}

fn load_json(text: &str) -> Result<Loaded, LoadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJsonOrCsv(e.to_string()))?;
    let Value::Object(object) = &value else {
        return Err(LoadError::NotADataset(
            "the top level must be an object".into(),
        ));
    };
    match object.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION.into()) => {}
        Some(other) => return Err(LoadError::UnsupportedSchema(other.to_string())),
        None => return Err(LoadError::NotADataset("schema_version is missing".into())),
    }
    let Some(Value::Array(raw_contests)) = object.get("contests") else {
        return Err(LoadError::NotADataset("contests must be a list".into()));
    };
    let header: Header =
        serde_json::from_value(value.clone()).map_err(|e| LoadError::NotADataset(e.to_string()))?;

    let mut problems = Vec::new();
    let mut contests = Vec::with_capacity(raw_contests.len());
    for (index, raw) in raw_contests.iter().enumerate() {
        match serde_path_to_error::deserialize::<_, Contest>(raw) {
            Ok(contest) => contests.push(contest),
            Err(error) => {
                let id = raw
                    .get("id")
                    .and_then(Value::as_str)
                    .map_or_else(|| format!("contest #{}", index + 1), str::to_string);
                let field = error.path().to_string();
                problems.push(Problem::new(
                    id,
                    field,
                    ProblemKind::Unreadable(error.into_inner().to_string()),
                ));
            }
        }
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        title: header.title.unwrap_or_else(|| "Untitled dataset".into()),
        as_of: header.as_of,
        complete_calendar: header.complete_calendar,
        contests,
    };
    Ok(keep_valid(dataset, problems))
}

/// Validates, then keeps out every contest a problem names; nothing is altered.
pub fn keep_valid(mut dataset: Dataset, mut problems: Vec<Problem>) -> Loaded {
    problems.extend(validate(&dataset));
    let rejected: HashSet<&str> = problems.iter().map(|p| p.contest.as_str()).collect();
    dataset
        .contests
        .retain(|c| !rejected.contains(c.id.as_str()));
    Loaded { dataset, problems }
}
