//! The parties of the rule pack in `minspect rules search` (after the items) and `minspect
//! rules show <party id>`, from `rules::search_parties` and `report::PartyDetail`.

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::domain::{Lang, sanitize};
use crate::report::PartyDetail;
use crate::rules::pack::RulePack;
use crate::rules::search_parties;
use crate::t;

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

fn ann_number(pack: &RulePack, id: &str) -> String {
    pack.announcements
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.number.clone())
        .unwrap_or_else(|| id.into())
}

/// The parties matching `query` (at most `limit`), as `rules search --json` rows.
pub fn party_rows(pack: &RulePack, query: &str, limit: usize) -> Vec<Value> {
    search_parties(pack, query)
        .into_iter()
        .take(limit)
        .filter_map(|h| {
            let p = pack.parties.iter().find(|p| p.id == h.party_id)?;
            Some(json!({
                "id": p.id, "score": h.score, "matched": h.matched, "list": p.list,
                "name_en": p.name_en, "name_zh": p.name_zh, "aliases": p.aliases,
                "country": p.country, "announcement": ann_number(pack, &p.announcement),
                "listed": p.listed.to_string(),
            }))
        })
        .collect()
}

/// Prints the matching parties under a heading; false when none matched.
pub fn print_parties(pack: &RulePack, query: &str, limit: usize, lang: Lang) -> bool {
    let hits: Vec<_> = search_parties(pack, query)
        .into_iter()
        .take(limit)
        .collect();
    if hits.is_empty() {
        return false;
    }
    println!("{}", t!(lang, "rules-search-parties", count = hits.len()));
    for h in &hits {
        let Some(p) = pack.parties.iter().find(|p| p.id == h.party_id) else {
            continue;
        };
        let matched = match h.matched.is_empty() || h.matched == p.name_en {
            true => String::new(),
            false => format!("  {}", t!(lang, "rules-search-as", name = s(&h.matched))),
        };
        println!(
            "{:<10} {:<5} {:<26} {} / {}{matched}",
            s(&p.id),
            s(&p.list),
            s(&ann_number(pack, &p.announcement)),
            s(&p.name_en),
            s(&p.name_zh),
        );
    }
    true
}

/// Prints one party by id; false when the pack has no such party.
pub fn show_party(pack: &RulePack, id: &str, today: NaiveDate, as_json: bool, lang: Lang) -> bool {
    let Some(d) = PartyDetail::find(pack, id, today) else {
        return false;
    };
    if as_json {
        println!("{}", d.to_json());
        return true;
    }
    println!("{}  {}", s(&d.party.id), s(&d.party.name_en));
    let width = d
        .lines(lang)
        .iter()
        .map(|(l, _)| unicode_width::UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(0);
    for (label, value) in d.lines(lang) {
        let pad = width - unicode_width::UnicodeWidthStr::width(label.as_str());
        println!("  {label}{}  {value}", " ".repeat(pad));
    }
    true
}
