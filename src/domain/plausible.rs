//! The plausibility limits ([`super::limits`]) applied to each part of a record, and the
//! normalisation of what is typed or imported: country codes in upper case, names without
//! zero-width and bidi characters (so that search and matching find a look-alike name).

use super::limits;
use super::{
    CustodyEvent, FieldError, Finding, Inspection, Measurement, RecordDraft, Seizure, Shipment,
    strip_invisible,
};

impl Shipment {
    /// Every field over its limit.
    pub(super) fn limit_problems(&self, out: &mut Vec<FieldError>) {
        for (field, value) in [
            ("declaration_no", &self.declaration_no),
            ("exporter_name", &self.exporter_name),
            ("exporter_credit_code", &self.exporter_credit_code),
            ("consignee", &self.consignee),
            ("end_user", &self.end_user),
            ("hs_code", &self.hs_code),
            ("licence_no", &self.licence_no),
            ("quantity_unit", &self.quantity_unit),
            ("currency", &self.currency),
        ] {
            limits::name(out, field, value);
        }
        for (field, value) in [
            ("transshipment", &self.transshipment),
            ("container_nos", &self.container_nos),
            ("seal_nos", &self.seal_nos),
        ] {
            limits::names(out, field, value);
        }
        // intermediaries: names separated by ';', each a name
        limits::text(out, "intermediaries", &self.intermediaries);
        if let Some(n) = self
            .intermediaries
            .split(';')
            .find(|n| n.trim().chars().count() > limits::MAX_NAME_CHARS)
        {
            limits::name(out, "intermediaries", n.trim());
        }
        limits::text(out, "description", &self.description);
        limits::text(out, "composition", &self.composition);
        limits::quantity(out, "quantity", &self.quantity);
        limits::net_weight_g(out, "net_weight_g", self.net_weight_g);
        limits::value_minor(out, "value_minor", self.value_minor);
    }

    /// As stored: country codes upper case, names without invisible characters.
    pub fn normalized(&self) -> Shipment {
        let clean = |s: &str| strip_invisible(s).into_owned();
        Shipment {
            destination: clean(&self.destination).trim().to_ascii_uppercase(),
            transshipment: clean(&self.transshipment).to_ascii_uppercase(),
            exporter_name: clean(&self.exporter_name),
            exporter_credit_code: clean(&self.exporter_credit_code),
            consignee: clean(&self.consignee),
            end_user: clean(&self.end_user),
            intermediaries: clean(&self.intermediaries),
            description: clean(&self.description),
            licence_no: clean(&self.licence_no),
            declaration_no: clean(&self.declaration_no),
            ..self.clone()
        }
    }
}

impl Inspection {
    pub(super) fn limit_problems(&self, out: &mut Vec<FieldError>) {
        limits::name(out, "locode", &self.locode);
        limits::name(out, "terminal", &self.terminal);
        limits::text(out, "narrative", &self.narrative);
    }
}

impl Measurement {
    pub(super) fn limit_problems(&self, out: &mut Vec<FieldError>) {
        limits::name(out, "name", &self.name);
        limits::name(out, "unit", &self.unit);
        limits::name(out, "method", &self.method);
    }
}

impl Finding {
    pub(super) fn limit_problems(&self, out: &mut Vec<FieldError>) {
        limits::text(out, "declared", &self.declared);
        limits::text(out, "found", &self.found);
        limits::text(out, "evidence", &self.evidence);
    }
}

impl Seizure {
    pub(super) fn limit_problems(&self, out: &mut Vec<FieldError>) {
        limits::name(out, "goods", &self.goods);
        limits::name(out, "family", &self.family);
        limits::name(out, "storage_location", &self.storage_location);
        limits::names(out, "seal_nos", &self.seal_nos);
        for id in &self.legal_basis {
            limits::name(out, "legal_basis", id);
        }
        limits::text(out, "legal_basis_reason", &self.legal_basis_reason);
        limits::quantity(out, "quantity", &self.quantity);
        limits::value_minor(out, "est_value_minor", self.est_value_minor);
    }
}

impl CustodyEvent {
    /// Every field over its limit.
    pub fn limit_problems(&self, out: &mut Vec<FieldError>) {
        limits::name(out, "from_party", &self.from_party);
        limits::name(out, "to_party", &self.to_party);
        limits::text(out, "reason", &self.reason);
    }

    /// As stored: party names without invisible characters.
    pub fn normalized(&self) -> CustodyEvent {
        CustodyEvent {
            from_party: strip_invisible(&self.from_party).into_owned(),
            to_party: strip_invisible(&self.to_party).into_owned(),
            ..self.clone()
        }
    }
}

impl RecordDraft {
    /// The limits across parts: the declaration date from 1990 to the inspection day, the
    /// inspection's end not before its start.
    pub(super) fn cross_problems(&self, out: &mut Vec<FieldError>) {
        out.extend(limits::declared_on(
            &self.shipment.declared_on,
            &self.inspection.started_at,
        ));
    }

    /// The plausibility limits alone (what headquarters checks of a received record, whose
    /// other rules the device applied), each named by its field path.
    pub fn plausibility_problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut part = |prefix: &str, f: &dyn Fn(&mut Vec<FieldError>)| {
            let mut p = Vec::new();
            f(&mut p);
            out.extend(p.into_iter().map(|e| {
                let path = format!("{prefix}.{}", e.field);
                e.at(path)
            }));
        };
        part("shipment", &|o| self.shipment.limit_problems(o));
        part("inspection", &|o| {
            self.inspection.limit_problems(o);
            o.extend(limits::ended_at(&self.inspection));
        });
        for (i, m) in self.measurements.iter().enumerate() {
            part(&format!("measurements[{i}]"), &|o| m.limit_problems(o));
        }
        for (i, f) in self.findings.iter().enumerate() {
            part(&format!("findings[{i}]"), &|o| f.limit_problems(o));
        }
        for (i, s) in self.seizures.iter().enumerate() {
            part(&format!("seizures[{i}]"), &|o| s.limit_problems(o));
        }
        self.cross_problems(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_go_upper_case_and_names_lose_invisible_characters() {
        let s = Shipment {
            destination: " ch ".into(),
            transshipment: "ae aejea".into(),
            exporter_name: "Exa\u{200B}mple\u{202E} Co.".into(),
            ..Shipment::default()
        }
        .normalized();
        assert_eq!(s.destination, "CH");
        assert_eq!(s.transshipment, "AE AEJEA");
        assert_eq!(s.exporter_name, "Example Co.");
    }

    #[test]
    fn each_part_names_the_field_over_its_limit() {
        let mut out = Vec::new();
        Shipment {
            exporter_name: "x".repeat(301),
            net_weight_g: Some(limits::MAX_NET_WEIGHT_G + 1),
            value_minor: Some(limits::MAX_VALUE_MINOR),
            quantity: "1234567890123456".into(),
            ..Shipment::default()
        }
        .limit_problems(&mut out);
        let fields: Vec<&str> = out.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["exporter_name", "quantity", "net_weight_g"]);
    }
}
