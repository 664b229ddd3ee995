//! The Record tab's draft writes: each change is one store call (one transaction with
//! its audit row). Finalize, custody and discard: `record_finalize.rs`.

use super::{Editor, Item, RecordScreen, Section};
use super::{inspection as insp, seizure as sz, shipment as ship};
use crate::domain::{Finding, Measurement};
use crate::i18n;
use crate::rules::Suggestion;
use crate::t;
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;

impl RecordScreen {
    /// Creates the draft shipment on the first change.
    /// Err: what to say (`Effect::None` when there is no editor).
    fn ensure_shipment(&mut self, cx: &mut Cx) -> Result<String, Effect> {
        let ed = self.editor.as_mut().ok_or(Effect::None)?;
        if let Some(id) = &ed.shipment_id {
            return Ok(id.clone());
        }
        match cx.store.records_mut().create_shipment(&ed.shipment_base) {
            Ok(id) => {
                ed.shipment_id = Some(id.clone());
                Ok(id)
            }
            Err(e) => Err(Effect::error(t!(
                cx.lang,
                "editor-saving-shipment",
                error = e.to_string()
            ))),
        }
    }

    /// Starts the draft inspection on the first change that needs it.
    pub(super) fn ensure_inspection(&mut self, cx: &mut Cx) -> Result<String, Effect> {
        let shipment_id = self.ensure_shipment(cx)?;
        let ed = self.editor.as_mut().ok_or(Effect::None)?;
        if let Some(id) = &ed.inspection_id {
            return Ok(id.clone());
        }
        let started = cx
            .store
            .records_mut()
            .start_inspection(&shipment_id, &ed.inspection_base)
            .and_then(|id| Ok((cx.store.records().load_record(&id)?.inspection.data, id)));
        match started {
            Ok((data, id)) => {
                ed.inspection_base = data;
                ed.inspection_id = Some(id.clone());
                Ok(id)
            }
            Err(e) => Err(Effect::error(t!(
                cx.lang,
                "editor-starting-inspection",
                error = e.to_string()
            ))),
        }
    }

    /// Validates the focused form and saves it (one transaction).
    pub fn save_current(&mut self, cx: &mut Cx) -> Effect {
        let Some(section) = self.editor.as_ref().map(Editor::section) else {
            return Effect::None;
        };
        let said = match section {
            Section::Shipment => self.save_shipment(cx),
            Section::Inspection => {
                let Some(ed) = self.editor.as_mut() else {
                    return Effect::None;
                };
                let (data, errs) =
                    insp::read_inspection(&ed.inspection, &ed.inspection_base, &ed.clock);
                ed.inspection.set_errors(&errs);
                let new = ed.inspection_id.is_none();
                ed.inspection_base = data.clone();
                // a new inspection is started with the typed value: one store call
                match self.ensure_inspection(cx) {
                    Ok(id) if !new => saved(
                        cx.lang,
                        cx.store
                            .records_mut()
                            .update_inspection(&id, &data)
                            .map(|_| ()),
                    ),
                    Ok(_) => Effect::None,
                    Err(said) => said,
                }
            }
            Section::Custody => {
                if let Some(ed) = self.editor.as_mut() {
                    let (_, errs) = sz::read_custody(&ed.custody);
                    ed.custody.set_errors(&errs);
                }
                Effect::None
            }
            list => saved(cx.lang, self.save_item(list, cx)),
        };
        if let Some(ed) = &mut self.editor {
            ed.problems.clear();
            ed.recompute(self.pack.as_deref());
        }
        said.and(self.store_verdict(cx)).and(self.store_focus(cx))
    }

    /// Stores the live screening with the draft inspection when its verdict changed
    /// (one transaction; finalizing stores it again with the pack then in force).
    pub(super) fn store_verdict(&mut self, cx: &mut Cx) -> Effect {
        let (Some(ed), Some(pack)) = (self.editor.as_mut(), self.pack.as_deref()) else {
            return Effect::None;
        };
        let (Some(id), Some(s)) = (&ed.inspection_id, &ed.screening) else {
            return Effect::None;
        };
        let verdict = s.verdict.as_str();
        if ed.finalized || ed.stored_verdict.as_deref() == Some(verdict) {
            return Effect::None;
        }
        match cx.store.records_mut().rescreen_draft(id, pack) {
            Ok(s) => {
                ed.stored_verdict = Some(s.verdict.as_str().to_string());
                Effect::None
            }
            Err(e) => Effect::error(t!(
                cx.lang,
                "editor-storing-screening",
                error = e.to_string()
            )),
        }
    }

    fn save_shipment(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = self.editor.as_mut() else {
            return Effect::None;
        };
        let (data, errs) = ship::read(&ed.shipment, &ed.shipment_base);
        ed.shipment.set_errors(&errs);
        ed.shipment_base = data.clone();
        match ed.shipment_id.clone() {
            Some(id) => saved(
                cx.lang,
                cx.store
                    .records_mut()
                    .update_shipment(&id, &data)
                    .map(|_| ()),
            ),
            None => self.ensure_shipment(cx).err().unwrap_or(Effect::None),
        }
    }

    fn save_item(&mut self, section: Section, cx: &mut Cx) -> crate::store::Result<()> {
        let Some(ed) = self.editor.as_mut() else {
            return Ok(());
        };
        let i = ed.item;
        let Some(item) = ed.items_mut(section).and_then(|v| v.get_mut(i)) else {
            return Ok(());
        };
        let id = item.id.clone();
        match section {
            Section::Measurements => {
                let (m, errs) = insp::read_measurement(&item.form, item.stored_value);
                item.form.set_errors(&errs);
                let saved = cx.store.records_mut().update_measurement(&id, &m);
                if saved.is_ok() {
                    item.stored_value = m.value;
                }
                saved.map(|_| ())
            }
            Section::Findings => {
                let base = Finding {
                    suggested: item.suggested,
                    ..Finding::default()
                };
                let (x, errs) = insp::read_finding(&item.form, &base);
                item.form.set_errors(&errs);
                cx.store.records_mut().update_finding(&id, &x).map(|_| ())
            }
            _ => {
                let (s, errs) = sz::read_seizure(&item.form, &Default::default());
                item.form.set_errors(&errs);
                cx.store.records_mut().update_seizure(&id, &s).map(|_| ())
            }
        }
    }

    pub fn add_item(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = &self.editor else {
            return Effect::None;
        };
        let section = ed.section();
        if ed.finalized {
            return Effect::error(t!(cx.lang, "editor-finalized-amend"));
        }
        if !matches!(
            section,
            Section::Measurements | Section::Findings | Section::Seizures
        ) {
            return Effect::error(t!(cx.lang, "editor-rows-where"));
        }
        let inspection_id = match self.ensure_inspection(cx) {
            Ok(id) => id,
            Err(said) => return said,
        };
        let Some(ed) = self.editor.as_mut() else {
            return Effect::None;
        };
        let added = match section {
            Section::Measurements => {
                let m = Measurement::default();
                cx.store
                    .records_mut()
                    .add_measurement(&inspection_id, &m)
                    .map(|id| (id, insp::measurement_form(&m)))
            }
            Section::Findings => {
                let x = Finding::default();
                cx.store
                    .records_mut()
                    .add_finding(&inspection_id, &x)
                    .map(|id| (id, insp::finding_form(&x)))
            }
            _ => {
                let s = sz::prefilled(ed.screening.as_ref(), &ed.shipment_base);
                cx.store
                    .records_mut()
                    .add_seizure(&inspection_id, &s)
                    .map(|id| (id, sz::seizure_form(&s)))
            }
        };
        match added {
            Ok((id, form)) => {
                if let Some(items) = ed.items_mut(section) {
                    items.push(Item {
                        id,
                        form,
                        suggested: false,
                        stored_value: None,
                    });
                    ed.item = items.len() - 1;
                }
                ed.recompute(self.pack.as_deref());
                Effect::None
            }
            Err(e) => Effect::error(format!("adding a row: {e}")),
        }
    }

    pub fn remove_item(&mut self, cx: &mut Cx) -> Effect {
        let Some(ed) = &mut self.editor else {
            return Effect::None;
        };
        let section = ed.section();
        if ed.finalized || section == Section::Custody {
            return Effect::error(t!(cx.lang, "editor-rows-final"));
        }
        let i = ed.item;
        let Some(item) = ed.items(section).and_then(|v| v.get(i)) else {
            return Effect::error(t!(cx.lang, "editor-no-row"));
        };
        let id = item.id.clone();
        let done = match section {
            Section::Measurements => cx.store.records_mut().remove_measurement(&id),
            Section::Findings => cx.store.records_mut().remove_finding(&id),
            _ => cx.store.records_mut().remove_seizure(&id),
        };
        match done {
            Ok(()) => {
                if let Some(items) = ed.items_mut(section) {
                    items.remove(i);
                    ed.item = i.min(items.len().saturating_sub(1));
                }
                ed.recompute(self.pack.as_deref());
                Effect::info(t!(cx.lang, "editor-row-removed"))
            }
            Err(e) => Effect::error(t!(cx.lang, "editor-removing-row", error = e.to_string())),
        }
    }

    /// The first suggested finding and its inspection (created if the record has none
    /// yet); Err: what the officer is told (`none`: the catalogue id when there is none).
    fn first_suggestion(
        &mut self,
        cx: &mut Cx,
        none: &str,
    ) -> Result<(Suggestion, String), Effect> {
        let Some(s) = self
            .editor
            .as_ref()
            .and_then(|e| e.suggestions.first().cloned())
        else {
            return Err(Effect::error(i18n::text(cx.lang, none)));
        };
        Ok((s, self.ensure_inspection(cx)?))
    }

    pub fn accept_suggestion(&mut self, cx: &mut Cx) -> Effect {
        let (s, inspection_id) = match self.first_suggestion(cx, "record-no-suggestion-accept") {
            Ok(found) => found,
            Err(said) => return said,
        };
        match cx
            .store
            .records_mut()
            .add_finding(&inspection_id, &s.finding)
        {
            Ok(id) => {
                if let Some(ed) = self.editor.as_mut() {
                    ed.findings.push(Item {
                        id,
                        form: insp::finding_form(&s.finding),
                        suggested: true,
                        stored_value: None,
                    });
                    ed.recompute(self.pack.as_deref());
                }
                Effect::info(t!(
                    cx.lang,
                    "record-finding-added",
                    kind = s.finding.kind.label()
                ))
            }
            Err(e) => Effect::error(t!(cx.lang, "record-finding-failed", error = e.to_string())),
        }
    }

    pub fn dismiss_suggestion(&mut self, cx: &mut Cx) -> Effect {
        let (s, inspection_id) = match self.first_suggestion(cx, "record-no-suggestion-dismiss") {
            Ok(found) => found,
            Err(said) => return said,
        };
        match cx
            .store
            .records_mut()
            .dismiss_suggestion(&inspection_id, &s.key)
        {
            Ok(()) => {
                if let Some(ed) = self.editor.as_mut() {
                    ed.dismissed.push(s.key.clone());
                    ed.recompute(self.pack.as_deref());
                }
                Effect::info(t!(
                    cx.lang,
                    "record-suggestion-dismissed",
                    kind = s.finding.kind.label()
                ))
            }
            Err(e) => Effect::error(t!(cx.lang, "record-dismiss-failed", error = e.to_string())),
        }
    }
}

/// A draft write's error in words (`Effect::None` when it went through).
fn saved(lang: crate::domain::Lang, result: crate::store::Result<()>) -> Effect {
    match result {
        Ok(()) => Effect::None,
        Err(e) => Effect::error(t!(lang, "editor-saving-draft", error = e.to_string())),
    }
}
