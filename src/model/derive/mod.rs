//! What follows from a loaded dataset: each contest's result, the delegate race, where each
//! presumptive nominee lost, the catalog in display order, the reader's filters and the list's orders.

pub mod catalog;
pub mod filter;
pub mod list_order;
pub mod nomination;
pub mod race;
pub mod results;
