//! Per-field validation of a record. Drafts may be invalid; `validate_for_finalize`
//! returns every problem, each naming its field path (`shipment.destination`,
//! `measurements[1].value`, `seizures[0].legal_basis`).

use super::timestamps::parse_timestamp;
use super::{
    ContainerNo, Country, CreditCode, CustodyEvent, FieldError, Finding, HsCode, Inspection,
    Locode, Measurement, Outcome, Seizure, Shipment, TransportMode, check_percent,
    parse_composition, parse_currency, parse_date, parse_positive_decimal, parse_unit,
};

fn required(out: &mut Vec<FieldError>, field: &str, value: &str, what: &str) -> bool {
    if value.trim().is_empty() {
        out.push(FieldError::new(field, format!("is empty; enter {what}")));
        false
    } else {
        true
    }
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
                out.push(FieldError::new(
                    "declaration_no",
                    "is empty; enter the 18-digit customs declaration number",
                ));
            }
        } else if dec.len() != 18 || !dec.chars().all(|c| c.is_ascii_digit()) {
            out.push(FieldError::new(
                "declaration_no",
                format!("'{dec}' is not an 18-digit customs declaration number"),
            ));
        }
        push(out, parse_date("declared_on", &self.declared_on));
        required(
            out,
            "exporter_name",
            &self.exporter_name,
            "the exporter's name",
        );
        if !self.exporter_credit_code.trim().is_empty() || !light {
            push(
                out,
                CreditCode::parse("exporter_credit_code", &self.exporter_credit_code),
            );
        }
        required(out, "consignee", &self.consignee, "the consignee");
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
                "is empty; sea freight needs the container number(s)",
            ));
        }
        for token in self.container_nos.split_whitespace() {
            push(out, ContainerNo::parse("container_nos", token));
        }
        push(out, HsCode::parse(&self.hs_code));
        required(
            out,
            "description",
            &self.description,
            "the declared description",
        );
        push(out, parse_composition("composition", &self.composition));
        push(out, parse_positive_decimal("quantity", &self.quantity));
        push(out, parse_unit("quantity_unit", &self.quantity_unit));
        match self.net_weight_g {
            None => out.push(FieldError::new(
                "net_weight_g",
                "is empty; enter the net weight",
            )),
            Some(g) if g <= 0 => out.push(FieldError::new(
                "net_weight_g",
                format!("{g} g: the net weight must be more than zero"),
            )),
            Some(_) => {}
        }
        if let Some(v) = self.value_minor.filter(|v| *v < 0) {
            out.push(FieldError::new("value_minor", format!("{v} is negative")));
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
                (Ok(e), Ok(s)) if e < *s => out.push(FieldError::new(
                    "ended_at",
                    format!("'{end}' is before the start"),
                )),
                _ => {}
            }
        }
        push(&mut out, started);
        match (self.outcome, &self.outcome_due) {
            (None, _) => out.push(FieldError::new(
                "outcome",
                "is empty; choose released, held, query_issued, seized or referred",
            )),
            (Some(o), None) if o.needs_due_date() => out.push(FieldError::new(
                "outcome_due",
                format!(
                    "is empty; outcome {} needs a due date (YYYY-MM-DD)",
                    o.as_str()
                ),
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
            out.push(FieldError::new(
                "name",
                format!(
                    "'{}' is not a measurement name like purity_pct or xrf_pct",
                    self.name
                ),
            ));
        }
        if let Some(el) = &self.element
            && !super::is_element(el)
        {
            out.push(FieldError::new(
                "element",
                format!("'{el}' is not a chemical element symbol (e.g. Dy, Bi, Ga)"),
            ));
        }
        match self.value {
            None => out.push(FieldError::new("value", "a measured value is required")),
            Some(v) if !v.is_finite() || v < 0.0 => out.push(FieldError::new(
                "value",
                format!("{v} is not a non-negative number"),
            )),
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
            out.push(FieldError::new(
                "found",
                "is empty; say what was found (or give the evidence)",
            ));
        }
        self.limit_problems(&mut out);
        out
    }
}

impl Seizure {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        required(&mut out, "goods", &self.goods, "the goods seized");
        push(&mut out, parse_positive_decimal("quantity", &self.quantity));
        push(&mut out, parse_unit("unit", &self.unit));
        if let Some(v) = self.est_value_minor.filter(|v| *v < 0) {
            out.push(FieldError::new(
                "est_value_minor",
                format!("{v} is negative"),
            ));
        }
        push(&mut out, parse_currency("currency", &self.currency));
        if self.legal_basis.iter().all(|r| r.trim().is_empty()) {
            out.push(FieldError::new(
                "legal_basis",
                "is empty; give the rule ids from the screening",
            ));
        }
        required(&mut out, "seal_nos", &self.seal_nos, "the seal numbers");
        required(
            &mut out,
            "storage_location",
            &self.storage_location,
            "where the goods are stored",
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
            "who hands the goods over",
        );
        required(
            &mut out,
            "to_party",
            &self.to_party,
            "who receives the goods",
        );
        if !self.from_party.trim().is_empty() && self.from_party.trim() == self.to_party.trim() {
            out.push(FieldError::new("to_party", "is the same as from_party"));
        }
        push(&mut out, parse_timestamp("at", &self.at));
        required(&mut out, "reason", &self.reason, "why the goods moved");
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
    out.extend(
        problems
            .into_iter()
            .map(|e| FieldError::new(format!("{prefix}.{}", e.field), e.message)),
    );
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
            out.push(FieldError::new(
                "seizures",
                "outcome is seized but no seizure is recorded",
            ));
        }
        if !seized && !self.seizures.is_empty() {
            out.push(FieldError::new(
                "inspection.outcome",
                "seizures are recorded, so the outcome must be seized",
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
