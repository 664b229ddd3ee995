//! Esc over a form with typing that is not saved (a value that does not parse, a custody
//! transfer not yet written, the Rules screening form) asks "discard?" (y/n) first; Esc
//! over a form holding nothing unsaved leaves at once. One mechanism for every form: the
//! screen keeps a [`Discard`], asks it on Esc, shows [`Discard::context`] (the keymap's
//! yes/no keys while the question is open) and draws [`Discard::render`] last.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::domain::Lang;
use crate::i18n;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog;

/// Whether the discard question is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Discard {
    pub asking: bool,
}

/// What Esc, or the answer to the question, means for the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Close the form (nothing unsaved, or the officer said yes).
    Now,
    /// Keep the form: the question opened, or the officer said no.
    Stay,
    /// Not an answer: the key does nothing while the question is open.
    Ignore,
}

impl Discard {
    /// Esc over the form: `unsaved` says whether typing would be lost.
    pub fn esc(&mut self, unsaved: bool) -> Leave {
        if unsaved {
            self.asking = true;
            Leave::Stay
        } else {
            Leave::Now
        }
    }

    /// A key while the question is open: yes discards, no (or Esc) goes back to the form.
    pub fn answer(&mut self, action: Action) -> Leave {
        match action {
            Action::Yes => {
                self.asking = false;
                Leave::Now
            }
            Action::No | Action::Cancel | Action::Back => {
                self.asking = false;
                Leave::Stay
            }
            _ => Leave::Ignore,
        }
    }

    /// The keymap context: yes/no while asking, else the form's own.
    pub fn context(&self, form: Context) -> Context {
        if self.asking { Context::Confirm } else { form }
    }

    /// The question over `area`, while it is open.
    pub fn render(&self, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        if self.asking {
            dialog::confirm(f, area, &i18n::text(lang, "discard-ask"), lang, theme);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_leaves_at_once_unless_something_typed_would_be_lost() {
        let mut d = Discard::default();
        assert_eq!(d.esc(false), Leave::Now);
        assert!(!d.asking);
        assert_eq!(d.esc(true), Leave::Stay);
        assert_eq!(d.context(Context::RecordForm), Context::Confirm);
        assert_eq!(d.answer(Action::Down), Leave::Ignore);
        assert_eq!(d.answer(Action::No), Leave::Stay);
        assert_eq!(d.context(Context::RecordForm), Context::RecordForm);
        assert_eq!(d.esc(true), Leave::Stay);
        assert_eq!(d.answer(Action::Yes), Leave::Now);
        assert!(!d.asking);
    }
}
