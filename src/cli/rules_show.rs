//! `minspect rules show ID`: everything about one item, clause, red flag or announcement.

use chrono::NaiveDate;
use serde_json::json;

use super::{CliError, CliResult};
use crate::domain::{sanitize, sanitize_multiline};
use crate::rules::pack::{Announcement, Clause, Item, RulePack, Suspension};
use crate::rules::{announcement_standing, clause_standing, suspends_clause};

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

fn announcement<'p>(pack: &'p RulePack, id: &str) -> Option<&'p Announcement> {
    pack.announcements
        .iter()
        .find(|a| a.id == id || a.number.eq_ignore_ascii_case(id))
}

fn suspension_line(pack: &RulePack, x: &Suspension) -> String {
    let by = announcement(pack, &x.by)
        .map(|a| a.number.as_str())
        .unwrap_or(&x.by);
    let part = x
        .clause
        .as_deref()
        .map(|c| format!("clause {c} "))
        .unwrap_or_default();
    format!("{part}suspended {} to {} by {by}", x.start, x.end)
}

/// Every suspension of announcement `ann` (whole or any of its clauses).
fn suspensions_text(pack: &RulePack, ann: &str) -> Vec<String> {
    pack.suspensions
        .iter()
        .filter(|x| x.target == ann)
        .map(|x| suspension_line(pack, x))
        .collect()
}

/// The suspensions that touch clause `c`: of its whole announcement, or of this clause
/// (matched as the rules engine matches them), never of a sibling clause.
fn clause_suspensions_text(pack: &RulePack, c: &Clause) -> Vec<String> {
    pack.suspensions
        .iter()
        .filter(|x| (x.target == c.announcement && x.clause.is_none()) || suspends_clause(x, c))
        .map(|x| suspension_line(pack, x))
        .collect()
}

/// Prints one rule by id. Unknown id: bad input (exit 2).
pub fn show(pack: &RulePack, id: &str, today: NaiveDate, as_json: bool) -> CliResult {
    if let Some(item) = pack.items.iter().find(|i| i.id == id) {
        show_item(pack, item, today, as_json);
        return Ok(());
    }
    if let Some(c) = pack.clauses.iter().find(|c| c.id == id) {
        let (standing, _) = clause_standing(pack, c, today);
        if as_json {
            println!(
                "{}",
                json!({"clause": c, "standing_today": standing, "suspensions": clause_suspensions_text(pack, c)})
            );
        } else {
            let ann = announcement(pack, &c.announcement)
                .map(|a| a.number.clone())
                .unwrap_or_default();
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
            println!("  today ({today}): {}", standing.describe());
            for line in clause_suspensions_text(pack, c) {
                println!("  {}", s(&line));
            }
        }
        return Ok(());
    }
    if let Some(r) = pack
        .red_flags
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
    {
        if as_json {
            println!("{}", json!({"red_flag": r}));
        } else {
            println!("{} {} / {}", s(&r.id), s(&r.title), s(&r.title_zh));
            println!("  {}", s(&r.guidance));
            for u in &r.sources {
                println!("  source: {}", s(u));
            }
        }
        return Ok(());
    }
    if let Some(a) = announcement(pack, id) {
        let (standing, _) = announcement_standing(pack, &a.id, today);
        let items: Vec<&str> = pack
            .items
            .iter()
            .filter(|i| i.announcement == a.id)
            .map(|i| i.id.as_str())
            .collect();
        if as_json {
            println!(
                "{}",
                json!({"announcement": a, "standing_today": standing, "suspensions": suspensions_text(pack, &a.id), "items": items})
            );
        } else {
            println!("{} {} / {}", s(&a.number), s(&a.title), s(&a.title_zh));
            println!(
                "  issuers: {}; published {}; effective {}",
                s(&a.issuers.join(", ")),
                a.published,
                a.effective
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into())
            );
            println!("  today ({today}): {}", standing.describe());
            for line in suspensions_text(pack, &a.id) {
                println!("  {}", s(&line));
            }
            println!("  {}", sanitize_multiline(&a.notes));
            if !items.is_empty() {
                println!("  items: {}", s(&items.join(", ")));
            }
            for c in pack.clauses.iter().filter(|c| c.announcement == a.id) {
                let (st, _) = clause_standing(pack, c, today);
                println!(
                    "  clause {}: {} [today: {}]",
                    s(&c.id),
                    s(&c.text),
                    st.describe()
                );
            }
            for u in &a.unconfirmed {
                println!("  UNCONFIRMED: {}", s(u));
            }
            for u in &a.sources {
                println!("  source: {}", s(u));
            }
        }
        return Ok(());
    }
    Err(CliError::BadInput(format!(
        "ID: no item, clause, red flag or announcement '{}' in rule pack {}; try `minspect rules search`",
        s(id),
        s(&pack.pack.version)
    )))
}

fn show_item(pack: &RulePack, i: &Item, today: NaiveDate, as_json: bool) {
    let ann = announcement(pack, &i.announcement);
    let (standing, _) = announcement_standing(pack, &i.announcement, today);
    let clauses: Vec<_> = pack
        .clauses
        .iter()
        .filter(|c| c.families.is_empty() || c.families.contains(&i.family))
        .map(|c| (c, clause_standing(pack, c, today).0))
        .collect();
    if as_json {
        let cl: Vec<_> = clauses.iter().map(|(c, st)| json!({"id": c.id, "text": c.text, "effect": c.effect, "standing_today": st})).collect();
        println!(
            "{}",
            json!({
                "item": i, "announcement": ann, "standing_today": standing,
                "suspensions": suspensions_text(pack, &i.announcement), "clauses": cl,
            })
        );
        return;
    }
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
    if let Some(a) = ann {
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
    println!("  status today ({today}): {}", standing.describe());
    for line in suspensions_text(pack, &i.announcement) {
        println!("  {}", s(&line));
    }
    if i.criteria.is_empty() && i.criteria_unconfirmed {
        println!("  criteria: UNCONFIRMED (the sources do not give them): a match needs review");
    } else if i.criteria.is_empty() {
        println!("  criteria: none (every grade)");
    }
    for c in &i.criteria {
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
        println!(
            "  criterion: {} {} {}{group}{unc}{note}",
            s(&c.measurement),
            c.op.symbol(),
            c.value
        );
    }
    for h in &i.hs_codes {
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
        println!("  reference HS: {}{mis}{note}", s(&h.code));
    }
    if i.hs_codes.is_empty() {
        println!("  reference HS: none known");
    }
    for (c, st) in &clauses {
        println!(
            "  clause {}: {} [today: {}]",
            s(&c.id),
            s(&c.text),
            st.describe()
        );
        for line in clause_suspensions_text(pack, c) {
            println!("    {}", s(&line));
        }
    }
    if !i.notes.is_empty() {
        println!("  notes: {}", s(&i.notes));
    }
    for u in i
        .unconfirmed
        .iter()
        .chain(ann.map(|a| a.unconfirmed.as_slice()).unwrap_or(&[]))
    {
        println!("  UNCONFIRMED: {}", s(u));
    }
    for u in &i.sources {
        println!("  source: {}", s(u));
    }
}
