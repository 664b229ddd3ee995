//! `minspect db encrypt`: an existing plain field or headquarters file made an encrypted
//! one, with the passphrase given as `db rekey` and every other command take it
//! (MINSPECT_PASSPHRASE, --key-file, MINSPECT_KEY_FILE). The store does it crash-safely
//! (`store/db/encrypt.rs`); here are the refusals a person can act on.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::{CliError, CliResult};
use crate::domain::{DbKind, Lang, sanitize};
use crate::store::{Encrypt, KdfParams, Store};
use crate::t;

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// `db encrypt [--group GROUP]`.
pub fn encrypt(db: &Path, group: Option<&str>, lang: Lang) -> CliResult {
    if db.exists() && Store::is_encrypted_file(db) {
        return Err(CliError::BadInput(t!(
            lang,
            "cipher-encrypt-already",
            path = shown(db)
        )));
    }
    let Some(passphrase) = crate::store::passphrase() else {
        return Err(CliError::BadInput(t!(lang, "cipher-encrypt-needs-key")));
    };
    let kind = super::open_existing(db, true, lang)?
        .device()
        .local_key()?
        .kind;
    let mode = std::fs::metadata(db)
        .map(|m| m.permissions().mode() & 0o777)
        .unwrap_or(0o600);
    let gid = match group {
        Some(name) => Some(super::db_key::group_gid(kind, name, lang)?),
        None if kind == DbKind::Hq && mode & 0o070 != 0 => {
            return Err(CliError::BadInput(t!(
                lang,
                "cipher-encrypt-hq-group",
                path = shown(db),
                mode = format!("{mode:04o}")
            )));
        }
        None => None,
    };
    let how = Encrypt {
        passphrase,
        params: KdfParams::for_new_files(),
        group: gid,
    };
    Store::encrypt_file(db, &how).map_err(|e| super::db_key::in_words(e, lang))?;
    let made = if gid.is_some() { 0o660 } else { 0o600 };
    println!(
        "{}",
        t!(
            lang,
            "cipher-encrypt-done",
            path = shown(db),
            mode = format!("{made:04o}")
        )
    );
    Ok(())
}

/// `db check`'s warning for a file made with the test key-derivation parameters.
pub fn test_kdf_warning(db: &Path, lang: Lang) -> Option<String> {
    Store::made_with_test_kdf(db).then(|| t!(lang, "cipher-check-test-kdf", path = shown(db)))
}
