//! The chemical element symbols, for composition readings and `<symbol>_pct`
//! measurement names: the one table is the domain's.

pub use crate::domain::is_element as is_element_symbol;
