//! The Record tab's keys: the drafts list, the editor's fields and sections, the
//! one-line prompt.

use super::form::Form;
use super::{Prompt, PromptKind, RecordScreen, draft_title};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::pending::PendingWrite;
use crate::tui::screens::Cx;
use crate::tui::widgets::input::LineInput;

impl RecordScreen {
    /// A printable key no binding took.
    pub(super) fn typed(&mut self, c: char, cx: &mut Cx) -> Effect {
        if let Some(p) = &mut self.prompt {
            p.input.insert(c);
            return Effect::Redraw;
        }
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        if cx.read_only {
            cx.error("read-only: this record cannot change".into());
            return Effect::Redraw;
        }
        if let Err(e) = ed.editable() {
            cx.error(e.into());
            return Effect::Redraw;
        }
        match ed.form_mut() {
            Some(f) => {
                if f.type_char(c) {
                    self.save_current(cx);
                }
            }
            None => cx.error("no row here yet: C-o adds one".into()),
        }
        Effect::Redraw
    }

    pub(super) fn update_editor(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        let multi = ed.form().is_some_and(Form::focus_is_multi);
        match action {
            Action::NextField | Action::Down => ed.move_focus(1),
            Action::Accept if !multi => ed.move_focus(1),
            Action::PrevField | Action::Up => ed.move_focus(-1),
            Action::NextPane => ed.switch_section(1),
            Action::PrevPane => ed.switch_section(-1),
            Action::Cancel | Action::Back => {
                self.editor = None;
                self.load_drafts(cx);
            }
            Action::AddItem => self.add_item(cx),
            Action::RemoveItem => self.remove_item(cx),
            Action::AcceptSuggestion => self.accept_suggestion(cx),
            Action::DismissSuggestion => self.dismiss_suggestion(cx),
            Action::Finalize => return self.ask_finalize(cx),
            Action::AddCustody => return self.ask_custody(cx),
            Action::ExportReceipt => {
                if ed.seizures.is_empty() {
                    cx.error("this record has no seizure to give a receipt for".into());
                } else {
                    self.prompt = Prompt::new(PromptKind::ReceiptPath);
                }
            }
            Action::Amend => {
                if ed.finalized {
                    self.prompt = Prompt::new(PromptKind::AmendReason);
                } else {
                    cx.error(
                        "only a finalized record is amended; this draft can still be edited".into(),
                    );
                }
            }
            a if LineInput::is_edit(a) || a == Action::Accept => self.edit_field(a, cx),
            _ => return Effect::None,
        }
        Effect::Redraw
    }

    /// An editing key in the focused field: saved when the text changed; cursor moves
    /// work even where the record cannot change.
    fn edit_field(&mut self, a: Action, cx: &mut Cx) {
        let Some(ed) = &mut self.editor else { return };
        let moves = matches!(
            a,
            Action::CursorLeft | Action::CursorRight | Action::CursorHome | Action::CursorEnd
        );
        let blocked = if cx.read_only {
            Err("read-only: this record cannot change")
        } else {
            ed.editable()
        };
        match blocked {
            Err(_) if moves => {
                if let Some(f) = ed.form_mut() {
                    f.edit(a);
                }
            }
            Err(e) => cx.error(e.into()),
            Ok(()) => {
                if ed.form_mut().is_some_and(|f| f.edit(a)) {
                    self.save_current(cx);
                }
            }
        }
    }

    pub(super) fn update_list(&mut self, action: Action, cx: &mut Cx) -> Effect {
        match action {
            Action::Down => {
                self.selected = (self.selected + 1).min(self.drafts.len().saturating_sub(1))
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Top => {
                self.selected = 0;
                self.load_drafts(cx);
            }
            Action::NewRecord => self.new_record(cx),
            Action::Open => {
                if let Some(d) = self.drafts.get(self.selected).cloned() {
                    match &d.inspection_id {
                        Some(i) => self.open_inspection(i, cx),
                        None => self.open_shipment(&d.shipment_id, cx),
                    }
                }
            }
            Action::DiscardDraft => {
                if let Some(d) = self.drafts.get(self.selected) {
                    let what = if d.inspection_id.is_some() {
                        "draft inspection"
                    } else {
                        "draft shipment"
                    };
                    let id = d.inspection_id.clone().unwrap_or(d.shipment_id.clone());
                    return Effect::Confirm(PendingWrite::Discard { id }.ask(format!(
                        "Discard the {what} {}? Its data stays in the audit log.",
                        draft_title(d)
                    )));
                }
            }
            _ => return Effect::None,
        }
        Effect::Redraw
    }

    pub(super) fn update_prompt(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(p) = &mut self.prompt else {
            return Effect::None;
        };
        match action {
            Action::Cancel => self.prompt = None,
            Action::Accept => {
                let text = p.input.text().trim().to_string();
                let done = match p.kind {
                    PromptKind::ReceiptPath => self.export_receipt(&text, cx),
                    PromptKind::AmendReason => self.amend(&text, cx),
                };
                if done {
                    self.prompt = None;
                }
            }
            a => {
                p.input.edit(a);
            }
        }
        Effect::Redraw
    }
}
