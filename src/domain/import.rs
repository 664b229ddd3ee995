//! The record-import file (`minspect record import FILE.json`): one shipment with its
//! inspection, measurements, findings, seizures and custody transfers. Parsing names the
//! field path of the first structural problem (`seizures[0].custody[1].at`);
//! [`RecordImport::problems`] lists every validation problem the same way.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{
    CustodyEvent, FieldError, Finding, Inspection, Measurement, Msg, RecordDraft, Seizure, Shipment,
};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeizureImport {
    pub seizure: Seizure,
    /// Transfers in the order they happened; appended after the record is finalized.
    pub custody: Vec<CustodyEvent>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordImport {
    pub shipment: Shipment,
    pub inspection: Inspection,
    pub measurements: Vec<Measurement>,
    pub findings: Vec<Finding>,
    pub seizures: Vec<SeizureImport>,
}

/// What a JSON value is, as a message (`a string`, `an array`...).
fn kind_of(v: &Value) -> Msg {
    Msg::new(match v {
        Value::Null => "dp-json-null",
        Value::Bool(_) => "dp-json-bool",
        Value::Number(_) => "dp-json-number",
        Value::String(_) => "dp-json-string",
        Value::Array(_) => "dp-json-array",
        Value::Object(_) => "dp-json-object",
    })
}

/// Deserializes one object, naming the offending field on failure.
fn section<T: DeserializeOwned + Serialize + Default>(
    path: &str,
    v: Value,
) -> Result<T, FieldError> {
    let Value::Object(obj) = v else {
        return Err(FieldError::new(
            path,
            Msg::new("dp-expected-object-got").arg("got", kind_of(&v)),
        ));
    };
    let err = match serde_json::from_value::<T>(Value::Object(obj.clone())) {
        Ok(t) => return Ok(t),
        Err(e) => e.to_string(),
    };
    if let Some(rest) = err.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("?");
        return Err(FieldError::new(
            format!("{path}.{field}"),
            Msg::new("dp-unknown-field"),
        ));
    }
    let Ok(Value::Object(base)) = serde_json::to_value(T::default()) else {
        return Err(FieldError::new(path, err));
    };
    for (k, val) in &obj {
        let mut probe = base.clone();
        probe.insert(k.clone(), val.clone());
        if let Err(e) = serde_json::from_value::<T>(Value::Object(probe)) {
            return Err(FieldError::new(format!("{path}.{k}"), e.to_string()));
        }
    }
    Err(FieldError::new(path, err))
}

fn list(path: &str, v: Option<Value>) -> Result<Vec<Value>, FieldError> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(FieldError::new(
            path,
            Msg::new("dp-expected-array-got").arg("got", kind_of(&other)),
        )),
    }
}

fn sections<T: DeserializeOwned + Serialize + Default>(
    path: &str,
    v: Option<Value>,
) -> Result<Vec<T>, FieldError> {
    list(path, v)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| section(&format!("{path}[{i}]"), v))
        .collect()
}

const TOP: &[&str] = &[
    "shipment",
    "inspection",
    "measurements",
    "findings",
    "seizures",
];

impl RecordImport {
    /// Parses the import file. Structural problems (malformed JSON, unknown or mistyped
    /// fields) are reported with the field path.
    pub fn from_json(text: &str) -> Result<Self, FieldError> {
        let v: Value = serde_json::from_str(text).map_err(|e| {
            FieldError::new(
                "file",
                Msg::new("dp-malformed-json").arg("error", e.to_string()),
            )
        })?;
        let Value::Object(mut top): Value = v else {
            return Err(FieldError::new("file", Msg::new("dp-expected-record")));
        };
        if let Some(k) = top.keys().find(|k| !TOP.contains(&k.as_str())) {
            return Err(FieldError::new(
                k.clone(),
                Msg::new("dp-unknown-field-expected").arg("expected", TOP.join(", ")),
            ));
        }
        let shipment = section(
            "shipment",
            top.remove("shipment")
                .ok_or_else(|| FieldError::new("shipment", Msg::new("dp-missing")))?,
        )?;
        let inspection = section(
            "inspection",
            top.remove("inspection")
                .ok_or_else(|| FieldError::new("inspection", Msg::new("dp-missing")))?,
        )?;
        let measurements = sections("measurements", top.remove("measurements"))?;
        let findings = sections("findings", top.remove("findings"))?;
        let mut seizures = Vec::new();
        for (i, v) in list("seizures", top.remove("seizures"))?
            .into_iter()
            .enumerate()
        {
            let path = format!("seizures[{i}]");
            let Value::Object(mut obj): Value = v else {
                return Err(FieldError::new(path, Msg::new("dp-expected-object")));
            };
            let custody = sections(&format!("{path}.custody"), obj.remove("custody"))?;
            let seizure = section(&path, Value::Object(obj))?;
            seizures.push(SeizureImport { seizure, custody });
        }
        Ok(RecordImport {
            shipment,
            inspection,
            measurements,
            findings,
            seizures,
        })
    }

    pub fn draft(&self) -> RecordDraft {
        RecordDraft {
            shipment: self.shipment.clone(),
            inspection: self.inspection.clone(),
            measurements: self.measurements.clone(),
            findings: self.findings.clone(),
            seizures: self.seizures.iter().map(|s| s.seizure.clone()).collect(),
        }
    }

    /// Every problem, validated as a whole (the record must be finalizable; custody
    /// transfers are only possible when it is finalized on import).
    pub fn problems(&self, finalize: bool) -> Vec<FieldError> {
        let mut out = self.draft().validate_for_finalize();
        for (i, s) in self.seizures.iter().enumerate() {
            if !finalize && !s.custody.is_empty() {
                out.push(FieldError::new(
                    format!("seizures[{i}].custody"),
                    Msg::new("dp-custody-needs-finalize"),
                ));
            }
            for (j, c) in s.custody.iter().enumerate() {
                out.extend(c.problems().into_iter().map(|e| {
                    let field = format!("seizures[{i}].custody[{j}].{}", e.field);
                    e.at(field)
                }));
            }
        }
        out
    }
}

/// The JSON object keys of a section, for documentation and tests.
pub fn import_fields<T: Serialize + Default>() -> Vec<String> {
    match serde_json::to_value(T::default()) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Map::new().keys().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_path_of_a_mistyped_field() {
        let e = RecordImport::from_json(
            r#"{"shipment": {}, "inspection": {}, "measurements": [{"name": "xrf_pct", "value": "lots"}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field, "measurements[0].value");
        let e = RecordImport::from_json(r#"{"shipment": {"destinaton": "CH"}, "inspection": {}}"#)
            .unwrap_err();
        assert_eq!(e.field, "shipment.destinaton");
        let e = RecordImport::from_json(
            r#"{"shipment": {}, "inspection": {}, "seizures": [{"custody": [{"at": 5}]}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.field, "seizures[0].custody[0].at");
        let e = RecordImport::from_json(r#"{"shipment": {}}"#).unwrap_err();
        assert_eq!(e.field, "inspection");
        assert_eq!(RecordImport::from_json("{").unwrap_err().field, "file");
    }

    #[test]
    fn custody_needs_finalize() {
        let r = RecordImport::from_json(
            r#"{"shipment": {}, "inspection": {}, "seizures": [{"custody": [{}]}]}"#,
        )
        .unwrap();
        let fields: Vec<String> = r.problems(false).into_iter().map(|e| e.field).collect();
        assert!(fields.contains(&"seizures[0].custody".to_string()));
        assert!(fields.contains(&"seizures[0].custody[0].from_party".to_string()));
        assert!(fields.contains(&"shipment.destination".to_string()));
        assert!(import_fields::<Shipment>().contains(&"net_weight_g".to_string()));
    }
}
