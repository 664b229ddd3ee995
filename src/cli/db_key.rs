//! Where the passphrase comes from (`--key-file` / `MINSPECT_KEY_FILE`, then
//! `MINSPECT_PASSPHRASE`), how a new file is made (`init`), `db rekey` and `db key-file`.

use std::io::{BufRead, IsTerminal, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::{CliError, CliResult};
use crate::domain::{DbKind, Lang, sanitize};
use crate::store::{NewFile, Passphrase, Store, StoreError};
use crate::t;

fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string()).into_owned()
}

/// The passphrase in a key file: its text without the final line end. A key file other
/// users may read is refused (as ssh refuses such a private key).
pub fn read_key_file(path: &Path, lang: Lang) -> CliResult<Passphrase> {
    let unreadable = |e: std::io::Error| {
        CliError::BadInput(t!(
            lang,
            "cipher-key-file-unreadable",
            path = shown(path),
            error = e.to_string()
        ))
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o007 != 0 {
        return Err(CliError::BadInput(t!(
            lang,
            "cipher-key-file-open",
            path = shown(path),
            mode = format!("{mode:04o}")
        )));
    }
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    let line = text.strip_suffix('\n').unwrap_or(&text);
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.is_empty() {
        return Err(CliError::BadInput(t!(
            lang,
            "cipher-key-file-empty",
            path = shown(path)
        )));
    }
    Ok(Passphrase::new(line))
}

/// The passphrase this process was given, if any: the key file first, then the variable.
pub fn given(key_file: Option<&Path>, lang: Lang) -> CliResult<Option<Passphrase>> {
    if let Some(path) = key_file.filter(|p| !p.as_os_str().is_empty()) {
        return read_key_file(path, lang).map(Some);
    }
    Ok(std::env::var("MINSPECT_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Passphrase::new))
}

/// Sets the process's passphrase from the key file or the variable.
pub fn use_given(key_file: Option<&Path>, lang: Lang) -> CliResult {
    crate::store::use_passphrase(given(key_file, lang)?);
    Ok(())
}

/// The same refusals as a failed open, in the user's language: an encrypted file with no
/// passphrase given, or a wrong one (exit 2, nothing opened).
pub fn in_words(e: StoreError, lang: Lang) -> CliError {
    match e {
        StoreError::Locked(path) => CliError::BadInput(t!(
            lang,
            "cipher-locked",
            path = sanitize(&path).into_owned()
        )),
        StoreError::WrongPassphrase(path) => CliError::BadInput(t!(
            lang,
            "cipher-wrong",
            path = sanitize(&path).into_owned()
        )),
        other => other.into(),
    }
}

/// Checks before a subcommand runs that an encrypted `db` opens with what was given.
pub fn check_unlock(db: &Path, lang: Lang) -> CliResult {
    if !db.exists() || !Store::is_encrypted_file(db) {
        return Ok(());
    }
    let Some(pass) = crate::store::passphrase() else {
        return Err(in_words(StoreError::Locked(db.display().to_string()), lang));
    };
    Store::check_passphrase(db, &pass).map_err(|e| in_words(e, lang))
}

/// The id of the group a headquarters file is shared with (`--group NAME`): refused on
/// any other kind of file, and for a group the system does not know.
pub(super) fn group_gid(kind: DbKind, name: &str, lang: Lang) -> CliResult<u32> {
    if kind != DbKind::Hq {
        return Err(CliError::BadInput(t!(lang, "cipher-group-hq-only")));
    }
    crate::store::group_id(name).ok_or_else(|| {
        CliError::BadInput(t!(
            lang,
            "cipher-no-group",
            group = sanitize(name).into_owned()
        ))
    })
}

/// How `init` makes the file: field and headquarters files encrypted with the given
/// passphrase unless `--no-encryption`; training files plain.
pub fn new_file(
    kind: DbKind,
    no_encryption: bool,
    group: Option<&str>,
    lang: Lang,
) -> CliResult<NewFile> {
    let gid = match group {
        None => None,
        Some(name) => Some(group_gid(kind, name, lang)?),
    };
    let mut new = NewFile::plain();
    new.group = gid;
    if kind == DbKind::Training || no_encryption {
        return Ok(new);
    }
    new.passphrase = Some(
        crate::store::passphrase()
            .ok_or_else(|| CliError::BadInput(t!(lang, "cipher-init-needs-key")))?,
    );
    Ok(new)
}

/// Reads a line from the terminal without echo (the new passphrase of `db rekey`).
fn ask_hidden(prompt: &str) -> Option<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    eprint!("{prompt} ");
    let _ = std::io::stderr().flush();
    let fd = libc::STDIN_FILENO;
    // SAFETY: termios is plain data; tcgetattr fills it for a terminal (checked above).
    let mut old: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: fd is this process's stdin, a terminal; `old` is a valid termios.
    let saved = unsafe { libc::tcgetattr(fd, &mut old) } == 0;
    let mut quiet = old;
    quiet.c_lflag &= !libc::ECHO;
    // SAFETY: as above; `quiet` is `old` without ECHO.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, &quiet) };
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    if saved {
        // SAFETY: restores the settings read above.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &old) };
    }
    eprintln!();
    read.ok()?;
    Some(line.trim_end_matches(['\n', '\r']).to_string())
}

/// `db rekey`: the new passphrase from `MINSPECT_NEW_PASSPHRASE` or typed twice.
pub fn rekey(db: &Path, lang: Lang) -> CliResult {
    if db.exists() && !Store::is_encrypted_file(db) {
        return Err(CliError::BadInput(t!(
            lang,
            "cipher-rekey-plain",
            path = shown(db)
        )));
    }
    let new = match std::env::var("MINSPECT_NEW_PASSPHRASE") {
        Ok(p) => p,
        Err(_) => {
            let first = ask_hidden(&t!(lang, "cipher-rekey-prompt"))
                .ok_or_else(|| CliError::BadInput(t!(lang, "cipher-rekey-needs-new")))?;
            let again = ask_hidden(&t!(lang, "cipher-rekey-again")).unwrap_or_default();
            if first != again {
                return Err(CliError::BadInput(t!(lang, "cipher-rekey-differ")));
            }
            first
        }
    };
    if new.is_empty() {
        return Err(CliError::BadInput(t!(lang, "cipher-rekey-empty")));
    }
    let mut store = super::open_existing(db, false, lang)?;
    store
        .rekey(&Passphrase::new(new))
        .map_err(|e| in_words(e, lang))?;
    println!("{}", t!(lang, "cipher-rekey-done", path = shown(db)));
    Ok(())
}

/// `db key-file PATH`: a new random passphrase in a new file, 0600 (0660 with `--group`).
pub fn make_key_file(path: &Path, group: Option<&str>, lang: Lang) -> CliResult {
    if path.exists() {
        return Err(CliError::BadInput(t!(
            lang,
            "cipher-key-file-exists",
            path = shown(path)
        )));
    }
    let gid = match group {
        None => None,
        Some(name) => Some(crate::store::group_id(name).ok_or_else(|| {
            CliError::BadInput(t!(
                lang,
                "cipher-no-group",
                group = sanitize(name).into_owned()
            ))
        })?),
    };
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).map_err(|e| CliError::Failed(e.to_string()))?;
    let mode = if gid.is_some() { 0o660 } else { 0o600 };
    let text = format!("{}\n", hex::encode(secret));
    crate::store::write_private_file(path, text.as_bytes(), mode)?;
    if let Some(gid) = gid {
        std::os::unix::fs::chown(path, None, Some(gid))
            .map_err(|e| CliError::Failed(e.to_string()))?;
    }
    println!(
        "{}",
        t!(
            lang,
            "cipher-key-file-made",
            path = shown(path),
            mode = format!("{mode:04o}")
        )
    );
    Ok(())
}
