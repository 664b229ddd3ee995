//! The Record tab's risky writes: finalize, custody transfers and discarding a draft go
//! through a [`PendingWrite`] the officer confirms (run by the App, outcome back in
//! [`RecordScreen::written`]); and the seizure receipt export and the amendment.

use std::io::Write;

use super::seizure as sz;
use super::{RecordScreen, Section, draft_title_of};
use crate::domain::sanitize;
use crate::report::{Receipt, ReceiptFormat};
use crate::tui::effect::Effect;
use crate::tui::pending::PendingWrite;
use crate::tui::screens::Cx;

impl RecordScreen {
    /// Checks the draft; when valid, asks for confirmation holding the finalize as data.
    pub fn ask_finalize(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::Redraw;
        };
        if ed.finalized {
            cx.error("this record is already finalized".into());
            return Effect::Redraw;
        }
        let Some(id) = ed.inspection_id.clone() else {
            ed.validate_all(true);
            cx.error(
                "cannot finalize: the inspection is not started (C-n: Inspection section)".into(),
            );
            return Effect::Redraw;
        };
        match cx.store.records().finalize_problems(&id) {
            Ok(p) if p.is_empty() => {
                return Effect::Confirm(PendingWrite::Finalize { inspection_id: id }.ask(format!(
                    "Finalize the record of {}? It becomes immutable, is added to this device's chain and queued for sync.",
                    draft_title_of(&ed.shipment_base)
                )));
            }
            Ok(p) => {
                ed.validate_all(true);
                ed.problems = p.iter().map(|e| e.to_string()).collect();
                cx.error(format!(
                    "cannot finalize: {} problem{} (listed on the right); the draft is saved",
                    p.len(),
                    if p.len() == 1 { "" } else { "s" }
                ));
            }
            Err(e) => cx.error(format!("checking the draft: {e}")),
        }
        Effect::Redraw
    }

    pub fn ask_custody(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::Redraw;
        };
        let seizure = ed.seizures.get(ed.item).or(ed.seizures.last());
        let Some(seizure_id) = seizure.filter(|_| ed.finalized).map(|s| s.id.clone()) else {
            cx.error("custody transfers are appended to the seizures of a finalized record".into());
            return Effect::Redraw;
        };
        ed.section = Some(Section::Custody);
        let (event, errs) = sz::read_custody(&ed.custody);
        ed.custody.set_errors(&errs);
        if let Some(first) = errs.first() {
            ed.custody.touch_all();
            cx.error(format!("custody transfer: {first}"));
            return Effect::Redraw;
        }
        let question = format!(
            "Append the transfer from {} to {} at {} to the chain? It cannot be undone.",
            sanitize(&event.from_party),
            sanitize(&event.to_party),
            sanitize(&event.at)
        );
        Effect::Confirm(PendingWrite::Custody { seizure_id, event }.ask(question))
    }

    /// A confirmed write ran (`result`: its outcome in words): the editor or the drafts
    /// list is read again, then the outcome shows.
    pub fn written(
        &mut self,
        write: &PendingWrite,
        result: Result<String, String>,
        cx: &mut Cx,
    ) -> Effect {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                cx.error(e);
                return Effect::Redraw;
            }
        };
        let effect = match write {
            PendingWrite::Finalize { inspection_id } => {
                self.open_inspection(inspection_id, cx);
                Effect::Finalized
            }
            PendingWrite::Custody { .. } => {
                let item = self.editor.as_ref().map_or(0, |e| e.item);
                if let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) {
                    self.open_inspection(&id, cx);
                }
                if let Some(ed) = &mut self.editor {
                    ed.item = item.min(ed.seizures.len().saturating_sub(1));
                    ed.section = Some(Section::Custody);
                    ed.prefill_custody(&cx.clock);
                }
                Effect::Finalized
            }
            _ => {
                self.load_drafts(cx);
                Effect::Redraw
            }
        };
        cx.info(text);
        effect
    }

    /// Writes the seizure receipt to a new file (`.md`: Markdown, else plain text).
    /// True when written.
    pub fn export_receipt(&mut self, path: &str, cx: &mut Cx) -> bool {
        let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) else {
            cx.error("nothing saved yet to give a receipt for".into());
            return false;
        };
        if path.is_empty() {
            cx.error("receipt path is empty; type a file name such as receipt.md".into());
            return false;
        }
        let format = if path.to_ascii_lowercase().ends_with(".md") {
            ReceiptFormat::Markdown
        } else {
            ReceiptFormat::Text
        };
        let text = match cx.store.records().load_record(&id) {
            Ok(r) => {
                Receipt::build(&r, None, self.pack.as_deref(), &cx.clock).map(|r| r.render(format))
            }
            Err(e) => Err(e.to_string()),
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                cx.error(format!("receipt: {e}"));
                return false;
            }
        };
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            });
        match written {
            Ok(()) => {
                cx.info(format!("Receipt written to {}.", sanitize(path)));
                true
            }
            Err(e) => {
                cx.error(format!("receipt path {}: {e}", sanitize(path)));
                false
            }
        }
    }

    /// Starts an amendment of the finalized record in the editor and opens it.
    pub fn amend(&mut self, reason: &str, cx: &mut Cx) -> bool {
        let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) else {
            return false;
        };
        if reason.is_empty() {
            cx.error("amendment reason is empty; say what is corrected".into());
            return false;
        }
        match cx.store.records_mut().start_amendment(&id, reason) {
            Ok((_, new_id)) => {
                self.open_inspection(&new_id, cx);
                cx.info("Amendment started: a new draft that points at the original.".into());
                true
            }
            Err(e) => {
                cx.error(format!("amending: {e}"));
                false
            }
        }
    }
}
