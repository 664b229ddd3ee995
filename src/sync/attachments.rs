//! Attachment lines of a bundle (DESIGN section 5). After the record lines and before the
//! manifest, each attachment's content follows as lines of base64 chunks, in order:
//!
//! ```text
//! {"attachment":{"sha256":"<hex SHA-256 of the whole file>","part":0,"data":"<base64>"}}
//! {"attachment":{"sha256":"<same>","part":1,"data":"<base64>"}}
//! ```
//!
//! one line per stored chunk (192 KiB before base64; a file of 0 bytes has one line with
//! empty data), files in the order of the manifest's `attachments` list, each entry naming
//! the file's SHA-256, its size, its number of parts and the first record of the bundle
//! that attaches it. The manifest is signed and every record's payload names its
//! attachments' SHA-256, so a changed byte of a file is refused, naming the record and the
//! hash. Reading and writing stream one line at a time: a file is never whole in memory.
//! Caps (DESIGN section 3): 25 MiB per file, 1 GiB per bundle.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::SyncError;
use super::bundle::ManifestAttachment;
use super::scan::{next_line, rio};

/// Opens a sealed bundle's attachment line (`sealed_attachments.rs`) before it is read.
pub(super) type OpenLine<'a> = Option<&'a mut dyn FnMut(&[u8]) -> Result<Vec<u8>, SyncError>>;
use crate::domain::{limits, sanitize};
use crate::store::{ContentSink, Store};

/// How every attachment line starts.
pub(super) const LINE_PREFIX: &[u8] = b"{\"attachment\":";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(borrow)]
    attachment: Part<'a>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Part<'a> {
    sha256: &'a str,
    part: u64,
    data: &'a str,
}

fn refused(msg: String) -> SyncError {
    SyncError::Refused(msg)
}

/// Whether a bundle line is an attachment line.
pub(super) fn is_attachment_line(line: &[u8]) -> bool {
    line.starts_with(LINE_PREFIX)
}

/// The bytes of one attachment line (without its `\n`).
pub(super) fn attachment_line(sha256: &str, part: u64, bytes: &[u8]) -> Vec<u8> {
    let data = STANDARD.encode(bytes);
    let line = Line {
        attachment: Part {
            sha256,
            part,
            data: &data,
        },
    };
    serde_json::to_vec(&line).unwrap_or_default()
}

/// Writes the attachment lines of `device_id`'s records `range` to `out`; returns the
/// manifest's entries. Refuses a bundle past the 1 GiB cap.
pub(super) fn write_all(
    out: &mut impl Write,
    store: &Store,
    device_id: &str,
    range: (i64, i64),
) -> Result<Vec<ManifestAttachment>, SyncError> {
    let list = store.chain().attachments_in_range(device_id, range)?;
    let total: u64 = list.iter().map(|a| a.size).sum();
    if total > limits::MAX_BUNDLE_ATTACHMENT_BYTES {
        return Err(refused(format!(
            "attachments: records seq {}..{} attach {total} bytes; a bundle carries at most {} bytes (1 GiB)",
            range.0,
            range.1,
            limits::MAX_BUNDLE_ATTACHMENT_BYTES
        )));
    }
    let mut entries = Vec::with_capacity(list.len());
    for a in list {
        let mut parts = 0u64;
        store
            .records()
            .read_content::<SyncError>(&a.sha256, |bytes| {
                let mut line = attachment_line(&a.sha256, parts, bytes);
                line.push(b'\n');
                parts += 1;
                out.write_all(&line).map_err(|source| SyncError::Io {
                    doing: "writing the bundle".into(),
                    source,
                })
            })?;
        if parts == 0 {
            let mut line = attachment_line(&a.sha256, 0, &[]);
            line.push(b'\n');
            parts = 1;
            out.write_all(&line).map_err(|source| SyncError::Io {
                doing: "writing the bundle".into(),
                source,
            })?;
        }
        entries.push(ManifestAttachment {
            sha256: a.sha256,
            size: a.size,
            parts,
            record_id: a.record_id,
            sealed_sha256: Vec::new(),
        });
    }
    Ok(entries)
}

/// The manifest's attachment list is within the caps.
pub(super) fn check_manifest(list: &[ManifestAttachment]) -> Result<(), SyncError> {
    let mut total = 0u64;
    for a in list {
        let ok_hash = a.sha256.len() == 64 && a.sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !ok_hash || a.size > limits::MAX_ATTACHMENT_BYTES || a.parts == 0 {
            return Err(refused(format!(
                "attachment {} of record {}: {} bytes in {} parts is not a valid attachment (at most {} bytes, 25 MiB)",
                sanitize(&a.sha256),
                sanitize(&a.record_id),
                a.size,
                a.parts,
                limits::MAX_ATTACHMENT_BYTES
            )));
        }
        total += a.size;
    }
    if total > limits::MAX_BUNDLE_ATTACHMENT_BYTES {
        return Err(refused(format!(
            "attachments: the bundle carries {total} bytes of attachments; at most {} bytes (1 GiB) are allowed",
            limits::MAX_BUNDLE_ATTACHMENT_BYTES
        )));
    }
    Ok(())
}

/// The attachment lines read back against the manifest's list, a line at a time: each
/// file's parts in order, its size and its SHA-256. `on_bytes` gets every decoded chunk
/// (headquarters stores them); `on_start`/`on_end` frame each file.
pub(super) struct Lines<'m> {
    expected: &'m [ManifestAttachment],
    /// the file being read (index into `expected`) and its next part
    at: Option<(usize, u64)>,
    done: usize,
    size: u64,
    hasher: Sha256,
    buf: Vec<u8>,
    /// where the first attachment line starts (pass 1)
    start: Option<u64>,
}

/// What a line did to the file it belongs to.
pub(super) enum Step<'b> {
    /// the first part of the file `expected[i]`, with its bytes
    Start(usize, &'b [u8]),
    /// a later part of the current file
    More(&'b [u8]),
}

impl<'m> Lines<'m> {
    pub(super) fn new(expected: &'m [ManifestAttachment]) -> Self {
        Lines {
            expected,
            at: None,
            done: 0,
            size: 0,
            hasher: Sha256::new(),
            buf: Vec::new(),
            start: None,
        }
    }

    /// Pass 1: the checker of the manifest's list (refused past the caps).
    pub(super) fn checking(expected: &'m [ManifestAttachment]) -> Result<Self, SyncError> {
        check_manifest(expected)?;
        Ok(Self::new(expected))
    }

    /// Pass 1: takes `line` (ending at byte `end` of the file) if it is an attachment
    /// line, keeping the first problem in `problem`.
    pub(super) fn took(&mut self, line: &[u8], end: u64, problem: &mut Option<String>) -> bool {
        if !is_attachment_line(line) {
            return false;
        }
        self.start.get_or_insert(end - line.len() as u64 - 1);
        if let (None, Err(msg)) = (&*problem, self.line(line)) {
            *problem = Some(msg);
        }
        true
    }

    /// Where the first attachment line starts, if there is one.
    pub(super) fn started_at(&self) -> Option<u64> {
        self.start
    }

    fn altered(&self, i: usize, what: &str) -> String {
        let a = &self.expected[i.min(self.expected.len().saturating_sub(1))];
        format!(
            "attachment altered: record {} attachment {}: {what} (the bundle was altered)",
            sanitize(&a.record_id),
            a.sha256
        )
    }

    /// Ends the current file, if any: all parts, the size and the hash.
    fn close(&mut self) -> Result<(), String> {
        let Some((i, parts)) = self.at.take() else {
            return Ok(());
        };
        let a = &self.expected[i];
        let hash = hex::encode(std::mem::take(&mut self.hasher).finalize());
        if parts != a.parts || self.size != a.size {
            return Err(self.altered(
                i,
                &format!(
                    "{parts} parts of {} bytes where the manifest lists {} parts of {} bytes",
                    self.size, a.parts, a.size
                ),
            ));
        }
        if hash != a.sha256 {
            return Err(self.altered(i, "its content does not match its SHA-256"));
        }
        self.done = i + 1;
        Ok(())
    }

    /// One attachment line.
    pub(super) fn line(&mut self, line: &[u8]) -> Result<Step<'_>, String> {
        let l: Line = serde_json::from_slice(line).map_err(|e| {
            self.altered(self.done, &format!("an unreadable attachment line ({e})"))
        })?;
        let part = l.attachment;
        let same = self
            .at
            .is_some_and(|(i, _)| self.expected[i].sha256 == part.sha256);
        if !same {
            self.close()?;
            let i = self.done;
            match self.expected.get(i) {
                Some(a) if a.sha256 == part.sha256 && part.part == 0 => {
                    self.at = Some((i, 0));
                    self.size = 0;
                }
                Some(_) => {
                    return Err(self.altered(
                        i,
                        &format!(
                            "a line of {} part {} is where this file's first part belongs",
                            sanitize(part.sha256),
                            part.part
                        ),
                    ));
                }
                None => {
                    return Err(format!(
                        "extra attachment: the bundle carries {} which the signed manifest does not list",
                        sanitize(part.sha256)
                    ));
                }
            }
        }
        let Some((i, next)) = self.at else {
            return Err(self.altered(self.done, "a line out of order"));
        };
        if part.part != next {
            return Err(self.altered(
                i,
                &format!("part {} is where part {next} belongs", part.part),
            ));
        }
        self.buf.clear();
        STANDARD
            .decode_vec(part.data, &mut self.buf)
            .map_err(|e| self.altered(i, &format!("part {next} is not base64 ({e})")))?;
        self.size += self.buf.len() as u64;
        if self.size > self.expected[i].size {
            return Err(self.altered(i, "it holds more bytes than the manifest lists"));
        }
        self.hasher.update(&self.buf);
        self.at = Some((i, next + 1));
        Ok(if next == 0 {
            Step::Start(i, &self.buf)
        } else {
            Step::More(&self.buf)
        })
    }

    /// After the last line: every listed file was read whole.
    pub(super) fn finish(&mut self) -> Result<(), String> {
        self.close()?;
        if let Some(a) = self.expected.get(self.done) {
            return Err(format!(
                "attachment missing: record {} attachment {} is listed in the signed manifest but not in the bundle",
                sanitize(&a.record_id),
                a.sha256
            ));
        }
        Ok(())
    }
}

/// Pass 2 at headquarters, inside the import's transaction: the attachment lines read
/// again from `path` (bytes `range`) and stored through `sink` ([`store_contents`]), then
/// every attachment row the records named has its content.
pub(super) fn store_all(
    path: &Path,
    range: (u64, u64),
    (expected, open): (&[ManifestAttachment], OpenLine<'_>),
    sink: &mut ContentSink<'_>,
) -> Result<(), SyncError> {
    store_contents(path, range, (expected, open), sink)?;
    match sink.missing()? {
        None => Ok(()),
        Some((record_id, sha256)) => Err(refused(format!(
            "attachment missing: record {} names attachment {} which the bundle does not carry",
            sanitize(&record_id),
            sanitize(&sha256)
        ))),
    }
}

/// Reads the attachment lines again from `path` (bytes `from..to`), checks them as pass 1
/// did and stores the content through `sink`. A file that changed since pass 1 is refused.
fn store_contents(
    path: &Path,
    (from, to): (u64, u64),
    (expected, mut open): (&[ManifestAttachment], OpenLine<'_>),
    sink: &mut ContentSink<'_>,
) -> Result<(), SyncError> {
    let changed = |what: String| {
        refused(format!(
            "the file changed after it was verified: {what}; nothing was imported"
        ))
    };
    if expected.is_empty() {
        return Ok(());
    }
    let mut file = File::open(path).map_err(rio)?;
    file.seek(SeekFrom::Start(from)).map_err(rio)?;
    let mut src = BufReader::with_capacity(256 * 1024, file).take(to.saturating_sub(from));
    let mut lines = Lines::new(expected);
    let mut line = Vec::with_capacity(CHUNK_LINE);
    while next_line(&mut src, &mut line)?.is_some() {
        // a sealed bundle's lines are verified again and opened
        if let Some(open) = open.as_mut() {
            line = open(&line).map_err(|e| changed(e.to_string()))?;
        }
        let step = lines.line(&line).map_err(changed)?;
        match step {
            Step::Start(i, bytes) => {
                if i > 0 {
                    end(sink, &expected[i - 1]).map_err(|e| changed(e.to_string()))?;
                }
                sink.begin(&expected[i].sha256, expected[i].size)?;
                sink.chunk(bytes)?;
            }
            Step::More(bytes) => sink.chunk(bytes)?,
        }
    }
    lines.finish().map_err(changed)?;
    if let Some(last) = expected.last() {
        end(sink, last).map_err(|e| changed(e.to_string()))?;
    }
    Ok(())
}

/// Bytes of a full attachment line (192 KiB as base64 plus the JSON around it).
const CHUNK_LINE: usize = 4 * crate::store::record::attachments::CHUNK_BYTES / 3 + 256;

fn end(sink: &mut ContentSink<'_>, a: &ManifestAttachment) -> Result<(), SyncError> {
    sink.end().map_err(|(found, size)| {
        refused(format!(
            "attachment altered: record {} attachment {}: {size} bytes stored hash to {found}",
            sanitize(&a.record_id),
            a.sha256
        ))
    })
}
