//! Published rule packs (DESIGN §5): `minspect rules publish FILE` at headquarters writes
//! a file of its own, `rules import PACKFILE` on a field laptop verifies it against the
//! trusted headquarters key of its world. Format version 2:
//!
//! ```text
//! {"rule_pack":{"format":"minspect-rule-pack","version":2,"world":"live","pack_version":"2026.04.1","published":"2026-04-01","hq_device_id":…,"hq_name":…,"sha256":"<hex of the TOML>","size":12345}}
//! {"signature":{"alg":"ed25519","signer":<hq device id>,"value":"<hex>"}}
//! <the pack TOML, exactly `size` bytes>
//! ```
//! The signature covers the exact bytes of the header line, a `\n`, and the pack bytes: a
//! changed byte anywhere but in the signature line fails verification. A receipt carries
//! the same bytes after its own signature line.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::bundle::{Sig, SigLine};
use super::keys::{sign_hex, signing_key, verify_hex};
use super::{SyncError, fsio};
use crate::domain::{DbKind, World, sanitize};
use crate::rules::RulePack;
use crate::store::{LocalKey, PackInstall, PackTrust, Store, StoreError};

pub const PACK_FORMAT: &str = "minspect-rule-pack";
pub const PACK_VERSION: u32 = 2;

/// The header line's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    pub format: String,
    pub version: u32,
    pub world: World,
    pub pack_version: String,
    pub published: String,
    pub hq_device_id: String,
    pub hq_name: String,
    pub sha256: String,
    pub size: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderLine {
    rule_pack: PackHeader,
}

/// A pack file whose signature, hash and content were checked.
#[derive(Debug, Clone)]
pub struct VerifiedPack {
    pub header: PackHeader,
    pub raw: String,
    pub pack: RulePack,
}

fn refused(m: String) -> SyncError {
    SyncError::Refused(m)
}

fn signed_bytes(header_line: &[u8], raw: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(header_line.len() + 1 + raw.len());
    v.extend_from_slice(header_line);
    v.push(b'\n');
    v.extend_from_slice(raw);
    v
}

/// Whether `bytes` look like a published pack file (not a plain TOML pack).
pub fn is_pack_file(bytes: &[u8]) -> bool {
    bytes.starts_with(b"{\"rule_pack\"")
}

/// The pack file of `raw` (a validated pack), signed with headquarters' key.
pub fn encode(raw: &str, pack: &RulePack, hq: &LocalKey) -> Result<Vec<u8>, SyncError> {
    let header = PackHeader {
        format: PACK_FORMAT.into(),
        version: PACK_VERSION,
        world: hq.world,
        pack_version: pack.pack.version.clone(),
        published: pack.pack.published.to_string(),
        hq_device_id: hq.device_id.clone(),
        hq_name: hq.name.clone(),
        sha256: hex::encode(Sha256::digest(raw.as_bytes())),
        size: raw.len() as u64,
    };
    let bad = |e: serde_json::Error| refused(format!("encoding the pack file: {e}"));
    let mut out = serde_json::to_vec(&HeaderLine { rule_pack: header }).map_err(bad)?;
    let sig = SigLine {
        signature: Sig {
            alg: "ed25519".into(),
            signer: hq.device_id.clone(),
            value: sign_hex(&signing_key(hq), &signed_bytes(&out, raw.as_bytes())),
        },
    };
    out.push(b'\n');
    out.extend(serde_json::to_vec(&sig).map_err(bad)?);
    out.push(b'\n');
    out.extend_from_slice(raw.as_bytes());
    Ok(out)
}

/// Verifies a pack file for a device of `world`: format, world, signature by
/// `trusted_key(hq_device_id)`, hash and size, and the pack's own checks. `source` names
/// the file in messages.
pub fn verify(
    bytes: &[u8],
    source: &str,
    world: World,
    trusted_key: impl FnOnce(&str) -> Result<Option<[u8; 32]>, SyncError>,
) -> Result<VerifiedPack, SyncError> {
    let mut parts = bytes.splitn(3, |b| *b == b'\n');
    let head = parts.next().unwrap_or_default();
    let header = serde_json::from_slice::<HeaderLine>(head)
        .map_err(|_| refused(format!("{source}: not a published rule pack (or it was altered): the header line is unreadable")))?
        .rule_pack;
    if header.format != PACK_FORMAT || header.version != PACK_VERSION {
        return Err(refused(format!(
            "{source}: format: expected {PACK_FORMAT} version {PACK_VERSION}, found {} version {}",
            header.format, header.version
        )));
    }
    let hq_name = sanitize(&header.hq_name).into_owned();
    if header.world != world {
        return Err(refused(format!(
            "{source}: world: the pack was published by a {} headquarters ('{hq_name}') and this device is of the {world} world; live and training never mix",
            header.world
        )));
    }
    let sig = parts
        .next()
        .and_then(|l| serde_json::from_slice::<SigLine>(l).ok())
        .ok_or_else(|| refused(format!("{source}: unsigned pack file: no signature line")))?
        .signature;
    let hq = &header.hq_device_id;
    if sig.alg != "ed25519" || sig.signer != *hq {
        return Err(refused(format!(
            "{source}: signature check failed: signed by '{}', expected headquarters device {hq}",
            sanitize(&sig.signer)
        )));
    }
    let Some(pk) = trusted_key(hq)? else {
        return Err(refused(format!(
            "{source}: signed by headquarters device {hq} ('{hq_name}'), which this device does not trust; run `minspect device trust HQ-KEYFILE`"
        )));
    };
    let raw = parts.next().unwrap_or_default();
    if !verify_hex(&pk, &signed_bytes(head, raw), &sig.value) {
        return Err(refused(format!(
            "{source}: signature check failed: not signed by the trusted key of headquarters device {hq} (wrong key, or the pack was altered)"
        )));
    }
    if raw.len() as u64 != header.size || hex::encode(Sha256::digest(raw)) != header.sha256 {
        return Err(refused(format!(
            "{source}: sha256: the pack bytes do not match the header"
        )));
    }
    let raw = String::from_utf8(raw.to_vec())
        .map_err(|_| refused(format!("{source}: the pack is not UTF-8")))?;
    let pack = RulePack::parse(&raw, source).map_err(|e| refused(e.to_string()))?;
    if pack.pack.version != header.pack_version {
        return Err(refused(format!(
            "{source}: pack_version: the header says {} and the pack {}",
            sanitize(&header.pack_version),
            sanitize(&pack.pack.version)
        )));
    }
    Ok(VerifiedPack { header, raw, pack })
}

impl VerifiedPack {
    /// The install of this verified pack: signed by its headquarters.
    pub fn install(&self, source: &str, skip_not_newer: bool) -> PackInstall {
        PackInstall {
            raw: self.raw.clone(),
            source: source.to_string(),
            trust: PackTrust::Signed,
            signed_by: Some(self.header.hq_device_id.clone()),
            force: false,
            skip_not_newer,
        }
    }
}

fn store_refused(e: SyncError) -> SyncError {
    match e {
        SyncError::Store(StoreError::Invalid(m)) => SyncError::Refused(m),
        other => other,
    }
}

/// What `rules publish` did.
#[derive(Debug, Clone)]
pub struct Published {
    pub version: String,
    pub path: PathBuf,
    pub again: bool,
    pub installed: bool,
}

/// Headquarters: validates the pack TOML at `file`, signs it, records it as published
/// (and active) and writes the pack file (0600, temp name and rename) to `out`, default
/// `minspect-rules-VERSION.pack` beside `file`.
pub fn publish(store: &mut Store, file: &Path, out: Option<&Path>) -> Result<Published, SyncError> {
    let local = store.device().local_key()?;
    if local.kind != DbKind::Hq {
        return Err(refused(format!(
            "rules publish: packs are published at headquarters; this is a {} database",
            local.kind.as_str()
        )));
    }
    let raw = std::fs::read_to_string(file).map_err(|e| {
        refused(format!(
            "{}: cannot read the rule pack: {e}",
            file.display()
        ))
    })?;
    let source = file.display().to_string();
    let pack = RulePack::parse(&raw, &source).map_err(|e| refused(e.to_string()))?;
    let out = match out {
        Some(o) => o.to_path_buf(),
        None => file.with_file_name(format!("minspect-rules-{}.pack", pack.pack.version)),
    };
    let (dir, name) = match (out.parent(), out.file_name()) {
        (Some(d), Some(n)) if !out.is_dir() => (
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            },
            n.to_string_lossy().into_owned(),
        ),
        _ => {
            return Err(refused(format!(
                "--out: {} is not a file path",
                out.display()
            )));
        }
    };
    if !dir.is_dir() {
        return Err(refused(format!(
            "--out: {} is not a directory",
            dir.display()
        )));
    }
    let bytes = encode(&raw, &pack, &local)?;
    let done = store
        .rules_mut()
        .publish_pack(&raw, &source, &bytes)
        .map_err(|e| store_refused(e.into()))?;
    let path = fsio::write_atomic(dir, &name, |w| {
        use std::io::Write;
        use std::os::unix::fs::PermissionsExt;
        let io = |source| SyncError::Io {
            doing: format!("writing {name}"),
            source,
        };
        w.get_ref()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(io)?;
        w.write_all(&bytes).map_err(io)
    })?;
    Ok(Published {
        version: pack.pack.version,
        path,
        again: done.again,
        installed: done.installed,
    })
}

/// What `rules import` did on a laptop.
#[derive(Debug, Clone)]
pub struct PackImported {
    pub version: String,
    pub published: String,
    pub trust: PackTrust,
    pub signer: Option<String>,
    /// the version that was active before
    pub previous: Option<String>,
}

/// A field laptop (or a trainee's): installs a published pack file after verifying it, or
/// a plain TOML pack with `unsigned` (audited, marked unsigned; `force` installs an older
/// one). Everything else is refused and the installed pack is kept.
pub fn import(
    store: &mut Store,
    path: &Path,
    unsigned: bool,
    force: bool,
) -> Result<PackImported, SyncError> {
    let local = store.device().local_key()?;
    let bytes = std::fs::read(path).map_err(|source| SyncError::Io {
        doing: format!("reading {}", path.display()),
        source,
    })?;
    let source = path.display().to_string();
    let install = if is_pack_file(&bytes) {
        if force {
            return Err(refused(
                "--force: a signed pack is never installed over a newer one (only an --unsigned pack can be forced)".into(),
            ));
        }
        let v = verify(&bytes, &source, local.world, |id| {
            Ok(store.device().trusted_device(id)?.map(|d| d.public_key))
        })?;
        v.install(&source, false)
    } else if unsigned {
        let raw = String::from_utf8(bytes)
            .map_err(|_| refused(format!("{source}: the pack is not UTF-8")))?;
        RulePack::parse(&raw, &source).map_err(|e| refused(e.to_string()))?;
        PackInstall {
            raw,
            source: source.clone(),
            trust: PackTrust::Unsigned,
            signed_by: None,
            force,
            skip_not_newer: false,
        }
    } else {
        return Err(refused(format!(
            "{source}: unsigned rule pack: a field laptop installs packs signed by headquarters (`minspect rules publish`); give --unsigned to install it anyway (audited, shown as unsigned)"
        )));
    };
    let previous = store.rules().pack_status()?.map(|s| s.version);
    store
        .rules_mut()
        .install_checked(&install)
        .map_err(|e| store_refused(e.into()))?;
    let pack = RulePack::parse(&install.raw, &source).map_err(|e| refused(e.to_string()))?;
    Ok(PackImported {
        version: pack.pack.version,
        published: pack.pack.published.to_string(),
        trust: install.trust,
        signer: install.signed_by,
        previous,
    })
}

/// Headquarters: the pack file a receipt for a laptop whose pack is `laptop_version`
/// carries: the newest published one when it is newer (or the laptop's is not known).
pub fn for_receipt(
    store: &Store,
    laptop_version: &str,
) -> Result<Option<crate::store::PublishedPack>, SyncError> {
    let Some(p) = store.rules().newest_published()? else {
        return Ok(None);
    };
    let newer = laptop_version.is_empty()
        || crate::store::compare_versions(&p.version, laptop_version)
            == std::cmp::Ordering::Greater;
    Ok(newer.then_some(p))
}
