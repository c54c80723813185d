//! Pure Rust: the dataset, its validation, the results maths, filters and the URL query.
//! Nothing here knows about the browser; `cargo test` covers it natively.

pub mod board;
mod catalog;
mod csv;
mod csv_dataset;
mod dataset;
mod decode;
mod details;
pub mod export;
mod fields;
pub mod filter;
pub mod fold;
pub mod format;
pub mod json;
mod json_number;
pub mod list_order;
mod load;
pub mod order;
pub mod origin;
mod percent;
mod query;
pub mod race;
mod results;
pub mod site;
pub mod snippet;
mod territory;
mod validate;

pub use catalog::Catalog;
pub use csv::{parse_csv, CsvError};
pub use csv_dataset::{dataset_from_csv, RESULT_COLUMNS};
pub use dataset::*;
pub use decode::{contest as contest_from_json, Unfit};
pub use details::{merge_details, merge_details_as_built, split_details, ContestDetails, DetailsFile, OptionSources};
pub use fields::apply_fields;
pub use filter::Filter;
pub use load::{content_hash, keep_valid, load, load_any, load_as_built, load_bytes, LoadError, Loaded, MAX_BYTES};
pub use percent::Percent;
pub use query::{decode, encode, only_territory, Query, Theme};
pub use results::*;
pub use territory::*;
pub use validate::{parse_date, validate, validate_contest, Problem, ProblemKind, MAX_VOTES};
