//! Pure Rust: the dataset, its validation, the results maths, the words a reader sees and the
//! address format. Nothing here knows about the browser; `cargo test` covers it natively.
//!
//! Imports go one way: `read` (files into data) and `derive` (results, race, filters) use only
//! `data` (the dataset's types); `url` uses `derive`; `words` (what a reader reads) uses any.

pub mod data;
pub mod derive;
pub mod read;
pub mod url;
pub mod words;

pub use data::dataset::*;
pub use data::delegate_votes::Delegates;
pub use data::edition::{Edition, EditionFile, Nomination};
pub use data::percent::Percent;
pub use data::territory::*;
pub use derive::catalog::Catalog;
pub use derive::delegates::*;
pub use derive::filter::{Cycles, Filter};
pub use derive::results::*;
pub use derive::shares::*;
pub use read::csv::{parse_csv, CsvError};
pub use read::csv_dataset::{dataset_from_csv, RESULT_COLUMNS};
pub use read::decode::{contest as contest_from_json, Unfit};
pub use read::details::{
    merge_details, merge_details_as_built, merge_own_details, split_details, ContestDetails, DetailsFile,
};
pub use read::fields::apply_fields;
pub use read::load::{
    content_hash, keep_valid, load, load_any, load_as_built, load_bytes, too_large, LoadError, Loaded, MAX_BYTES,
    NOT_AS_BUILT,
};
pub use read::nominations::nominations_from_csv;
pub use read::rules::rules_from_csv;
pub use read::validate::{parse_date, validate, validate_contest, Problem, ProblemKind, MAX_VOTES};
pub use url::query::{decode, encode, only_territory, Query, Theme};
