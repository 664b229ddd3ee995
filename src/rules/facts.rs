//! Screening input: the facts of one shipment, parsed and validated from JSON.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::elements::is_element_symbol;
use super::measurements::{MEASUREMENTS, is_known_measurement};
use crate::domain::{
    Country, EndUse, FieldError, HsCode, Msg, check_composition_sum, check_percent,
};

/// Validated facts. Build with [`Facts::from_json`] (or directly in code and tests).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Facts {
    pub date: Option<NaiveDate>,
    pub hs_code: Option<HsCode>,
    pub description: String,
    /// Element symbol -> percent (0..=100).
    pub composition: BTreeMap<String, f64>,
    /// Measurement name -> value (>= 0).
    pub measurements: BTreeMap<String, f64>,
    pub destination: Option<Country>,
    pub end_use: EndUse,
    pub end_user: String,
    pub licence_no: String,
    /// The consignee's name (screened against the party lists).
    pub consignee: String,
    /// Names of intermediaries (forwarders, agents, traders) between exporter and end user.
    pub intermediaries: Vec<String>,
}

/// Why facts were refused: one line naming the field.
pub type FactsError = FieldError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    date: Option<serde_json::Value>,
    hs_code: Option<serde_json::Value>,
    description: Option<serde_json::Value>,
    composition: Option<serde_json::Value>,
    measurements: Option<serde_json::Value>,
    destination: Option<serde_json::Value>,
    end_use: Option<serde_json::Value>,
    end_user: Option<serde_json::Value>,
    licence_no: Option<serde_json::Value>,
    consignee: Option<serde_json::Value>,
    intermediaries: Option<serde_json::Value>,
}

fn string_field(name: &str, v: Option<serde_json::Value>) -> Result<Option<String>, FactsError> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(FieldError::new(
            name,
            Msg::new("fp-expected-string").arg("got", other.to_string()),
        )),
    }
}

/// An array of names: each a string; blank ones are left out.
fn names_field(name: &str, v: Option<serde_json::Value>) -> Result<Vec<String>, FactsError> {
    let list = match v {
        None | Some(serde_json::Value::Null) => return Ok(Vec::new()),
        Some(serde_json::Value::Array(a)) => a,
        Some(other) => {
            return Err(FieldError::new(
                name,
                Msg::new("fp-expected-names").arg("got", other.to_string()),
            ));
        }
    };
    let mut out = Vec::new();
    for (i, v) in list.into_iter().enumerate() {
        match v {
            serde_json::Value::String(s) if s.trim().is_empty() => {}
            serde_json::Value::String(s) => out.push(s.trim().to_string()),
            other => {
                return Err(FieldError::new(
                    format!("{name}[{i}]"),
                    Msg::new("fp-expected-name").arg("got", other.to_string()),
                ));
            }
        }
    }
    Ok(out)
}

fn number_map(
    name: &str,
    v: Option<serde_json::Value>,
) -> Result<BTreeMap<String, f64>, FactsError> {
    let mut out = BTreeMap::new();
    let obj = match v {
        None | Some(serde_json::Value::Null) => return Ok(out),
        Some(serde_json::Value::Object(o)) => o,
        Some(other) => {
            return Err(FieldError::new(
                name,
                Msg::new("fp-expected-object").arg("got", other.to_string()),
            ));
        }
    };
    for (key, value) in obj {
        let field = format!("{name}.{key}");
        let n = value.as_f64().ok_or_else(|| {
            FieldError::new(
                &field,
                Msg::new("fp-expected-number").arg("got", value.to_string()),
            )
        })?;
        if !n.is_finite() || n < 0.0 {
            return Err(FieldError::new(
                &field,
                Msg::new("fp-negative").arg("value", n.to_string()),
            ));
        }
        out.insert(key, n);
    }
    Ok(out)
}

/// Element symbol -> percent: real symbols, each 0-100, adding up to at most 100.
fn composition(v: Option<serde_json::Value>) -> Result<BTreeMap<String, f64>, FactsError> {
    let parts = number_map("composition", v)?;
    for (element, n) in &parts {
        let field = format!("composition.{element}");
        if !is_element_symbol(element) {
            return Err(FieldError::new(field, Msg::new("fp-not-element")));
        }
        check_percent(&field, *n)?;
    }
    check_composition_sum("composition", &parts)?;
    Ok(parts)
}

/// Measurement name -> value: only names the rules know (a typo would silently turn a
/// licence case into needs_review); every `_pct` value 0-100.
fn measurements(v: Option<serde_json::Value>) -> Result<BTreeMap<String, f64>, FactsError> {
    let values = number_map("measurements", v)?;
    for (key, n) in &values {
        let field = format!("measurements.{key}");
        if !is_known_measurement(key) {
            let known: Vec<&str> = MEASUREMENTS.iter().map(|(n, _, _)| *n).collect();
            return Err(FieldError::new(
                field,
                Msg::new("fp-unknown-measurement").arg("known", known.join(", ")),
            ));
        }
        if key.ends_with("_pct") {
            check_percent(&field, *n)?;
        }
    }
    Ok(values)
}

impl Facts {
    /// Parses facts JSON. `date` is required; every other field is optional.
    /// Errors name the field and what is wrong.
    pub fn from_json(text: &str) -> Result<Facts, FactsError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            FieldError::new(
                "facts",
                Msg::new("dp-malformed-json").arg("error", e.to_string()),
            )
        })?;
        if !value.is_object() {
            return Err(FieldError::new("facts", Msg::new("fp-expected-facts")));
        }
        let raw: RawFacts = serde_json::from_value(value).map_err(|e| {
            let msg = e.to_string();
            match msg.strip_prefix("unknown field `") {
                Some(rest) => {
                    let field = rest.split('`').next().unwrap_or("?");
                    FieldError::new(field, Msg::new("fp-unknown-field"))
                }
                None => FieldError::new("facts", Msg::new("dp-malformed-json").arg("error", msg)),
            }
        })?;
        let date = string_field("date", raw.date)?
            .ok_or_else(|| FieldError::new("date", Msg::new("fp-date-missing")))?;
        let date = crate::domain::parse_date("date", &date)?;
        let hs_code = match string_field("hs_code", raw.hs_code)? {
            Some(s) if !s.trim().is_empty() => Some(HsCode::parse(&s)?),
            _ => None,
        };
        let destination = match string_field("destination", raw.destination)? {
            Some(s) if !s.trim().is_empty() => Some(Country::parse("destination", &s)?),
            _ => None,
        };
        let end_use = match string_field("end_use", raw.end_use)? {
            Some(s) => EndUse::parse(&s)?,
            None => EndUse::Unknown,
        };
        let composition = composition(raw.composition)?;
        Ok(Facts {
            date: Some(date),
            hs_code,
            description: string_field("description", raw.description)?.unwrap_or_default(),
            composition,
            measurements: measurements(raw.measurements)?,
            destination,
            end_use,
            end_user: string_field("end_user", raw.end_user)?.unwrap_or_default(),
            licence_no: string_field("licence_no", raw.licence_no)?.unwrap_or_default(),
            consignee: string_field("consignee", raw.consignee)?.unwrap_or_default(),
            intermediaries: names_field("intermediaries", raw.intermediaries)?,
        })
    }
}
