//! Words for an error of the layers below: a refusal said as a message id
//! (`StoreError::said`, `SyncError::said`) in the interface language, anything else as
//! its own text (the console's status line, the sync tab's outcome).

use std::fmt::Display;

use crate::domain::{Lang, Msg};

/// `said` in `lang` when the error says its problem as a message, else `error`'s text.
pub fn said_or(lang: Lang, said: Option<&Msg>, error: &impl Display) -> String {
    match said {
        Some(m) => super::msg(lang, m),
        None => error.to_string(),
    }
}
