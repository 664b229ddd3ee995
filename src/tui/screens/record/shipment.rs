//! The shipment form: its fields, and the conversions form <-> `domain::Shipment`.
//! Validation is the domain's (`Shipment::problems` and the field parsers); a value that
//! does not parse keeps its text on screen with its message, and the draft keeps the
//! last value that did.

use super::form::{Form, Spec};
use crate::domain::{
    EndUse, FieldError, Shipment, TransportMode, currency_exponent, format_weight_g,
    parse_money_minor, parse_weight_g,
};

pub const FIELDS: &[Spec] = &[
    (
        "declaration_no",
        "ship-declaration_no",
        "ship-declaration_no.hint",
        false,
    ),
    (
        "declared_on",
        "ship-declared_on",
        "ship-declared_on.hint",
        false,
    ),
    (
        "exporter_name",
        "ship-exporter_name",
        "ship-exporter_name.hint",
        false,
    ),
    (
        "exporter_credit_code",
        "ship-exporter_credit_code",
        "ship-exporter_credit_code.hint",
        false,
    ),
    ("consignee", "ship-consignee", "ship-consignee.hint", false),
    ("end_user", "ship-end_user", "ship-end_user.hint", false),
    ("end_use", "ship-end_use", "ship-end_use.hint", false),
    (
        "destination",
        "ship-destination",
        "ship-destination.hint",
        false,
    ),
    (
        "transshipment",
        "ship-transshipment",
        "ship-transshipment.hint",
        false,
    ),
    (
        "transport_mode",
        "ship-transport_mode",
        "ship-transport_mode.hint",
        false,
    ),
    (
        "container_nos",
        "ship-container_nos",
        "ship-container_nos.hint",
        false,
    ),
    ("seal_nos", "ship-seal_nos", "ship-seal_nos.hint", false),
    ("hs_code", "ship-hs_code", "ship-hs_code.hint", false),
    (
        "description",
        "ship-description",
        "ship-description.hint",
        false,
    ),
    (
        "composition",
        "ship-composition",
        "ship-composition.hint",
        false,
    ),
    ("quantity", "ship-quantity", "ship-quantity.hint", false),
    (
        "quantity_unit",
        "ship-quantity_unit",
        "ship-quantity_unit.hint",
        false,
    ),
    (
        "net_weight_g",
        "ship-net_weight_g",
        "ship-net_weight_g.hint",
        false,
    ),
    (
        "value_minor",
        "ship-value_minor",
        "ship-value_minor.hint",
        false,
    ),
    ("currency", "ship-currency", "ship-currency.hint", false),
    (
        "licence_no",
        "ship-licence_no",
        "ship-licence_no.hint",
        false,
    ),
    (
        "intermediaries",
        "ship-intermediaries",
        "ship-intermediaries.hint",
        false,
    ),
];

/// An amount in minor units as decimal text without the currency.
pub fn money_text(minor: i64, currency: &str) -> String {
    let exp = currency_exponent(currency).unwrap_or(2);
    if exp == 0 {
        return minor.to_string();
    }
    let div = 10i64.pow(exp);
    format!(
        "{}.{:0w$}",
        minor / div,
        (minor % div).abs(),
        w = exp as usize
    )
}

pub fn form(s: &Shipment) -> Form {
    let mut f = Form::new(FIELDS);
    let texts = [
        ("declaration_no", s.declaration_no.clone()),
        ("declared_on", s.declared_on.clone()),
        ("exporter_name", s.exporter_name.clone()),
        ("exporter_credit_code", s.exporter_credit_code.clone()),
        ("consignee", s.consignee.clone()),
        ("end_user", s.end_user.clone()),
        ("end_use", s.end_use.as_str().to_string()),
        ("destination", s.destination.clone()),
        ("transshipment", s.transshipment.clone()),
        ("transport_mode", s.transport_mode.as_str().to_string()),
        ("container_nos", s.container_nos.clone()),
        ("seal_nos", s.seal_nos.clone()),
        ("hs_code", s.hs_code.clone()),
        ("description", s.description.clone()),
        ("composition", s.composition.clone()),
        ("quantity", s.quantity.clone()),
        ("quantity_unit", s.quantity_unit.clone()),
        (
            "net_weight_g",
            s.net_weight_g.map(format_weight_g).unwrap_or_default(),
        ),
        (
            "value_minor",
            s.value_minor
                .map(|v| money_text(v, &s.currency))
                .unwrap_or_default(),
        ),
        ("currency", s.currency.clone()),
        ("licence_no", s.licence_no.clone()),
        ("intermediaries", s.intermediaries.clone()),
    ];
    for (name, text) in texts {
        f.set(name, &text);
    }
    f.attach_choices(None, "");
    f
}

/// The shipment the form describes, starting from `base` (the last saved values), and
/// every problem: the parse errors of this form first, then the domain's.
pub fn read(form: &Form, base: &Shipment) -> (Shipment, Vec<FieldError>) {
    let mut s = base.clone();
    let mut errs = Vec::new();
    let t = |n: &str| form.get(n).trim().to_string();
    s.declaration_no = t("declaration_no");
    s.declared_on = t("declared_on");
    s.exporter_name = t("exporter_name");
    s.exporter_credit_code = t("exporter_credit_code").to_ascii_uppercase();
    s.consignee = t("consignee");
    s.end_user = t("end_user");
    s.intermediaries = t("intermediaries");
    match EndUse::parse(&t("end_use")) {
        Ok(v) => s.end_use = v,
        Err(e) => errs.push(e),
    }
    s.destination = t("destination").to_ascii_uppercase();
    s.transshipment = t("transshipment").to_ascii_uppercase();
    match TransportMode::parse(&t("transport_mode")) {
        Ok(v) => s.transport_mode = v,
        Err(e) => errs.push(e),
    }
    s.container_nos = t("container_nos").to_ascii_uppercase();
    s.seal_nos = t("seal_nos");
    s.hs_code = t("hs_code");
    s.description = t("description");
    s.composition = t("composition");
    s.quantity = t("quantity");
    s.quantity_unit = t("quantity_unit");
    s.currency = t("currency").to_ascii_uppercase();
    s.licence_no = t("licence_no");
    let weight = t("net_weight_g");
    if weight.is_empty() {
        s.net_weight_g = None;
    } else {
        match parse_weight_g("net_weight_g", &weight) {
            Ok(g) => s.net_weight_g = Some(g),
            Err(e) => errs.push(e),
        }
    }
    let value = t("value_minor");
    if value.is_empty() {
        s.value_minor = None;
    } else if currency_exponent(&s.currency).is_some() {
        match parse_money_minor("value_minor", &value, &s.currency) {
            Ok(v) => s.value_minor = Some(v),
            Err(e) => errs.push(e),
        }
    } else {
        // no known currency to read the amount in: the draft keeps no number the form
        // does not show (the currency's own problem is said on its field)
        s.value_minor = None;
    }
    errs.extend(s.problems());
    (s, errs)
}
