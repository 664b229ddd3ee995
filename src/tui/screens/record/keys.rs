//! The Record tab's keys: the drafts list, the editor's fields and sections, the
//! one-line prompt.

use super::discard::Leave;
use super::form::Form;
use super::{Prompt, PromptKind, RecordScreen, draft_title};
use crate::i18n;
use crate::t;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::pending::PendingWrite;
use crate::tui::screens::Cx;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::picker::Picked;

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
            return Effect::error(i18n::text(cx.lang, "record-read-only"));
        }
        if let Err(e) = ed.editable() {
            return Effect::error(i18n::text(cx.lang, e));
        }
        let Some(f) = ed.form_mut() else {
            return Effect::error(i18n::text(cx.lang, "record-no-row"));
        };
        if f.type_char(c) {
            Effect::Redraw.and(self.save_current(cx))
        } else {
            Effect::Redraw
        }
    }

    pub(super) fn update_editor(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        if ed.discard.asking {
            return match ed.discard.answer(action) {
                Leave::Now => self.close_editor(cx),
                Leave::Stay => Effect::Redraw,
                Leave::Ignore => Effect::None,
            };
        }
        let multi = ed.form().is_some_and(Form::focus_is_multi);
        if ed.editable().is_ok() && !cx.read_only {
            let picked = ed
                .form_mut()
                .map_or(Picked::NotMine, |f| f.pick_key(action));
            match picked {
                Picked::NotMine => {}
                Picked::Moved | Picked::Closed => return Effect::Redraw,
                Picked::Chosen(changed) => {
                    let said = if changed {
                        self.save_current(cx)
                    } else {
                        Effect::None
                    };
                    if let Some(ed) = &mut self.editor {
                        ed.move_focus(1);
                    }
                    return Effect::Redraw.and(said);
                }
            }
        }
        match action {
            Action::NextField | Action::Down => ed.move_focus(1),
            Action::Accept if !multi => ed.move_focus(1),
            Action::PrevField | Action::Up => ed.move_focus(-1),
            Action::PageDown => ed.panel_scroll = ed.panel_scroll.saturating_add(5).min(400),
            Action::PageUp => ed.panel_scroll = ed.panel_scroll.saturating_sub(5),
            Action::NextPane => ed.switch_section(1),
            Action::PrevPane => ed.switch_section(-1),
            Action::Cancel | Action::Back => {
                let unsaved = ed.has_unsaved();
                return match ed.discard.esc(unsaved) {
                    Leave::Now => self.close_editor(cx),
                    _ => Effect::Redraw,
                };
            }
            Action::AddItem => return Effect::Redraw.and(self.add_item(cx)),
            Action::RemoveItem => return Effect::Redraw.and(self.remove_item(cx)),
            Action::AcceptSuggestion => return Effect::Redraw.and(self.accept_suggestion(cx)),
            Action::DismissSuggestion => return Effect::Redraw.and(self.dismiss_suggestion(cx)),
            Action::Finalize => return self.ask_finalize(cx),
            Action::AddCustody => return self.ask_custody(cx.lang),
            Action::ExportReceipt if ed.seizures.is_empty() => {
                return Effect::error(t!(cx.lang, "editor-receipt-no-seizure"));
            }
            Action::ExportReceipt => self.prompt = Prompt::new(PromptKind::ReceiptPath),
            Action::AttachFile => return self.ask_attach(cx),
            Action::ImportDeclaration => return self.ask_declaration(cx),
            Action::Amend if ed.finalized => self.prompt = Prompt::new(PromptKind::AmendReason),
            Action::Amend => {
                return Effect::error(t!(cx.lang, "editor-amend-draft"));
            }
            a if LineInput::is_edit(a) || a == Action::Accept => {
                return Effect::Redraw.and(self.edit_field(a, cx));
            }
            _ => return Effect::None,
        }
        Effect::Redraw
    }

    /// Back to the drafts list (what was not saved is dropped).
    fn close_editor(&mut self, cx: &mut Cx) -> Effect {
        self.editor = None;
        Effect::Redraw.and(self.load_drafts(cx))
    }

    /// An editing key in the focused field: saved when the text changed; cursor moves
    /// work even where the record cannot change.
    fn edit_field(&mut self, a: Action, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        let moves = matches!(
            a,
            Action::CursorLeft | Action::CursorRight | Action::CursorHome | Action::CursorEnd
        );
        let blocked = if cx.read_only {
            Err("record-read-only")
        } else {
            ed.editable()
        };
        match blocked {
            Err(_) if moves => {
                if let Some(f) = ed.form_mut() {
                    f.edit(a);
                }
                Effect::None
            }
            Err(e) => Effect::error(i18n::text(cx.lang, e)),
            Ok(()) => {
                if ed.form_mut().is_some_and(|f| f.edit(a)) {
                    self.save_current(cx)
                } else {
                    Effect::None
                }
            }
        }
    }

    pub(super) fn update_list(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let said = match action {
            Action::Down => {
                self.selected = (self.selected + 1).min(self.drafts.len().saturating_sub(1));
                Effect::None
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Effect::None
            }
            Action::Top => {
                self.selected = 0;
                self.load_drafts(cx)
            }
            Action::NewRecord => self.new_record(cx),
            Action::Open => match self.drafts.get(self.selected).cloned() {
                Some(d) => match &d.inspection_id {
                    Some(i) => self.open_inspection(i, cx),
                    None => self.open_shipment(&d.shipment_id, cx),
                },
                None => Effect::None,
            },
            Action::DiscardDraft => {
                if let Some(d) = self.drafts.get(self.selected) {
                    let what = match d.inspection_id.is_some() {
                        true => "editor-draft-inspection",
                        false => "editor-draft-shipment",
                    };
                    let id = d.inspection_id.clone().unwrap_or(d.shipment_id.clone());
                    let ask = t!(
                        cx.lang,
                        "editor-discard-ask",
                        what = t!(cx.lang, what),
                        title = draft_title(d, cx.lang)
                    );
                    return Effect::confirm(PendingWrite::Discard { id }.ask(ask));
                }
                Effect::None
            }
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    pub(super) fn update_prompt(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let Some(p) = &mut self.prompt else {
            return Effect::None;
        };
        match action {
            Action::Cancel => {
                self.prompt = None;
                self.attach_path = None;
            }
            Action::NextField => return self.complete_path(cx.lang),
            Action::Accept => {
                let text = p.input.text().trim().to_string();
                let done = match p.kind {
                    PromptKind::ReceiptPath => self.export_receipt(&text, cx),
                    PromptKind::AmendReason => self.amend(&text, cx),
                    PromptKind::AttachPath => self.attach_path_entered(&text, cx.lang),
                    PromptKind::AttachCaption => self.attach(&text, cx),
                    PromptKind::DeclarationPath => self.import_declaration(&text, cx),
                };
                let said = match done {
                    Ok(said) => {
                        self.prompt = None;
                        said
                    }
                    Err(said) => said,
                };
                return Effect::Redraw.and(said);
            }
            a => {
                p.input.edit(a);
            }
        }
        Effect::Redraw
    }
}
