//! `minspect rules show ID`: everything about one item, clause, red flag or announcement,
//! printed from the rule detail read models of `report::rule_detail`.

use chrono::NaiveDate;
use serde_json::json;

use super::{CliError, CliResult};
use crate::domain::{sanitize, sanitize_multiline};
use crate::report::rule_detail::{
    AnnouncementDetail, ClauseDetail, RuleDetail, SuspensionLine, find_announcement,
};
use crate::rules::pack::{Criterion, HsRef, RedFlag, RulePack};

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

fn texts(lines: &[SuspensionLine]) -> Vec<String> {
    lines.iter().map(SuspensionLine::text).collect()
}

/// Prints one rule by id. Unknown id: bad input (exit 2).
pub fn show(pack: &RulePack, id: &str, today: NaiveDate, as_json: bool) -> CliResult {
    if let Some(d) = RuleDetail::build(pack, id, today) {
        if as_json {
            item_json(&d);
        } else {
            item_text(&d);
        }
        return Ok(());
    }
    if let Some(c) = pack.clauses.iter().find(|c| c.id == id) {
        clause(&ClauseDetail::build(pack, c, today), today, as_json);
        return Ok(());
    }
    if let Some(r) = pack
        .red_flags
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
    {
        red_flag(r, as_json);
        return Ok(());
    }
    if let Some(a) = find_announcement(pack, id) {
        announcement(&AnnouncementDetail::build(pack, a, today), today, as_json);
        return Ok(());
    }
    Err(CliError::BadInput(format!(
        "ID: no item, clause, red flag or announcement '{}' in rule pack {}; try `minspect rules search`",
        s(id),
        s(&pack.pack.version)
    )))
}

fn clause(d: &ClauseDetail, today: NaiveDate, as_json: bool) {
    let c = d.clause;
    if as_json {
        println!(
            "{}",
            json!({"clause": c, "standing_today": d.standing, "suspensions": texts(&d.suspensions)})
        );
        return;
    }
    let ann = d.announcement.map(|a| a.number.clone()).unwrap_or_default();
    println!(
        "{} ({}, clause {})",
        s(&c.id),
        s(&ann),
        s(c.clause_no.as_deref().unwrap_or("-"))
    );
    println!("  {}", s(&c.text));
    println!(
        "  country: {}  end use: {}  families: {}",
        c.country.as_deref().unwrap_or("any"),
        c.end_use.map(|e| e.as_str()).unwrap_or("any"),
        if c.families.is_empty() {
            "every dual-use item".into()
        } else {
            s(&c.families.join(", "))
        }
    );
    println!(
        "  effect: {:?}; valid from {}{}",
        c.effect,
        c.valid_from,
        c.valid_to.map(|d| format!(" to {d}")).unwrap_or_default()
    );
    println!("  today ({today}): {}", d.standing.describe());
    for line in &d.suspensions {
        println!("  {}", s(&line.text()));
    }
}

fn red_flag(r: &RedFlag, as_json: bool) {
    if as_json {
        println!("{}", json!({"red_flag": r}));
        return;
    }
    println!("{} {} / {}", s(&r.id), s(&r.title), s(&r.title_zh));
    println!("  {}", s(&r.guidance));
    for u in &r.sources {
        println!("  source: {}", s(u));
    }
}

fn announcement(d: &AnnouncementDetail, today: NaiveDate, as_json: bool) {
    let a = d.announcement;
    if as_json {
        println!(
            "{}",
            json!({"announcement": a, "standing_today": d.standing, "suspensions": texts(&d.suspensions), "items": d.items})
        );
        return;
    }
    println!("{} {} / {}", s(&a.number), s(&a.title), s(&a.title_zh));
    println!(
        "  issuers: {}; published {}; effective {}",
        s(&a.issuers.join(", ")),
        a.published,
        a.effective
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into())
    );
    println!("  today ({today}): {}", d.standing.describe());
    for line in &d.suspensions {
        println!("  {}", s(&line.text()));
    }
    println!("  {}", sanitize_multiline(&a.notes));
    if !d.items.is_empty() {
        println!("  items: {}", s(&d.items.join(", ")));
    }
    for c in &d.clauses {
        println!(
            "  clause {}: {} [today: {}]",
            s(&c.clause.id),
            s(&c.clause.text),
            c.standing.describe()
        );
    }
    for u in &a.unconfirmed {
        println!("  UNCONFIRMED: {}", s(u));
    }
    for u in &a.sources {
        println!("  source: {}", s(u));
    }
}

fn item_json(d: &RuleDetail) {
    let cl: Vec<_> = d
        .clauses
        .iter()
        .map(|c| json!({"id": c.clause.id, "text": c.clause.text, "effect": c.clause.effect, "standing_today": c.standing}))
        .collect();
    println!(
        "{}",
        json!({
            "item": d.item, "announcement": d.announcement, "standing_today": d.standing,
            "suspensions": texts(&d.suspensions), "clauses": cl,
        })
    );
}

fn item_text(d: &RuleDetail) {
    let i = d.item;
    println!("{}  {} / {}", s(&i.id), s(&i.name_en), s(&i.name_zh));
    println!(
        "  family: {}   control code: {}   licence required: {}{}",
        s(&i.family),
        s(i.control_code.as_deref().unwrap_or("- (not known)")),
        if i.licence_required { "yes" } else { "no" },
        if i.technology { "   (technology)" } else { "" }
    );
    if !i.formulae.is_empty() {
        println!("  formulae/symbols: {}", s(&i.formulae.join(", ")));
    }
    if let Some(a) = d.announcement {
        println!(
            "  announcement: {} {} (published {}, effective {})",
            s(&a.number),
            s(&a.title),
            a.published,
            a.effective
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into())
        );
    }
    println!("  status today ({}): {}", d.as_of, d.standing.describe());
    for line in &d.suspensions {
        println!("  {}", s(&line.text()));
    }
    if i.criteria.is_empty() && i.criteria_unconfirmed {
        println!("  criteria: UNCONFIRMED (the sources do not give them): a match needs review");
    } else if i.criteria.is_empty() {
        println!("  criteria: none (every grade)");
    }
    for c in &i.criteria {
        println!("  criterion: {}", criterion_text(c));
    }
    for h in &i.hs_codes {
        println!("  reference HS: {}", hs_text(h));
    }
    if i.hs_codes.is_empty() {
        println!("  reference HS: none known");
    }
    for c in &d.clauses {
        println!(
            "  clause {}: {} [today: {}]",
            s(&c.clause.id),
            s(&c.clause.text),
            c.standing.describe()
        );
        for line in &c.suspensions {
            println!("    {}", s(&line.text()));
        }
    }
    if !i.notes.is_empty() {
        println!("  notes: {}", s(&i.notes));
    }
    for u in &d.unconfirmed {
        println!("  UNCONFIRMED: {}", s(u));
    }
    for u in &i.sources {
        println!("  source: {}", s(u));
    }
}

/// `purity_pct >= 99.9999 [group a] UNCONFIRMED (note)`, sanitized.
fn criterion_text(c: &Criterion) -> String {
    let group = if c.group.is_empty() {
        String::new()
    } else {
        format!(" [group {}]", s(&c.group))
    };
    let unc = if c.unconfirmed { " UNCONFIRMED" } else { "" };
    let note = if c.note.is_empty() {
        String::new()
    } else {
        format!(" ({})", s(&c.note))
    };
    format!(
        "{} {} {}{group}{unc}{note}",
        s(&c.measurement),
        c.op.symbol(),
        c.value
    )
}

/// `2825.90 (probably a misprint for 2825.60) - note`, sanitized.
fn hs_text(h: &HsRef) -> String {
    let mis = h
        .misprint_of
        .as_deref()
        .map(|m| format!(" (probably a misprint for {m})"))
        .unwrap_or_default();
    let note = if h.note.is_empty() {
        String::new()
    } else {
        format!(" - {}", s(&h.note))
    };
    format!("{}{mis}{note}", s(&h.code))
}
