//! Encryption at rest: an SQLCipher file keyed with a raw 256-bit key that argon2id
//! derives from a passphrase, so SQLCipher's own PBKDF2 never runs.
//!
//! What stays readable before decryption: the 16-byte salt is SQLCipher's own, the first
//! 16 bytes of the file (random, plaintext by SQLCipher's design; we choose it when the
//! file is created and hand it over with the key), and the argon2id parameters sit in a
//! small sidecar `<db>.kdf` (created 0600 like the file). SQLCipher's plaintext-header mode
//! was not used: it keeps SQLite's own 32 header bytes, which have no room for parameters,
//! and needs the salt stored elsewhere anyway. A file whose sidecar is missing is tried
//! with the field parameters.
//!
//! The key is derived once per file per process: `derived` caches it by (file, salt,
//! parameters, passphrase digest). The process's passphrase is given once by the CLI or
//! the console (`use_passphrase`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::store::{Context, Result, StoreError};

/// A passphrase; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

impl Passphrase {
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(text.into())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn digest(&self) -> [u8; 32] {
        Sha256::digest(self.0.as_bytes()).into()
    }
}

/// argon2id parameters of one file (memory in KiB, passes, lanes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// Field and headquarters files: 19 MiB, 2 passes, 1 lane (OWASP's argon2id minimum);
    /// about 30 ms on this machine's cores (benches/cipher.rs), well inside the 100 ms
    /// the opening of an encrypted file may add.
    pub const FIELD: KdfParams = KdfParams {
        m_kib: 19 * 1024,
        t: 2,
        p: 1,
    };
    /// Test files only (`MINSPECT_KDF=test` when a file is created): 64 KiB, 1 pass. Real
    /// argon2id, written into the file's parameters like any other set, so the test
    /// suite's hundreds of files stay fast; never a default.
    pub const TEST: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    /// The set for a file created now: `TEST` when `MINSPECT_KDF=test`, else `FIELD`.
    pub fn for_new_files() -> Self {
        match std::env::var("MINSPECT_KDF").as_deref() {
            Ok("test") => KdfParams::TEST,
            _ => KdfParams::FIELD,
        }
    }

    pub(crate) fn line(&self) -> String {
        format!(
            "minspect-kdf 1 argon2id v=19 m={} t={} p={}\n",
            self.m_kib, self.t, self.p
        )
    }

    fn parse(text: &str) -> Option<Self> {
        let mut words = text.split_whitespace();
        let head = [words.next()?, words.next()?, words.next()?, words.next()?];
        if head != ["minspect-kdf", "1", "argon2id", "v=19"] {
            return None;
        }
        let mut value =
            |name: &str| -> Option<u32> { words.next()?.strip_prefix(name)?.parse().ok() };
        Some(KdfParams {
            m_kib: value("m=")?,
            t: value("t=")?,
            p: value("p=")?,
        })
    }
}

/// The sidecar holding a file's parameters.
pub fn kdf_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".kdf");
    PathBuf::from(name)
}

const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// True when the file exists and is not a plain SQLite file (an SQLCipher file starts with
/// its random salt), or has no page yet and a parameter sidecar. A file whose head is a
/// plain SQLite file's is plain, whatever sidecar lies beside it (`db encrypt` writes the
/// sidecar before it renames the encrypted copy over the plain file).
pub fn is_encrypted(db: &Path) -> bool {
    match read_head(db) {
        Some(head) => &head != PLAIN_HEADER,
        None => kdf_path(db).exists(),
    }
}

fn read_head(db: &Path) -> Option<[u8; 16]> {
    let mut head = [0u8; 16];
    let mut f = std::fs::File::open(db).ok()?;
    f.read_exact(&mut head).ok()?;
    Some(head)
}

/// The passphrase this process opens encrypted files with.
static PASSPHRASE: Mutex<Option<Passphrase>> = Mutex::new(None);

struct Derived {
    file: PathBuf,
    salt: [u8; 16],
    params: KdfParams,
    digest: [u8; 32],
    key: [u8; 32],
}

static DERIVED: Mutex<Vec<Derived>> = Mutex::new(Vec::new());

/// Sets (or clears) the passphrase this process opens encrypted files with.
pub fn use_passphrase(p: Option<Passphrase>) {
    if let Ok(mut slot) = PASSPHRASE.lock() {
        *slot = p.filter(|p| !p.is_empty());
    }
}

/// The passphrase set for this process, if any.
pub fn passphrase() -> Option<Passphrase> {
    PASSPHRASE.lock().ok().and_then(|p| p.clone())
}

/// argon2id of `pass` with `salt` and `params`: 32 bytes.
pub fn derive(pass: &Passphrase, salt: &[u8; 16], params: KdfParams) -> Result<[u8; 32]> {
    let p = argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
        .map_err(|e| StoreError::Cipher(e.to_string()))?;
    let a = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, p);
    let mut key = [0u8; 32];
    a.hash_password_into(pass.0.as_bytes(), salt, &mut key)
        .map_err(|e| StoreError::Cipher(e.to_string()))?;
    Ok(key)
}

/// The key for `db` from `pass`, derived at most once per file in this process.
fn derived(db: &Path, pass: &Passphrase, salt: [u8; 16], params: KdfParams) -> Result<[u8; 32]> {
    let file = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
    let digest = pass.digest();
    let same =
        |d: &Derived| d.file == file && d.salt == salt && d.params == params && d.digest == digest;
    if let Some(d) = DERIVED
        .lock()
        .ok()
        .and_then(|c| c.iter().find(|d| same(d)).map(|d| d.key))
    {
        return Ok(d);
    }
    let key = derive(pass, &salt, params)?;
    if let Ok(mut cache) = DERIVED.lock() {
        cache.retain(|d| d.file != file);
        cache.push(Derived {
            file,
            salt,
            params,
            digest,
            key,
        });
    }
    Ok(key)
}

/// Forgets every derived key of this process (a benchmark measures a first open with it).
pub fn forget_keys() {
    if let Ok(mut cache) = DERIVED.lock() {
        cache.clear();
    }
}

/// A new salt and the key `pass` gives with it: (key || salt) as SQLCipher's raw-key hex.
pub(crate) fn new_raw_key(db: &Path, pass: &Passphrase, params: KdfParams) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Cipher(e.to_string()))?;
    let key = derived(db, pass, salt, params)?;
    Ok(format!("x'{}{}'", hex::encode(key), hex::encode(salt)))
}

/// The parameters of an existing file (its sidecar; the field set when it has none).
pub fn params_of(db: &Path) -> Result<KdfParams> {
    match std::fs::read_to_string(kdf_path(db)) {
        Ok(text) => KdfParams::parse(&text).ok_or_else(|| {
            StoreError::Cipher(format!("{}: unreadable parameters", kdf_path(db).display()))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(KdfParams::FIELD),
        Err(e) => Err(StoreError::Cipher(format!(
            "{}: {e}",
            kdf_path(db).display()
        ))),
    }
}

/// Keys a connection to an existing encrypted file with `pass` (or this process's
/// passphrase) and checks the key on the first page: a wrong one changes nothing.
pub(crate) fn unlock(conn: &Connection, db: &Path, pass: Option<&Passphrase>) -> Result<()> {
    if !is_encrypted(db) {
        return Ok(());
    }
    let given = pass.cloned().or_else(passphrase);
    let Some(pass) = given else {
        return Err(StoreError::Locked(db.display().to_string()));
    };
    let salt = read_head(db).ok_or_else(|| StoreError::Locked(db.display().to_string()))?;
    let key = derived(db, &pass, salt, params_of(db)?)?;
    apply_key(conn, &key, None)?;
    let check = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    match check {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(StoreError::WrongPassphrase(db.display().to_string()))
        }
        Err(e) => Err(e).doing(|| "reading the encrypted file".into()),
    }
}

/// Gives SQLCipher the raw key (and, for a new file, the salt it writes at its head), then
/// pins every cipher setting to SQLCipher 4's so a later default cannot change the format.
fn apply_key(conn: &Connection, key: &[u8; 32], salt: Option<&[u8; 16]>) -> Result<()> {
    let raw = format!(
        "x'{}{}'",
        hex::encode(key),
        salt.map(hex::encode).unwrap_or_default()
    );
    // SQLCipher logs a failed page check to stderr; a wrong passphrase is said once, by us
    conn.pragma_update(None, "cipher_log_level", "NONE")
        .doing(|| "quieting the cipher log".into())?;
    conn.pragma_update(None, "key", &raw)
        .doing(|| "giving the key".into())?;
    for (name, value) in CIPHER_SETTINGS {
        conn.pragma_update(None, name, value)
            .doing(|| format!("setting {name}"))?;
    }
    Ok(())
}

/// SQLCipher 4's format, set explicitly (kdf_iter only matters for passphrase keys,
/// which minspect never gives; the raw key skips that derivation).
const CIPHER_SETTINGS: [(&str, &str); 6] = [
    ("cipher_page_size", "4096"),
    ("kdf_iter", "256000"),
    ("cipher_hmac_algorithm", "HMAC_SHA512"),
    ("cipher_kdf_algorithm", "PBKDF2_HMAC_SHA512"),
    ("cipher_use_hmac", "ON"),
    ("cipher_plaintext_header_size", "0"),
];

/// Keys a connection to a new (empty) file: a fresh salt, the key derived from `pass`
/// with `params`, the sidecar written (mode `mode`) before the first page.
pub(crate) fn key_new_file(
    conn: &Connection,
    db: &Path,
    pass: &Passphrase,
    params: KdfParams,
    mode: u32,
) -> Result<()> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Cipher(e.to_string()))?;
    let key = derived(db, pass, salt, params)?;
    super::modes::write_new(&kdf_path(db), params.line().as_bytes(), mode)?;
    apply_key(conn, &key, Some(&salt))
}

/// Changes the key of an open encrypted file to one derived from `new` (same salt and
/// parameters), in one SQLCipher rekey.
pub(crate) fn rekey(conn: &Connection, db: &Path, new: &Passphrase) -> Result<()> {
    if !is_encrypted(db) {
        return Err(StoreError::NotEncrypted(db.display().to_string()));
    }
    let salt = read_head(db).ok_or_else(|| StoreError::Locked(db.display().to_string()))?;
    let key = derived(db, new, salt, params_of(db)?)?;
    conn.pragma_update(None, "rekey", format!("x'{}'", hex::encode(key)))
        .doing(|| "changing the key".into())
}
