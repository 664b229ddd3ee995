//! Profiling aid for `sync export` (not a benchmark; see benches/sync.rs for the figures).
//! Prepares a field database with N finalized records once (cached under
//! MINSPECT_PROF_DIR, default /tmp/minspect-prof), then times export on fresh copies.
use std::fs;
use std::path::Path;
use std::time::Instant;

use minspect::domain::{DbKind, Role};
use minspect::store::{InitOptions, Store, setup_new_database};
use minspect::sync::{self, ExportOutcome};
use minspect_testkit::StoreKit;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result {
    let n: usize = std::env::var("MINSPECT_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = std::env::var("MINSPECT_PROF_DIR").unwrap_or_else(|_| "/tmp/minspect-prof".into());
    let dir = Path::new(&dir);
    fs::create_dir_all(dir)?;
    let field = dir.join(format!("field-{n}.db"));
    if !field.exists() {
        let mut s = Store::open(&field)?;
        setup_new_database(
            &mut s,
            &InitOptions {
                officer_name: "Officer P".into(),
                badge: "P1".into(),
                device_name: "prof".into(),
                kind: DbKind::Field,
                role: Role::Officer,
            },
        )?;
        s.test_support_finalize_samples(n)?;
        drop(s);
    }
    if std::env::args().nth(1).as_deref() == Some("phases") {
        return phases(&field);
    }
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let db = dir.join("work.db");
        for ext in ["-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{ext}", db.display()));
        }
        fs::copy(&field, &db)?;
        let out = dir.join("out");
        let _ = fs::remove_dir_all(&out);
        fs::create_dir_all(&out)?;
        let (t, c0) = (Instant::now(), cpu());
        let mut s = Store::open(&db)?;
        let r = sync::export_bundle(&mut s, &out)?;
        let el = t.elapsed();
        let cpu_s = cpu() - c0;
        let ExportOutcome::Written(r) = r else {
            return Err("nothing to export".into());
        };
        println!(
            "export {} records in {:.3?} (cpu {:.3} s): {:.1} k/s",
            r.records,
            el,
            cpu_s,
            r.records as f64 / el.as_secs_f64() / 1000.0
        );
    }
    Ok(())
}

/// Phase split (run with `phases` as the first argument): reading only, then reading +
/// bundle lines + hashing into a sink, on the cached database.
fn phases(field: &Path) -> Result {
    let s = Store::open_read_only(field)?;
    let dev = s.db().meta("device_id")?.ok_or("no device id")?;
    let range = s.chain().unacked_range(&dev)?.ok_or("nothing to read")?;
    let t = Instant::now();
    let mut bytes = 0usize;
    s.chain()
        .for_each_outbox_row::<minspect::store::StoreError>(&dev, range, |r| {
            bytes += r.payload.len();
            Ok(())
        })?;
    println!("read only: {:.3?} ({bytes} payload bytes)", t.elapsed());
    Ok(())
}

/// user + system CPU seconds of this process so far
fn cpu() -> f64 {
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}
