//! An item's technical criteria against the facts: controlled, missing measurements, or
//! below the thresholds (confirmed or not). Pure.

use super::matching::Input;
use super::measurements::element_of;
use super::pack::{Criterion, Item};
use crate::domain::{Msg, MsgArg};

/// A failed criterion: its English text (stored with the screening) and its message.
pub(super) type Failed = (String, Msg);

/// A measured value: `measurements[name]`, else for `<el>_pct` the composition (an element
/// absent from a non-empty composition counts as 0).
pub(super) fn measured(input: &Input<'_>, name: &str) -> Option<f64> {
    let facts = input.facts;
    if let Some(v) = facts.measurements.get(name) {
        return Some(*v);
    }
    let el = element_of(name)?;
    match facts
        .composition
        .get(&el)
        .or_else(|| input.declared.get(&el))
    {
        Some(v) => Some(*v),
        None if !facts.composition.is_empty() => Some(0.0),
        None => None,
    }
}

/// What the criteria say about the facts.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    /// Controlled; the criteria that held (empty when the item has none).
    Controlled(Vec<String>),
    /// Needed measurements are missing (names).
    Missing(Vec<String>),
    /// Measured values fail an UNCONFIRMED threshold: review.
    BelowUnconfirmed(Vec<Failed>),
    /// Measured values fail the thresholds.
    Below(Vec<Failed>),
}

fn describe(c: &Criterion, v: Option<f64>) -> String {
    let mark = if c.unconfirmed { " (UNCONFIRMED)" } else { "" };
    match v {
        Some(v) => format!(
            "{} {} {} {}{mark}",
            c.measurement,
            fmt_num(v),
            c.op.symbol(),
            fmt_num(c.value)
        ),
        None => format!(
            "{} {} {}{mark}",
            c.measurement,
            c.op.symbol(),
            fmt_num(c.value)
        ),
    }
}

/// True when `name` was given: measured, or its element listed in a composition (a value
/// [`measured`] reads as 0 because the element is absent was not given).
fn given(input: &Input<'_>, name: &str) -> bool {
    input.facts.measurements.contains_key(name)
        || element_of(name).is_some_and(|el| {
            input.facts.composition.contains_key(&el) || input.declared.contains_key(&el)
        })
}

/// A failed criterion in English and as a message (`crit-not-measured`, `crit-measured`).
fn describe_fail(c: &Criterion, v: f64, given: bool) -> Failed {
    let op_value = format!("{} {}", c.op.symbol(), fmt_num(c.value));
    let mark: MsgArg = match c.unconfirmed {
        true => Msg::new("crit-fail-unconfirmed").into(),
        false => MsgArg::Text(String::new()),
    };
    let msg = match (given, element_of(&c.measurement)) {
        (false, Some(el)) => Msg::new("crit-not-measured")
            .arg("el", el)
            .arg("need", format!("{} {op_value}", c.measurement)),
        _ => Msg::new("crit-measured")
            .arg("name", &c.measurement)
            .arg("value", fmt_num(v))
            .arg("need", op_value),
    };
    let text = describe_fail_text(c, v, given);
    (text, msg.arg("mark", mark))
}

fn describe_fail_text(c: &Criterion, v: f64, given: bool) -> String {
    let mark = if c.unconfirmed { ", UNCONFIRMED" } else { "" };
    if !given && let Some(el) = element_of(&c.measurement) {
        return format!(
            "{el} not measured (absent from the composition; needs {} {} {}{mark})",
            c.measurement,
            c.op.symbol(),
            fmt_num(c.value)
        );
    }
    format!(
        "measured {} {} (needs {} {}{mark})",
        c.measurement,
        fmt_num(v),
        c.op.symbol(),
        fmt_num(c.value)
    )
}

pub(super) fn fmt_num(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// OR of AND-groups: controlled when a group holds; missing when no group holds but
/// some group could still hold once measured.
pub(super) fn evaluate(item: &Item, input: &Input<'_>) -> Outcome {
    if item.criteria.is_empty() {
        if item.criteria_unconfirmed {
            return Outcome::BelowUnconfirmed(Vec::new());
        }
        return Outcome::Controlled(Vec::new());
    }
    let mut groups: Vec<&str> = Vec::new();
    for c in &item.criteria {
        if !groups.contains(&c.group.as_str()) {
            groups.push(&c.group);
        }
    }
    let (mut missing, mut failed, mut unconfirmed_fail) = (Vec::new(), Vec::new(), false);
    for g in groups {
        let (mut held, mut open, mut fails) = (Vec::new(), Vec::new(), Vec::new());
        for c in item.criteria.iter().filter(|c| c.group == g) {
            match measured(input, &c.measurement) {
                Some(v) if c.op.holds(v, c.value) => held.push(describe(c, Some(v))),
                Some(v) => {
                    unconfirmed_fail |= c.unconfirmed;
                    fails.push(describe_fail(c, v, given(input, &c.measurement)));
                }
                None => open.push(c.measurement.clone()),
            }
        }
        if fails.is_empty() && open.is_empty() {
            return Outcome::Controlled(held);
        }
        if fails.is_empty() {
            missing.extend(open);
        }
        failed.extend(fails);
    }
    if !missing.is_empty() {
        let mut seen = Vec::new();
        missing.retain(|m| {
            !seen.contains(m) && {
                seen.push(m.clone());
                true
            }
        });
        Outcome::Missing(missing)
    } else if unconfirmed_fail {
        Outcome::BelowUnconfirmed(failed)
    } else {
        Outcome::Below(failed)
    }
}
