//! Sealed attachment lines (format version 2, DESIGN section 5): in a sealed bundle each
//! attachment line (`attachments.rs`) is sealed to headquarters' X25519 key like a record
//! line, in a nonce domain of its own (`seal.rs`), and written as
//! `{"sealed_attachment":"<base64 of the box>"}`. The signed manifest lists, for every
//! file, the SHA-256 of each of its sealed lines (`sealed_sha256`, in order) besides the
//! file's own SHA-256 and size: a line is verified against its hash before it is opened,
//! then the opened lines are checked as an unsealed bundle's are (parts in order, size,
//! the file's SHA-256). Writing and reading hold one line at a time.

use std::io::Write;

use sha2::{Digest, Sha256};

use super::SyncError;
use super::attachments::{self, Lines, is_attachment_line};
use super::bundle::{BundleWriter, ManifestAttachment};
use super::seal::{Opener, Sealer, is_sealed_attachment_line};
use crate::domain::{Msg, sanitize};
use crate::store::{Store, StoreError};

fn said(msg: Msg) -> SyncError {
    SyncError::Store(StoreError::Said(msg))
}

fn is_hash(h: &str) -> bool {
    h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Seals every line written through it (each ending in `\n`) and keeps the SHA-256 of each
/// sealed line; one line is buffered at a time.
struct SealingWriter<'a, W: Write> {
    out: &'a mut W,
    sealer: &'a mut Sealer,
    line: Vec<u8>,
    sealed: Vec<u8>,
    hashes: Vec<String>,
}

impl<W: Write> SealingWriter<'_, W> {
    fn end_line(&mut self) -> std::io::Result<()> {
        self.sealed.clear();
        self.sealer
            .seal_attachment_line(&self.line, &mut self.sealed)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        self.line.clear();
        self.hashes.push(hex::encode(Sha256::digest(&self.sealed)));
        self.sealed.push(b'\n');
        self.out.write_all(&self.sealed)
    }
}

impl<W: Write> Write for SealingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|b| *b == b'\n') {
            self.line.extend_from_slice(&rest[..at]);
            self.end_line()?;
            rest = &rest[at + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes the attachment lines of `device_id`'s records `range`, sealed when the bundle
/// is, and keeps the manifest's entries in the writer.
pub(super) fn write_lines<W: Write>(
    bw: &mut BundleWriter<W>,
    store: &Store,
    device_id: &str,
    range: (i64, i64),
) -> Result<(), SyncError> {
    let (out, sealer) = bw.out_and_sealer();
    let listed = match sealer {
        Some(s) => write_sealed(out, s, store, device_id, range)?,
        None => attachments::write_all(out, store, device_id, range)?,
    };
    bw.attachments = listed;
    Ok(())
}

/// Writes the sealed attachment lines of `device_id`'s records `range` to `out`; returns
/// the manifest's entries, each with the hashes of its sealed lines.
fn write_sealed(
    out: &mut impl Write,
    sealer: &mut Sealer,
    store: &Store,
    device_id: &str,
    range: (i64, i64),
) -> Result<Vec<ManifestAttachment>, SyncError> {
    let mut w = SealingWriter {
        out,
        sealer,
        line: Vec::new(),
        sealed: Vec::new(),
        hashes: Vec::new(),
    };
    let mut entries = attachments::write_all(&mut w, store, device_id, range)?;
    let mut hashes = std::mem::take(&mut w.hashes).into_iter();
    for e in &mut entries {
        e.sealed_sha256 = hashes.by_ref().take(e.parts as usize).collect();
    }
    Ok(entries)
}

/// A sealed bundle lists the hashes of every file's sealed lines, an unsealed one none.
fn check_listed(list: &[ManifestAttachment], sealed: bool) -> Result<(), SyncError> {
    for a in list {
        let ok = match sealed {
            true => {
                a.sealed_sha256.len() as u64 == a.parts
                    && a.sealed_sha256.iter().all(|h| is_hash(h))
            }
            false => a.sealed_sha256.is_empty(),
        };
        if !ok {
            let id = if sealed {
                "seal-attachment-hashes-missing"
            } else {
                "seal-attachment-hashes-unsealed"
            };
            return Err(said(
                Msg::new(id)
                    .arg("record", sanitize(&a.record_id).into_owned())
                    .arg("sha256", sanitize(&a.sha256).into_owned()),
            ));
        }
    }
    Ok(())
}

/// Pass 2 at headquarters (`attachments::store_all`), a sealed bundle's lines verified
/// again and opened on the way.
pub(super) fn store_all(
    path: &std::path::Path,
    range: (u64, u64),
    (expected, opener): (&[ManifestAttachment], Option<&Opener>),
    sink: &mut crate::store::ContentSink<'_>,
) -> Result<(), SyncError> {
    let mut parts = opener.map(|o| SealedParts::new(expected, o));
    let mut open = |line: &[u8]| match parts.as_mut() {
        Some(p) => p.open(line),
        None => Ok(line.to_vec()),
    };
    let open: attachments::OpenLine<'_> = match opener {
        Some(_) => Some(&mut open),
        None => None,
    };
    attachments::store_all(path, range, (expected, open), sink)
}

/// Opens the sealed attachment lines of a verified bundle in order, each only once its
/// SHA-256 matched the signed manifest's.
struct SealedParts<'m> {
    expected: &'m [ManifestAttachment],
    opener: &'m Opener,
    /// the file and part the next line must be
    file: usize,
    part: u64,
    /// the next line's place among the attachment lines
    index: u64,
}

impl<'m> SealedParts<'m> {
    fn new(expected: &'m [ManifestAttachment], opener: &'m Opener) -> Self {
        SealedParts {
            expected,
            opener,
            file: 0,
            part: 0,
            index: 0,
        }
    }

    fn refused(&self, id: &str, a: &ManifestAttachment) -> SyncError {
        refused_at(id, a, self.part)
    }

    /// The plain attachment line of the next sealed line, or why it is refused.
    fn open(&mut self, line: &[u8]) -> Result<Vec<u8>, SyncError> {
        while self
            .expected
            .get(self.file)
            .is_some_and(|a| self.part >= a.parts)
        {
            (self.file, self.part) = (self.file + 1, 0);
        }
        let Some(a) = self.expected.get(self.file) else {
            return Err(said(
                Msg::new("seal-attachment-extra").arg("line", self.index as i64),
            ));
        };
        let listed = a.sealed_sha256.get(self.part as usize);
        let sha = hex::encode(Sha256::digest(line));
        if listed.is_none_or(|h| !h.eq_ignore_ascii_case(&sha)) {
            return Err(self.refused("seal-attachment-altered", a));
        }
        let plain = self
            .opener
            .open_attachment_line(self.index, line)
            .ok_or_else(|| self.refused("seal-attachment-unopened", a))?;
        (self.part, self.index) = (self.part + 1, self.index + 1);
        Ok(plain)
    }

    /// After the last line: every listed sealed line was there.
    fn finish(&self) -> Result<(), SyncError> {
        let mut at = (self.file, self.part);
        while self.expected.get(at.0).is_some_and(|a| at.1 >= a.parts) {
            at = (at.0 + 1, 0);
        }
        match self.expected.get(at.0) {
            None => Ok(()),
            Some(a) => Err(refused_at("seal-attachment-missing", a, at.1)),
        }
    }
}

/// A sealed line of attachment `a` refused: its record, its file's hash and the part.
fn refused_at(id: &str, a: &ManifestAttachment, part: u64) -> SyncError {
    said(
        Msg::new(id)
            .arg("record", sanitize(&a.record_id).into_owned())
            .arg("sha256", sanitize(&a.sha256).into_owned())
            .arg("part", part as i64),
    )
}

/// Pass 1's reader of the attachment lines, sealed or not: a sealed line is verified and
/// opened, then checked as a plain one; a plain line in a sealed bundle, or a sealed one in
/// an unsealed bundle, is refused.
pub(super) struct Region<'m> {
    lines: Lines<'m>,
    sealed: Option<SealedParts<'m>>,
    problem: Option<SyncError>,
    start: Option<u64>,
}

impl<'m> Region<'m> {
    pub(super) fn checking(
        expected: &'m [ManifestAttachment],
        opener: Option<&'m Opener>,
    ) -> Result<Self, SyncError> {
        check_listed(expected, opener.is_some())?;
        Ok(Region {
            lines: Lines::checking(expected)?,
            sealed: opener.map(|o| SealedParts::new(expected, o)),
            problem: None,
            start: None,
        })
    }

    /// Takes `line` (ending at byte `end`) if it is an attachment line of either kind.
    pub(super) fn took(&mut self, line: &[u8], end: u64, problem: &mut Option<String>) -> bool {
        let sealed_line = is_sealed_attachment_line(line);
        let wrong = match (&self.sealed, sealed_line) {
            (None, true) => Some("seal-attachment-in-unsealed"),
            (Some(_), false) if is_attachment_line(line) => Some("seal-attachment-in-clear"),
            _ => None,
        };
        if let Some(id) = wrong {
            self.problem.get_or_insert(said(Msg::new(id)));
            return true;
        }
        let Some(parts) = self.sealed.as_mut().filter(|_| sealed_line) else {
            return self.lines.took(line, end, problem);
        };
        let start = end - line.len() as u64 - 1;
        self.start.get_or_insert(start);
        if self.problem.is_some() || problem.is_some() {
            return true;
        }
        match parts.open(line) {
            Ok(plain) => {
                self.lines
                    .took(&plain, start + plain.len() as u64 + 1, problem);
            }
            Err(e) => self.problem = Some(e),
        }
        true
    }

    /// Where the first attachment line starts, if there is one.
    pub(super) fn started_at(&self) -> Option<u64> {
        self.start.or(self.lines.started_at())
    }

    /// After the last line: no problem, every sealed line there, every file whole.
    pub(super) fn finish(mut self) -> Result<(), SyncError> {
        if let Some(e) = self.problem.take() {
            return Err(e);
        }
        if let Some(parts) = &self.sealed {
            parts.finish()?;
        }
        self.lines.finish().map_err(SyncError::Refused)
    }
}
