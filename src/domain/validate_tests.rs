//! Unit tests of `validate.rs`.
use super::*;
use crate::domain::Trigger;

fn shipment() -> Shipment {
    Shipment {
        declaration_no: "223320250704118806".into(),
        declared_on: "2025-07-04".into(),
        exporter_name: "Example Co.".into(),
        exporter_credit_code: "91350100M000100Y43".into(),
        consignee: "Example AG".into(),
        destination: "ch".into(),
        container_nos: "CSQU3054383".into(),
        hs_code: "8505.11.1000".into(),
        description: "NdFeB magnets".into(),
        quantity: "4000".into(),
        net_weight_g: Some(4_000_000),
        ..Shipment::default()
    }
}

#[test]
fn a_complete_shipment_has_no_problems() {
    assert_eq!(shipment().problems(), vec![]);
}

#[test]
fn passenger_baggage_needs_no_declaration_or_container() {
    let mut s = shipment();
    s.transport_mode = TransportMode::Passenger;
    s.declaration_no.clear();
    s.exporter_credit_code.clear();
    s.container_nos.clear();
    assert_eq!(s.problems(), vec![]);
    s.transport_mode = TransportMode::Sea;
    let fields: Vec<String> = s.problems().into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        ["declaration_no", "exporter_credit_code", "container_nos"]
    );
}

#[test]
fn one_field_as_typed() {
    let mut s = shipment();
    s.destination = "Switzerland".into();
    let p = field_problem(s.problems(), "destination").unwrap();
    let said = p.msg.unwrap();
    assert_eq!(said.id, "v-not-country");
    assert_eq!(said.text("value"), "Switzerland");
    assert!(field_problem(s.problems(), "hs_code").is_none());
    s.composition = "Nd 101%".into();
    assert_eq!(
        field_problem(s.problems(), "composition").unwrap().field,
        "composition.Nd"
    );
}

#[test]
fn pending_outcomes_need_a_due_date_and_times_an_order() {
    let mut i = Inspection {
        locode: "CNNGB".into(),
        started_at: "2025-04-30T09:00:00+08:00".into(),
        trigger: Trigger::Random,
        outcome: Some(Outcome::QueryIssued),
        ..Inspection::default()
    };
    assert_eq!(i.problems()[0].field, "outcome_due");
    i.outcome_due = Some("2025-05-12".into());
    assert_eq!(i.problems(), vec![]);
    i.ended_at = Some("2025-04-30T08:00:00+08:00".into());
    assert_eq!(i.problems()[0].msg.as_ref().unwrap().id, "v-before-start");
    i.ended_at = None;
    i.outcome = None;
    assert_eq!(i.problems()[0].field, "outcome");
}
