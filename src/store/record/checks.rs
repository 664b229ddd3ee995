//! The checks of a record that need the rule pack and its screening (DESIGN section 3): a
//! seizure's legal basis names rule ids the pack has and the record's own screening gave,
//! unless the officer states why in `legal_basis_reason`.

use std::collections::BTreeSet;

use crate::domain::{FieldError, Msg, RecordDraft, Seizure};
use crate::rules::{RulePack, Screening};

/// The ids a rule pack can cite: items, clauses, red flags and announcements.
fn pack_ids(pack: &RulePack) -> BTreeSet<&str> {
    let items = pack.items.iter().map(|i| i.id.as_str());
    let clauses = pack.clauses.iter().map(|c| c.id.as_str());
    let flags = pack.red_flags.iter().map(|r| r.id.as_str());
    let announcements = pack.announcements.iter().map(|a| a.id.as_str());
    items
        .chain(clauses)
        .chain(flags)
        .chain(announcements)
        .collect()
}

/// Every legal-basis problem of `draft`'s seizures, given the pack it is screened with
/// (None: only the screening is known, as at headquarters) and the screening.
pub(crate) fn legal_basis_problems(
    draft: &RecordDraft,
    pack: Option<&RulePack>,
    screening: &Screening,
) -> Vec<FieldError> {
    let known = pack.map(pack_ids);
    let given: BTreeSet<&str> = screening.hits.iter().map(|h| h.rule_id.as_str()).collect();
    let mut out = Vec::new();
    for (i, s) in draft.seizures.iter().enumerate() {
        seizure_basis(&mut out, i, s, known.as_ref(), &given, screening);
    }
    out
}

fn seizure_basis(
    out: &mut Vec<FieldError>,
    i: usize,
    s: &Seizure,
    known: Option<&BTreeSet<&str>>,
    given: &BTreeSet<&str>,
    screening: &Screening,
) {
    let field = format!("seizures[{i}].legal_basis");
    let stated = !s.legal_basis_reason.trim().is_empty();
    for id in s
        .legal_basis
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
    {
        if known.is_some_and(|k| !k.contains(id)) {
            out.push(FieldError::new(
                &field,
                Msg::new("v-not-rule-id")
                    .arg("id", id)
                    .arg("version", &screening.rule_pack.version),
            ));
        } else if !stated && !given.contains(id) {
            let gave: Vec<&str> = given.iter().copied().collect();
            let gave: crate::domain::MsgArg = match gave.is_empty() {
                true => Msg::new("v-gave-none").into(),
                false => gave.join(", ").into(),
            };
            out.push(FieldError::new(
                &field,
                Msg::new("v-not-given").arg("id", id).arg("gave", gave),
            ));
        }
    }
}
