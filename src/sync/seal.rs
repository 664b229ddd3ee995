//! Sealed bundle lines (format version 2, DESIGN §5): what a lost USB stick must not reveal.
//!
//! A sealed bundle's header names the algorithm, the recipient (headquarters' X25519 public
//! key) and a fresh ephemeral X25519 public key of this bundle alone. Every record line (and
//! every attachment line: any line between the header and the manifest) is the NaCl
//! `crypto_box` (X25519 key agreement of the ephemeral secret with the recipient, then
//! XSalsa20-Poly1305) of the plain line, with the nonce `0^16 || index` (the line's place
//! among the sealed lines, from 0, as 8 big-endian bytes): the key is new for each bundle,
//! so a nonce never repeats under it, and a line moved to another place does not open. One
//! key agreement per bundle, not one per line, keeps export and import near the speed of an
//! unsealed bundle. A sealed line is written as `{"sealed":"<base64 of the box>"}`; the
//! manifest lists the SHA-256 of those bytes and the signature covers the header, so a
//! bundle is verified before anything in it is decrypted. The manifest's own words about
//! people (the device's name, the officers' names and badges) are sealed the same way into
//! its `sealed_about` field (nonce `0^15 || 1 || 0`, apart from every line's), opened once
//! the signature and every line's hash are verified; what stays clear is what verification
//! needs: ids, sequence range, hashes, schema and pack versions, times.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use crypto_box::aead::Aead;
use crypto_box::{Nonce, PublicKey, SalsaBox, SecretKey};
use serde::{Deserialize, Serialize};

use super::SyncError;

/// The one sealing algorithm.
pub const SEAL_ALG: &str = "x25519-xsalsa20poly1305";

const PREFIX: &[u8] = b"{\"sealed\":\"";
const SUFFIX: &[u8] = b"\"}";
/// How a sealed attachment line starts: a line of its own kind, in a nonce domain of its
/// own (`0^15 || 2 || index`, the line's place among the attachment lines), so a record
/// line cannot stand for an attachment line, nor the reverse.
const ATTACHMENT_PREFIX: &[u8] = b"{\"sealed_attachment\":\"";

/// The header's account of how the lines are sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealInfo {
    pub alg: String,
    /// the X25519 public key of the headquarters the lines are sealed to, 64 hex digits
    pub recipient: String,
    /// this bundle's ephemeral X25519 public key, 64 hex digits
    pub ephemeral: String,
}

/// The X25519 public key of a secret.
pub fn public_of(secret: &[u8; 32]) -> [u8; 32] {
    SecretKey::from(*secret).public_key().to_bytes()
}

/// 64 hex digits of an X25519 public key (not all zero).
pub fn seal_key_from_hex(s: &str) -> Result<[u8; 32], String> {
    let bytes = hex::decode(s.trim()).map_err(|_| "not hexadecimal".to_string())?;
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| "must be 64 hex digits (32 bytes)".to_string())?;
    if arr == [0u8; 32] {
        return Err("not a valid X25519 public key (all zero)".into());
    }
    Ok(arr)
}

/// Sealing fails only when the line is longer than the cipher takes: a failure of the
/// export (exit 1), not a refusal of its input.
fn sealing_failed() -> SyncError {
    SyncError::Io {
        doing: "sealing a bundle line".into(),
        source: std::io::Error::other("the line is too long to seal"),
    }
}

/// The nonce of the sealed line at `index`: `0^16 || index`.
fn nonce(index: u64) -> Nonce {
    nonce_in(0, index)
}

/// The nonce of a sealed manifest field: `0^15 || 1 || index`, never a line's.
fn field_nonce(index: u64) -> Nonce {
    nonce_in(1, index)
}

/// The nonce of the sealed attachment line at `index`: `0^15 || 2 || index`.
fn attachment_nonce(index: u64) -> Nonce {
    nonce_in(2, index)
}

fn nonce_in(domain: u8, index: u64) -> Nonce {
    let mut n = [0u8; 24];
    n[15] = domain;
    n[16..].copy_from_slice(&index.to_be_bytes());
    Nonce::from(n)
}

/// Is this line a sealed line (whether or not it opens)?
pub fn is_sealed_line(line: &[u8]) -> bool {
    line.starts_with(PREFIX) && line.ends_with(SUFFIX) && line.len() >= PREFIX.len() + 2
}

/// Is this line a sealed attachment line (whether or not it opens)?
pub fn is_sealed_attachment_line(line: &[u8]) -> bool {
    line.starts_with(ATTACHMENT_PREFIX)
        && line.ends_with(SUFFIX)
        && line.len() >= ATTACHMENT_PREFIX.len() + 2
}

/// Seals the lines of one bundle, in order.
pub struct Sealer {
    cbox: SalsaBox,
    next: u64,
    /// the next attachment line's place among the attachment lines
    next_attachment: u64,
}

impl Sealer {
    /// A sealer to `recipient` with a fresh ephemeral key; returns it and the header's
    /// account of it.
    pub fn new(recipient: &[u8; 32]) -> Result<(Self, SealInfo), SyncError> {
        let mut eph = [0u8; 32];
        getrandom::fill(&mut eph).map_err(|e| SyncError::Io {
            doing: "drawing the bundle's sealing key".into(),
            source: std::io::Error::other(e.to_string()),
        })?;
        let eph = SecretKey::from(eph);
        let info = SealInfo {
            alg: SEAL_ALG.into(),
            recipient: hex::encode(recipient),
            ephemeral: hex::encode(eph.public_key().as_bytes()),
        };
        let cbox = SalsaBox::new(&PublicKey::from(*recipient), &eph);
        Ok((
            Self {
                cbox,
                next: 0,
                next_attachment: 0,
            },
            info,
        ))
    }

    /// Appends the sealed form of the next plain line (without `\n`) to `out`.
    pub fn seal_line(&mut self, plain: &[u8], out: &mut Vec<u8>) -> Result<(), SyncError> {
        let n = nonce(self.next);
        self.next += 1;
        self.seal_into(&n, PREFIX, plain, out)
    }

    /// Appends the sealed form of the next plain attachment line (without `\n`) to `out`.
    pub fn seal_attachment_line(
        &mut self,
        plain: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), SyncError> {
        let n = attachment_nonce(self.next_attachment);
        self.next_attachment += 1;
        self.seal_into(&n, ATTACHMENT_PREFIX, plain, out)
    }

    fn seal_into(
        &self,
        nonce: &Nonce,
        prefix: &[u8],
        plain: &[u8],
        out: &mut Vec<u8>,
    ) -> Result<(), SyncError> {
        let sealed = self
            .cbox
            .encrypt(nonce, plain)
            .map_err(|_| sealing_failed())?;
        out.extend_from_slice(prefix);
        let at = out.len();
        out.resize(at + sealed.len().div_ceil(3) * 4, 0);
        let n = B64
            .encode_slice(&sealed, &mut out[at..])
            .map_err(|_| sealing_failed())?;
        out.truncate(at + n);
        out.extend_from_slice(SUFFIX);
        Ok(())
    }
}

impl Sealer {
    /// The sealed form (base64 of the box) of a manifest field's value, the `index`-th
    /// sealed field of this bundle: what the signed manifest carries instead of it.
    pub fn seal_field(&self, index: u64, plain: &[u8]) -> Result<String, SyncError> {
        let sealed = self
            .cbox
            .encrypt(&field_nonce(index), plain)
            .map_err(|_| sealing_failed())?;
        Ok(B64.encode(sealed))
    }
}

/// Opens the sealed lines of one verified bundle.
#[derive(Clone)]
pub struct Opener {
    cbox: std::sync::Arc<SalsaBox>,
}

impl std::fmt::Debug for Opener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opener { .. }")
    }
}

impl Opener {
    /// An opener for a bundle sealed as `info` says, with headquarters' `secret`. Refuses
    /// (naming both keys) a bundle sealed to another key.
    pub fn new(secret: &[u8; 32], info: &SealInfo) -> Result<Self, String> {
        if info.alg != SEAL_ALG {
            return Err(format!(
                "sealed: the bundle is sealed with '{}', this minspect opens {SEAL_ALG}",
                crate::domain::sanitize(&info.alg)
            ));
        }
        let own = hex::encode(public_of(secret));
        if info.recipient != own {
            return Err(format!(
                "sealed to another key: the bundle is sealed to the X25519 key {}…, and this headquarters' key is {}…; it cannot be opened here (export it again after trusting this headquarters' key file)",
                crate::domain::sanitize(info.recipient.get(..16).unwrap_or(&info.recipient)),
                &own[..16]
            ));
        }
        let eph =
            seal_key_from_hex(&info.ephemeral).map_err(|m| format!("sealed: ephemeral: {m}"))?;
        Ok(Self {
            cbox: std::sync::Arc::new(SalsaBox::new(
                &PublicKey::from(eph),
                &SecretKey::from(*secret),
            )),
        })
    }

    /// The plain value of the `index`-th sealed manifest field (see [`Sealer::seal_field`]).
    pub fn open_field(&self, index: u64, sealed: &str) -> Result<Vec<u8>, String> {
        let sealed = B64
            .decode(sealed)
            .map_err(|_| "the sealed field is not base64".to_string())?;
        self.cbox
            .decrypt(&field_nonce(index), sealed.as_slice())
            .map_err(|_| "the sealed field does not open with this headquarters' key".to_string())
    }

    /// The plain line of the sealed attachment line at `index` (its place among the
    /// attachment lines); None when it is not a sealed attachment line or does not open.
    pub fn open_attachment_line(&self, index: u64, line: &[u8]) -> Option<Vec<u8>> {
        if !is_sealed_attachment_line(line) {
            return None;
        }
        let b64 = &line[ATTACHMENT_PREFIX.len()..line.len() - SUFFIX.len()];
        let sealed = B64.decode(b64).ok()?;
        self.cbox
            .decrypt(&attachment_nonce(index), sealed.as_slice())
            .ok()
    }

    /// The plain line of the sealed line at `index` (its place among the sealed lines).
    pub fn open_line(&self, index: u64, line: &[u8]) -> Result<Vec<u8>, String> {
        if !is_sealed_line(line) {
            return Err("not a sealed line in a sealed bundle".into());
        }
        let b64 = &line[PREFIX.len()..line.len() - SUFFIX.len()];
        let sealed = B64
            .decode(b64)
            .map_err(|_| "the sealed line is not base64".to_string())?;
        self.cbox
            .decrypt(&nonce(index), sealed.as_slice())
            .map_err(|_| "the sealed line does not open with this headquarters' key".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_opens_at_its_own_place_only() {
        let secret = [7u8; 32];
        let (mut s, info) = Sealer::new(&public_of(&secret)).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        s.seal_line(b"{\"seq\":1,\"exporter\":\"Acme\"}", &mut a)
            .unwrap();
        s.seal_line(b"{\"seq\":2}", &mut b).unwrap();
        assert!(is_sealed_line(&a) && !a.windows(4).any(|w| w == b"Acme"));
        let o = Opener::new(&secret, &info).unwrap();
        assert_eq!(
            o.open_line(0, &a).unwrap(),
            b"{\"seq\":1,\"exporter\":\"Acme\"}"
        );
        assert_eq!(o.open_line(1, &b).unwrap(), b"{\"seq\":2}");
        assert!(o.open_line(1, &a).is_err(), "moved to another place");
        // an attachment line opens in its own domain only
        let mut c = Vec::new();
        s.seal_attachment_line(b"{\"attachment\":{}}", &mut c)
            .unwrap();
        assert!(is_sealed_attachment_line(&c) && !is_sealed_line(&c));
        assert_eq!(
            o.open_attachment_line(0, &c).unwrap(),
            b"{\"attachment\":{}}"
        );
        let as_attachment = [ATTACHMENT_PREFIX, &a[PREFIX.len()..]].concat();
        assert!(o.open_attachment_line(0, &as_attachment).is_none());
        let as_record = [PREFIX, &c[ATTACHMENT_PREFIX.len()..]].concat();
        assert!(o.open_line(0, &as_record).is_err());
        let other = Opener::new(&[8u8; 32], &info).unwrap_err();
        assert!(other.contains("sealed to another key"), "{other}");
    }
}
