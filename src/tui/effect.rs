//! What a key did, as a value: a screen's handler returns an [`Effect`] and the App
//! applies it in one place (`app::effects`). Screens never set flags for the App to find.

use crate::tui::pending::Confirm;

#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Effect {
    /// Nothing changed: no redraw.
    None,
    /// The screen's own state changed: redraw.
    Redraw,
    /// A finalized record or a custody transfer joined this device's chain: the status
    /// bar's pending count follows and the Shipments list is read again on its next visit.
    Finalized,
    /// The sync queue was written or re-read: the status bar's pending count follows.
    QueueChanged,
    /// Ask before a risky write: the confirm modal holds it as data; Yes runs it.
    Confirm(Confirm),
}

impl Effect {
    /// `Redraw` when `changed`, else `None` (for handlers that only move state).
    pub fn redraw_if(changed: bool) -> Effect {
        if changed {
            Effect::Redraw
        } else {
            Effect::None
        }
    }

    /// Whether the screen must be drawn again.
    pub fn redraws(&self) -> bool {
        !matches!(self, Effect::None)
    }
}
