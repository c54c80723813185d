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

/// Why a value or a file cannot be read, and where (a field's path: `options[0] "Jason Palmer"
/// votes`), in an editor's words. The reader's build reads only files the build validated (their
/// hash checked first), so it never says: 1.3 KB less wasm (gzip).
pub(crate) fn why(words: impl FnOnce() -> String) -> String {
    if cfg!(feature = "newsroom") {
        words()
    } else {
        String::new()
    }
}
