//! What headquarters accepts of one received record: what a field device may say. A
//! validly signed bundle proves the device's key, not the record: each new record must be
//! finalized (not a draft the immutability triggers would not protect), made on the
//! bundle's device, by a field officer (not a headquarters supervisor), and within the
//! plausibility limits of DESIGN section 3 (its own screening giving its seizures' legal
//! basis). A record that breaks one is refused naming the record, the field and the rule;
//! the import's transaction then leaves headquarters unchanged.

use rusqlite::{OptionalExtension, Transaction};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::domain::{
    CustodyEvent, FieldError, Finding, Inspection, Measurement, Msg, RecordDraft, Seizure,
    Shipment, limits, parse_timestamp, sanitize,
};
use crate::rules::Screening;
use crate::store::hq::incoming::IncomingBundleRecord;
use crate::store::record::checks::legal_basis_problems;
use crate::store::rows::{Row, row_by_id, stored};
use crate::store::{Context, Result, StoreError};

type Obj = Map<String, Value>;

/// Checks one new record of `device_id` before it is inserted.
pub(super) fn check_received(
    tx: &Transaction<'_>,
    device_id: &str,
    r: &IncomingBundleRecord,
) -> Result<()> {
    let refuse = |field: &str, problem: Msg| {
        StoreError::Said(
            Msg::new("sp-record-refused")
                .arg("seq", r.seq.to_string())
                .arg("id", sanitize(&r.record_id).into_owned())
                .arg("field", field)
                .arg("problem", problem),
        )
    };
    if r.record_id
        .chars()
        .any(|c| c.is_control() || crate::domain::is_invisible(c))
        || r.record_id.chars().count() > limits::MAX_NAME_CHARS
    {
        return Err(refuse("record_id", Msg::new("sp-not-record-id")));
    }
    let payload: Value = serde_json::from_str(&r.payload).map_err(|e| {
        refuse(
            "payload",
            Msg::new("sp-not-json").arg("error", sanitize(&e.to_string()).into_owned()),
        )
    })?;
    let problems = match r.kind.as_str() {
        "inspection" => inspection_problems(tx, device_id, &payload)?,
        "custody_event" => custody_problems(tx, device_id, &payload)?,
        _ => Vec::new(), // the insert names an unknown kind
    };
    match problems.first() {
        // the problem as its message (an English sentence not yet an id as its text)
        Some(p) => Err(refuse(&p.field, p.problem_msg())),
        None => Ok(()),
    }
}

fn obj(payload: &Value, key: &str) -> Obj {
    payload
        .get(key)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}

fn list(payload: &Value, key: &str) -> Vec<Obj> {
    payload
        .get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).cloned().collect())
        .unwrap_or_default()
}

/// The editable data of a payload row, as the device validated it.
fn data<T: DeserializeOwned + Serialize + Default>(row: Obj, field: &str) -> Result<T, FieldError> {
    let row: Row = row;
    stored::<T>(row)
        .map(|s| s.data)
        .map_err(|e| FieldError::new(field, e.to_string()))
}

fn text<'o>(o: &'o Obj, key: &str) -> &'o str {
    o.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The rules of who and what: finalized, this device, a field officer.
fn provenance(
    tx: &Transaction<'_>,
    prefix: &str,
    row: &Obj,
    device_id: &str,
    stateful: bool,
) -> Result<Vec<FieldError>> {
    let mut out = Vec::new();
    let state = text(row, "state");
    if stateful && state != "finalized" {
        out.push(FieldError::new(
            format!("{prefix}.state"),
            Msg::new("sp-received-state").arg("state", state),
        ));
    }
    let dev = text(row, "device_id");
    if dev != device_id {
        out.push(FieldError::new(
            format!("{prefix}.device_id"),
            Msg::new("sp-received-device")
                .arg("device", dev)
                .arg("bundle", device_id),
        ));
    }
    let officer = text(row, "officer_id");
    if !officer.is_empty() && is_hq_supervisor(tx, officer)? {
        out.push(FieldError::new(
            format!("{prefix}.officer_id"),
            Msg::new("sp-received-hq-officer").arg("officer", officer),
        ));
    }
    Ok(out)
}

/// Whether headquarters knows `officer_id` as a supervisor (its own, or one a bundle's
/// officer list claimed: a field device's records are its field officers' work).
fn is_hq_supervisor(tx: &Transaction<'_>, officer_id: &str) -> Result<bool> {
    let role: Option<String> = tx
        .query_row(
            "SELECT role FROM officers WHERE id = ?1",
            [officer_id],
            |r| r.get(0),
        )
        .optional()
        .doing(|| format!("looking up officer {officer_id}"))?;
    Ok(role.as_deref() == Some("supervisor"))
}

fn inspection_problems(
    tx: &Transaction<'_>,
    device_id: &str,
    payload: &Value,
) -> Result<Vec<FieldError>> {
    let (ship, insp) = (obj(payload, "shipment"), obj(payload, "inspection"));
    let mut out = provenance(tx, "inspection", &insp, device_id, true)?;
    out.extend(provenance(tx, "shipment", &ship, device_id, true)?);
    if !out.is_empty() {
        return Ok(out);
    }
    let screening: Option<Screening> = serde_json::from_str(text(&insp, "screening")).ok();
    let draft = match draft_of(payload, ship, insp) {
        Ok(d) => d,
        Err(e) => return Ok(vec![e]),
    };
    out.extend(draft.plausibility_problems());
    if let Some(screening) = screening {
        out.extend(legal_basis_problems(&draft, None, &screening));
    }
    Ok(out)
}

fn draft_of(payload: &Value, ship: Obj, insp: Obj) -> Result<RecordDraft, FieldError> {
    let parts = |key: &str| list(payload, key).into_iter().enumerate();
    Ok(RecordDraft {
        shipment: data::<Shipment>(ship, "shipment")?,
        inspection: data::<Inspection>(insp, "inspection")?,
        measurements: parts("measurements")
            .map(|(i, m)| data::<Measurement>(m, &format!("measurements[{i}]")))
            .collect::<Result<_, _>>()?,
        findings: parts("findings")
            .map(|(i, f)| data::<Finding>(f, &format!("findings[{i}]")))
            .collect::<Result<_, _>>()?,
        seizures: parts("seizures")
            .map(|(i, s)| data::<Seizure>(s, &format!("seizures[{i}]")))
            .collect::<Result<_, _>>()?,
    })
}

/// A custody transfer: its own rules, and its time between the seizure (the start of the
/// seizure's inspection, when held) and when the device recorded it plus the clock skew.
fn custody_problems(
    tx: &Transaction<'_>,
    device_id: &str,
    payload: &Value,
) -> Result<Vec<FieldError>> {
    let ev = obj(payload, "custody_event");
    let mut out = provenance(tx, "custody_event", &ev, device_id, false)?;
    if !out.is_empty() {
        return Ok(out);
    }
    let seizure_id = text(&ev, "seizure_id").to_string();
    let recorded = parse_timestamp("created_at", text(&ev, "created_at")).ok();
    let event = match data::<CustodyEvent>(ev, "custody_event") {
        Ok(e) => e,
        Err(e) => return Ok(vec![e]),
    };
    let prefix = |e: FieldError| {
        let field = format!("custody_event.{}", e.field);
        e.at(field)
    };
    let mut limits = Vec::new();
    event.limit_problems(&mut limits);
    out.extend(limits.into_iter().map(prefix));
    let seized = seizure_start(tx, &seizure_id)?;
    if let (true, Some(now)) = (out.is_empty(), recorded)
        && let Err(e) = limits::transfer_time(&event.at, seized, now)
    {
        out.push(prefix(e));
    }
    Ok(out)
}

/// When the seizure `seizure_id` was made (its inspection's start), when held here.
fn seizure_start(
    tx: &Transaction<'_>,
    seizure_id: &str,
) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    let Ok(seizure) = row_by_id(tx, "seizures", seizure_id, "seizure") else {
        return Ok(None);
    };
    let inspection_id = seizure["inspection_id"].as_str().unwrap_or_default();
    let Ok(inspection) = row_by_id(tx, "inspections", inspection_id, "inspection") else {
        return Ok(None);
    };
    Ok(inspection["started_at"]
        .as_str()
        .and_then(|s| parse_timestamp("started_at", s).ok()))
}
