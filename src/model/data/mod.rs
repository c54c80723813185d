//! The dataset's types as the JSON spells them, the one table of jurisdictions, percentages as
//! printed, and the small text and ordering tools every other layer uses.

pub mod dataset;
pub mod fold;
pub mod numbers;
pub mod order;
pub mod percent;
pub mod territory;
