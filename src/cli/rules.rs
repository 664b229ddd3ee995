//! `minspect rules list | search | show | import`.

use std::path::Path;

use chrono::NaiveDate;
use clap::Subcommand;
use serde_json::json;

use super::{CliError, CliResult, open_existing};
use crate::domain::{Clock, Lang, sanitize};
use crate::rules::pack::{Item, RulePack};
use crate::rules::{EMBEDDED_PACK, announcement_standing, search};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every item of the active rule pack
    List {
        #[arg(long)]
        json: bool,
    },
    /// Ranked search: names (English, Chinese), formulae (GaAs), control codes (1C117), HS codes and prefixes (2825); listed parties by any name or alias
    Search {
        query: String,
        /// At most this many results
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Everything about one item (or clause, red flag, announcement, listed party) by id
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Finalized inspections whose verdict would differ under a rule pack, and why; changes nothing
    Rescreen {
        /// Rule pack (TOML) to screen with [default: the active pack]
        #[arg(long, value_name = "FILE")]
        pack: Option<std::path::PathBuf>,
        /// Only inspections finalized on or after this date (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// table, md, csv or json
        #[arg(long, default_value = "table")]
        format: String,
    },
    /// Install a rule pack as the active pack, atomically; a field laptop needs one signed by headquarters
    Import {
        file: std::path::PathBuf,
        /// Install even if it is older than the installed pack (not a signed pack)
        #[arg(long)]
        force: bool,
        /// Field laptop: install a plain TOML pack, not signed by headquarters (audited, shown as unsigned)
        #[arg(long)]
        unsigned: bool,
        #[arg(long)]
        json: bool,
    },
    /// Headquarters: install a rule pack (TOML) and publish it signed, as a pack file for laptops
    Publish {
        file: std::path::PathBuf,
        /// The pack file to write [default: minspect-rules-VERSION.pack beside FILE]
        #[arg(long, value_name = "PACKFILE")]
        out: Option<std::path::PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

/// The pack to answer from: the database's active pack, else the embedded one.
pub fn load_pack(db: &Path, read_only: bool, lang: Lang) -> CliResult<(RulePack, String)> {
    if db.exists() {
        // answering never writes: read-only (an older file is upgraded first unless
        // --read-only was asked for)
        let store = super::open_for_reading(db, read_only, lang)?;
        if let Some(pack) = store.rules().active_pack()? {
            return Ok((pack, db.display().to_string()));
        }
    }
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded")
        .map_err(|e| CliError::Failed(t!(lang, "rules-embedded-invalid", error = e.to_string())))?;
    Ok((pack, "embedded".into()))
}

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

pub fn run(db: &Path, read_only: bool, cmd: RulesCommand, clock: Clock, lang: Lang) -> CliResult {
    match cmd {
        RulesCommand::List { json } => {
            let (pack, from) = load_pack(db, read_only, lang)?;
            list(&pack, &from, (clock.today(), lang), json);
            Ok(())
        }
        RulesCommand::Search { query, limit, json } => {
            let (pack, _) = load_pack(db, read_only, lang)?;
            search_cmd(&pack, &query, limit, json, lang);
            Ok(())
        }
        RulesCommand::Show { id, json } => {
            let (pack, _) = load_pack(db, read_only, lang)?;
            if super::rules_parties::show_party(&pack, &id, clock.today(), json, lang) {
                return Ok(());
            }
            super::rules_show::show(&pack, &id, clock.today(), json, lang)
        }
        RulesCommand::Import {
            file,
            force,
            unsigned,
            json,
        } => {
            match super::rules_publish::import(db, read_only, &file, (force, unsigned, json), lang)?
            {
                true => Ok(()),
                false => import(db, (read_only, lang), &file, force, json),
            }
        }
        RulesCommand::Publish { file, out, json } => {
            super::rules_publish::publish(db, read_only, &file, out.as_deref(), json, lang)
        }
        RulesCommand::Rescreen {
            pack,
            since,
            format,
        } => {
            use super::rules_rescreen as rr;
            let flags = rr::check_flags(db, since.as_deref(), &format, lang)?;
            let pack = match pack {
                Some(f) => rr::pack_from_file(&f, lang)?,
                None => load_pack(db, read_only, lang)?.0,
            };
            rr::run(db, read_only, &pack, flags, lang)
        }
    }
}

fn ann_number(pack: &RulePack, id: &str) -> String {
    pack.announcements
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.number.clone())
        .unwrap_or_else(|| id.into())
}

fn list(pack: &RulePack, from: &str, (date, lang): (NaiveDate, Lang), as_json: bool) {
    if as_json {
        let items: Vec<_> = pack
            .items
            .iter()
            .map(|i| {
                json!({
                    "id": i.id, "family": i.family, "name_en": i.name_en, "name_zh": i.name_zh,
                    "control_code": i.control_code, "announcement": ann_number(pack, &i.announcement),
                    "licence_required": i.licence_required, "technology": i.technology,
                    "status": announcement_standing(pack, &i.announcement, date).0.describe(),
                })
            })
            .collect();
        println!(
            "{}",
            json!({"rule_pack": {"version": pack.pack.version, "published": pack.pack.published.to_string(), "from": from}, "items": items})
        );
        return;
    }
    println!(
        "{}",
        t!(
            lang,
            "rules-list-head",
            version = s(&pack.pack.version),
            published = pack.pack.published.to_string(),
            from = s(from),
            items = pack.items.len()
        )
    );
    let stale_from = pack.pack.published + chrono::Days::new(pack.pack.stale_after_days.into());
    if date > stale_from {
        println!(
            "{}",
            t!(
                lang,
                "rules-list-stale",
                date = date.to_string(),
                days = pack.pack.stale_after_days
            )
        );
    }
    for i in &pack.items {
        let status = announcement_standing(pack, &i.announcement, date).0;
        let flag = if !i.licence_required {
            format!(" {}", t!(lang, "rules-list-not-controlled"))
        } else if !status.is_in_force() {
            format!(" {}", t!(lang, "rules-list-not-in-force"))
        } else {
            String::new()
        };
        println!(
            "{:<20} {:<12} {:<10} {:<12} {}{}",
            s(&i.id),
            s(&i.family),
            s(i.control_code.as_deref().unwrap_or("-")),
            s(&ann_number(pack, &i.announcement)),
            s(&i.name_en),
            flag
        );
    }
}

fn item_by_id<'p>(pack: &'p RulePack, id: &str) -> Option<&'p Item> {
    pack.items.iter().find(|i| i.id == id)
}

fn search_cmd(pack: &RulePack, query: &str, limit: usize, as_json: bool, lang: Lang) {
    let hits: Vec<_> = search(pack, query).into_iter().take(limit).collect();
    if as_json {
        let rows: Vec<_> = hits
            .iter()
            .filter_map(|h| item_by_id(pack, &h.item_id).map(|i| (h, i)))
            .map(|(h, i)| {
                json!({
                    "id": i.id, "score": h.score, "matched": h.matched, "family": i.family,
                    "name_en": i.name_en, "name_zh": i.name_zh, "control_code": i.control_code,
                    "announcement": ann_number(pack, &i.announcement),
                })
            })
            .collect();
        let parties = super::rules_parties::party_rows(pack, query, limit);
        println!(
            "{}",
            json!({"query": query, "results": rows, "parties": parties})
        );
        return;
    }
    if hits.is_empty() {
        if !super::rules_parties::print_parties(pack, query, limit, lang) {
            println!("{}", t!(lang, "rules-cli-no-match", query = s(query)));
        }
        return;
    }
    for h in &hits {
        let Some(i) = item_by_id(pack, &h.item_id) else {
            continue;
        };
        println!(
            "{:<20} {:<10} {:<12} {} / {}  {}",
            s(&i.id),
            s(i.control_code.as_deref().unwrap_or("-")),
            s(&ann_number(pack, &i.announcement)),
            s(&i.name_en),
            s(&i.name_zh),
            t!(lang, "rules-matched", matched = h.matched.to_string())
        );
    }
    super::rules_parties::print_parties(pack, query, limit, lang);
}

fn import(
    db: &Path,
    (read_only, lang): (bool, Lang),
    file: &Path,
    force: bool,
    as_json: bool,
) -> CliResult {
    if read_only {
        return Err(CliError::BadInput(t!(lang, "rules-import-read-only")));
    }
    let raw = std::fs::read_to_string(file).map_err(|e| {
        CliError::BadInput(t!(
            lang,
            "rules-import-cannot-read",
            path = file.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let mut store = open_existing(db, false, lang)?;
    let name = file.display().to_string();
    let done = store
        .rules_mut()
        .import_pack(&raw, &name, force)
        .map_err(CliError::from)?;
    if as_json {
        println!(
            "{}",
            json!({
                "installed": !done.unchanged, "version": done.pack.pack.version,
                "published": done.pack.pack.published.to_string(), "previous": done.previous, "source": name,
            })
        );
    } else if done.unchanged {
        println!(
            "{}",
            t!(
                lang,
                "rules-import-unchanged",
                version = s(&done.pack.pack.version)
            )
        );
    } else {
        let id = match done.previous {
            Some(_) => "rules-import-replacing",
            None => "rules-import-done",
        };
        println!(
            "{}",
            t!(
                lang,
                id,
                version = s(&done.pack.pack.version),
                published = done.pack.pack.published.to_string(),
                items = done.pack.items.len(),
                source = s(&name),
                previous = s(done.previous.as_deref().unwrap_or_default())
            )
        );
    }
    Ok(())
}
