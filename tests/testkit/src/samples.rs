//! Sample finalized
//! records written by the store's own draft, finalize and custody writers (a shipment +
//! inspection, measurements, a finding, optionally a seizure and its custody transfer),
//! and raw views of tables for comparisons across databases.

use rusqlite::{Transaction, types::ValueRef};
use serde_json::{Map, Value, json};

use minspect::domain::{CustodyEvent, RecordImport, Seizure};
use minspect::rules::{EMBEDDED_PACK, RulePack, ScreeningIndex};
use minspect::store::parts::{
    Context, Who, add_child_tx, add_custody_tx, create_inspection_tx, create_shipment_tx,
    load_record_tx, seal_tx, who, write_review,
};
use minspect::store::{Result, Review, Store, StoreError};

/// Ids of a sample finalized inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleIds {
    pub shipment_id: String,
    pub inspection_id: String,
    pub seizure_id: Option<String>,
}

fn collect_json(mut rows: rusqlite::Rows<'_>, names: &[String], table: &str) -> Result<Vec<Value>> {
    let mut out = Vec::new();
    while let Some(r) = rows.next().doing(|| format!("reading {table}"))? {
        let mut obj = Map::new();
        for (i, name) in names.iter().enumerate() {
            let v = match r.get_ref(i).doing(|| format!("reading {table}.{name}"))? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => json!(n),
                ValueRef::Real(f) => json!(f),
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::String(hex::encode(b)),
            };
            obj.insert(name.clone(), v);
        }
        out.push(Value::Object(obj));
    }
    Ok(out)
}

/// The draft of sample `n`: a gallium shipment with two measurements, a finding and,
/// `with_seizure`, a seizure. It deliberately carries what validation warns about (a short
/// declaration number, a mistyped credit code, a zero weight for sample 0), so it is
/// sealed past validation through finalize's own sealing step.
fn sample_draft(n: usize, with_seizure: bool) -> Result<RecordImport> {
    Ok(RecordImport {
        shipment: from(json!({
            "declaration_no": format!("DEC-{n:08}"), "declared_on": "2026-03-02",
            "exporter_name": "Hunan Sample Metals Co.", "exporter_credit_code": "91430000MA4L000000",
            "consignee": "Rotterdam Trading BV", "end_user": "unknown", "end_use": "civil",
            "destination": "NL", "transport_mode": "sea", "container_nos": "MSKU1234565",
            "seal_nos": "SL-77", "hs_code": "8112923010",
            "description": "gallium ingots 99.99% — \"quoted\" and é", "composition": "Ga 99.99%",
            "quantity": format!("{}.5", n % 1000), "quantity_unit": "kg",
            "net_weight_g": (n as i64) * 1000, "value_minor": (n as i64) * 100,
            "currency": "USD", "licence_no": "",
        }))?,
        inspection: from(json!({
            "locode": "CNSHA", "terminal": "Yangshan T4", "trigger": "rule_hit",
            "outcome": if with_seizure { "seized" } else { "held" },
            "narrative": format!("Sample narrative {n}: XRF shows Ga; line two\nwith a newline and a tab\t."),
        }))?,
        measurements: vec![
            from(
                json!({"name": "purity_pct", "value": 99.99 + (n % 7) as f64 / 1000.0,
                        "unit": "%", "method": "xrf"}),
            )?,
            from(
                json!({"name": "xrf_pct", "element": "Ga", "value": 98.5, "unit": "%",
                        "method": "xrf"}),
            )?,
        ],
        findings: vec![from(
            json!({"kind": "missing_licence", "declared": "no licence",
                                   "found": "licence required", "evidence": "photo 1"}),
        )?],
        seizures: Vec::new(),
    })
}

fn sample_seizure() -> Result<Seizure> {
    from(json!({
        "goods": "gallium ingots", "family": "gallium", "quantity": "25", "unit": "kg",
        "est_value_minor": 500000, "currency": "CNY", "legal_basis": ["ga-metal"],
        "seal_nos": "CS-1", "storage_location": "Warehouse 3",
    }))
}

fn from<T: serde::de::DeserializeOwned>(v: Value) -> Result<T> {
    serde_json::from_value(v).map_err(|e| StoreError::Invalid(format!("sample record: {e}")))
}

/// Sample `n` as a draft (the ordinary draft writers), sealed by finalize.
fn finalize_one(
    tx: &Transaction<'_>,
    who: &Who,
    index: &ScreeningIndex<'_>,
    n: usize,
    with_seizure: bool,
) -> Result<SampleIds> {
    let draft = sample_draft(n, with_seizure)?;
    let shipment_id = create_shipment_tx(tx, who, &draft.shipment, None)?;
    let mut inspection = draft.inspection.clone();
    inspection.started_at = who.clock.now_rfc3339();
    inspection.ended_at = Some(inspection.started_at.clone());
    let inspection_id = create_inspection_tx(tx, who, &shipment_id, &inspection, None)?;
    for m in &draft.measurements {
        add_child_tx(tx, who, ("measurements", "measurement"), &inspection_id, m)?;
    }
    for f in &draft.findings {
        add_child_tx(tx, who, ("findings", "finding"), &inspection_id, f)?;
    }
    let seizure_id = match with_seizure {
        true => Some(add_child_tx(
            tx,
            who,
            ("seizures", "seizure"),
            &inspection_id,
            &sample_seizure()?,
        )?),
        false => None,
    };
    seal_tx(tx, who, &load_record_tx(tx, &inspection_id)?, index)?;
    Ok(SampleIds {
        shipment_id,
        inspection_id,
        seizure_id,
    })
}

/// A custody transfer through the ordinary custody writer.
fn custody_one(tx: &Transaction<'_>, who: &Who, seizure_id: &str, to: &str) -> Result<String> {
    let event = CustodyEvent {
        from_party: "Seizing officer".into(),
        to_party: to.into(),
        at: who.clock.now_rfc3339(),
        reason: "transfer to bonded storage".into(),
    };
    Ok(add_custody_tx(tx, who, seizure_id, &event)?.id)
}

/// The active rule pack, else the embedded one.
fn sample_pack(store: &Store) -> Result<RulePack> {
    match store.rules().active_pack()? {
        Some(pack) => Ok(pack),
        None => RulePack::parse(EMBEDDED_PACK, "embedded")
            .map_err(|e| StoreError::Invalid(format!("the embedded rule pack: {e}"))),
    }
}

/// Appends `count` finalized chain records of this device in one
/// transaction. Every 10th inspection carries a seizure followed by a custody event
/// (a custody event is a record of its own). Returns the inspections created.
pub(crate) fn finalize_samples(store: &mut Store, count: usize) -> Result<Vec<SampleIds>> {
    let pack = sample_pack(store)?;
    let clock = store.clock();
    store.parts_write("creating sample records (test support)", |tx| {
        let who = who(tx, clock)?;
        let index = ScreeningIndex::new(&pack);
        let mut made = Vec::new();
        let mut records = 0;
        let mut n = 0;
        while records < count {
            let with_seizure = n % 10 == 9 && records + 2 <= count;
            let ids = finalize_one(tx, &who, &index, n, with_seizure)?;
            records += 1;
            if let Some(z) = &ids.seizure_id {
                custody_one(tx, &who, z, "Bonded warehouse 3")?;
                records += 1;
            }
            made.push(ids);
            n += 1;
        }
        Ok(made)
    })
}

/// Appends a custody transfer of `seizure_id` as its own chain record.
pub(crate) fn custody_transfer(store: &mut Store, seizure_id: &str, to: &str) -> Result<String> {
    let clock = store.clock();
    store.parts_write("recording a custody transfer (test support)", |tx| {
        custody_one(tx, &who(tx, clock)?, seizure_id, to)
    })
}

/// The rows of a record table for comparison across databases, as JSON
/// objects sorted by id.
pub(crate) fn table_json(store: &Store, table: &str) -> Result<Vec<Value>> {
    let others = [
        "outbox", "reviews", "sync_log", "audit", "officers", "devices", "meta",
    ];
    if !(minspect::store::chain::RECORD_TABLES.contains(&table) || others.contains(&table)) {
        return Err(StoreError::Invalid(format!(
            "table: {table} is not a record table"
        )));
    }
    let tx = store
        .parts_conn()
        .unchecked_transaction()
        .doing(|| "starting a read transaction".into())?;
    let order = match table {
        "outbox" => "o.device_id, o.seq",
        "meta" => "key",
        _ => "id",
    };
    // an outbox row is shown with its delivery state (derived from the marks) and its
    // payload (stored in outbox_payloads), so that comparisons cover the chain text too
    let select = match table {
        "outbox" => "SELECT o.*, s.state, p.payload FROM outbox o
             JOIN outbox_status s ON s.device_id = o.device_id AND s.seq = o.seq
             LEFT JOIN outbox_payloads p ON p.device_id = o.device_id AND p.seq = o.seq"
            .to_string(),
        _ => format!("SELECT * FROM {table}"),
    };
    let mut stmt = tx
        .prepare(&format!("{select} ORDER BY {order}"))
        .doing(|| format!("reading {table}"))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let rows = stmt.query([]).doing(|| format!("reading {table}"))?;
    collect_json(rows, &names, table)
}

/// Stores a review decision here as if a receipt had delivered it (no receipt id), through
/// the store's own review writer, so screens can be tested without a headquarters round trip.
pub(crate) fn insert_review(store: &mut Store, r: &Review) -> Result<()> {
    store.parts_write("storing a review decision (test support)", |tx| {
        write_review(tx, r, None)
    })
}
