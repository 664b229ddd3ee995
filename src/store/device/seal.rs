//! The X25519 sealing keys of devices (DESIGN §5, format version 2): headquarters' own
//! secret (`seal_secret`, next to the ed25519 seed and kept the same way) and the public
//! sealing key of a trusted headquarters (`seal_key`), to which a laptop seals its bundles.

use std::ops::Deref;

use rusqlite::{OptionalExtension, params};

use super::{TrustOutcome, already_trusted_with_another, key32};
use crate::domain::Msg;
use crate::store::{Context, Device, Result, Store};

/// The trusted headquarters a laptop seals its bundles to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealRecipient {
    pub device_id: String,
    pub name: String,
    pub seal_key: [u8; 32],
}

/// The keys a device id is trusted with: (ed25519 public key, X25519 sealing key).
pub(super) type TrustedKeys = (Vec<u8>, Option<Vec<u8>>);

impl<S: Deref<Target = Store>> Device<S> {
    /// The trusted device with an X25519 sealing key that bundles are sealed to: the most
    /// recently trusted one (a laptop trusts one headquarters; when it has trusted a newer
    /// one, that one). None: no trusted key has a sealing key, bundles go unsealed.
    pub fn seal_recipient(&self) -> Result<Option<SealRecipient>> {
        let row: Option<(String, String, Vec<u8>)> = self
            .0
            .conn()
            .query_row(
                "SELECT id, name, seal_key FROM devices
                 WHERE is_local = 0 AND trusted_at IS NOT NULL AND seal_key IS NOT NULL
                 ORDER BY trusted_at DESC, id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .doing(|| "reading the sealing key of headquarters".into())?;
        row.map(|(device_id, name, k)| {
            Ok(SealRecipient {
                seal_key: key32(k, Msg::new("sp-key-sealing-of").arg("id", &device_id))?,
                device_id,
                name,
            })
        })
        .transpose()
    }

    /// The keys `id` is known with, if it is known.
    pub(super) fn existing_keys(&self, id: &str) -> Result<Option<TrustedKeys>> {
        self.0
            .conn()
            .query_row(
                "SELECT public_key, seal_key FROM devices WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .doing(|| format!("looking up device {id}"))
    }
}

impl Device<&mut Store> {
    /// Trusting a device known here again: the same keys change nothing; the same ed25519
    /// key with a sealing key it did not have records that key (the upgrade of a
    /// version-1 key); any other key is refused, never replaced silently.
    pub(super) fn retrust(
        &mut self,
        id: &str,
        (pk, stored_seal): TrustedKeys,
        public_key: [u8; 32],
        seal_key: Option<[u8; 32]>,
    ) -> Result<TrustOutcome> {
        if pk != public_key {
            return Err(already_trusted_with_another(id, "public_key"));
        }
        match (stored_seal, seal_key) {
            (_, None) => Ok(TrustOutcome::AlreadyTrusted),
            (Some(s), Some(k)) if s == k => Ok(TrustOutcome::AlreadyTrusted),
            (Some(_), Some(_)) => Err(already_trusted_with_another(id, "seal_key")),
            (None, Some(k)) => {
                self.add_seal_key(id, k)?;
                Ok(TrustOutcome::Upgraded)
            }
        }
    }

    fn add_seal_key(&mut self, id: &str, seal_key: [u8; 32]) -> Result<()> {
        let now = self.0.clock.now_rfc3339();
        let actor = self.0.db().meta("officer_id")?.unwrap_or_default();
        self.0.write("recording a device's sealing key", |tx| {
            tx.execute(
                "UPDATE devices SET seal_key = ?2, trusted_at = ?3 WHERE id = ?1 AND is_local = 0",
                params![id, seal_key.to_vec(), now],
            )
            .doing(|| format!("saving the sealing key of device {id}"))?;
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
                 VALUES (?1, ?2, 'trust-upgrade', 'device', ?3, NULL, ?4)",
                params![
                    now,
                    actor,
                    id,
                    serde_json::json!({ "seal_key": hex::encode(seal_key) }).to_string()
                ],
            )
            .doing(|| "writing the audit row".into())?;
            Ok(())
        })
    }
}
