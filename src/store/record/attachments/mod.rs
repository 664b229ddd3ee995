//! Evidence attachments of an inspection: photos of seals and cartons, XRF print-outs, lab
//! reports. The content is stored content-addressed (SHA-256) inside the database in
//! chunks ([`CHUNK_BYTES`]), never held whole in memory; `attachments` names a file for
//! one inspection with its media type, size, caption, original file name, officer and
//! time. Its rows are part of the inspection's chain payload, so finalizing freezes them
//! (the schema's triggers refuse a change); an amendment carries copies that point at the
//! same content.

pub(crate) mod content;
mod write;

use std::ops::Deref;

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;

use crate::domain::{Msg, limits};
use crate::store::audit::Who;
use crate::store::{Chain, Context, Records, Result, Store};

pub use content::ContentSink;

/// Bytes of one stored chunk (and of one bundle attachment line before base64).
pub const CHUNK_BYTES: usize = 192 * 1024;

/// One attachment of an inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    pub id: String,
    pub inspection_id: String,
    pub sha256: String,
    pub media_type: String,
    pub size: u64,
    pub caption: String,
    pub file_name: String,
    pub officer_id: String,
    pub created_at: String,
}

/// The media type of a file from its first bytes (PNG, JPEG, PDF), else the `given` one,
/// else `application/octet-stream`.
pub fn media_type_of(head: &[u8], given: Option<&str>) -> String {
    const MAGIC: [(&[u8], &str); 3] = [
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xFF\xD8\xFF", "image/jpeg"),
        (b"%PDF-", "application/pdf"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| head.starts_with(magic))
        .map(|(_, t)| (*t).to_string())
        .or_else(|| given.map(|g| g.trim().to_ascii_lowercase()))
        .unwrap_or_else(|| "application/octet-stream".into())
}

/// The caps of DESIGN section 3 on what an officer types or names: the caption and the
/// file name (names: [`limits::MAX_NAME_CHARS`] characters), a media type of the form
/// `type/subtype`.
pub fn check_words(caption: &str, file_name: &str, media_type: &str) -> Result<(), Msg> {
    for (field, text) in [("caption", caption), ("file_name", file_name)] {
        let n = text.chars().count();
        if n > limits::MAX_NAME_CHARS {
            return Err(Msg::new("attach-too-long")
                .arg("field", field)
                .arg("n", n as i64)
                .arg("max", limits::MAX_NAME_CHARS as i64));
        }
    }
    let ok = media_type.len() <= 127
        && media_type.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && media_type
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/.+-_".contains(c))
        });
    if !ok {
        return Err(Msg::new("attach-bad-type").arg("value", media_type));
    }
    Ok(())
}

/// The size cap: one attachment at most [`limits::MAX_ATTACHMENT_BYTES`].
pub fn check_size(size: u64) -> Result<(), Msg> {
    if size > limits::MAX_ATTACHMENT_BYTES {
        return Err(Msg::new("attach-too-big")
            .arg("size", size as i64)
            .arg("max", limits::MAX_ATTACHMENT_BYTES as i64));
    }
    Ok(())
}

const COLUMNS: &str =
    "id, inspection_id, sha256, media_type, size, caption, file_name, officer_id, created_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        inspection_id: r.get(1)?,
        sha256: r.get(2)?,
        media_type: r.get(3)?,
        size: r.get::<_, i64>(4)?.max(0) as u64,
        caption: r.get(5)?,
        file_name: r.get(6)?,
        officer_id: r.get(7)?,
        created_at: r.get(8)?,
    })
}

/// The attachments of an inspection, oldest first.
pub(crate) fn attachments_of(
    conn: &rusqlite::Connection,
    inspection_id: &str,
) -> Result<Vec<Attachment>> {
    let doing = || format!("reading the attachments of inspection {inspection_id}");
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM attachments WHERE inspection_id = ?1 ORDER BY created_at, id"
        ))
        .doing(doing)?;
    let rows = stmt
        .query_map([inspection_id], from_row)
        .doing(doing)?
        .collect::<rusqlite::Result<Vec<_>>>()
        .doing(doing)?;
    Ok(rows)
}

/// Copies the attachments of `from` to the amendment draft `to` (same content).
pub(crate) fn copy_for_amendment_tx(
    tx: &Transaction<'_>,
    who: &Who,
    from: &str,
    to: &str,
) -> Result<()> {
    for a in attachments_of(tx, from)? {
        write::insert_row(tx, who, to, &a)?;
    }
    Ok(())
}

impl<S: Deref<Target = Store>> Records<S> {
    /// The attachments of an inspection, oldest first.
    pub fn attachments(&self, inspection_id: &str) -> Result<Vec<Attachment>> {
        attachments_of(self.0.conn(), inspection_id)
    }

    /// The attachment of `inspection_id` whose content has SHA-256 `sha256`, if any.
    pub fn attachment(&self, inspection_id: &str, sha256: &str) -> Result<Option<Attachment>> {
        let doing = || format!("reading attachment {sha256}");
        self.0
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM attachments WHERE inspection_id = ?1 AND sha256 = ?2
                 ORDER BY created_at, id LIMIT 1"
            ))
            .and_then(|mut s| s.query_row([inspection_id, sha256], from_row).optional())
            .doing(doing)
    }

    /// Streams the content of `sha256` to `each` one stored chunk at a time, in order.
    /// Returns the bytes given.
    pub fn read_content<E: From<crate::store::StoreError>>(
        &self,
        sha256: &str,
        each: impl FnMut(&[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<u64, E> {
        content::for_each_chunk(self.0.conn(), sha256, each)
    }
}

/// One attachment a bundle carries: its content's hash and size, and the first record of
/// the bundle that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportAttachment {
    pub sha256: String,
    pub size: u64,
    pub record_id: String,
}

impl<S: Deref<Target = Store>> Chain<S> {
    /// The distinct attachment contents of `device_id`'s inspection records `from..=to`
    /// (outbox seq), in seq order.
    pub fn attachments_in_range(
        &self,
        device_id: &str,
        (from, to): (i64, i64),
    ) -> Result<Vec<ExportAttachment>> {
        let doing = || "listing the attachments to export".to_string();
        let mut stmt = self
            .0
            .conn()
            .prepare_cached(
                "SELECT a.sha256, a.size, min(o.seq), a.inspection_id FROM outbox o
                 JOIN attachments a ON a.inspection_id = o.record_id
                 WHERE o.device_id = ?1 AND o.seq BETWEEN ?2 AND ?3 AND o.kind = 'inspection'
                 GROUP BY a.sha256 ORDER BY min(o.seq), a.sha256",
            )
            .doing(doing)?;
        let rows = stmt
            .query_map(rusqlite::params![device_id, from, to], |r| {
                Ok(ExportAttachment {
                    sha256: r.get(0)?,
                    size: r.get::<_, i64>(1)?.max(0) as u64,
                    record_id: r.get(3)?,
                })
            })
            .doing(doing)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .doing(doing)?;
        Ok(rows)
    }
}
