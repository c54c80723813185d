//! Addresses: the query format (one module, round-tripped), the static pages' paths, and whose
//! page or file a URL is.

pub mod origin;
pub mod pages;
pub mod query;
