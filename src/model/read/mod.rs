//! Reading the files we are handed (JSON, CSV, the side files) into the dataset's types, and
//! every validation rule, with problems in an editor's words.

pub mod csv;
pub mod csv_dataset;
pub mod decode;
pub mod details;
pub mod fields;
pub mod json;
pub mod load;
pub mod nominations;
pub mod rules;
pub mod validate;
