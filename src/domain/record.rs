//! The records an officer captures: a shipment, its inspection, measurements, findings,
//! seizures and custody transfers. Field names are schema.sql's column names. A draft
//! may be invalid (see `validate.rs`); amounts are exact (text decimals, integer grams,
//! integer minor units).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::{EndUse, FindingKind, Outcome, TransportMode, Trigger};

/// A declared outbound shipment (the editable columns of `shipments`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Shipment {
    /// Customs declaration number (18 digits).
    pub declaration_no: String,
    /// Declaration date `YYYY-MM-DD`: the date the shipment is screened as of.
    pub declared_on: String,
    pub exporter_name: String,
    /// Unified social credit code (GB 32100-2015).
    pub exporter_credit_code: String,
    pub consignee: String,
    /// Intermediaries (forwarders, agents, traders) between exporter and end user, names
    /// separated by `;`.
    pub intermediaries: String,
    pub end_user: String,
    pub end_use: EndUse,
    /// ISO 3166 alpha-2.
    pub destination: String,
    /// Space separated alpha-2 codes or UN/LOCODEs.
    pub transshipment: String,
    pub transport_mode: TransportMode,
    /// Space separated ISO 6346 container numbers.
    pub container_nos: String,
    pub seal_nos: String,
    pub hs_code: String,
    pub description: String,
    /// The declared composition / declaration-elements string.
    pub composition: String,
    /// Decimal text.
    pub quantity: String,
    pub quantity_unit: String,
    pub net_weight_g: Option<i64>,
    pub value_minor: Option<i64>,
    /// ISO 4217.
    pub currency: String,
    pub licence_no: String,
}

impl Shipment {
    /// The intermediaries' names: `;` (or `；`, or a new line) between names, blanks left out.
    pub fn intermediary_names(&self) -> Vec<String> {
        self.intermediaries
            .split([';', '；', '\n'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    }
}

impl Default for Shipment {
    fn default() -> Self {
        Shipment {
            declaration_no: String::new(),
            declared_on: String::new(),
            exporter_name: String::new(),
            exporter_credit_code: String::new(),
            consignee: String::new(),
            intermediaries: String::new(),
            end_user: String::new(),
            end_use: EndUse::Unknown,
            destination: String::new(),
            transshipment: String::new(),
            transport_mode: TransportMode::Sea,
            container_nos: String::new(),
            seal_nos: String::new(),
            hs_code: String::new(),
            description: String::new(),
            composition: String::new(),
            quantity: String::new(),
            quantity_unit: "kg".into(),
            net_weight_g: None,
            value_minor: None,
            currency: "USD".into(),
            licence_no: String::new(),
        }
    }
}

/// An inspection of a shipment (the editable columns of `inspections`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Inspection {
    /// UN/LOCODE of the place, e.g. `CNSHA`.
    pub locode: String,
    pub terminal: String,
    /// RFC 3339; the store fills in the current time when empty.
    pub started_at: String,
    pub ended_at: Option<String>,
    pub trigger: Trigger,
    pub outcome: Option<Outcome>,
    /// `YYYY-MM-DD`: when a referral or customs query is due.
    pub outcome_due: Option<String>,
    pub narrative: String,
}

/// A measured value: XRF composition (`xrf_pct` with an element), purity, weighed mass...
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Measurement {
    /// Snake case: `purity_pct`, `density_g_cm3`, `xrf_pct`, `weighed_mass_kg` ...
    pub name: String,
    /// Element symbol for a composition reading.
    pub element: Option<String>,
    /// None: not given yet, or typed with a slip that does not parse (stored NULL, never a
    /// 0.0 placeholder). Finalizing refuses it, so a finalized payload always has a number.
    pub value: Option<f64>,
    pub unit: String,
    /// `xrf`, `lab`, `scale`, `caliper` ...
    pub method: String,
}

impl Measurement {
    /// The value as shown: its number, or `-` when none is stored.
    pub fn value_text(&self) -> String {
        self.value
            .map_or_else(|| "-".to_string(), |v| v.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Finding {
    pub kind: FindingKind,
    pub declared: String,
    pub found: String,
    pub evidence: String,
    /// True when it came from reconciliation and the officer accepted it.
    #[serde(deserialize_with = "bool_or_int")]
    pub suggested: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Seizure {
    pub goods: String,
    pub family: String,
    /// Decimal text.
    pub quantity: String,
    pub unit: String,
    pub est_value_minor: Option<i64>,
    pub currency: String,
    /// Rule ids from the screening.
    #[serde(deserialize_with = "list_or_json_text")]
    pub legal_basis: Vec<String>,
    /// Why the legal basis cites rules this record's screening did not give (empty: it
    /// cites only the screening's rules).
    pub legal_basis_reason: String,
    pub seal_nos: String,
    pub storage_location: String,
}

impl Default for Seizure {
    fn default() -> Self {
        Seizure {
            goods: String::new(),
            family: String::new(),
            quantity: String::new(),
            unit: "kg".into(),
            est_value_minor: None,
            currency: "CNY".into(),
            legal_basis: Vec::new(),
            legal_basis_reason: String::new(),
            seal_nos: String::new(),
            storage_location: String::new(),
        }
    }
}

/// One custody transfer of seized goods (append-only).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustodyEvent {
    pub from_party: String,
    pub to_party: String,
    /// RFC 3339.
    pub at: String,
    pub reason: String,
}

/// A stored row: its id, the store-managed columns (state, created_at, record_hash ...)
/// and the editable data.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    pub id: String,
    /// Store-managed columns by name (schema.sql), as JSON values.
    pub meta: BTreeMap<String, serde_json::Value>,
    pub data: T,
}

impl<T> Stored<T> {
    /// A store-managed text column, None when NULL or absent.
    pub fn meta_str(&self, column: &str) -> Option<&str> {
        self.meta.get(column).and_then(|v| v.as_str())
    }
    pub fn is_finalized(&self) -> bool {
        self.meta_str("state") == Some("finalized")
    }
}

/// A seizure with its custody transfers.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSeizure {
    pub seizure: Stored<Seizure>,
    pub custody: Vec<Stored<CustodyEvent>>,
}

/// An inspection with everything it carries, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub shipment: Stored<Shipment>,
    pub inspection: Stored<Inspection>,
    pub measurements: Vec<Stored<Measurement>>,
    pub findings: Vec<Stored<Finding>>,
    pub seizures: Vec<StoredSeizure>,
}

impl Record {
    /// The editable data, for validation.
    pub fn draft(&self) -> super::RecordDraft {
        super::RecordDraft {
            shipment: self.shipment.data.clone(),
            inspection: self.inspection.data.clone(),
            measurements: self.measurements.iter().map(|m| m.data.clone()).collect(),
            findings: self.findings.iter().map(|f| f.data.clone()).collect(),
            seizures: self
                .seizures
                .iter()
                .map(|s| s.seizure.data.clone())
                .collect(),
        }
    }
}

fn bool_or_int<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Int(i64),
    }
    match B::deserialize(d)? {
        B::Bool(b) => Ok(b),
        B::Int(0) => Ok(false),
        B::Int(1) => Ok(true),
        B::Int(n) => Err(serde::de::Error::custom(format!(
            "expected 0 or 1, got {n}"
        ))),
    }
}

/// Accepts a JSON array of strings, or text holding one (the stored column).
fn list_or_json_text<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum L {
        List(Vec<String>),
        Text(String),
    }
    match L::deserialize(d)? {
        L::List(v) => Ok(v),
        L::Text(t) => serde_json::from_str(&t).map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_columns_deserialize() {
        let f: Finding = serde_json::from_value(serde_json::json!({
            "kind": "under_declared_content", "suggested": 1, "declared": "", "found": "Dy 0.36 %", "evidence": ""
        }))
        .unwrap();
        assert!(f.suggested);
        let s: Seizure = serde_json::from_value(serde_json::json!({
            "goods": "magnets", "quantity": "4000", "unit": "kg", "legal_basis": "[\"re-dy\"]"
        }))
        .unwrap();
        assert_eq!(s.legal_basis, vec!["re-dy".to_string()]);
        assert_eq!(s.currency, "CNY");
        assert!(
            serde_json::from_value::<Shipment>(serde_json::json!({"destinaton": "CH"})).is_err()
        );
    }
}
