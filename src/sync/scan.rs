//! Reading a bundle file by lines without holding it in memory: the last two lines (manifest
//! and signature) found from the end, and the slow scans that only refusals need.

use std::collections::HashSet;
use std::io::{BufRead, Read, Seek, SeekFrom};

use super::SyncError;
use super::bundle::RecordLine;

/// Bytes read per step when looking for line starts from the end of the file.
const BACK_CHUNK: u64 = 64 * 1024;

pub(super) fn rio(source: std::io::Error) -> SyncError {
    SyncError::Io {
        doing: "reading the bundle".into(),
        source,
    }
}

/// "seq N (id X)" of a record line, if it is one.
pub(super) fn seq_and_id(line: &[u8]) -> Option<String> {
    serde_json::from_slice::<RecordLine>(line)
        .ok()
        .map(|r| format!("seq {} (id {})", r.seq, r.record_id))
}

/// Reads the next line into `buf` (cleared first) without its `\n`. Returns None at the end
/// of the input, Some(false) for a last line that has no `\n`.
pub(super) fn next_line(
    src: &mut impl BufRead,
    buf: &mut Vec<u8>,
) -> Result<Option<bool>, SyncError> {
    buf.clear();
    if src.read_until(b'\n', buf).map_err(rio)? == 0 {
        return Ok(None);
    }
    let complete = buf.last() == Some(&b'\n');
    if complete {
        buf.pop();
    }
    Ok(Some(complete))
}

/// Where the last lines of a file that ends in `\n` start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tail {
    /// how many lines the file has: 1, 2, or 3 for "3 or more"
    pub lines: u8,
    /// start of the last line (the signature)
    pub last: u64,
    /// start of the line before it (the manifest); 0 when there is none
    pub before_last: u64,
}

/// `true` when the file (of `len` > 0 bytes) ends in `\n`.
pub(super) fn ends_in_newline<R: Read + Seek>(src: &mut R, len: u64) -> Result<bool, SyncError> {
    let mut b = [0u8; 1];
    src.seek(SeekFrom::Start(len - 1)).map_err(rio)?;
    src.read_exact(&mut b).map_err(rio)?;
    Ok(b[0] == b'\n')
}

/// Finds the starts of the last two lines of a file of `len` bytes ending in `\n`, reading
/// backwards from the end (the manifest line may be megabytes; nothing else is read).
pub(super) fn tail<R: Read + Seek>(src: &mut R, len: u64) -> Result<Tail, SyncError> {
    let mut starts = Vec::with_capacity(2);
    let mut buf = vec![0u8; BACK_CHUNK as usize];
    let mut end = len - 1; // the final '\n' ends the last line
    while end > 0 && starts.len() < 2 {
        let begin = end.saturating_sub(BACK_CHUNK);
        let chunk = &mut buf[..(end - begin) as usize];
        src.seek(SeekFrom::Start(begin)).map_err(rio)?;
        src.read_exact(chunk).map_err(rio)?;
        let mut upto = chunk.len();
        while starts.len() < 2 {
            match chunk[..upto].iter().rposition(|b| *b == b'\n') {
                Some(i) => {
                    starts.push(begin + i as u64 + 1);
                    upto = i;
                }
                None => break,
            }
        }
        end = begin;
    }
    Ok(match starts[..] {
        [] => Tail {
            lines: 1,
            last: 0,
            before_last: 0,
        },
        [last] => Tail {
            lines: 2,
            last,
            before_last: 0,
        },
        [last, before_last, ..] => Tail {
            lines: 3,
            last,
            before_last,
        },
    })
}

/// The bytes `start..end` of the file.
pub(super) fn read_range<R: Read + Seek>(
    src: &mut R,
    start: u64,
    end: u64,
) -> Result<Vec<u8>, SyncError> {
    let mut buf = vec![0u8; end.saturating_sub(start) as usize];
    src.seek(SeekFrom::Start(start)).map_err(rio)?;
    src.read_exact(&mut buf).map_err(rio)?;
    Ok(buf)
}

/// "seq N (id X)" of the last complete record line of the file, or "seq N (sealed)" when it
/// is a sealed line (the N-th sealed line after `seq_from`: a sealed line is not opened
/// before it is verified, so only its place names it). Reads the whole file once, a line at
/// a time; only refusals need it. Also returns how many complete lines the file has.
pub(super) fn last_record<R: BufRead + Seek>(
    src: &mut R,
    seq_from: i64,
) -> Result<(u64, Option<String>), SyncError> {
    src.seek(SeekFrom::Start(0)).map_err(rio)?;
    let (mut complete, mut sealed, mut last) = (0u64, 0i64, None);
    let mut line = Vec::new();
    while let Some(true) = next_line(src, &mut line)? {
        complete += 1;
        if let Some(r) = seq_and_id(&line) {
            last = Some(r);
        } else if super::seal::is_sealed_line(&line) {
            last = Some(format!("seq {} (sealed)", seq_from + sealed));
            sealed += 1;
        }
    }
    Ok((complete, last))
}

/// The refusal for a file that does not end in `\n`: which line it ends inside, and the
/// last complete record.
pub(super) fn truncated_inside<R: BufRead + Seek>(
    src: &mut R,
    seq_from: i64,
) -> Result<SyncError, SyncError> {
    let (complete, last) = last_record(src, seq_from)?;
    Ok(SyncError::Refused(format!(
        "bundle truncated: the file ends inside line {}; no signed manifest follows (last complete record: {})",
        complete + 1,
        last.as_deref().unwrap_or("none")
    )))
}

/// The first seq of `from..=to` that no record line in the `len` bytes from `start` holds.
pub(super) fn first_missing_seq<R: BufRead + Seek>(
    src: &mut R,
    start: u64,
    len: u64,
    (from, to): (i64, i64),
) -> Result<i64, SyncError> {
    src.seek(SeekFrom::Start(start)).map_err(rio)?;
    let mut region = src.take(len);
    let mut held = HashSet::new();
    let mut line = Vec::new();
    while next_line(&mut region, &mut line)?.is_some() {
        if let Ok(r) = serde_json::from_slice::<RecordLine>(&line) {
            held.insert(r.seq);
        }
    }
    Ok((from..=to).find(|s| !held.contains(s)).unwrap_or(to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn tail_of(text: &str) -> (Tail, Vec<String>) {
        let mut c = Cursor::new(text.as_bytes().to_vec());
        let t = tail(&mut c, text.len() as u64).unwrap();
        let last = read_range(&mut c, t.last, text.len() as u64 - 1).unwrap();
        let before = if t.lines > 1 {
            read_range(&mut c, t.before_last, t.last - 1).unwrap()
        } else {
            Vec::new()
        };
        let s = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (t, vec![s(before), s(last)])
    }

    #[test]
    fn the_last_two_lines_are_found_from_the_end() {
        let (t, l) = tail_of("h\nrecord\nmanifest\nsig\n");
        assert_eq!((t.lines, l), (3, vec!["manifest".into(), "sig".into()]));
        let (t, l) = tail_of("h\nsig\n");
        assert_eq!(
            (t.lines, t.before_last, l),
            (2, 0, vec!["h".into(), "sig".into()])
        );
        let (t, l) = tail_of("only\n");
        assert_eq!((t.lines, l[1].as_str()), (1, "only"));
        let (t, l) = tail_of("\n\n\n");
        assert_eq!((t.lines, l), (3, vec![String::new(), String::new()]));
        // a manifest line longer than one backwards step
        let long = "m".repeat(3 * BACK_CHUNK as usize + 17);
        let (t, l) = tail_of(&format!("h\nr\n{long}\ns\n"));
        assert_eq!((t.lines, l), (3, vec![long, "s".into()]));
    }
}
