//! Addresses: the query format (one module, round-tripped), the parameters other sites add to it,
//! the static pages' paths, and whose page or file a URL is.

pub mod foreign;
pub mod origin;
pub mod pages;
pub mod permission;
pub mod query;
