//! Crash safety: the real binary saves drafts and finalizes in a loop
//! (`minspect record stress`, printing each id after its commit) and is killed with
//! SIGKILL at random moments, 100 times. After every kill the database passes
//! `integrity_check` and the chain check, every save the child reported as committed is
//! present, and every open draft still loads. Runs in CI.

use minspect_testkit::StoreKit;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use minspect::store::Store;

const KILLS: usize = 100;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn one(store: &Store, sql: &str) -> Option<String> {
    store.query_raw_for_tests(sql).unwrap()
}

/// Checks that a reported line's effect is in the database.
fn assert_committed(store: &Store, line: &str, kill: usize) {
    let parts: Vec<&str> = line.split_whitespace().collect();
    let q = |sql: String| one(store, &sql);
    let ok = match parts.as_slice() {
        ["shipment", id] => q(format!("SELECT id FROM shipments WHERE id = '{id}'")).is_some(),
        ["updated", id, desc] => {
            q(format!(
                "SELECT description FROM shipments WHERE id = '{id}'"
            ))
            .as_deref()
                == Some(*desc)
        }
        ["inspection", id] => q(format!("SELECT id FROM inspections WHERE id = '{id}'")).is_some(),
        ["measurement", id] => {
            q(format!("SELECT id FROM measurements WHERE id = '{id}'")).is_some()
        }
        ["finding", id] => q(format!("SELECT id FROM findings WHERE id = '{id}'")).is_some(),
        ["seizure", id] => q(format!("SELECT id FROM seizures WHERE id = '{id}'")).is_some(),
        ["finalized", id, seq] => {
            q(format!("SELECT state FROM inspections WHERE id = '{id}'")).as_deref()
                == Some("finalized")
                && q(format!("SELECT seq FROM outbox WHERE record_id = '{id}'")).as_deref()
                    == Some(*seq)
        }
        ["custody", id] => {
            q(format!("SELECT id FROM custody_events WHERE id = '{id}'")).is_some()
                && q(format!("SELECT kind FROM outbox WHERE record_id = '{id}'")).as_deref()
                    == Some("custody_event")
        }
        _ => panic!("kill {kill}: unexpected output line {line:?}"),
    };
    assert!(ok, "kill {kill}: reported as committed but missing: {line}");
}

fn init(db: &Path) {
    let st = crate::support::harness::minspect_std()
        .arg("--db")
        .arg(db)
        .args([
            "init",
            "--officer",
            "Li Wei",
            "--badge",
            "3101",
            "--device",
            "stress",
        ])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(st.success());
}

/// After a kill: the file is intact, every chain verifies, every reported commit is there,
/// and every open draft loads.
fn check_after_kill(db: &Path, lines: &[String], kill: usize) {
    let store = crate::support::harness::try_open(db).unwrap();
    let problems = store.integrity_check().unwrap();
    assert!(
        problems.is_empty(),
        "kill {kill}: integrity_check: {problems:?}"
    );
    let chains = store.chain().verify_chains().unwrap();
    assert!(
        chains.is_ok(),
        "kill {kill}: chain broken: {:?}",
        chains.broken
    );
    for line in lines {
        assert_committed(&store, line, kill);
    }
    for d in store.records().open_drafts().unwrap() {
        if let Some(i) = d.inspection_id {
            store.records().load_record(&i).unwrap();
        }
    }
}

#[test]
fn sigkill_at_random_moments_loses_nothing_committed() {
    let started = Instant::now();
    let dir = tempfile::TempDir::new().unwrap();
    let db = dir.path().join("field.db");
    init(&db);
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| getrandom::u64().unwrap() | 1);
    eprintln!("crash_safety seed {seed} (set CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let mut reported = 0usize;
    let mut finalized = 0usize;

    for kill in 0..KILLS {
        let mut child = crate::support::harness::minspect_std()
            .arg("--db")
            .arg(&db)
            .args(["record", "stress"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // a random moment: after 0..40 reported commits, plus 0..2000 µs
        let wait_lines = rng.below(41) as usize;
        let mut lines = Vec::new();
        while lines.len() < wait_lines {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(l) => lines.push(l),
                Err(e) => panic!("kill {kill}: the child stopped reporting: {e}"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(2000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());

        check_after_kill(&db, &lines, kill);
        reported += lines.len();
        finalized += lines.iter().filter(|l| l.starts_with("finalized")).count();
    }
    // the drafts the kills interrupted can still be finished
    let mut store = crate::support::harness::try_open(&db).unwrap();
    let mut resumed = 0;
    for d in store.records().open_drafts().unwrap() {
        let Some(i) = d.inspection_id else { continue };
        if store.records().finalize_problems(&i).unwrap().is_empty() {
            store.records_mut().finalize_inspection(&i).unwrap();
            resumed += 1;
        }
    }
    assert!(
        resumed > 0,
        "some interrupted drafts are complete and finalize"
    );
    let report = store.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    eprintln!(
        "{KILLS} kills, {reported} commits reported and found, {finalized} finalized, {resumed} drafts resumed and finalized, {} chain records, {:.1} s",
        report.records(),
        started.elapsed().as_secs_f64()
    );
    assert!(finalized > 0, "the loop must have finalized records");
    assert!(report.records() as usize >= finalized);
}
