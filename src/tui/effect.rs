//! What a key did, as a value: a screen's handler returns an [`Effect`] and the App
//! applies it in one place (`app::effects`). Screens never set flags for the App to find
//! and never write the status line themselves: a message is an effect too.

use crate::tui::pending::Confirm;
use crate::tui::tab::Tab;
use crate::tui::widgets::status::Message;

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
    Confirm(Box<Confirm>),
    /// A line for the status bar (an error or a note); a later one replaces it.
    Message(Message),
    /// Move the user to another tab (it is activated).
    Navigate(Tab),
    /// Open inspection `id`'s record: the Review tab's record view at headquarters, the
    /// Record tab elsewhere.
    OpenInspection(String),
    /// Leave the console (asking first when something typed would be lost).
    Quit,
    /// Several effects, applied in order.
    Batch(Vec<Effect>),
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

    /// Ask before the write `c` holds.
    pub fn confirm(c: Confirm) -> Effect {
        Effect::Confirm(Box::new(c))
    }

    /// An error for the status bar.
    pub fn error(text: impl Into<String>) -> Effect {
        Effect::Message(Message::error(text.into()))
    }

    /// A note for the status bar.
    pub fn info(text: impl Into<String>) -> Effect {
        Effect::Message(Message::info(text.into()))
    }

    /// This effect, then `next` (a later message replaces an earlier one).
    pub fn and(self, next: Effect) -> Effect {
        match (self, next) {
            (Effect::None, e) | (e, Effect::None) => e,
            (Effect::Batch(mut a), Effect::Batch(b)) => {
                a.extend(b);
                Effect::Batch(a)
            }
            (Effect::Batch(mut a), e) => {
                a.push(e);
                Effect::Batch(a)
            }
            (e, Effect::Batch(mut b)) => {
                b.insert(0, e);
                Effect::Batch(b)
            }
            (a, b) => Effect::Batch(vec![a, b]),
        }
    }

    /// Whether the screen must be drawn again.
    pub fn redraws(&self) -> bool {
        match self {
            Effect::None => false,
            Effect::Batch(v) => v.iter().any(Effect::redraws),
            _ => true,
        }
    }
}
