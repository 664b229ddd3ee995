//! Attaching a file to a draft inspection: the file is read twice, a chunk at a time (once
//! to learn its SHA-256 and size before anything is written, once inside the write
//! transaction to store it, hashed again), so it is never held whole in memory and a file
//! that changes in between is refused with nothing stored.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::Transaction;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::content::ContentWriter;
use super::{Attachment, CHUNK_BYTES, check_size, check_words, media_type_of};
use crate::domain::{Msg, limits, new_id};
use crate::store::audit::{Who, audit, refuse_field_work, who};
use crate::store::record::RecordState;
use crate::store::rows::row_by_id;
use crate::store::{Context, Records, Result, Store, StoreError};

/// What a first reading of the file found.
struct Scanned {
    sha256: String,
    size: u64,
    head: Vec<u8>,
}

fn unreadable(path: &Path, e: &std::io::Error) -> Msg {
    Msg::new("attach-no-file")
        .arg("path", path.display().to_string())
        .arg("reason", e.to_string())
}

/// Fills `buf` from `r` as far as it goes; returns the bytes read (0 at the end).
fn fill(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Opens `path` as a regular file of at most the cap.
fn open_capped(path: &Path) -> std::result::Result<File, Msg> {
    let file = File::open(path).map_err(|e| unreadable(path, &e))?;
    let meta = file.metadata().map_err(|e| unreadable(path, &e))?;
    if !meta.is_file() {
        return Err(Msg::new("attach-not-a-file").arg("path", path.display().to_string()));
    }
    check_size(meta.len())?;
    Ok(file)
}

/// Pass 1: SHA-256, size and first bytes, refusing past the cap while reading.
fn scan(path: &Path) -> std::result::Result<Scanned, Msg> {
    let mut file = open_capped(path)?;
    let mut buf = vec![0u8; CHUNK_BYTES];
    let (mut hasher, mut size, mut head) = (Sha256::new(), 0u64, Vec::new());
    loop {
        let n = fill(&mut file, &mut buf).map_err(|e| unreadable(path, &e))?;
        if n == 0 {
            break;
        }
        if head.is_empty() {
            head = buf[..n.min(16)].to_vec();
        }
        size += n as u64;
        check_size(size)?;
        hasher.update(&buf[..n]);
    }
    Ok(Scanned {
        sha256: hex::encode(hasher.finalize()),
        size,
        head,
    })
}

/// Pass 2, inside the transaction: the file's bytes into `w`.
fn store_content(path: &Path, mut w: ContentWriter<'_>) -> std::result::Result<Result<()>, Msg> {
    let mut file = open_capped(path)?;
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut total = 0u64;
    loop {
        let n = fill(&mut file, &mut buf).map_err(|e| unreadable(path, &e))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > limits::MAX_ATTACHMENT_BYTES {
            break;
        }
        if let Err(e) = w.chunk(&buf[..n]) {
            return Ok(Err(e));
        }
    }
    w.finish()
        .map(Ok)
        .map_err(|_| Msg::new("attach-changed").arg("path", path.display().to_string()))
}

/// Inserts the `attachments` row of `a` for `inspection_id`, with its audit row.
pub(super) fn insert_row(
    tx: &Transaction<'_>,
    who: &Who,
    inspection_id: &str,
    a: &Attachment,
) -> Result<Attachment> {
    let row = Attachment {
        id: new_id(),
        inspection_id: inspection_id.to_string(),
        officer_id: who.officer_id.clone(),
        created_at: who.clock.now_rfc3339(),
        ..a.clone()
    };
    tx.prepare_cached(
        "INSERT INTO attachments (id, inspection_id, sha256, media_type, size, caption, file_name,
             officer_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .and_then(|mut s| {
        s.execute(rusqlite::params![
            row.id,
            row.inspection_id,
            row.sha256,
            row.media_type,
            row.size as i64,
            row.caption,
            row.file_name,
            row.officer_id,
            row.created_at
        ])
    })
    .doing(|| format!("saving an attachment of inspection {inspection_id}"))?;
    tx.prepare_cached("UPDATE inspections SET updated_at = ?2 WHERE id = ?1")
        .and_then(|mut s| s.execute([inspection_id, &row.created_at]))
        .doing(|| format!("touching inspection {inspection_id}"))?;
    let new = json!({"inspection_id": inspection_id, "sha256": row.sha256, "media_type": row.media_type,
        "size": row.size, "caption": row.caption, "file_name": row.file_name});
    audit(tx, who, "attach", "attachment", &row.id, None, Some(&new))?;
    Ok(row)
}

/// The file's name as given (its last path component).
fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Records<&mut Store> {
    /// Attaches the file at `path` to the draft inspection `inspection_id`, with `caption`
    /// and, for a file whose first bytes are not PNG, JPEG or PDF, the `given_type`
    /// (default `application/octet-stream`). One transaction: content (unless already
    /// held), the row, the audit row. Ok(Err(problem)) names what was refused (missing
    /// file, over the cap, a finalized inspection, a caption too long, a file that
    /// changed while read); nothing is then stored.
    pub fn attach_file(
        &mut self,
        inspection_id: &str,
        path: &Path,
        caption: &str,
        given_type: Option<&str>,
    ) -> Result<std::result::Result<Attachment, Msg>> {
        let scanned = match scan(path) {
            Ok(s) => s,
            Err(m) => return Ok(Err(m)),
        };
        let caption = caption.trim();
        let file_name = file_name_of(path);
        let media_type = media_type_of(&scanned.head, given_type);
        if let Err(m) = check_words(caption, &file_name, &media_type) {
            return Ok(Err(m));
        }
        let clock = self.0.clock;
        let mut problem: Option<Msg> = None;
        let result = self.0.write("attaching a file", |tx| {
            refuse_field_work(tx, "attaching a file")?;
            let who = who(tx, clock)?;
            let mut abort = |m: Msg| {
                let id = m.id.clone();
                problem = Some(m);
                Err(StoreError::Invalid(id))
            };
            let row = row_by_id(tx, "inspections", inspection_id, "inspection")?;
            if row.get("state").and_then(|v| v.as_str()) == Some(RecordState::Finalized.as_str()) {
                return abort(Msg::new("attach-finalized").arg("id", inspection_id));
            }
            let now = clock.now_rfc3339();
            if let Some(w) = ContentWriter::begin(tx, &scanned.sha256, scanned.size, &now)? {
                match store_content(path, w) {
                    Ok(stored) => stored?,
                    Err(m) => return abort(m),
                }
            }
            let a = Attachment {
                id: String::new(),
                inspection_id: inspection_id.to_string(),
                sha256: scanned.sha256.clone(),
                media_type: media_type.clone(),
                size: scanned.size,
                caption: caption.to_string(),
                file_name: file_name.clone(),
                officer_id: String::new(),
                created_at: String::new(),
            };
            insert_row(tx, &who, inspection_id, &a)
        });
        match (result, problem) {
            (Err(_), Some(m)) => Ok(Err(m)),
            (r, _) => r.map(Ok),
        }
    }
}
