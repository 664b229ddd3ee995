//! Opening records in the editor: a new one, an open draft (offered on start-up), a
//! shipment from the Shipments tab, or a finalized record (custody, receipt).

use super::form::Form;
use super::{Editor, Item, RecordScreen, Section};
use super::{inspection as insp, seizure as sz, shipment as ship};
use crate::domain::{Clock, FindingKind, Inspection, Record, Shipment};
use crate::report::ReviewLine;
use crate::rules::{RulePack, facts_for, reconcile, screen};
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;

impl Editor {
    /// A new record: nothing is saved until the first change.
    pub fn blank(clock: &Clock) -> Editor {
        let shipment_base = Shipment {
            declared_on: clock.today().to_string(),
            ..Shipment::default()
        };
        Editor {
            shipment: ship::form(&shipment_base),
            shipment_base,
            inspection: insp::inspection_form(&Inspection::default(), clock),
            custody: Form::new(sz::CUSTODY),
            clock: *clock,
            ..Editor::default()
        }
    }

    /// The editor over a stored record (`clock`: when a custody transfer is prefilled).
    pub fn of_record(r: &Record, dismissed: Vec<String>, clock: &Clock) -> Editor {
        let mut ed = Editor {
            shipment_id: Some(r.shipment.id.clone()),
            inspection_id: Some(r.inspection.id.clone()),
            finalized: r.inspection.is_finalized(),
            shipment_final: r.shipment.is_finalized() && !r.inspection.is_finalized(),
            shipment: ship::form(&r.shipment.data),
            shipment_base: r.shipment.data.clone(),
            inspection: insp::inspection_form(&r.inspection.data, clock),
            inspection_base: r.inspection.data.clone(),
            custody: Form::new(sz::CUSTODY),
            dismissed,
            stored_verdict: r.inspection.meta_str("verdict").map(str::to_string),
            clock: *clock,
            ..Editor::default()
        };
        ed.measurements = r
            .measurements
            .iter()
            .map(|m| Item {
                id: m.id.clone(),
                form: insp::measurement_form(&m.data),
                suggested: false,
                stored_value: m.data.value,
            })
            .collect();
        ed.findings = r
            .findings
            .iter()
            .map(|x| Item {
                id: x.id.clone(),
                form: insp::finding_form(&x.data),
                suggested: x.data.suggested,
                stored_value: None,
            })
            .collect();
        ed.seizures = r
            .seizures
            .iter()
            .map(|s| Item {
                id: s.seizure.id.clone(),
                form: sz::seizure_form(&s.seizure.data),
                suggested: false,
                stored_value: None,
            })
            .collect();
        ed.custody_log = r
            .seizures
            .iter()
            .map(|s| s.custody.iter().map(|c| c.data.clone()).collect())
            .collect();
        if ed.finalized {
            ed.section = Some(if ed.seizures.is_empty() {
                Section::Shipment
            } else {
                Section::Custody
            });
            ed.prefill_custody(clock);
        } else if ed.shipment_final {
            ed.section = Some(Section::Inspection);
        }
        ed.validate_all(false);
        ed
    }

    /// From = whoever received the goods last (the first goes to the seizure's storage);
    /// when = now (in the clock's zone).
    pub fn prefill_custody(&mut self, clock: &Clock) {
        let now = clock
            .local(clock.now())
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let log = self
            .custody_log
            .get(self.item)
            .map_or(&[][..], Vec::as_slice);
        let seizure = self.seizures.get(self.item).map(|s| &s.form);
        self.custody = sz::custody_form(log, seizure, &now);
    }

    /// Re-reads every form through the validators; the messages of fields holding text
    /// show, and with `touch` those of empty fields too.
    pub fn validate_all(&mut self, touch: bool) {
        let (_, e) = ship::read(&self.shipment, &self.shipment_base);
        self.shipment.set_errors(&e);
        let (_, e) = insp::read_inspection(&self.inspection, &self.inspection_base, &self.clock);
        self.inspection.set_errors(&e);
        for m in &mut self.measurements {
            let (_, e) = insp::read_measurement(&m.form, m.stored_value);
            m.form.set_errors(&e);
        }
        for x in &mut self.findings {
            let (_, e) = insp::read_finding(&x.form, &Default::default());
            x.form.set_errors(&e);
        }
        for s in &mut self.seizures {
            let (_, e) = sz::read_seizure(&s.form, &Default::default());
            s.form.set_errors(&e);
        }
        let forms = std::iter::once(&mut self.shipment)
            .chain(std::iter::once(&mut self.inspection))
            .chain(
                self.measurements
                    .iter_mut()
                    .chain(&mut self.findings)
                    .chain(&mut self.seizures)
                    .map(|i| &mut i.form),
            );
        for f in forms {
            if touch {
                f.touch_all();
            } else {
                f.touch_filled();
            }
        }
    }

    /// Fields whose typed text is not what the draft holds (it does not parse, so the
    /// draft kept the last value that did): lost on quit.
    pub fn unsaved_fields(&self) -> Vec<&'static str> {
        fn differing(form: &Form, saved: &Form, out: &mut Vec<&'static str>) {
            for f in form.fields.iter().filter(|f| f.error.is_some()) {
                if !saved
                    .get(f.name)
                    .trim()
                    .eq_ignore_ascii_case(f.text().trim())
                {
                    out.push(f.name);
                }
            }
        }
        let mut out = Vec::new();
        if self.finalized {
            return out;
        }
        differing(&self.shipment, &ship::form(&self.shipment_base), &mut out);
        differing(
            &self.inspection,
            &insp::inspection_form(&self.inspection_base, &self.clock),
            &mut out,
        );
        for m in &self.measurements {
            differing(
                &m.form,
                &insp::measurement_form(&insp::read_measurement(&m.form, m.stored_value).0),
                &mut out,
            );
        }
        for x in &self.findings {
            let saved = insp::read_finding(&x.form, &Default::default()).0;
            differing(&x.form, &insp::finding_form(&saved), &mut out);
        }
        for z in &self.seizures {
            let saved = sz::read_seizure(&z.form, &Default::default()).0;
            differing(&z.form, &sz::seizure_form(&saved), &mut out);
        }
        out
    }

    /// The live screening and the reconciliation suggestions not yet dismissed or taken.
    pub fn recompute(&mut self, pack: Option<&RulePack>) {
        if let Some(f) = self
            .shipment
            .fields
            .iter_mut()
            .find(|f| f.name == "hs_code")
            && f.choices.as_ref().is_none_or(|c| c.options.is_empty())
        {
            f.choices = super::choices::choices_for("hs_code", pack);
        }
        let Some(pack) = pack else {
            self.screening = None;
            self.suggestions.clear();
            return;
        };
        // a reading whose value does not parse (or is not given yet) counts for nothing:
        // it is neither screened nor reconciled as 0
        let ms: Vec<_> = self
            .measurements
            .iter()
            .filter(|m| insp::value_problem(&m.form).is_none())
            .map(|m| insp::read_measurement(&m.form, m.stored_value).0)
            .collect();
        self.screening = Some(screen(pack, &facts_for(&self.shipment_base, &ms)));
        let taken: Vec<_> = self
            .findings
            .iter()
            .map(|f| insp::read_finding(&f.form, &Default::default()).0)
            .collect();
        self.suggestions = reconcile(pack, &self.shipment_base, &ms)
            .into_iter()
            .filter(|s| !self.dismissed.contains(&s.key))
            .filter(|s| {
                !taken.iter().any(|f| {
                    f.kind == s.finding.kind
                        && (f.found == s.finding.found || f.kind == FindingKind::MissingLicence)
                })
            })
            .collect();
    }
}

impl RecordScreen {
    pub fn new_record(&mut self, cx: &mut Cx) -> Effect {
        let mut ed = Editor::blank(&cx.clock);
        ed.recompute(self.pack.as_deref());
        self.editor = Some(ed);
        Effect::info(crate::t!(cx.lang, "editor-new-record"))
    }

    pub fn open_inspection(&mut self, inspection_id: &str, cx: &mut Cx) -> Effect {
        let loaded = cx.store.records().load_record(inspection_id).and_then(|r| {
            let dismissed = cx.store.records().dismissed_suggestions(inspection_id)?;
            let reviews = cx.store.hq().reviews_for(inspection_id)?;
            let attachments = cx.store.records().attachments(inspection_id)?;
            Ok((r, dismissed, (reviews, attachments)))
        });
        match loaded {
            Ok((r, dismissed, (reviews, attachments))) => {
                let mut ed = Editor::of_record(&r, dismissed, &cx.clock);
                ed.attachments = attachments;
                ed.reviews = reviews
                    .iter()
                    .map(|rv| ReviewLine::of(rv, &cx.clock))
                    .collect();
                ed.recompute(self.pack.as_deref());
                self.editor = Some(ed);
                self.resume_focus(cx);
                Effect::None
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-opening-record",
                error = e.to_string()
            )),
        }
    }

    /// A draft shipment without an inspection yet, or a new inspection of a shipment.
    pub fn open_shipment(&mut self, shipment_id: &str, cx: &mut Cx) -> Effect {
        match cx.store.records().shipment(shipment_id) {
            Ok(s) => {
                let opened = self.mark_opened(&s.id, cx);
                let mut ed = Editor::blank(&cx.clock);
                ed.shipment_id = Some(s.id.clone());
                ed.shipment_final = s.is_finalized();
                ed.shipment = ship::form(&s.data);
                ed.shipment_base = s.data;
                if ed.shipment_final {
                    ed.section = Some(Section::Inspection);
                }
                ed.validate_all(false);
                ed.recompute(self.pack.as_deref());
                self.editor = Some(ed);
                self.resume_focus(cx);
                opened
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-opening-shipment",
                error = e.to_string()
            )),
        }
    }

    /// "Record an inspection of this shipment": its open draft inspection if there is
    /// one, else a new inspection (saved from the first change).
    pub fn inspect_shipment(&mut self, shipment_id: &str, cx: &mut Cx) -> Effect {
        match cx.store.records().inspections_of(shipment_id) {
            Ok(list) => match list.iter().rev().find(|(_, state)| state == "draft") {
                Some((id, _)) => self.open_inspection(&id.clone(), cx),
                None => self.open_shipment(shipment_id, cx),
            },
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-inspections-error",
                error = e.to_string()
            )),
        }
    }

    /// The shipment's latest inspection (finalized ones show custody and the receipt).
    pub fn open_latest(&mut self, shipment_id: &str, cx: &mut Cx) -> Effect {
        match cx.store.records().inspections_of(shipment_id) {
            Ok(list) => match list.last() {
                Some((id, _)) => self.open_inspection(&id.clone(), cx),
                None => self.open_shipment(shipment_id, cx),
            },
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "editor-inspections-error",
                error = e.to_string()
            )),
        }
    }
}
