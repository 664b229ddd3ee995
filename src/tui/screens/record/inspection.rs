//! The inspection, measurement and finding forms and their conversions to the domain
//! types (validated by the domain's `problems()` and parsers).

use super::form::{Form, Spec};
use super::times;
use crate::domain::{
    Clock, FieldError, Finding, FindingKind, Inspection, Measurement, Msg, Outcome, Trigger,
    parse_decimal,
};

pub const INSPECTION: &[Spec] = &[
    ("locode", "insp-locode", "insp-locode.hint", false),
    ("terminal", "insp-terminal", "insp-terminal.hint", false),
    ("trigger", "insp-trigger", "insp-trigger.hint", false),
    ("outcome", "insp-outcome", "insp-outcome.hint", false),
    (
        "outcome_due",
        "insp-outcome_due",
        "insp-outcome_due.hint",
        false,
    ),
    ("narrative", "insp-narrative", "insp-narrative.hint", true),
    (
        "started_at",
        "insp-started_at",
        "insp-started_at.hint",
        false,
    ),
    ("ended_at", "insp-ended_at", "insp-ended_at.hint", false),
];

pub const MEASUREMENT: &[Spec] = &[
    ("name", "meas-name", "meas-name.hint", false),
    ("element", "meas-element", "meas-element.hint", false),
    ("value", "meas-value", "meas-value.hint", false),
    ("unit", "meas-unit", "meas-unit.hint", false),
    ("method", "meas-method", "meas-method.hint", false),
];

pub const FINDING: &[Spec] = &[
    ("kind", "find-kind", "find-kind.hint", false),
    ("declared", "find-declared", "find-declared.hint", false),
    ("found", "find-found", "find-found.hint", false),
    ("evidence", "find-evidence", "find-evidence.hint", true),
];

/// The inspection's form; its start and end in `clock`'s zone (an inspection not started
/// yet starts now, editable).
pub fn inspection_form(i: &Inspection, clock: &Clock) -> Form {
    let mut f = Form::new(INSPECTION);
    f.set("locode", &i.locode);
    f.set("terminal", &i.terminal);
    f.set("trigger", i.trigger.as_str());
    f.set("outcome", i.outcome.map(|o| o.as_str()).unwrap_or(""));
    f.set("outcome_due", i.outcome_due.as_deref().unwrap_or(""));
    f.set("narrative", &i.narrative);
    f.set(
        "started_at",
        &match i.started_at.trim() {
            "" => times::now_shown(clock),
            t => times::shown(clock, t),
        },
    );
    f.set(
        "ended_at",
        &i.ended_at
            .as_deref()
            .map(|t| times::shown(clock, t))
            .unwrap_or_default(),
    );
    f.attach_choices(None, "");
    f
}

/// The inspection the form says; a time that is not one (or is in the future) keeps the
/// stored one and says why on its field.
pub fn read_inspection(
    form: &Form,
    base: &Inspection,
    clock: &Clock,
) -> (Inspection, Vec<FieldError>) {
    let mut i = base.clone();
    let mut errs = Vec::new();
    i.locode = form.get("locode").trim().to_ascii_uppercase();
    i.terminal = form.get("terminal").trim().to_string();
    match Trigger::parse(&form.get("trigger")) {
        Ok(t) => i.trigger = t,
        Err(e) => errs.push(e),
    }
    match form.opt("outcome") {
        None => i.outcome = None,
        Some(o) => match Outcome::parse(&o) {
            Ok(o) => i.outcome = Some(o),
            Err(e) => errs.push(e),
        },
    }
    i.outcome_due = form.opt("outcome_due");
    i.narrative = form.get("narrative").trim_end().to_string();
    read_times(form, base, clock, &mut i, &mut errs);
    (i, errs)
}

/// The start and end the form says. A time whose text is still the stored one as shown
/// keeps the stored value exactly (seconds included); an end before its start is refused
/// on the field that changed, quoted as typed, and the draft keeps both stored times.
fn read_times(
    form: &Form,
    base: &Inspection,
    clock: &Clock,
    i: &mut Inspection,
    errs: &mut Vec<FieldError>,
) {
    let start_text = form.get("started_at");
    let start_changed = start_text.trim() != times::shown(clock, &base.started_at).trim();
    if start_changed {
        match times::read("started_at", &start_text, clock) {
            Ok(Some(t)) => i.started_at = t,
            Ok(None) => {}
            Err(e) => errs.push(e),
        }
    }
    let end_text = form.get("ended_at");
    let end_shown = base.ended_at.as_deref().map(|t| times::shown(clock, t));
    if end_text.trim() != end_shown.as_deref().unwrap_or("").trim() {
        match times::read("ended_at", &end_text, clock) {
            Ok(t) => i.ended_at = t,
            Err(e) => errs.push(e),
        }
    }
    let mut problems = i.problems();
    for e in problems.iter_mut() {
        if e.msg.as_ref().is_some_and(|m| m.id == "v-before-start") {
            i.started_at = base.started_at.clone();
            i.ended_at = base.ended_at.clone();
            *e = if start_changed {
                let typed = start_text.trim();
                FieldError::new("started_at", Msg::new("v-after-end").arg("value", typed))
            } else {
                let typed = end_text.trim();
                FieldError::new("ended_at", Msg::new("v-before-start").arg("value", typed))
            };
        }
    }
    errs.extend(problems);
    if errs.iter().any(|e| e.field == "ended_at") {
        i.ended_at = base.ended_at.clone();
    }
}

pub fn measurement_form(m: &Measurement) -> Form {
    let mut f = Form::new(MEASUREMENT);
    f.set("name", &m.name);
    f.set("element", m.element.as_deref().unwrap_or(""));
    if let Some(v) = m.value {
        f.set("value", &v.to_string());
    }
    f.set("unit", &m.unit);
    f.set("method", &m.method);
    f.attach_choices(None, "measurement_unit");
    f
}

/// Why the typed value is not a reading (it does not parse, or none is given yet).
pub fn value_problem(form: &Form) -> Option<FieldError> {
    let raw = form.get("value");
    let text = raw.trim().trim_end_matches('%').trim();
    match parse_decimal("value", text) {
        Ok(t) if t.parse::<f64>().is_ok() => None,
        Ok(_) => Some(FieldError::new(
            "value",
            crate::domain::Msg::new("v-not-number").arg("value", text),
        )),
        Err(e) => Some(e),
    }
}

/// The measurement the form says. A value that does not parse is never read as a number,
/// not even one stored on the way to it (`487.5` before the slip in `487.5x`): the value is
/// None (stored NULL), the text stays in the form and the message says why. `_stored`, the
/// value as last stored, is no longer needed.
pub fn read_measurement(form: &Form, _stored: Option<f64>) -> (Measurement, Vec<FieldError>) {
    let mut errs = Vec::new();
    let value = match value_problem(form) {
        None => form
            .get("value")
            .trim()
            .trim_end_matches('%')
            .trim()
            .parse::<f64>()
            .ok(),
        Some(e) => {
            errs.push(e);
            None
        }
    };
    let m = Measurement {
        name: form.get("name").trim().to_string(),
        element: form.opt("element"),
        value,
        unit: form.get("unit").trim().to_string(),
        method: form.get("method").trim().to_string(),
    };
    // a value that did not parse is reported once, by the parser
    let value_bad = !errs.is_empty();
    errs.extend(
        m.problems()
            .into_iter()
            .filter(|p| !(value_bad && p.field == "value")),
    );
    (m, errs)
}

pub fn finding_form(x: &Finding) -> Form {
    let mut f = Form::new(FINDING);
    f.set("kind", x.kind.as_str());
    f.set("declared", &x.declared);
    f.set("found", &x.found);
    f.set("evidence", &x.evidence);
    f.attach_choices(None, "");
    f
}

pub fn read_finding(form: &Form, base: &Finding) -> (Finding, Vec<FieldError>) {
    let mut x = base.clone();
    let mut errs = Vec::new();
    match FindingKind::parse(&form.get("kind")) {
        Ok(k) => x.kind = k,
        Err(e) => errs.push(e),
    }
    x.declared = form.get("declared").trim().to_string();
    x.found = form.get("found").trim().to_string();
    x.evidence = form.get("evidence").trim_end().to_string();
    errs.extend(x.problems());
    (x, errs)
}
