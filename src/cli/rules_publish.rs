//! `minspect rules publish FILE [--out PACKFILE]` at headquarters and `rules import` of a
//! published (signed) pack file or, with `--unsigned`, a plain TOML pack on a laptop.

use std::path::Path;

use serde_json::json;

use super::{CliError, CliResult, open_existing, sync_err};
use crate::domain::{DbKind, Lang, sanitize};
use crate::store::PackTrust;
use crate::sync::pack_file;
use crate::t;

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

/// `rules publish FILE [--out PACKFILE]`.
pub fn publish(
    db: &Path,
    read_only: bool,
    file: &Path,
    out: Option<&Path>,
    as_json: bool,
    lang: Lang,
) -> CliResult {
    if read_only {
        return Err(CliError::BadInput(t!(lang, "packs-publish-read-only")));
    }
    let mut store = open_existing(db, false, lang)?;
    let hq = store.device().local_key()?.name;
    let p = pack_file::publish(&mut store, file, out).map_err(sync_err)?;
    let path = p.path.display().to_string();
    if as_json {
        println!(
            "{}",
            json!({"published": !p.again, "version": p.version, "path": path, "installed": p.installed})
        );
        return Ok(());
    }
    let (version, path) = (s(&p.version), s(&path));
    match p.again {
        true => println!(
            "{}",
            t!(
                lang,
                "packs-published-again",
                version = version.clone(),
                path = path
            )
        ),
        false => println!(
            "{}",
            t!(
                lang,
                "packs-published",
                version = version.clone(),
                hq = s(&hq),
                path = path
            )
        ),
    }
    if p.installed {
        println!(
            "{}",
            t!(lang, "packs-published-installed", version = version)
        );
    }
    Ok(())
}

/// `rules import FILE [--unsigned] [--force]` on a laptop: a signed pack file, or a plain
/// one with `--unsigned`. Returns false (nothing done) where the plain import of a TOML
/// pack applies: headquarters, or a read-only open (which refuses it).
pub fn import(
    db: &Path,
    read_only: bool,
    file: &Path,
    (force, unsigned, as_json): (bool, bool, bool),
    lang: Lang,
) -> CliResult<bool> {
    if read_only {
        return Ok(false);
    }
    let kind = open_existing(db, true, lang)?.device().db_kind()?;
    if kind == DbKind::Hq {
        let head = std::fs::read(file).unwrap_or_default();
        if pack_file::is_pack_file(&head) {
            let file = s(&file.display().to_string());
            return Err(CliError::BadInput(t!(
                lang,
                "packs-hq-pack-file",
                file = file
            )));
        }
        return Ok(false);
    }
    let mut store = open_existing(db, false, lang)?;
    let done = pack_file::import(&mut store, file, unsigned, force).map_err(sync_err)?;
    let signer = match &done.signer {
        Some(id) => store
            .device()
            .trusted_device(id)?
            .map(|d| d.name)
            .unwrap_or_else(|| id.clone()),
        None => String::new(),
    };
    if as_json {
        println!(
            "{}",
            json!({"installed": true, "version": done.version, "published": done.published,
                "signed": done.trust == PackTrust::Signed, "signed_by": done.signer, "previous": done.previous,
                "source": file.display().to_string()})
        );
        return Ok(true);
    }
    let (version, published) = (s(&done.version), done.published.clone());
    let line = match done.trust {
        PackTrust::Signed => t!(
            lang,
            "packs-imported-signed",
            version = version,
            published = published,
            hq = s(&signer)
        ),
        _ => t!(
            lang,
            "packs-imported-unsigned",
            version = version,
            published = published
        ),
    };
    println!("{line}");
    Ok(true)
}
