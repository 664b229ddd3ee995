//! The Record tab's risky writes: finalize, custody transfers and discarding a draft go
//! through a [`PendingWrite`] the officer confirms; and the seizure receipt export.

use std::io::Write;

use super::Cx;
use super::record::{PendingWrite, RecordScreen, Section};
use super::record_seizure as sz;
use super::record_view::draft_title_of;
use crate::domain::sanitize;
use crate::report::{ReceiptFormat, seizure_receipt};

impl RecordScreen {
    /// Checks the draft; when valid, asks for confirmation holding the finalize as data.
    pub fn ask_finalize(&mut self, cx: &mut Cx) {
        let Some(ed) = &mut self.editor else { return };
        if ed.finalized {
            return cx.error("this record is already finalized".into());
        }
        let Some(id) = ed.inspection_id.clone() else {
            ed.validate_all(true);
            return cx.error(
                "cannot finalize: the inspection is not started (C-n: Inspection section)".into(),
            );
        };
        match cx.store.finalize_problems(&id) {
            Ok(p) if p.is_empty() => {
                self.pending = Some(PendingWrite::Finalize {
                    inspection_id: id,
                    question: format!(
                        "Finalize the record of {}? It becomes immutable, is added to this device's chain and queued for sync.",
                        draft_title_of(&ed.shipment_base)
                    ),
                });
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
    }

    pub fn ask_custody(&mut self, cx: &mut Cx) {
        let Some(ed) = &mut self.editor else { return };
        if !ed.finalized || ed.seizures.is_empty() {
            return cx.error(
                "custody transfers are appended to the seizures of a finalized record".into(),
            );
        }
        ed.section = Some(Section::Custody);
        let (event, errs) = sz::read_custody(&ed.custody);
        ed.custody.set_errors(&errs);
        if !errs.is_empty() {
            ed.custody.touch_all();
            return cx.error(format!("custody transfer: {}", errs[0]));
        }
        let seizure = &ed.seizures[ed.item.min(ed.seizures.len() - 1)];
        self.pending = Some(PendingWrite::Custody {
            seizure_id: seizure.id.clone(),
            question: format!(
                "Append the transfer from {} to {} at {} to the chain? It cannot be undone.",
                sanitize(&event.from_party),
                sanitize(&event.to_party),
                sanitize(&event.at)
            ),
            event,
        });
    }

    /// Runs the confirmed write.
    pub fn run_pending(&mut self, p: PendingWrite, cx: &mut Cx) {
        match p {
            PendingWrite::Finalize { inspection_id, .. } => {
                match cx.store.finalize_inspection(&inspection_id) {
                    Ok(f) => {
                        self.queue_changed = true;
                        self.open_inspection(&inspection_id, cx);
                        cx.info(format!(
                            "Finalized: chain record #{} ({}…), verdict {}, rule pack {}.",
                            f.seq,
                            &f.hash[..f.hash.len().min(12)],
                            f.verdict,
                            f.rule_pack_version
                        ));
                    }
                    Err(e) => cx.error(format!("finalizing: {e}")),
                }
            }
            PendingWrite::Custody {
                seizure_id, event, ..
            } => match cx.store.add_custody_event(&seizure_id, &event) {
                Ok(c) => {
                    self.queue_changed = true;
                    let item = self.editor.as_ref().map_or(0, |e| e.item);
                    if let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) {
                        self.open_inspection(&id, cx);
                    }
                    if let Some(ed) = &mut self.editor {
                        ed.item = item.min(ed.seizures.len().saturating_sub(1));
                        ed.section = Some(Section::Custody);
                        ed.prefill_custody();
                    }
                    cx.info(format!(
                        "Custody transfer recorded: chain record #{}.",
                        c.seq
                    ));
                }
                Err(e) => cx.error(format!("custody transfer: {e}")),
            },
            PendingWrite::Discard { id, .. } => match cx.store.discard_draft(&id) {
                Ok(()) => {
                    self.load_drafts(cx);
                    cx.info("Draft discarded (kept in the audit log).".into());
                }
                Err(e) => cx.error(format!("discarding: {e}")),
            },
        }
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
        let text = match cx.store.load_record(&id) {
            Ok(r) => seizure_receipt(&r, None, self.pack.as_deref(), format),
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
        match cx.store.start_amendment(&id, reason) {
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
