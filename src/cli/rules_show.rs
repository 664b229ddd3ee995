//! `minspect rules show ID`: everything about one item, clause, red flag or announcement,
//! printed from the rule detail read models of `report::rule_detail`.

use chrono::NaiveDate;
use serde_json::json;

use super::{CliError, CliResult};
use crate::domain::{Lang, sanitize, sanitize_multiline};
use crate::i18n::msg;
use crate::report::rule_detail::{
    AnnouncementDetail, ClauseDetail, RuleDetail, SuspensionLine, find_announcement,
};
use crate::rules::pack::{Criterion, HsRef, RedFlag, RulePack};
use crate::t;

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

fn texts(lines: &[SuspensionLine]) -> Vec<String> {
    lines.iter().map(SuspensionLine::text).collect()
}

/// Prints one rule by id. Unknown id: bad input (exit 2).
pub fn show(pack: &RulePack, id: &str, today: NaiveDate, as_json: bool, lang: Lang) -> CliResult {
    if let Some(d) = RuleDetail::build(pack, id, today) {
        if as_json {
            item_json(&d);
        } else {
            item_text(&d, lang);
        }
        return Ok(());
    }
    if let Some(c) = pack.clauses.iter().find(|c| c.id == id) {
        clause(&ClauseDetail::build(pack, c, today), (today, lang), as_json);
        return Ok(());
    }
    if let Some(r) = pack
        .red_flags
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id))
    {
        red_flag(r, as_json, lang);
        return Ok(());
    }
    if let Some(a) = find_announcement(pack, id) {
        announcement(
            &AnnouncementDetail::build(pack, a, today),
            (today, lang),
            as_json,
        );
        return Ok(());
    }
    Err(CliError::BadInput(t!(
        lang,
        "rules-show-unknown",
        id = s(id),
        version = s(&pack.pack.version)
    )))
}

/// The suspension lines in `lang`, indented.
fn print_suspensions(lines: &[SuspensionLine], indent: &str, lang: Lang) {
    for line in lines {
        println!("{indent}{}", s(&line.text_in(lang)));
    }
}

fn print_sources(sources: &[String], lang: Lang) {
    for u in sources {
        println!("  {}", t!(lang, "rules-show-source", url = s(u)));
    }
}

fn print_unconfirmed<T: AsRef<str>>(list: &[T], lang: Lang) {
    for u in list {
        println!(
            "  {}",
            t!(lang, "rules-show-unconfirmed", text = s(u.as_ref()))
        );
    }
}

fn clause(d: &ClauseDetail, (today, lang): (NaiveDate, Lang), as_json: bool) {
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
        "{}",
        t!(
            lang,
            "rules-show-clause-head",
            id = s(&c.id),
            announcement = s(&ann),
            clause = s(c.clause_no.as_deref().unwrap_or("-"))
        )
    );
    println!("  {}", s(&c.text));
    let any = t!(lang, "rules-show-any");
    println!(
        "  {}",
        t!(
            lang,
            "rules-show-scope",
            country = c.country.clone().unwrap_or_else(|| any.clone()),
            end_use = c.end_use.map_or(any.clone(), |e| e.as_str().to_string()),
            families = if c.families.is_empty() {
                t!(lang, "rules-show-every-item")
            } else {
                s(&c.families.join(", "))
            }
        )
    );
    let (effect, from) = (
        crate::i18n::text(
            lang,
            &format!("verdict-{}", crate::rules::Verdict::from(c.effect).as_str()),
        ),
        c.valid_from.to_string(),
    );
    let line = match c.valid_to {
        Some(to) => t!(
            lang,
            "rules-show-effect-to",
            effect = effect,
            from = from,
            to = to.to_string()
        ),
        None => t!(lang, "rules-show-effect", effect = effect, from = from),
    };
    println!("  {line}");
    let standing = msg(lang, &d.standing.msg());
    println!(
        "  {}",
        t!(
            lang,
            "rules-show-today",
            date = today.to_string(),
            standing = standing
        )
    );
    print_suspensions(&d.suspensions, "  ", lang);
}

fn red_flag(r: &RedFlag, as_json: bool, lang: Lang) {
    if as_json {
        println!("{}", json!({"red_flag": r}));
        return;
    }
    println!("{} {} / {}", s(&r.id), s(&r.title), s(&r.title_zh));
    println!("  {}", s(&r.guidance));
    print_sources(&r.sources, lang);
}

fn announcement(d: &AnnouncementDetail, (today, lang): (NaiveDate, Lang), as_json: bool) {
    let a = d.announcement;
    if as_json {
        println!(
            "{}",
            json!({"announcement": a, "standing_today": d.standing, "suspensions": texts(&d.suspensions), "items": d.items})
        );
        return;
    }
    println!("{} {} / {}", s(&a.number), s(&a.title), s(&a.title_zh));
    let issuers = t!(
        lang,
        "rules-show-issuers",
        issuers = s(&a.issuers.join(", ")),
        published = a.published.to_string(),
        effective = a
            .effective
            .map_or_else(|| "-".to_string(), |d| d.to_string())
    );
    println!("  {issuers}");
    let standing = msg(lang, &d.standing.msg());
    println!(
        "  {}",
        t!(
            lang,
            "rules-show-today",
            date = today.to_string(),
            standing = standing
        )
    );
    print_suspensions(&d.suspensions, "  ", lang);
    println!("  {}", sanitize_multiline(&a.notes));
    if !d.items.is_empty() {
        println!(
            "  {}",
            t!(lang, "rules-show-items", items = s(&d.items.join(", ")))
        );
    }
    for c in &d.clauses {
        print_clause_line(c, lang);
    }
    print_unconfirmed(&a.unconfirmed, lang);
    print_sources(&a.sources, lang);
}

fn print_clause_line(c: &ClauseDetail, lang: Lang) {
    let line = t!(
        lang,
        "rules-show-clause",
        id = s(&c.clause.id),
        text = s(&c.clause.text),
        standing = msg(lang, &c.standing.msg())
    );
    println!("  {line}");
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

fn item_text(d: &RuleDetail, lang: Lang) {
    let i = d.item;
    println!("{}  {} / {}", s(&i.id), s(&i.name_en), s(&i.name_zh));
    let code = i
        .control_code
        .clone()
        .unwrap_or_else(|| t!(lang, "rules-show-code-unknown"));
    let licence = t!(
        lang,
        if i.licence_required {
            "rules-show-yes"
        } else {
            "rules-show-no"
        }
    );
    let mut family = t!(
        lang,
        "rules-show-family",
        family = s(&i.family),
        code = s(&code),
        licence = licence
    );
    if i.technology {
        family = format!("{family}   {}", t!(lang, "rules-show-technology"));
    }
    println!("  {family}");
    if !i.formulae.is_empty() {
        println!(
            "  {}",
            t!(
                lang,
                "rules-show-formulae",
                formulae = s(&i.formulae.join(", "))
            )
        );
    }
    if let Some(a) = d.announcement {
        let line = t!(
            lang,
            "rules-show-announcement",
            number = s(&a.number),
            title = s(if lang == Lang::Zh && !a.title_zh.trim().is_empty() {
                &a.title_zh
            } else {
                &a.title
            }),
            published = a.published.to_string(),
            effective = a
                .effective
                .map_or_else(|| "-".to_string(), |d| d.to_string())
        );
        println!("  {line}");
    }
    let standing = msg(lang, &d.standing.msg());
    println!(
        "  {}",
        t!(
            lang,
            "rules-show-status",
            date = d.as_of.to_string(),
            standing = standing
        )
    );
    print_suspensions(&d.suspensions, "  ", lang);
    item_criteria(d, lang);
    for c in &d.clauses {
        print_clause_line(c, lang);
        print_suspensions(&c.suspensions, "    ", lang);
    }
    if !i.notes.is_empty() {
        println!("  {}", t!(lang, "rules-show-notes", notes = s(&i.notes)));
    }
    print_unconfirmed(&d.unconfirmed, lang);
    print_sources(&i.sources, lang);
}

/// The item's criteria and reference HS codes.
fn item_criteria(d: &RuleDetail, lang: Lang) {
    let i = d.item;
    if i.criteria.is_empty() && i.criteria_unconfirmed {
        println!("  {}", t!(lang, "rules-show-criteria-unconfirmed"));
    } else if i.criteria.is_empty() {
        println!("  {}", t!(lang, "rules-show-criteria-none"));
    }
    for c in &i.criteria {
        println!(
            "  {}",
            t!(
                lang,
                "rules-show-criterion",
                criterion = criterion_text(c, lang)
            )
        );
    }
    for h in &i.hs_codes {
        println!("  {}", t!(lang, "rules-show-hs", hs = hs_text(h, lang)));
    }
    if i.hs_codes.is_empty() {
        println!("  {}", t!(lang, "rules-show-hs-none"));
    }
}

/// `purity_pct >= 99.9999 [group a] UNCONFIRMED (note)`, sanitized.
fn criterion_text(c: &Criterion, lang: Lang) -> String {
    let group = if c.group.is_empty() {
        String::new()
    } else {
        format!(" {}", t!(lang, "rules-show-group", group = s(&c.group)))
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
fn hs_text(h: &HsRef, lang: Lang) -> String {
    let mis = h
        .misprint_of
        .as_deref()
        .map(|m| format!(" {}", t!(lang, "rules-show-misprint", code = s(m))))
        .unwrap_or_default();
    let note = if h.note.is_empty() {
        String::new()
    } else {
        format!(" - {}", s(&h.note))
    };
    format!("{}{mis}{note}", s(&h.code))
}
