//! The state of one record in the Record tab's editor: its forms, the section and row
//! in focus, the live screening and the suggestions; focus movement and what may be
//! edited.

use super::form::Form;
use crate::domain::{CustodyEvent, Inspection, Shipment};
use crate::rules::{Screening, Suggestion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Shipment,
    Inspection,
    Measurements,
    Findings,
    Seizures,
    Custody,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Shipment,
        Section::Inspection,
        Section::Measurements,
        Section::Findings,
        Section::Seizures,
        Section::Custody,
    ];

    /// The catalogue id of the section's name.
    pub fn title(self) -> &'static str {
        match self {
            Section::Shipment => "section-shipment",
            Section::Inspection => "section-inspection",
            Section::Measurements => "section-measurements",
            Section::Findings => "section-findings",
            Section::Seizures => "section-seizures",
            Section::Custody => "section-custody",
        }
    }

    fn offset(self, d: isize) -> Section {
        let i = Section::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Section::ALL[(i + d).rem_euclid(Section::ALL.len() as isize) as usize]
    }
}

/// A saved child row (measurement, finding or seizure) and its form.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub form: Form,
    /// A finding that came from an accepted suggestion.
    pub suggested: bool,
    /// A measurement's value as last stored (None: no number yet, stored NULL): while the
    /// typed value does not parse, the store keeps this one (never 0.0 for a slip) and the
    /// text stays with its message.
    pub stored_value: Option<f64>,
}

/// One record being edited (or viewed once finalized).
#[derive(Debug, Clone, Default)]
pub struct Editor {
    pub shipment_id: Option<String>,
    pub inspection_id: Option<String>,
    /// The inspection is finalized: only custody transfers and the receipt remain.
    pub finalized: bool,
    /// The shipment is finalized (a later inspection of it): its form is read-only.
    pub shipment_final: bool,
    pub section: Option<Section>,
    pub shipment: Form,
    pub shipment_base: Shipment,
    pub inspection: Form,
    pub inspection_base: Inspection,
    pub measurements: Vec<Item>,
    pub findings: Vec<Item>,
    pub seizures: Vec<Item>,
    /// Custody transfers recorded per seizure (same order as `seizures`): (from, to, at, why).
    pub custody_log: Vec<Vec<CustodyEvent>>,
    /// The selected item of a list section.
    pub item: usize,
    /// Rows the right pane (verdict, reasons, problems) is scrolled by (PgDn/PgUp).
    pub panel_scroll: u16,
    /// The next custody transfer of the selected seizure.
    pub custody: Form,
    pub screening: Option<Screening>,
    pub suggestions: Vec<Suggestion>,
    pub dismissed: Vec<String>,
    /// Problems named by the last finalize attempt.
    pub problems: Vec<String>,
    /// The verdict stored with the draft inspection (re-stored when it changes).
    pub stored_verdict: Option<String>,
    /// Review decisions from headquarters on this inspection, oldest first (loaded with
    /// the record).
    pub reviews: Vec<crate::report::ReviewLine>,
    /// The inspection's evidence attachments, oldest first (loaded with the record).
    pub attachments: Vec<crate::store::Attachment>,
    /// The zone times are typed and shown in, and "now" (an inspection's start, the
    /// latest time accepted).
    pub clock: crate::domain::Clock,
    /// The "discard what you typed?" question (Esc with typing not saved).
    pub discard: super::discard::Discard,
    /// Where the draft was last edited, as stored with it (`section:item:field`).
    pub stored_focus: Option<String>,
}

impl Editor {
    pub fn section(&self) -> Section {
        self.section.unwrap_or(Section::Shipment)
    }

    /// The items of a list section.
    pub fn items(&self, s: Section) -> Option<&Vec<Item>> {
        match s {
            Section::Measurements => Some(&self.measurements),
            Section::Findings => Some(&self.findings),
            Section::Seizures | Section::Custody => Some(&self.seizures),
            _ => None,
        }
    }

    pub fn items_mut(&mut self, s: Section) -> Option<&mut Vec<Item>> {
        match s {
            Section::Measurements => Some(&mut self.measurements),
            Section::Findings => Some(&mut self.findings),
            Section::Seizures | Section::Custody => Some(&mut self.seizures),
            _ => None,
        }
    }

    /// The form the focus is in.
    pub fn form(&self) -> Option<&Form> {
        let s = self.section();
        match s {
            Section::Shipment => Some(&self.shipment),
            Section::Inspection => Some(&self.inspection),
            Section::Custody => Some(&self.custody),
            _ => self.items(s)?.get(self.item).map(|i| &i.form),
        }
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        let s = self.section();
        let item = self.item;
        match s {
            Section::Shipment => Some(&mut self.shipment),
            Section::Inspection => Some(&mut self.inspection),
            Section::Custody => Some(&mut self.custody),
            _ => self.items_mut(s)?.get_mut(item).map(|i| &mut i.form),
        }
    }

    /// Whether typing may change the focused form.
    /// Whether the focused section can be edited; Err: the catalogue id of why not.
    pub fn editable(&self) -> Result<(), &'static str> {
        match self.section() {
            Section::Custody if !self.finalized => Err("record-custody-after-finalize"),
            Section::Custody if self.seizures.is_empty() => Err("record-no-seizure"),
            Section::Custody => Ok(()),
            _ if self.finalized => Err("record-finalized-amend"),
            Section::Shipment if self.shipment_final => Err("record-shipment-final"),
            _ => Ok(()),
        }
    }

    /// Moves the focus across the fields and, in list sections, the items.
    pub fn move_focus(&mut self, delta: isize) {
        self.tidy_time();
        let s = self.section();
        let n = self.items(s).map(Vec::len);
        let Some(form) = self.form_mut() else { return };
        if form.move_focus(delta) {
            return;
        }
        let len = form.fields.len();
        if let Some(n) = n
            && n > 1
        {
            self.item = (self.item as isize + delta).rem_euclid(n as isize) as usize;
            let last = self.form().map_or(len, |f| f.fields.len());
            if let Some(f) = self.form_mut() {
                f.focus = if delta > 0 { 0 } else { last.saturating_sub(1) };
            }
        } else if let Some(f) = self.form_mut() {
            f.focus = if delta > 0 { 0 } else { len.saturating_sub(1) };
        }
    }

    /// Typing that is not in the store: a value that does not parse, or a custody
    /// transfer typed but not yet written.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved_fields().is_empty()
            || (self.finalized
                && self
                    .custody
                    .fields
                    .iter()
                    .any(|f| f.name != "at" && f.touched))
    }

    /// A start or end left with a readable time is shown as stored: local, with its offset.
    fn tidy_time(&mut self) {
        if self.section() != Section::Inspection {
            return;
        }
        let clock = self.clock;
        let Some(f) = self.inspection.fields.get_mut(self.inspection.focus) else {
            return;
        };
        if !matches!(f.name, "started_at" | "ended_at") || f.problem.is_some() {
            return;
        }
        if let Ok(Some(t)) = super::times::read(f.name, &f.text(), &clock) {
            f.set(&super::times::shown(&clock, &t));
        }
    }

    pub fn switch_section(&mut self, d: isize) {
        self.tidy_time();
        self.section = Some(self.section().offset(d));
        let n = self.items(self.section()).map_or(0, Vec::len);
        self.item = self.item.min(n.saturating_sub(1));
    }
}
