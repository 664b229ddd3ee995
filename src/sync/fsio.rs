//! Crash-safe file output: write to a temporary name in the target directory, fsync the
//! file, rename it to the final name, fsync the directory. A crash at any point leaves
//! either nothing or the complete file under the final name (never half a file).

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use super::SyncError;

/// TEST HOOK (hidden): when `MINSPECT_TEST_PAUSE` names a pause point (`mid-write` or
/// `before-rename`) the process writes the file named by `MINSPECT_TEST_PAUSE_MARKER`
/// and sleeps there for up to 60 s, so a test can SIGKILL it at that point.
#[doc(hidden)]
pub fn test_pause(point: &str) {
    if std::env::var("MINSPECT_TEST_PAUSE").ok().as_deref() != Some(point) {
        return;
    }
    if let Some(marker) = std::env::var_os("MINSPECT_TEST_PAUSE_MARKER") {
        let _ = fs::write(marker, point);
    }
    std::thread::sleep(std::time::Duration::from_secs(60));
}

fn io(doing: String) -> impl FnOnce(std::io::Error) -> SyncError {
    move |source| SyncError::Io { doing, source }
}

/// fsyncs a directory so a rename inside it is durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<(), SyncError> {
    let d = File::open(dir).map_err(io(format!("opening directory {}", dir.display())))?;
    d.sync_all()
        .map_err(io(format!("syncing directory {}", dir.display())))
}

/// Writes `final_name` in `dir` through `body`, atomically (temp name, fsync, rename,
/// fsync dir). The temporary file is removed on error. Returns the final path.
pub(crate) fn write_atomic(
    dir: &Path,
    final_name: &str,
    body: impl FnOnce(&mut BufWriter<File>) -> Result<(), SyncError>,
) -> Result<PathBuf, SyncError> {
    if !dir.is_dir() {
        return Err(SyncError::Refused(format!(
            "--out: {} is not a directory",
            dir.display()
        )));
    }
    let final_path = dir.join(final_name);
    let tmp_path = dir.join(format!(".{final_name}.tmp"));
    // bundles, receipts and key files: owner-only whatever the umask (an unsealed bundle
    // and a receipt hold records in clear)
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp_path)
        .map_err(io(format!("creating {}", tmp_path.display())))?;
    // held until the file is renamed or the process dies: tells `remove_partials` that a
    // writer is still alive (best effort: a filesystem without locks just skips this)
    let _ = file.try_lock();
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let result = body(&mut w).and_then(|()| {
        let file = w.into_inner().map_err(|e| SyncError::Io {
            doing: format!("writing {}", tmp_path.display()),
            source: e.into_error(),
        })?;
        file.sync_all()
            .map_err(io(format!("syncing {}", tmp_path.display())))?;
        drop(file);
        test_pause("before-rename");
        fs::rename(&tmp_path, &final_path).map_err(io(format!(
            "renaming {} to {}",
            tmp_path.display(),
            final_path.display()
        )))?;
        sync_dir(dir)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result.map(|()| final_path)
}

/// Removes the temporary files (`.{prefix}*.tmp`) that interrupted writers left in `dir`:
/// a file whose lock can be taken has no live writer (the lock dies with its process).
/// Returns the removed paths. A file still being written is left alone, and so is one that
/// cannot be removed (the export goes on: a leftover only takes space).
pub(crate) fn remove_partials(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let start = format!(".{prefix}");
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&start) && name.ends_with(".tmp")) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}

/// `write_atomic` for a whole buffer.
pub(crate) fn write_atomic_bytes(
    dir: &Path,
    final_name: &str,
    bytes: &[u8],
) -> Result<PathBuf, SyncError> {
    write_atomic(dir, final_name, |w| {
        w.write_all(bytes)
            .map_err(io(format!("writing {final_name}")))
    })
}

/// A text file of at most `cap` bytes: a longer one (or a device without end, such as
/// `/dev/zero`) is refused after reading `cap + 1` bytes, never read whole.
pub fn read_text_capped(path: &std::path::Path, cap: u64) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(cap + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > cap {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {} MiB", cap / (1024 * 1024)),
        ));
    }
    Ok(text)
}
