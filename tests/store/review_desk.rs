//! Headquarters' review desk in the store: one decision per inspection unless changed
//! explicitly, nobody decides on their own inspection, no field work at headquarters,
//! two sessions cannot both decide, and the queue's filters and plans.

use minspect::store::queue::{QueueFilter, QueueFrom, QueueSort};
use minspect::store::{Decision, DecisionMode, Store};

use crate::support::hq::{Hq, hq_with_received, new_hq, receive_from};
use crate::support::{count, raw};

/// The refusal in English words, as the CLI and the console say it.
fn err(r: minspect::store::Result<impl std::fmt::Debug>) -> String {
    english(&r.unwrap_err())
}

fn english(e: &minspect::store::StoreError) -> String {
    minspect::i18n::said_or(minspect::domain::Lang::En, e.said(), e)
}

#[test]
fn a_second_decision_is_refused_unless_changed_and_the_history_keeps_both() {
    let Hq {
        dir: _d,
        mut hq,
        field,
        ..
    } = hq_with_received(2);
    let id = &field.inspections[0];
    hq.hq_mut()
        .record_review(id, Decision::Approved, "ok")
        .unwrap();
    let before = (count(&hq, "reviews"), count(&hq, "audit"));
    let e = err(hq.hq_mut().record_review(id, Decision::Approved, "again"));
    assert!(e.starts_with("already approved by Zhang Min at 20"), "{e}");
    assert!(e.contains("--change"), "{e}");
    let e = err(hq
        .hq_mut()
        .record_review(id, Decision::Returned, "weigh it"));
    assert!(e.contains("already approved by Zhang Min"), "{e}");
    assert_eq!(
        (count(&hq, "reviews"), count(&hq, "audit")),
        before,
        "nothing written"
    );
    // a change on an undecided inspection is refused too
    let e = err(hq.hq_mut().decide(
        &field.inspections[1],
        Decision::Approved,
        "",
        DecisionMode::Change,
    ));
    assert!(e.contains("no decision to change"), "{e}");
    hq.hq_mut()
        .decide(
            id,
            Decision::Returned,
            "weigh it again",
            DecisionMode::Change,
        )
        .unwrap();
    let history = hq.hq().reviews_for(id).unwrap();
    assert_eq!(history.len(), 2, "both decisions kept");
    assert_eq!(history[1].decision, Decision::Returned);
    let state = raw(
        &hq,
        &format!("SELECT state FROM review_desk WHERE inspection_id = '{id}'"),
    );
    assert_eq!(
        state.as_deref(),
        Some("returned"),
        "the desk follows the newest decision"
    );
}

#[test]
fn nobody_decides_on_an_inspection_under_their_own_badge() {
    let dir = tempfile::tempdir().unwrap();
    let mut hq = new_hq(
        crate::support::harness::open(&dir.path().join("hq.db")),
        minspect::domain::Role::Supervisor,
    );
    // the supervisor's own badge HQ-0001 on the laptop (headquarters stores it as `HQ-0001 (id)`)
    let field = receive_from(&mut hq, &dir, 1, "HQ-0001");
    let before = count(&hq, "reviews");
    let e = err(hq
        .hq_mut()
        .record_review(&field.inspections[0], Decision::Approved, ""));
    assert!(e.contains("under your own badge HQ-0001"), "{e}");
    assert_eq!(count(&hq, "reviews"), before);
}

#[test]
fn headquarters_records_no_field_work() {
    // 12 records: 11 inspections, the last with a seizure and its custody transfer
    let Hq {
        dir: _d,
        mut hq,
        field,
        hq_path,
    } = hq_with_received(12);
    let before = crate::support::binary::snapshot(&hq_path);
    let says = |e: String| assert!(e.contains("headquarters records no field work"), "{e}");
    says(err(hq.records_mut().create_shipment(&Default::default())));
    says(err(hq.records_mut().import_record(
        &crate::support::example(),
        true,
        &crate::support::pack(),
    )));
    says(err(hq
        .records_mut()
        .start_amendment(&field.inspections[0], "fix the weight")));
    says(err(hq
        .records_mut()
        .finalize_inspection(&field.inspections[0])));
    let seizure: String = raw(&hq, "SELECT id FROM seizures LIMIT 1").expect("a received seizure");
    says(err(hq.records_mut().add_custody_event(
        &seizure,
        &crate::support::transfers()[0],
    )));
    assert_eq!(
        crate::support::binary::snapshot(&hq_path),
        before,
        "nothing written"
    );
}

#[test]
fn two_sessions_on_one_file_cannot_both_decide() {
    let Hq {
        dir: _d,
        hq,
        hq_path,
        field,
    } = hq_with_received(1);
    drop(hq);
    let id = field.inspections[0].clone();
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let runs: Vec<_> = (0..2)
        .map(|n| {
            let (path, id, barrier) = (hq_path.clone(), id.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut s: Store = crate::support::harness::open(&path);
                barrier.wait();
                s.hq_mut()
                    .record_review(&id, Decision::Approved, &format!("session {n}"))
                    .map_err(|e| english(&e))
            })
        })
        .collect();
    let results: Vec<_> = runs.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    let refused = results.iter().find_map(|r| r.clone().err()).unwrap();
    assert!(
        refused.contains("already approved by Zhang Min"),
        "{refused}"
    );
    let s = crate::support::harness::open(&hq_path);
    assert_eq!(count(&s, "reviews"), 1, "stored exactly once");
}

fn page(hq: &Store, line: &str, sort: QueueSort) -> Vec<minspect::store::queue::QueueRow> {
    let r = hq
        .hq()
        .resolve_queue_filter(&QueueFilter::parse(line).unwrap())
        .unwrap()
        .unwrap();
    hq.hq().queue_page(&r, sort, &QueueFrom::First, 50).unwrap()
}

#[test]
fn the_queue_filters_counts_and_pages_without_sorting_the_log() {
    // 11 inspections, one of them seized
    let Hq {
        dir: _d,
        mut hq,
        field,
        ..
    } = hq_with_received(12);
    hq.hq_mut()
        .record_review(&field.inspections[0], Decision::Approved, "")
        .unwrap();
    assert_eq!(page(&hq, "", QueueSort::Received).len(), 11);
    assert_eq!(page(&hq, "officer:GZ-0417", QueueSort::Received).len(), 11);
    assert_eq!(page(&hq, "state:approved", QueueSort::Received).len(), 1);
    assert_eq!(page(&hq, "review:pending", QueueSort::Officer).len(), 10);
    assert_eq!(page(&hq, "device:laptop", QueueSort::Port).len(), 11);
    let seized = page(&hq, "seized:yes", QueueSort::Declared);
    assert_eq!(seized.len(), 1);
    assert!(seized[0].seized && seized[0].outcome == "seized");
    assert_eq!(
        page(&hq, "seized:no outcome:held", QueueSort::Received).len(),
        10
    );
    let port = page(&hq, "", QueueSort::Received)[0].port.clone();
    assert!(
        page(&hq, &format!("port:{port}"), QueueSort::Received)
            .iter()
            .all(|r| r.port == port)
    );
    let r = hq
        .hq()
        .resolve_queue_filter(&QueueFilter::default())
        .unwrap()
        .unwrap();
    let c = hq.hq().queue_counts(&r).unwrap();
    assert_eq!((c.pending, c.approved, c.total), (10, 1, 11));
    assert_eq!(c.matching, 11);
    let approved = QueueFilter::parse("state:approved").unwrap();
    let approved = hq.hq().resolve_queue_filter(&approved).unwrap().unwrap();
    let c = hq.hq().queue_counts(&approved).unwrap();
    assert_eq!(
        (c.total, c.matching, c.matching_capped),
        (11, 1, false),
        "the whole queue, and the matches"
    );
    // paging by key: the second page starts after the first's last row, no overlap
    let first = hq
        .hq()
        .queue_page(&r, QueueSort::Received, &QueueFrom::First, 4)
        .unwrap();
    let next = QueueFrom::After(first[3].key(QueueSort::Received));
    let second = hq
        .hq()
        .queue_page(&r, QueueSort::Received, &next, 4)
        .unwrap();
    assert_eq!(second.len(), 4);
    assert!(
        second
            .iter()
            .all(|s| first.iter().all(|f| f.inspection_id != s.inspection_id))
    );
    for (line, what) in [
        ("officer:NOPE-1", "queue-unknown-officer"),
        ("port:XXXXX", "queue-unknown-port"),
        ("device:none", "queue-unknown-device"),
    ] {
        let f = QueueFilter::parse(line).unwrap();
        assert_eq!(
            hq.hq().resolve_queue_filter(&f).unwrap().unwrap_err().id,
            what
        );
    }
}

#[test]
fn every_single_term_pages_by_an_index_with_no_sort() {
    let Hq { dir: _d, hq, .. } = hq_with_received(12);
    let port = page(&hq, "", QueueSort::Received)[0].port.clone();
    for line in [
        "",
        "officer:GZ-0417",
        "device:laptop",
        &format!("port:{port}"),
        "family:gallium",
        "verdict:prohibited",
        "found:prohibited",
        "outcome:seized",
        "seized:yes",
        "received:2026-01-01..2026-12-31",
        "state:pending",
    ] {
        let r = hq
            .hq()
            .resolve_queue_filter(&QueueFilter::parse(line).unwrap())
            .unwrap()
            .unwrap();
        let plan = hq
            .hq()
            .explain_queue_page(&r, QueueSort::Received)
            .unwrap()
            .join(" | ");
        assert!(!plan.contains("TEMP B-TREE"), "{line}: {plan}");
        assert!(plan.contains("review_desk"), "{line}: {plan}");
    }
}

#[test]
fn the_migration_fills_the_desk_from_what_headquarters_holds() {
    let Hq {
        dir: _d,
        mut hq,
        hq_path,
        field,
    } = hq_with_received(3);
    hq.hq_mut()
        .record_review(&field.inspections[1], Decision::Returned, "weigh")
        .unwrap();
    let desk = "SELECT inspection_id || ' ' || state || ' ' || received_at || ' ' || officer_badge FROM review_desk ORDER BY inspection_id";
    let counts = "SELECT state || ' ' || n FROM review_desk_counts WHERE n > 0 ORDER BY state";
    let by_import = crate::migrations::q(&hq_path, desk);
    let counted = crate::migrations::q(&hq_path, counts);
    assert_eq!(counted, ["pending 2", "returned 1"]);
    drop(hq);
    // the file as version 3 had it: no desk, no visits (and no world, from version 5)
    let c = crate::support::harness::raw_connection(&hq_path).unwrap();
    c.execute_batch("ALTER TABLE rule_packs DROP COLUMN trust; ALTER TABLE rule_packs DROP COLUMN signed_by; DROP TABLE published_packs; DROP TRIGGER review_desk_decided; DROP TABLE review_desk; DROP TABLE review_desk_counts; DROP TABLE supervisor_visits; DROP TRIGGER rule_packs_immutable; DROP TRIGGER rule_items_immutable; DROP TRIGGER rule_clauses_immutable; ALTER TABLE seizures DROP COLUMN legal_basis_reason; ALTER TABLE devices DROP COLUMN world; PRAGMA user_version = 3;")
        .unwrap();
    // nor the later steps' shipment intermediaries (migration 8)
    crate::migrations::undo_attachments(&c);
    crate::migrations::undo_intermediaries(&c);
    crate::migrations::undo_draft_focus(&c);
    crate::migrations::undo_sealing_keys(&c);
    crate::migrations::undo_measurement_null(&c);
    crate::migrations::undo_desk_search(&c);
    drop(c);
    drop(crate::support::harness::open(&hq_path));
    assert_eq!(
        crate::migrations::q(&hq_path, desk),
        by_import,
        "the backfill agrees with the import"
    );
    assert_eq!(crate::migrations::q(&hq_path, counts), counted);
}

#[test]
fn an_amendment_answering_a_return_arrives_resubmitted() {
    use crate::support::sync_flow::{db, pair};
    use minspect::domain::DbKind;
    use minspect::sync::ExportOutcome;
    let t = tempfile::tempdir().unwrap();
    let usb = t.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let mut hq = db(t.path(), "hq", DbKind::Hq);
    let mut lap = db(t.path(), "laptop", DbKind::Field);
    pair(&mut hq, &mut lap);
    let pack = crate::support::pack();
    let made = lap
        .records_mut()
        .import_record(&crate::support::example(), true, &pack)
        .unwrap();
    let send = |lap: &mut Store, hq: &mut Store| {
        let ExportOutcome::Written(r) = minspect::sync::export_bundle(lap, &usb).unwrap() else {
            panic!("nothing exported")
        };
        minspect::sync::import_bundle(hq, &r.path, None).unwrap();
    };
    send(&mut lap, &mut hq);
    hq.hq_mut()
        .record_review(&made.inspection_id, Decision::Returned, "weigh it again")
        .unwrap();
    let (_, amendment) = lap
        .records_mut()
        .start_amendment(&made.inspection_id, "re-weighed as asked")
        .unwrap();
    // screened with the pack the original was (the laptop's active pack is another)
    lap.records_mut()
        .finalize_inspection_with(&amendment, &pack)
        .unwrap();
    send(&mut lap, &mut hq);
    let rows = page(&hq, "state:resubmitted", QueueSort::Received);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].inspection_id, amendment);
    assert_eq!(rows[0].amends.as_deref(), Some(made.inspection_id.as_str()));
    // its decision makes it an ordinary approved inspection
    hq.hq_mut()
        .record_review(&amendment, Decision::Approved, "")
        .unwrap();
    assert!(page(&hq, "state:resubmitted", QueueSort::Received).is_empty());
}
