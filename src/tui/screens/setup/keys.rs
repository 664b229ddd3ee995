//! The first-run dialog's keys: move between the fields, type, save.

use super::{SetupForm, SetupOutcome};
use crate::domain::{DbKind, Role};
use crate::store::InitOptions;
use crate::tui::action::Action;
use crate::tui::widgets::input::LineInput;

impl SetupForm {
    pub fn update(&mut self, action: Action) -> SetupOutcome {
        match action {
            Action::NextField => self.focus = (self.focus + 1) % 3,
            Action::PrevField => self.focus = (self.focus + 2) % 3,
            Action::Accept => {
                if self.inputs[self.focus].text().trim().is_empty() {
                    let id = [
                        "setup-empty-officer",
                        "setup-empty-badge",
                        "setup-empty-device",
                    ];
                    self.error = Some(crate::i18n::text(self.lang, id[self.focus]));
                } else if let Some(empty) =
                    (0..3).find(|i| self.inputs[*i].text().trim().is_empty())
                {
                    self.error = None;
                    self.focus = empty;
                } else {
                    self.error = None;
                    return SetupOutcome::Save(InitOptions {
                        officer_name: self.inputs[0].text().trim().to_string(),
                        badge: self.inputs[1].text().trim().to_string(),
                        device_name: self.inputs[2].text().trim().to_string(),
                        kind: DbKind::Field,
                        role: Role::Officer,
                    });
                }
            }
            a if LineInput::is_edit(a) => {
                self.inputs[self.focus].edit(a);
            }
            _ => {}
        }
        SetupOutcome::Continue
    }

    pub fn type_char(&mut self, c: char) {
        self.inputs[self.focus].insert(c);
    }
}
