//! The dataset's types as the JSON spells them, editions and their nominations, the one table of
//! jurisdictions, percentages as printed, a feed's moments, and the small text and ordering tools every layer uses.

pub mod dataset;
pub mod delegate_votes;
pub mod edition;
pub mod fold;
pub mod names;
pub mod numbers;
pub mod order;
pub mod percent;
pub mod territory;
pub mod time;
