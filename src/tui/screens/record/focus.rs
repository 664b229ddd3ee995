//! Where a draft was last edited: remembered with the draft (`section:item:field`, one
//! store call when it changes) and restored when the draft is resumed.

use super::{Editor, RecordScreen, Section};
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;

const SECTIONS: [(&str, Section); 5] = [
    ("shipment", Section::Shipment),
    ("inspection", Section::Inspection),
    ("measurements", Section::Measurements),
    ("findings", Section::Findings),
    ("seizures", Section::Seizures),
];

impl Editor {
    /// The field in focus as remembered with the draft; None where nothing is a draft.
    pub fn focus_key(&self) -> Option<String> {
        let section = self.section();
        let name = SECTIONS.iter().find(|(_, s)| *s == section)?.0;
        let field = self.form()?.focused()?.name;
        Some(format!("{name}:{}:{field}", self.item))
    }

    /// Puts the focus where `key` says; false when the draft has no such field.
    pub fn restore_focus(&mut self, key: &str) -> bool {
        let mut parts = key.splitn(3, ':');
        let (Some(name), Some(item), Some(field)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let Some((_, section)) = SECTIONS.iter().find(|(n, _)| *n == name) else {
            return false;
        };
        let Ok(item) = item.parse::<usize>() else {
            return false;
        };
        if self.items(*section).is_some_and(|v| item >= v.len()) {
            return false;
        }
        let (old_section, old_item) = (self.section, self.item);
        self.section = Some(*section);
        self.item = item;
        let found = self
            .form()
            .and_then(|f| f.fields.iter().position(|x| x.name == field));
        match (found, self.form_mut()) {
            (Some(i), Some(f)) => {
                f.focus = i;
                true
            }
            _ => {
                (self.section, self.item) = (old_section, old_item);
                false
            }
        }
    }
}

impl RecordScreen {
    /// Remembers the edited field with the draft when it moved since the last time.
    pub(super) fn store_focus(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = self.editor.as_mut() else {
            return Effect::None;
        };
        let (Some(shipment), Some(key)) = (ed.shipment_id.clone(), ed.focus_key()) else {
            return Effect::None;
        };
        if ed.finalized || cx.read_only || ed.stored_focus.as_deref() == Some(key.as_str()) {
            return Effect::None;
        }
        match cx.store.records_mut().set_draft_focus(&shipment, &key) {
            Ok(()) => {
                ed.stored_focus = Some(key);
                Effect::None
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-saving-focus",
                error = e.to_string()
            )),
        }
    }

    /// A draft being resumed opens at the field last edited.
    pub(super) fn resume_focus(&mut self, cx: &mut Cx) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let Some(shipment) = ed.shipment_id.clone() else {
            return;
        };
        if ed.finalized {
            return;
        }
        if let Ok(Some(key)) = cx.store.records().draft_focus(&shipment)
            && ed.restore_focus(&key)
        {
            ed.stored_focus = Some(key);
        }
    }
}
