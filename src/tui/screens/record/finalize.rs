//! The Record tab's risky writes: finalize, custody transfers and discarding a draft go
//! through a [`PendingWrite`] the officer confirms (run by the App, outcome back in
//! [`RecordScreen::written`]); and the seizure receipt export and the amendment.

use std::io::Write;

use super::inspection as insp;
use super::seizure as sz;
use super::{RecordScreen, Section, draft_title_of};
use crate::domain::sanitize;
use crate::report::{Receipt, ReceiptFormat, Words};
use crate::t;
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
            return Effect::error(t!(cx.lang, "editor-already-finalized"));
        }
        let Some(id) = ed.inspection_id.clone() else {
            ed.validate_all(true);
            return Effect::error(t!(cx.lang, "editor-not-started"));
        };
        // a reading typed with a slip is stored as nothing: finalizing waits for it
        let slips: Vec<String> = ed
            .measurements
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let e = insp::value_problem(&m.form)?;
                let reason = sanitize(&crate::i18n::field_error(cx.lang, &e)).into_owned();
                Some(t!(
                    cx.lang,
                    "record-measurement-slip",
                    row = i + 1,
                    reason = reason
                ))
            })
            .collect();
        match cx.store.records().finalize_problems(&id) {
            Ok(p) if p.is_empty() && slips.is_empty() => {
                let ask = t!(
                    cx.lang,
                    "editor-finalize-ask",
                    title = draft_title_of(&ed.shipment_base, cx.lang)
                );
                Effect::confirm(PendingWrite::Finalize { inspection_id: id }.ask(ask))
            }
            Ok(p) => {
                ed.validate_all(true);
                ed.problems = slips;
                ed.problems
                    .extend(p.iter().map(|e| crate::i18n::field_error(cx.lang, e)));
                let n = ed.problems.len();
                Effect::error(t!(cx.lang, "editor-cannot-finalize", count = n))
            }
            Err(e) => Effect::error(t!(cx.lang, "editor-checking", error = e.to_string())),
        }
    }

    pub fn ask_custody(&mut self, lang: crate::domain::Lang) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::Redraw;
        };
        let seizure = ed.seizures.get(ed.item).or(ed.seizures.last());
        let Some(seizure_id) = seizure.filter(|_| ed.finalized).map(|s| s.id.clone()) else {
            return Effect::error(t!(lang, "editor-custody-after-finalize"));
        };
        ed.section = Some(Section::Custody);
        let (event, errs) = sz::read_custody(&ed.custody);
        ed.custody.set_errors(&errs);
        if let Some(first) = errs.first() {
            ed.custody.touch_all();
            let problem = crate::i18n::field_error(lang, first);
            return Effect::error(t!(lang, "editor-custody-problem", problem = problem));
        }
        let question = t!(
            lang,
            "editor-custody-ask",
            from = sanitize(&event.from_party).into_owned(),
            to = sanitize(&event.to_party).into_owned(),
            at = sanitize(&event.at).into_owned()
        );
        Effect::confirm(PendingWrite::Custody { seizure_id, event }.ask(question))
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
            Err(e) => return Effect::error(e),
        };
        let effect = match write {
            PendingWrite::Finalize { inspection_id } => self
                .open_inspection(inspection_id, cx)
                .and(Effect::Finalized),
            PendingWrite::Custody { .. } => {
                let item = self.editor.as_ref().map_or(0, |e| e.item);
                let opened = match self.editor.as_ref().and_then(|e| e.inspection_id.clone()) {
                    Some(id) => self.open_inspection(&id, cx),
                    None => Effect::None,
                };
                if let Some(ed) = &mut self.editor {
                    ed.item = item.min(ed.seizures.len().saturating_sub(1));
                    ed.section = Some(Section::Custody);
                    ed.prefill_custody(&cx.clock);
                }
                opened.and(Effect::Finalized)
            }
            _ => self.load_drafts(cx).and(Effect::Redraw),
        };
        effect.and(Effect::info(text))
    }

    /// Writes the seizure receipt to a new file (`.md`: Markdown, else plain text).
    /// Ok when written; either way, what to say.
    pub fn export_receipt(&mut self, path: &str, cx: &mut Cx) -> Result<Effect, Effect> {
        let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) else {
            return Err(Effect::error(t!(cx.lang, "editor-receipt-unsaved")));
        };
        if path.is_empty() {
            return Err(Effect::error(t!(cx.lang, "editor-receipt-path-empty")));
        }
        let format = if path.to_ascii_lowercase().ends_with(".md") {
            ReceiptFormat::Markdown
        } else {
            ReceiptFormat::Text
        };
        let text = match cx.store.records().load_record(&id) {
            Ok(r) => {
                let training = matches!(cx.store.training().setup(), Ok(Some(_)));
                // in Chinese the exporter's copy: Chinese with English beside and below
                let words = Words {
                    lang: cx.lang,
                    bilingual: cx.lang == crate::domain::Lang::Zh,
                };
                let who = cx.store.db().identity().ok().flatten();
                let files = cx.store.records().attachments(&id).unwrap_or_default();
                Receipt::build_in(&r, None, self.pack.as_deref(), &cx.clock, words)
                    .map(|x| x.with_officer(&r, who.as_ref(), words))
                    .map(|x| x.with_attachments(&files, words))
                    .map(|r| match training {
                        true => r.marked_training(cx.lang),
                        false => r,
                    })
                    .map(|r| r.render(format))
            }
            Err(e) => Err(e.to_string()),
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => return Err(Effect::error(format!("receipt: {e}"))),
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
            Ok(()) => Ok(Effect::info(t!(
                cx.lang,
                "editor-receipt-written",
                path = sanitize(path).into_owned()
            ))),
            Err(e) => Err(Effect::error(t!(
                cx.lang,
                "editor-receipt-path-error",
                path = sanitize(path).into_owned(),
                error = e.to_string()
            ))),
        }
    }

    /// Starts an amendment of the finalized record in the editor and opens it. Ok when
    /// started; either way, what to say.
    pub fn amend(&mut self, reason: &str, cx: &mut Cx) -> Result<Effect, Effect> {
        let Some(id) = self.editor.as_ref().and_then(|e| e.inspection_id.clone()) else {
            return Err(Effect::None);
        };
        if reason.is_empty() {
            return Err(Effect::error(t!(cx.lang, "editor-amend-empty")));
        }
        match cx.store.records_mut().start_amendment(&id, reason) {
            Ok((_, new_id)) => {
                let said = Effect::info(t!(cx.lang, "editor-amend-started"));
                Ok(self.open_inspection(&new_id, cx).and(said))
            }
            Err(e) => Err(Effect::error(format!("amending: {e}"))),
        }
    }
}
