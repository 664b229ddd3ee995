//! Attachment content: rows of `attachment_chunks` under the content's SHA-256, written a
//! chunk at a time and checked against the hash and size named before the first chunk.

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::store::{Context, Result, StoreError};

/// Whether the content `sha256` is held.
pub(crate) fn has_content(conn: &Connection, sha256: &str) -> Result<bool> {
    conn.prepare_cached("SELECT 1 FROM attachment_content WHERE sha256 = ?1")
        .and_then(|mut s| s.query_row([sha256], |_| Ok(())).optional())
        .map(|o| o.is_some())
        .doing(|| format!("looking up attachment content {sha256}"))
}

/// Streams the chunks of `sha256` in order to `each`; returns the bytes given.
pub(crate) fn for_each_chunk<E: From<StoreError>>(
    conn: &Connection,
    sha256: &str,
    mut each: impl FnMut(&[u8]) -> std::result::Result<(), E>,
) -> std::result::Result<u64, E> {
    let doing = || format!("reading attachment content {sha256}");
    let mut stmt = conn
        .prepare_cached("SELECT bytes FROM attachment_chunks WHERE sha256 = ?1 ORDER BY n")
        .doing(doing)?;
    let mut rows = stmt.query([sha256]).doing(doing)?;
    let mut total = 0u64;
    while let Some(r) = rows.next().doing(doing)? {
        let bytes = r.get_ref(0).and_then(|v| Ok(v.as_blob()?)).doing(doing)?;
        total += bytes.len() as u64;
        each(bytes)?;
    }
    Ok(total)
}

/// Writes one content: the `attachment_content` row, then its chunks; [`finish`] checks
/// that the bytes written hash to the named SHA-256 and have the named size. Dropped
/// unfinished or failing, the transaction it writes in must be rolled back.
///
/// [`finish`]: ContentWriter::finish
pub(crate) struct ContentWriter<'t> {
    conn: &'t Connection,
    sha256: String,
    size: u64,
    hasher: Sha256,
    n: i64,
    written: u64,
}

/// Why written content does not match what it was named (the transaction must roll back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mismatch {
    pub found_sha256: String,
    pub found_size: u64,
}

impl<'t> ContentWriter<'t> {
    /// Starts content `sha256` of `size` bytes; None when it is already held.
    pub(crate) fn begin(
        conn: &'t Connection,
        sha256: &str,
        size: u64,
        now: &str,
    ) -> Result<Option<Self>> {
        if has_content(conn, sha256)? {
            return Ok(None);
        }
        conn.prepare_cached(
            "INSERT INTO attachment_content (sha256, size, created_at) VALUES (?1, ?2, ?3)",
        )
        .and_then(|mut s| s.execute(params![sha256, size as i64, now]))
        .doing(|| format!("saving attachment content {sha256}"))?;
        Ok(Some(ContentWriter {
            conn,
            sha256: sha256.to_string(),
            size,
            hasher: Sha256::new(),
            n: 0,
            written: 0,
        }))
    }

    /// Appends the next chunk.
    pub(crate) fn chunk(&mut self, bytes: &[u8]) -> Result<()> {
        self.hasher.update(bytes);
        self.written += bytes.len() as u64;
        self.conn
            .prepare_cached("INSERT INTO attachment_chunks (sha256, n, bytes) VALUES (?1, ?2, ?3)")
            .and_then(|mut s| s.execute(params![self.sha256, self.n, bytes]))
            .doing(|| format!("saving a chunk of attachment content {}", self.sha256))?;
        self.n += 1;
        Ok(())
    }

    /// Ok(Ok) when the bytes written are the named content.
    pub(crate) fn finish(self) -> std::result::Result<(), Mismatch> {
        let found = hex::encode(self.hasher.finalize());
        if found == self.sha256 && self.written == self.size {
            return Ok(());
        }
        Err(Mismatch {
            found_sha256: found,
            found_size: self.written,
        })
    }
}

/// Headquarters' side of a bundle's attachment lines: content arrives a chunk at a time
/// inside the import's write transaction (see `Hq::import_bundle_stream_with`).
pub struct ContentSink<'t> {
    conn: &'t Connection,
    now: String,
    current: Option<ContentWriter<'t>>,
    /// contents newly stored
    pub stored: u64,
}

impl<'t> ContentSink<'t> {
    pub(crate) fn new(conn: &'t Connection, now: &str) -> Self {
        ContentSink {
            conn,
            now: now.to_string(),
            current: None,
            stored: 0,
        }
    }

    /// Starts content `sha256` of `size` bytes; false when it is already held here (its
    /// chunks are then skipped: [`chunk`](Self::chunk) ignores them).
    pub fn begin(&mut self, sha256: &str, size: u64) -> Result<bool> {
        self.current = ContentWriter::begin(self.conn, sha256, size, &self.now)?;
        Ok(self.current.is_some())
    }

    /// The next chunk of the content begun.
    pub fn chunk(&mut self, bytes: &[u8]) -> Result<()> {
        match &mut self.current {
            Some(w) => w.chunk(bytes),
            None => Ok(()),
        }
    }

    /// Ends the content begun: Err((found sha256, found size)) when the bytes are not the
    /// named content (the caller refuses the bundle, which rolls the import back).
    pub fn end(&mut self) -> std::result::Result<(), (String, u64)> {
        match self.current.take() {
            Some(w) => w
                .finish()
                .map(|()| self.stored += 1)
                .map_err(|m| (m.found_sha256, m.found_size)),
            None => Ok(()),
        }
    }
}

impl ContentSink<'_> {
    /// An attachment row (inspection id, sha256) whose content is not held here, if any.
    pub fn missing(&self) -> Result<Option<(String, String)>> {
        self.conn
            .prepare_cached(
                "SELECT a.inspection_id, a.sha256 FROM attachments a
                 WHERE NOT EXISTS (SELECT 1 FROM attachment_content c WHERE c.sha256 = a.sha256)
                 LIMIT 1",
            )
            .and_then(|mut s| s.query_row([], |r| Ok((r.get(0)?, r.get(1)?))).optional())
            .doing(|| "checking that every attachment's content arrived".into())
    }
}
