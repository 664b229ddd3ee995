//! The Record tab: the open drafts, and the editor of one record (shipment, inspection,
//! measurements, findings, seizures, then custody transfers once finalized).
//!
//! Every change is saved at once (one store call = one transaction). Finalizing and
//! appending a custody transfer first open a confirmation that holds the pending write
//! as data ([`PendingWrite`]); `y` runs exactly that write.

use std::rc::Rc;

use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::Rect;

pub use super::record_editor::{Editor, Item, Section};
use super::record_form::Form;
use super::{Cx, Screen};
use crate::domain::CustodyEvent;
use crate::rules::RulePack;
use crate::store::DraftSummary;
use crate::tui::action::Action;
use crate::tui::keymap::{Binding, Context, Key, bind, hint, text_bindings};
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;

/// The parts of a record, one per editor section.
/// A write waiting for the officer's yes: exactly what will be done.
#[derive(Debug, Clone, PartialEq)]
pub enum PendingWrite {
    Finalize {
        inspection_id: String,
        question: String,
    },
    Custody {
        seizure_id: String,
        event: CustodyEvent,
        question: String,
    },
    Discard {
        id: String,
        question: String,
    },
}

impl PendingWrite {
    pub fn question(&self) -> &str {
        match self {
            PendingWrite::Finalize { question, .. }
            | PendingWrite::Custody { question, .. }
            | PendingWrite::Discard { question, .. } => question,
        }
    }
}

/// What the one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    ReceiptPath,
    AmendReason,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: LineInput,
}

impl Prompt {
    pub fn new(kind: PromptKind) -> Option<Prompt> {
        Some(Prompt {
            kind,
            input: LineInput::default(),
        })
    }
}

#[derive(Default)]
pub struct RecordScreen {
    pub drafts: Vec<DraftSummary>,
    pub selected: usize,
    pub loaded: bool,
    pub editor: Option<Editor>,
    pub pending: Option<PendingWrite>,
    /// A line being typed: the receipt path or an amendment's reason.
    pub prompt: Option<Prompt>,
    pub pack: Option<Rc<RulePack>>,
    /// Set when a write changed the sync queue (the App refreshes the status bar).
    pub queue_changed: bool,
}

pub fn bindings() -> Vec<Binding> {
    use Action::*;
    let c = Context::Record;
    let mut v = vec![
        hint(c, Key::ch('n'), NewRecord, "new record"),
        hint(c, Key::plain(KeyCode::Enter), Open, "resume draft"),
        bind(c, Key::ch('j'), Down, "down"),
        bind(c, Key::plain(KeyCode::Down), Down, "down"),
        bind(c, Key::ch('k'), Up, "up"),
        bind(c, Key::plain(KeyCode::Up), Up, "up"),
        bind(c, Key::ch('g'), Top, "first draft (reload)"),
        hint(c, Key::ch('d'), DiscardDraft, "discard draft"),
    ];
    let f = Context::RecordForm;
    v.extend([
        hint(f, Key::plain(KeyCode::Tab), NextField, "next field"),
        bind(f, Key::plain(KeyCode::Down), NextField, "next field"),
        bind(f, Key::plain(KeyCode::BackTab), PrevField, "previous field"),
        bind(f, Key::plain(KeyCode::Up), PrevField, "previous field"),
        bind(
            f,
            Key::plain(KeyCode::Enter),
            Accept,
            "next field / new line",
        ),
        hint(f, Key::ctrl('n'), NextPane, "next section"),
        bind(f, Key::ctrl('p'), PrevPane, "previous section"),
        hint(f, Key::ctrl('o'), AddItem, "add row"),
        bind(f, Key::ctrl('d'), RemoveItem, "remove row"),
        bind(f, Key::ctrl('y'), AcceptSuggestion, "accept suggestion"),
        bind(f, Key::ctrl('k'), DismissSuggestion, "dismiss suggestion"),
        hint(f, Key::ctrl('f'), Finalize, "finalize"),
        bind(f, Key::ctrl('t'), AddCustody, "append custody transfer"),
        bind(f, Key::ctrl('r'), ExportReceipt, "export seizure receipt"),
        bind(f, Key::ctrl('w'), Amend, "amend the finalized record"),
        hint(f, Key::plain(KeyCode::Esc), Cancel, "drafts list"),
    ]);
    v.extend(text_bindings(f));
    let p = Context::RecordPrompt;
    v.extend([
        hint(p, Key::plain(KeyCode::Enter), Accept, "done"),
        hint(p, Key::plain(KeyCode::Esc), Cancel, "cancel"),
    ]);
    v.extend(text_bindings(p));
    // started from the Shipments tab
    let s = Context::Shipments;
    v.extend([
        bind(s, Key::ch('i'), InspectShipment, "record an inspection"),
        bind(s, Key::ch('n'), NewRecord, "new record"),
        bind(s, Key::ch('o'), OpenRecord, "open latest record"),
    ]);
    v
}

impl RecordScreen {
    pub fn set_pack(&mut self, pack: Option<Rc<RulePack>>) {
        self.pack = pack;
        if let Some(ed) = &mut self.editor {
            ed.recompute(self.pack.as_deref());
        }
    }

    pub fn load_drafts(&mut self, cx: &mut Cx) {
        match cx.store.open_drafts() {
            Ok(d) => {
                self.drafts = d;
                self.selected = self.selected.min(self.drafts.len().saturating_sub(1));
                self.loaded = true;
            }
            Err(e) => cx.error(format!("open drafts: {e}")),
        }
    }
}

impl Screen for RecordScreen {
    fn title(&self) -> &'static str {
        "Record"
    }

    fn context(&self) -> Context {
        if self.pending.is_some() {
            Context::Confirm
        } else if self.prompt.is_some() {
            Context::RecordPrompt
        } else if self.editor.is_some() {
            Context::RecordForm
        } else {
            Context::Record
        }
    }

    fn activate(&mut self, cx: &mut Cx) {
        if self.editor.is_none() {
            self.load_drafts(cx);
        }
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> bool {
        if let Some(p) = self.pending.take() {
            if action == Action::Yes {
                self.run_pending(p, cx);
            }
            return true;
        }
        if self.prompt.is_some() {
            return self.update_prompt(action, cx);
        }
        if self.editor.is_some() {
            return self.update_editor(action, cx);
        }
        self.update_list(action, cx)
    }

    fn type_char(&mut self, c: char, cx: &mut Cx) -> bool {
        if let Some(p) = &mut self.prompt {
            p.input.insert(c);
            return true;
        }
        let Some(ed) = &mut self.editor else {
            return false;
        };
        if cx.read_only {
            cx.error("read-only: this record cannot change".into());
            return true;
        }
        if let Err(e) = ed.editable() {
            cx.error(e.into());
            return true;
        }
        match ed.form_mut() {
            Some(f) => {
                if f.type_char(c) {
                    self.save_current(cx);
                }
            }
            None => cx.error("no row here yet: C-o adds one".into()),
        }
        true
    }

    /// Text that could not be saved (a value that does not parse), or a custody
    /// transfer or a path typed but not yet written.
    fn has_unsaved(&self) -> bool {
        self.prompt.is_some()
            || self.editor.as_ref().is_some_and(|e| {
                !e.unsaved_fields().is_empty()
                    || (e.finalized && e.custody.fields.iter().any(|f| f.name != "at" && f.touched))
            })
    }

    fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        super::record_view::render(self, f, area, theme);
    }

    fn text_locked(&self) -> bool {
        self.pending.is_none()
            && self.prompt.is_none()
            && self.editor.as_ref().is_some_and(|e| e.editable().is_err())
    }
}

impl RecordScreen {
    fn update_editor(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Some(ed) = &mut self.editor else {
            return false;
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
            Action::Finalize => self.ask_finalize(cx),
            Action::AddCustody => self.ask_custody(cx),
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
            a if LineInput::is_edit(a) || a == Action::Accept => {
                let moves = matches!(
                    a,
                    Action::CursorLeft
                        | Action::CursorRight
                        | Action::CursorHome
                        | Action::CursorEnd
                );
                let blocked = if cx.read_only {
                    Err("read-only: this record cannot change")
                } else {
                    ed.editable()
                };
                match blocked {
                    Err(_) if moves => {
                        ed.form_mut().map(|f| f.edit(a));
                    }
                    Err(e) => cx.error(e.into()),
                    Ok(()) => {
                        if ed.form_mut().is_some_and(|f| f.edit(a)) {
                            self.save_current(cx);
                        }
                    }
                }
            }
            _ => return false,
        }
        true
    }

    fn update_list(&mut self, action: Action, cx: &mut Cx) -> bool {
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
                    self.pending = Some(PendingWrite::Discard {
                        id: d.inspection_id.clone().unwrap_or(d.shipment_id.clone()),
                        question: format!(
                            "Discard the {what} {}? Its data stays in the audit log.",
                            super::record_view::draft_title(d)
                        ),
                    });
                }
            }
            _ => return false,
        }
        true
    }

    fn update_prompt(&mut self, action: Action, cx: &mut Cx) -> bool {
        let Some(p) = &mut self.prompt else {
            return false;
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
        true
    }
}
