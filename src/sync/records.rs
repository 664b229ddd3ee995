//! Pass 2 of an import: the records of a verified bundle, read again from the same file one
//! at a time while the store inserts them. Every line is hashed again and compared with the
//! verified manifest, so a file changed after pass 1 is refused (and, since pass 2 runs
//! inside the write transaction, headquarters is left unchanged).

use std::io::{BufRead, Seek, SeekFrom};

use sha2::{Digest, Sha256};

use super::SyncError;
use super::bundle::RecordLine;
use super::scan::{next_line, rio};
use super::verify::{VerifiedBundle, describe};
use crate::store::IncomingBundleRecord;

/// The records of a verified bundle, re-read and re-checked (see `VerifiedBundle::reread`).
pub struct VerifiedRecords<'a, R> {
    src: R,
    shas: &'a [[u8; 32]],
    opener: Option<&'a super::seal::Opener>,
    seq_from: i64,
    next: usize,
    line: Vec<u8>,
}

fn changed(what: String) -> SyncError {
    SyncError::Refused(format!(
        "the file changed after it was verified: {what}; nothing was imported"
    ))
}

impl VerifiedBundle {
    /// Pass 2: reads the record lines again from `src`, the file pass 1 verified.
    pub fn reread<R: BufRead + Seek>(
        &self,
        mut src: R,
    ) -> Result<VerifiedRecords<'_, R>, SyncError> {
        src.seek(SeekFrom::Start(self.records_at)).map_err(rio)?;
        Ok(VerifiedRecords {
            src,
            shas: &self.shas,
            opener: self.opener.as_ref(),
            seq_from: self.manifest.seq_from,
            next: 0,
            line: Vec::with_capacity(8192),
        })
    }
}

impl<R: BufRead> VerifiedRecords<'_, R> {
    /// The next record, None after the last one the manifest lists; refuses a line whose
    /// SHA-256 is not the verified one.
    pub fn next_record(&mut self) -> Result<Option<IncomingBundleRecord>, SyncError> {
        let Some(sha) = self.shas.get(self.next) else {
            return Ok(None);
        };
        let seq = self.seq_from + self.next as i64;
        if next_line(&mut self.src, &mut self.line)? != Some(true) {
            return Err(changed(format!("the file ends before record seq {seq}")));
        }
        if Sha256::digest(&self.line)[..] != sha[..] {
            return Err(changed(format!(
                "{}: SHA-256 does not match the verified manifest",
                describe(&self.line, seq)
            )));
        }
        let opened = match self.opener {
            Some(o) => Some(
                o.open_line(self.next as u64, &self.line)
                    .map_err(|m| changed(format!("record seq {seq}: {m}")))?,
            ),
            None => None,
        };
        let plain = opened.as_deref().unwrap_or(&self.line);
        let r: RecordLine = serde_json::from_slice(plain)
            .map_err(|e| changed(format!("record seq {seq}: unreadable record line: {e}")))?;
        self.next += 1;
        Ok(Some(IncomingBundleRecord {
            seq: r.seq,
            kind: r.kind,
            record_id: r.record_id,
            created_at: r.created_at,
            prev_hash: r.prev_hash,
            hash: r.hash,
            payload: r.payload.get().to_string(),
        }))
    }
}
