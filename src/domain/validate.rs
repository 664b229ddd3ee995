//! Per-field validation of a record. Drafts may be invalid; `validate_for_finalize`
//! returns every problem, each naming its field path (`shipment.destination`,
//! `measurements[1].value`, `seizures[0].legal_basis`).

use super::timestamps::parse_timestamp;
use super::{
    ContainerNo, Country, CreditCode, CustodyEvent, FieldError, Finding, HsCode, Inspection,
    Locode, Measurement, Msg, Outcome, Seizure, Shipment, TransportMode, check_percent,
    parse_composition, parse_currency, parse_date, parse_positive_decimal, parse_unit,
};

/// `field` is empty: the officer is told what to enter (`what`: an id of `v-what-*`).
fn required(out: &mut Vec<FieldError>, field: &str, value: &str, what: &str) -> bool {
    if value.trim().is_empty() {
        out.push(empty(field, what));
        false
    } else {
        true
    }
}

fn empty(field: &str, what: &str) -> FieldError {
    FieldError::new(field, Msg::new("v-empty-enter").arg("what", Msg::new(what)))
}

/// A problem quoting the value typed.
fn quoting(field: &str, id: &str, value: impl Into<String>) -> FieldError {
    FieldError::new(field, Msg::new(id).arg("value", value.into()))
}

fn push<T>(out: &mut Vec<FieldError>, r: Result<T, FieldError>) {
    if let Err(e) = r {
        out.push(e);
    }
}

impl Shipment {
    /// Every problem with this shipment; field names are column names.
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        self.party_problems(&mut out);
        self.goods_problems(&mut out);
        self.limit_problems(&mut out);
        out
    }

    /// Passenger baggage and post need no declaration number or credit code.
    fn is_light(&self) -> bool {
        matches!(
            self.transport_mode,
            TransportMode::Passenger | TransportMode::Post
        )
    }

    /// The declaration, the exporter, the consignee and the route.
    fn party_problems(&self, out: &mut Vec<FieldError>) {
        let light = self.is_light();
        let dec = self.declaration_no.trim();
        if dec.is_empty() {
            if !light {
                out.push(empty("declaration_no", "v-what-declaration_no"));
            }
        } else if dec.len() != 18 || !dec.chars().all(|c| c.is_ascii_digit()) {
            out.push(quoting("declaration_no", "v-not-declaration_no", dec));
        }
        push(out, parse_date("declared_on", &self.declared_on));
        required(
            out,
            "exporter_name",
            &self.exporter_name,
            "v-what-exporter_name",
        );
        if !self.exporter_credit_code.trim().is_empty() || !light {
            push(
                out,
                CreditCode::parse("exporter_credit_code", &self.exporter_credit_code),
            );
        }
        required(out, "consignee", &self.consignee, "v-what-consignee");
        push(out, Country::parse("destination", &self.destination));
        for token in self.transshipment.split_whitespace() {
            if token.len() == 2 {
                push(out, Country::parse("transshipment", token));
            } else {
                push(out, Locode::parse("transshipment", token));
            }
        }
    }

    /// Containers, HS code, description, composition, quantity, weight and value.
    fn goods_problems(&self, out: &mut Vec<FieldError>) {
        if self.container_nos.trim().is_empty() && self.transport_mode == TransportMode::Sea {
            out.push(FieldError::new(
                "container_nos",
                Msg::new("v-containers-empty"),
            ));
        }
        for token in self.container_nos.split_whitespace() {
            push(out, ContainerNo::parse("container_nos", token));
        }
        push(out, HsCode::parse(&self.hs_code));
        required(out, "description", &self.description, "v-what-description");
        push(out, parse_composition("composition", &self.composition));
        push(out, parse_positive_decimal("quantity", &self.quantity));
        push(out, parse_unit("quantity_unit", &self.quantity_unit));
        match self.net_weight_g {
            None => out.push(empty("net_weight_g", "v-what-net_weight_g")),
            Some(g) if g <= 0 => out.push(quoting(
                "net_weight_g",
                "v-weight-not-positive",
                g.to_string(),
            )),
            Some(_) => {}
        }
        if let Some(v) = self.value_minor.filter(|v| *v < 0) {
            out.push(quoting("value_minor", "v-negative", v.to_string()));
        }
        push(out, parse_currency("currency", &self.currency));
    }
}

impl Inspection {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        push(&mut out, Locode::parse("locode", &self.locode));
        let started = parse_timestamp("started_at", &self.started_at);
        if let Some(end) = &self.ended_at {
            match (parse_timestamp("ended_at", end), &started) {
                (Err(e), _) => out.push(e),
                (Ok(e), Ok(s)) if e < *s => {
                    out.push(quoting("ended_at", "v-before-start", end));
                }
                _ => {}
            }
        }
        push(&mut out, started);
        match (self.outcome, &self.outcome_due) {
            (None, _) => out.push(FieldError::new("outcome", Msg::new("v-outcome-empty"))),
            (Some(o), None) if o.needs_due_date() => out.push(FieldError::new(
                "outcome_due",
                Msg::new("v-due-empty").arg("outcome", o.as_str()),
            )),
            (Some(_), Some(due)) => push(&mut out, parse_date("outcome_due", due)),
            _ => {}
        }
        self.limit_problems(&mut out);
        out
    }
}

impl Measurement {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        let name_ok = self
            .name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase())
            && self
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !name_ok {
            out.push(quoting("name", "v-not-measurement-name", &self.name));
        }
        if let Some(el) = &self.element
            && !super::is_element(el)
        {
            out.push(quoting("element", "v-not-element", el));
        }
        match self.value {
            None => out.push(FieldError::new("value", Msg::new("v-value-required"))),
            Some(v) if !v.is_finite() || v < 0.0 => {
                out.push(quoting("value", "v-not-non-negative", v.to_string()));
            }
            Some(v) if self.name.ends_with("_pct") || self.unit.trim() == "%" => {
                push(&mut out, check_percent("value", v));
            }
            Some(_) => {}
        }
        self.limit_problems(&mut out);
        out
    }
}

impl Finding {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if self.found.trim().is_empty() && self.evidence.trim().is_empty() {
            out.push(FieldError::new("found", Msg::new("v-found-empty")));
        }
        self.limit_problems(&mut out);
        out
    }
}

impl Seizure {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        required(&mut out, "goods", &self.goods, "v-what-goods");
        push(&mut out, parse_positive_decimal("quantity", &self.quantity));
        push(&mut out, parse_unit("unit", &self.unit));
        if let Some(v) = self.est_value_minor.filter(|v| *v < 0) {
            out.push(quoting("est_value_minor", "v-negative", v.to_string()));
        }
        push(&mut out, parse_currency("currency", &self.currency));
        if self.legal_basis.iter().all(|r| r.trim().is_empty()) {
            out.push(FieldError::new(
                "legal_basis",
                Msg::new("v-legal-basis-empty"),
            ));
        }
        required(&mut out, "seal_nos", &self.seal_nos, "v-what-seal_nos");
        required(
            &mut out,
            "storage_location",
            &self.storage_location,
            "v-what-storage_location",
        );
        self.limit_problems(&mut out);
        out
    }
}

impl CustodyEvent {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        required(
            &mut out,
            "from_party",
            &self.from_party,
            "v-what-from_party",
        );
        required(&mut out, "to_party", &self.to_party, "v-what-to_party");
        if !self.from_party.trim().is_empty() && self.from_party.trim() == self.to_party.trim() {
            out.push(FieldError::new("to_party", Msg::new("v-same-parties")));
        }
        push(&mut out, parse_timestamp("at", &self.at));
        required(&mut out, "reason", &self.reason, "v-what-reason");
        self.limit_problems(&mut out);
        out
    }
}

/// A whole record before finalizing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecordDraft {
    pub shipment: Shipment,
    pub inspection: Inspection,
    pub measurements: Vec<Measurement>,
    pub findings: Vec<Finding>,
    pub seizures: Vec<Seizure>,
}

fn prefixed(out: &mut Vec<FieldError>, prefix: &str, problems: Vec<FieldError>) {
    out.extend(problems.into_iter().map(|e| {
        let field = format!("{prefix}.{}", e.field);
        e.at(field)
    }));
}

impl RecordDraft {
    /// Every problem that stops this record from being finalized.
    pub fn validate_for_finalize(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        prefixed(&mut out, "shipment", self.shipment.problems());
        prefixed(&mut out, "inspection", self.inspection.problems());
        self.cross_problems(&mut out);
        for (i, m) in self.measurements.iter().enumerate() {
            prefixed(&mut out, &format!("measurements[{i}]"), m.problems());
        }
        for (i, f) in self.findings.iter().enumerate() {
            prefixed(&mut out, &format!("findings[{i}]"), f.problems());
        }
        for (i, s) in self.seizures.iter().enumerate() {
            prefixed(&mut out, &format!("seizures[{i}]"), s.problems());
        }
        let seized = self.inspection.outcome == Some(Outcome::Seized);
        if seized && self.seizures.is_empty() {
            out.push(FieldError::new("seizures", Msg::new("v-seized-none")));
        }
        if !seized && !self.seizures.is_empty() {
            out.push(FieldError::new(
                "inspection.outcome",
                Msg::new("v-seizures-not-seized"),
            ));
        }
        out
    }
}

/// The problem with one field as the officer types (None = fine): `problems()` of the
/// record part filtered to `field` (a column name, e.g. `destination`).
pub fn field_problem(problems: Vec<FieldError>, field: &str) -> Option<FieldError> {
    problems
        .into_iter()
        .find(|p| p.field == field || p.field.starts_with(&format!("{field}.")))
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
