//! Device key files (`minspect device export-key` / `device trust`) and ed25519 signing.
//!
//! A key file is a small JSON document (format version 2):
//! `{"format":"minspect-device-key","version":2,"device_id":"…","name":"…","kind":"field","world":"live","public_key":"<64 hex>"}`.
//! `kind` is field, hq or training (a trainee's laptop); `world` is live or training (a
//! training laptop and a training headquarters). A headquarters' key file also carries
//! `"seal_key":"<64 hex>"`, its X25519 public key, to which laptops seal their bundles
//! (`seal.rs`); trusting it where the same ed25519 key is trusted without one (a version-1
//! key file, or one written before headquarters had it) upgrades that trust. Version 1 had no `world`: a version-1 key
//! file is of the live world (one of kind training, which no version-1 database exported,
//! of the training world).

use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::{SyncError, fsio};
use crate::domain::{DbKind, Msg, World};
use crate::store::{LocalKey, Store, TrustOutcome};

pub const KEY_FORMAT: &str = "minspect-device-key";
pub const KEY_VERSION: u32 = 2;

/// A device's public key file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: String,
    pub version: u32,
    pub device_id: String,
    pub name: String,
    pub kind: DbKind,
    /// live or training; absent in version 1 (read as the world of its kind)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub world: Option<World>,
    /// ed25519 public key, 64 hex digits
    pub public_key: String,
    /// X25519 public key bundles are sealed to, 64 hex digits (headquarters, version 2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_key: Option<String>,
}

impl KeyFile {
    /// The key file of this database's device.
    pub fn of_local(key: &LocalKey) -> Self {
        KeyFile {
            format: KEY_FORMAT.into(),
            version: KEY_VERSION,
            device_id: key.device_id.clone(),
            name: key.name.clone(),
            kind: key.kind,
            world: Some(key.world),
            public_key: hex::encode(key.public_key),
            seal_key: key
                .seal_secret
                .map(|s| hex::encode(super::seal::public_of(&s))),
        }
    }

    /// The world of the key: as written (version 2), else of its kind (version 1).
    pub fn world(&self) -> World {
        self.world.unwrap_or(World::of_kind(self.kind))
    }

    /// The file's text: pretty JSON (two-space indent), fields in declaration order.
    pub fn to_json(&self) -> String {
        let s = |v: &str| serde_json::Value::from(v).to_string();
        let world = self
            .world
            .map(|w| format!("  \"world\": {},\n", s(w.as_str())))
            .unwrap_or_default();
        let seal = self
            .seal_key
            .as_deref()
            .map(|k| format!(",\n  \"seal_key\": {}", s(k)))
            .unwrap_or_default();
        format!(
            "{{\n  \"format\": {},\n  \"version\": {},\n  \"device_id\": {},\n  \"name\": {},\n  \"kind\": {},\n{world}  \"public_key\": {}{seal}\n}}\n",
            s(&self.format),
            self.version,
            s(&self.device_id),
            s(&self.name),
            s(self.kind.as_str()),
            s(&self.public_key)
        )
    }

    /// Parses and checks a key file's text (version 1 or 2); `source` names it in messages.
    pub fn parse(text: &str, source: &str) -> Result<Self, SyncError> {
        let kf: KeyFile = serde_json::from_str(text).map_err(|e| {
            SyncError::Said(
                Msg::new("yp-not-key-file")
                    .arg("source", source)
                    .arg("error", e.to_string()),
            )
        })?;
        if kf.format != KEY_FORMAT || !(1..=KEY_VERSION).contains(&kf.version) {
            return Err(SyncError::Said(
                Msg::new("yp-key-format")
                    .arg("source", source)
                    .arg("expected", KEY_FORMAT)
                    .arg("version", KEY_VERSION.to_string())
                    .arg("found", kf.format.as_str())
                    .arg("found_version", kf.version.to_string()),
            ));
        }
        match (kf.version, kf.world) {
            (1, Some(_)) => {
                return Err(SyncError::Said(
                    Msg::new("yp-key-v1-world").arg("source", source),
                ));
            }
            (2, None) => {
                return Err(SyncError::Said(
                    Msg::new("yp-key-v2-no-world").arg("source", source),
                ));
            }
            _ => {}
        }
        if kf.kind == DbKind::Training && kf.world() != World::Training {
            return Err(SyncError::Said(
                Msg::new("yp-key-training-world")
                    .arg("source", source)
                    .arg("world", kf.world().to_string()),
            ));
        }
        let bad = |field: &str, m: Msg| {
            SyncError::Said(
                Msg::new("yp-key-field")
                    .arg("source", source)
                    .arg("field", field)
                    .arg("problem", m),
            )
        };
        public_key_from_hex(&kf.public_key).map_err(|m| bad("public_key", m))?;
        match kf.seal_key_bytes() {
            Err(m) => Err(bad("seal_key", Msg::new("problem-text").arg("text", m))),
            Ok(Some(_)) if kf.version == 1 => Err(bad("seal_key", Msg::new("yp-key-v1-seal"))),
            Ok(_) => Ok(kf),
        }
    }

    /// The X25519 sealing key, if the file has one.
    pub fn seal_key_bytes(&self) -> Result<Option<[u8; 32]>, String> {
        self.seal_key
            .as_deref()
            .map(super::seal::seal_key_from_hex)
            .transpose()
    }

    pub fn public_key_bytes(&self) -> Result<[u8; 32], SyncError> {
        public_key_from_hex(&self.public_key).map_err(|m| {
            SyncError::Said(
                Msg::new("field-problem")
                    .arg("field", "public_key")
                    .arg("problem", m),
            )
        })
    }
}

/// 64 hex digits of a valid ed25519 public key.
pub fn public_key_from_hex(s: &str) -> Result<[u8; 32], Msg> {
    let bytes = hex::decode(s.trim()).map_err(|_| Msg::new("yp-not-hex"))?;
    let arr: [u8; 32] = bytes.try_into().map_err(|_| Msg::new("yp-not-64-hex"))?;
    VerifyingKey::from_bytes(&arr).map_err(|_| Msg::new("yp-not-ed25519"))?;
    Ok(arr)
}

/// Writes this device's key file: to `out` (atomically) or returns the text when `None`.
/// An existing file is refused unless `force`.
pub fn export_key(
    store: &Store,
    out: Option<&Path>,
    force: bool,
) -> Result<(KeyFile, Option<PathBuf>), SyncError> {
    let kf = KeyFile::of_local(&store.device().local_key()?);
    let Some(out) = out else {
        return Ok((kf, None));
    };
    if out.is_dir() {
        return Err(SyncError::Said(
            Msg::new("yp-out-is-dir").arg("path", out.display().to_string()),
        ));
    }
    if !force && out.exists() {
        return Err(SyncError::Said(
            Msg::new("yp-out-exists").arg("path", out.display().to_string()),
        ));
    }
    let (dir, name) = match (out.parent(), out.file_name()) {
        (Some(d), Some(n)) => (
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            },
            n,
        ),
        _ => {
            return Err(SyncError::Said(
                Msg::new("yp-out-not-path").arg("path", out.display().to_string()),
            ));
        }
    };
    fsio::write_atomic_bytes(dir, &name.to_string_lossy(), kf.to_json().as_bytes())?;
    Ok((kf, Some(out.to_path_buf())))
}

/// Reads a key file and trusts it in this database.
pub fn trust_key_file(
    store: &mut Store,
    path: &Path,
) -> Result<(KeyFile, TrustOutcome), SyncError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyncError::Io {
        doing: format!("reading {}", path.display()),
        source,
    })?;
    let kf = KeyFile::parse(&text, &path.display().to_string())?;
    if kf.name.trim().is_empty() || kf.name.chars().any(char::is_control) {
        return Err(SyncError::Said(
            Msg::new("yp-key-name-bad")
                .arg("source", path.display().to_string())
                .arg("name", format!("{:?}", kf.name)),
        ));
    }
    // `parse` refused a sealing key that is not one
    let seal_key = kf.seal_key_bytes().ok().flatten();
    let outcome = store.device_mut().trust_device_keys(
        &kf.device_id,
        &kf.name,
        kf.kind,
        kf.world(),
        kf.public_key_bytes()?,
        seal_key,
    )?;
    Ok((kf, outcome))
}

/// The signing key of this database's device.
pub fn signing_key(key: &LocalKey) -> SigningKey {
    SigningKey::from_bytes(&key.seed)
}

/// Hex ed25519 signature of `bytes`.
pub fn sign_hex(key: &SigningKey, bytes: &[u8]) -> String {
    hex::encode(key.sign(bytes).to_bytes())
}

/// Verifies a hex ed25519 signature (strict verification).
pub fn verify_hex(public_key: &[u8; 32], bytes: &[u8], sig_hex: &str) -> bool {
    let Ok(vk) = VerifyingKey::from_bytes(public_key) else {
        return false;
    };
    let Ok(sig) = hex::decode(sig_hex) else {
        return false;
    };
    let Ok(sig) = Signature::from_slice(&sig) else {
        return false;
    };
    vk.verify_strict(bytes, &sig).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_file_text_is_serde_pretty_json() {
        let kf = KeyFile {
            format: KEY_FORMAT.into(),
            version: KEY_VERSION,
            device_id: "0190-\"quoted\"".into(),
            name: "Laptop é\n2".into(),
            kind: DbKind::Hq,
            world: Some(World::Training),
            public_key: "ab".repeat(32),
            seal_key: Some("cd".repeat(32)),
        };
        let serde = serde_json::to_string_pretty(&kf).unwrap() + "\n";
        assert_eq!(kf.to_json(), serde);
        let v1 = KeyFile {
            version: 1,
            world: None,
            seal_key: None,
            ..kf
        };
        assert_eq!(
            v1.to_json(),
            serde_json::to_string_pretty(&v1).unwrap() + "\n"
        );
        assert!(!v1.to_json().contains("world"));
    }
}
