//! What screening collects on the way, shared by the item, clause and red-flag stages:
//! the per-item results, the hits, notes and missing measurements, and small readings of
//! the facts and the pack.

use super::criteria::Outcome;
use super::facts::Facts;
use super::hits::{Hit, HitKind, Verdict};
use super::matching::ItemMatch;
use super::pack::{ClauseKind, Item, RulePack};
use crate::domain::{EndUse, Msg};

/// Per-item result kept for clauses and red flags.
pub(super) struct Judged<'p> {
    pub item: &'p Item,
    pub m: ItemMatch,
    pub outcome: Outcome,
}

pub(super) struct Out {
    pub hits: Vec<Hit>,
    pub notes: Vec<String>,
    /// The notes' message ids, index for index.
    pub note_msgs: Vec<Option<Msg>>,
    pub missing: Vec<String>,
}

impl Out {
    pub fn hit(
        &mut self,
        kind: HitKind,
        rule_id: &str,
        ann: &str,
        code: Option<String>,
        effect: Verdict,
        message: String,
    ) {
        self.hits.push(Hit {
            kind,
            rule_id: rule_id.into(),
            announcement: ann.into(),
            control_code: code,
            message,
            message_id: String::new(),
            message_args: Default::default(),
            effect,
        });
    }

    /// Gives the hit just added its message id and arguments.
    pub fn said(&mut self, msg: Msg) {
        if let Some(h) = self.hits.last_mut() {
            h.message_id = msg.id;
            h.message_args = msg.args;
        }
    }

    /// Measurements to take, each once.
    pub fn missing_too(&mut self, names: &[String]) {
        for n in names {
            if !self.missing.contains(n) {
                self.missing.push(n.clone());
            }
        }
    }

    /// A note: its English text and, when it has one, its message id.
    pub fn note(&mut self, text: String, msg: Option<Msg>) {
        self.notes.push(text);
        self.note_msgs.push(msg);
    }
    pub fn stale(&mut self, rule_id: String, ann: &str, message: String) {
        if !self
            .hits
            .iter()
            .any(|h| h.kind == HitKind::Stale && h.rule_id == rule_id)
        {
            self.hit(
                HitKind::Stale,
                &rule_id,
                ann,
                None,
                Verdict::NotControlled,
                message,
            );
        }
    }
}

pub(super) fn number_of(pack: &RulePack, id: &str) -> String {
    pack.announcements
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.number.clone())
        .unwrap_or_else(|| id.to_string())
}

pub(super) fn licence_note(facts: &Facts) -> String {
    if facts.licence_no.trim().is_empty() {
        " No licence number declared.".into()
    } else {
        format!(
            " Licence no. {} declared: check that it covers these goods, the quantity and the end user.",
            facts.licence_no.trim()
        )
    }
}

pub(super) fn end_use_is(facts: &Facts, wanted: EndUse, keywords: &[String]) -> Option<bool> {
    let user = facts.end_user.to_lowercase();
    if keywords.iter().any(|k| user.contains(&k.to_lowercase())) {
        return Some(true);
    }
    match facts.end_use {
        EndUse::Unknown => None,
        e => Some(e == wanted),
    }
}

pub(super) fn is_destination(kind: ClauseKind) -> bool {
    kind == ClauseKind::Destination
}
