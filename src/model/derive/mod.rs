//! What follows from a loaded dataset: each contest's shares, popular-vote and delegate results,
//! the delegate race, where each presumptive nominee lost, the catalog in display order, the
//! reader's filters and the list's orders.

pub mod allocation;
pub mod catalog;
pub mod delegates;
pub mod filter;
pub mod list_order;
pub mod nomination;
pub mod race;
pub mod results;
pub mod shares;
