//! The headquarters test database is filled the way the field fills it: finalized on a
//! laptop, exported, imported. What every headquarters test builds on.

use crate::support::hq::hq_with_received;
use crate::support::sync_flow::states;

#[test]
fn headquarters_holds_what_the_laptop_finalized_and_sent() {
    let mut h = hq_with_received(3);
    assert_eq!(h.field.inspections.len(), 3);
    assert_eq!(
        states(&h.hq),
        ["received"; 3],
        "nothing was made at headquarters"
    );
    for id in &h.field.inspections {
        let record = h.hq.records().load_record(id).unwrap();
        assert!(record.inspection.is_finalized(), "{id} arrives finalized");
    }
    let chains = h.hq.chain().verify_chains().unwrap();
    assert!(chains.is_ok(), "{:?}", chains.broken);
    assert_eq!(chains.records(), 3);

    // the same bundle again changes nothing
    let bundle = h.field.bundle.clone().unwrap();
    let again = minspect::sync::import_bundle(&mut h.hq, &bundle, None).unwrap();
    assert_eq!(again.outcome.new_records, 0);
    assert_eq!(again.outcome.already_held, 3);
    assert_eq!(states(&h.hq).len(), 3);
}
