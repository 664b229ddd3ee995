//! The active pack's tables (rule_* and rules_fts), rebuilt from the pack on install.

use rusqlite::{Transaction, params};

use crate::rules::RulePack;
use crate::rules::pack::{AnnouncementStatus, ClauseKind, Effect, Item};
use crate::store::{Context, Result};

fn status_str(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "in_force",
        AnnouncementStatus::Suspended => "suspended",
        AnnouncementStatus::Superseded => "superseded",
        AnnouncementStatus::Framework => "framework",
    }
}

fn effect_str(e: Effect) -> &'static str {
    match e {
        Effect::NeedsReview => "needs_review",
        Effect::LicenceRequired => "licence_required",
        Effect::Prohibited => "prohibited",
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Replaces the rule_* tables and rules_fts with `pack` (inside the caller's transaction).
pub(super) fn rebuild_tables(tx: &Transaction<'_>, pack: &RulePack) -> Result<()> {
    for table in [
        "rules_fts",
        "rule_item_hs",
        "rule_items",
        "rule_clauses",
        "rule_suspensions",
        "rule_red_flags",
        "rule_announcements",
    ] {
        tx.execute(&format!("DELETE FROM {table}"), [])
            .doing(|| format!("clearing {table}"))?;
    }
    for a in &pack.announcements {
        tx.execute(
            "INSERT INTO rule_announcements (id, number, title, issuers, published, effective, status, notes, sources)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![a.id, a.number, a.title, a.issuers.join(", "), a.published.to_string(),
                a.effective.map(|d| d.to_string()), status_str(a.status), a.notes, json(&a.sources)],
        )
        .doing(|| format!("saving announcement {}", a.id))?;
    }
    for s in &pack.suspensions {
        tx.execute(
            "INSERT INTO rule_suspensions (announcement_id, clause, by_announcement, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.target, s.clause, s.by, s.start.to_string(), s.end.to_string()],
        )
        .doing(|| format!("saving the suspension of {}", s.target))?;
    }
    for i in &pack.items {
        insert_item(tx, pack, i)?;
    }
    for c in &pack.clauses {
        tx.execute(
            "INSERT INTO rule_clauses (id, announcement_id, kind, country, end_use, families, effect, valid_from, valid_to, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![c.id, c.announcement, if c.kind == ClauseKind::Destination { "destination" } else { "end_use" },
                c.country, c.end_use.map(|e| e.as_str()), json(&c.families), effect_str(c.effect),
                c.valid_from.to_string(), c.valid_to.map(|d| d.to_string()), c.text],
        )
        .doing(|| format!("saving clause {}", c.id))?;
    }
    for r in &pack.red_flags {
        tx.execute(
            "INSERT INTO rule_red_flags (id, title, title_zh, guidance, sources) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![r.id, r.title, r.title_zh, r.guidance, json(&r.sources)],
        )
        .doing(|| format!("saving red flag {}", r.id))?;
    }
    Ok(())
}

/// One rule item: its row, its HS codes and its full-text entry.
fn insert_item(tx: &Transaction<'_>, pack: &RulePack, i: &Item) -> Result<()> {
    tx.execute(
        "INSERT INTO rule_items (id, family, announcement_id, name_en, name_zh, formulae, keywords, control_code,
           licence_required, criteria, unconfirmed, notes, sources)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![i.id, i.family, i.announcement, i.name_en, i.name_zh, i.formulae.join(" "),
            i.keywords.join(", "), i.control_code, i.licence_required, json(&i.criteria),
            i.unconfirmed.join("; "), i.notes, json(&i.sources)],
    )
    .doing(|| format!("saving item {}", i.id))?;
    for h in &i.hs_codes {
        tx.execute(
            "INSERT OR IGNORE INTO rule_item_hs (item_id, hs_code, note) VALUES (?1, ?2, ?3)",
            params![i.id, h.code, h.note],
        )
        .doing(|| format!("saving HS code {} of {}", h.code, i.id))?;
    }
    let family = pack.families.iter().find(|f| f.id == i.family);
    let body = [
        i.id.as_str(),
        &i.name_en,
        &i.name_zh,
        &i.formulae.join(" "),
        &i.keywords.join(" "),
        &i.generic_keywords.join(" "),
        i.control_code.as_deref().unwrap_or(""),
        &i.hs_codes
            .iter()
            .map(|h| h.code.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        &i.family,
        family.map(|f| f.name_en.as_str()).unwrap_or(""),
        family.map(|f| f.name_zh.as_str()).unwrap_or(""),
    ]
    .join(" ");
    tx.execute(
        "INSERT INTO rules_fts (item_id, body) VALUES (?1, ?2)",
        params![i.id, body],
    )
    .doing(|| format!("indexing item {}", i.id))?;
    Ok(())
}
