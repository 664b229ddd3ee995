//! The Record tab: the open drafts, and the editor of one record (shipment, inspection,
//! measurements, findings, seizures, then custody transfers once finalized).
//!
//! Every change is saved at once (one store call = one transaction). Finalizing,
//! appending a custody transfer and discarding a draft return `Effect::Confirm` holding
//! the [`PendingWrite`](crate::tui::pending::PendingWrite); the App asks, runs exactly
//! that write on `y`, and hands the outcome back ([`RecordScreen::written`]).
//!
//! Files: `editor.rs` (the record being edited), `form.rs` (the field engine),
//! `shipment.rs` / `inspection.rs` / `seizure.rs` (each part's form and conversions),
//! `drafts.rs` (the open drafts list), `open.rs` (opening records), `save.rs` (draft writes), `finalize.rs` (the risky
//! writes, receipt, amendment), `keys.rs`, `view.rs`.

mod attach;
mod choices;
mod declaration;
pub mod discard;
mod drafts;
mod editor;
mod finalize;
mod focus;
pub mod form;
pub mod inspection;
mod keys;
mod open;
mod save;
pub mod seizure;
pub mod shipment;
mod times;
mod training;
mod view;
mod wrap;

use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::Rect;

pub use self::drafts::{draft_title, draft_title_of};
pub use self::editor::{Editor, Item, Section};
pub use self::training::ReadingOutcome;
use super::{Cx, Screen, ViewCx};
use crate::rules::RulePack;
use crate::store::DraftSummary;
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::widgets::input::LineInput;

/// What the one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    ReceiptPath,
    AmendReason,
    /// the file to attach (Tab completes), then its caption
    AttachPath,
    AttachCaption,
    /// the declaration file whose shipment fills the Shipment form (Tab completes)
    DeclarationPath,
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
    pub editor: Option<Editor>,
    /// A line being typed: the receipt path or an amendment's reason.
    pub prompt: Option<Prompt>,
    pub pack: Option<Rc<RulePack>>,
    /// A headquarters database: the empty drafts list offers no new record.
    pub hq: bool,
    /// The file named in the attach prompt while its caption is typed.
    pub attach_path: Option<std::path::PathBuf>,
}

impl RecordScreen {
    pub fn set_pack(&mut self, pack: Option<Rc<RulePack>>) {
        self.pack = pack;
        if let Some(ed) = &mut self.editor {
            ed.recompute(self.pack.as_deref());
        }
    }

    pub fn load_drafts(&mut self, cx: &mut Cx) -> Effect {
        self.hq = cx.store.device().db_kind().ok() == Some(crate::domain::DbKind::Hq);
        match cx.store.records().open_drafts() {
            Ok(d) => {
                self.drafts = d;
                self.selected = self.selected.min(self.drafts.len().saturating_sub(1));
                Effect::None
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-drafts-error",
                error = e.to_string()
            )),
        }
    }
}

impl Screen for RecordScreen {
    fn title(&self) -> &'static str {
        "tab-record"
    }

    fn context(&self) -> Context {
        if self.prompt.is_some() {
            Context::RecordPrompt
        } else if let Some(ed) = &self.editor {
            ed.discard.context(match (ed.finalized, ed.editable()) {
                (false, _) => Context::RecordForm,
                (true, Ok(())) => Context::RecordCustody,
                (true, Err(_)) => Context::RecordView,
            })
        } else {
            Context::Record
        }
    }

    fn activate(&mut self, cx: &mut Cx) -> Effect {
        if self.editor.is_some() {
            return Effect::None;
        }
        self.load_drafts(cx)
    }

    fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.prompt.is_some() {
            return self.update_prompt(action, cx);
        }
        if self.editor.is_some() {
            return self.update_editor(action, cx);
        }
        self.update_list(action, cx)
    }

    fn type_char(&mut self, c: char, cx: &mut Cx) -> Effect {
        self.typed(c, cx)
    }

    /// Text that could not be saved (a value that does not parse), or a custody
    /// transfer or a path typed but not yet written.
    fn has_unsaved(&self) -> bool {
        self.prompt.is_some() || self.editor.as_ref().is_some_and(Editor::has_unsaved)
    }

    fn render(&self, f: &mut Frame, area: Rect, v: &ViewCx) {
        view::render(self, f, area, v);
    }

    fn text_locked(&self) -> bool {
        self.prompt.is_none() && self.editor.as_ref().is_some_and(|e| e.editable().is_err())
    }
}
