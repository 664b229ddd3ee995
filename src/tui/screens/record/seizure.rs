//! The seizure and custody-transfer forms. A new seizure is prefilled from the live
//! screening (legal basis = the rule ids that decided the verdict, the family) and the
//! shipment (goods, seals).

use super::form::{Form, Spec};
use super::shipment::money_text;
use crate::domain::{
    CustodyEvent, FieldError, Seizure, Shipment, currency_exponent, parse_money_minor,
};
use crate::rules::{Screening, Verdict};

pub const SEIZURE: &[Spec] = &[
    ("goods", "seiz-goods", "seiz-goods.hint", false),
    ("family", "seiz-family", "seiz-family.hint", false),
    ("quantity", "seiz-quantity", "seiz-quantity.hint", false),
    ("unit", "seiz-unit", "seiz-unit.hint", false),
    (
        "est_value_minor",
        "seiz-est_value_minor",
        "seiz-est_value_minor.hint",
        false,
    ),
    ("currency", "seiz-currency", "seiz-currency.hint", false),
    (
        "legal_basis",
        "seiz-legal_basis",
        "seiz-legal_basis.hint",
        false,
    ),
    (
        "legal_basis_reason",
        "seiz-legal_basis_reason",
        "seiz-legal_basis_reason.hint",
        false,
    ),
    ("seal_nos", "seiz-seal_nos", "seiz-seal_nos.hint", false),
    (
        "storage_location",
        "seiz-storage_location",
        "seiz-storage_location.hint",
        false,
    ),
];

pub const CUSTODY: &[Spec] = &[
    (
        "from_party",
        "cust-from_party",
        "cust-from_party.hint",
        false,
    ),
    ("to_party", "cust-to_party", "cust-to_party.hint", false),
    ("at", "cust-at", "cust-at.hint", false),
    ("reason", "cust-reason", "cust-reason.hint", false),
];

/// A new seizure: the rule ids that decided the verdict, the first family, the goods
/// and seals of the shipment.
pub fn prefilled(screening: Option<&Screening>, shipment: &Shipment) -> Seizure {
    let mut s = Seizure {
        goods: shipment.description.clone(),
        seal_nos: shipment.seal_nos.clone(),
        unit: shipment.quantity_unit.clone(),
        ..Seizure::default()
    };
    if let Some(sc) = screening {
        for h in sc
            .hits
            .iter()
            .filter(|h| h.effect != Verdict::NotControlled)
        {
            if !s.legal_basis.contains(&h.rule_id) {
                s.legal_basis.push(h.rule_id.clone());
            }
        }
        s.family = sc.families.first().cloned().unwrap_or_default();
    }
    s
}

pub fn seizure_form(s: &Seizure) -> Form {
    let mut f = Form::new(SEIZURE);
    f.set("goods", &s.goods);
    f.set("family", &s.family);
    f.set("quantity", &s.quantity);
    f.set("unit", &s.unit);
    f.set(
        "est_value_minor",
        &s.est_value_minor
            .map(|v| money_text(v, &s.currency))
            .unwrap_or_default(),
    );
    f.set("currency", &s.currency);
    f.set("legal_basis", &s.legal_basis.join(" "));
    f.set("legal_basis_reason", &s.legal_basis_reason);
    f.set("seal_nos", &s.seal_nos);
    f.set("storage_location", &s.storage_location);
    f.attach_choices(None, "seizure_unit");
    f
}

pub fn read_seizure(form: &Form, base: &Seizure) -> (Seizure, Vec<FieldError>) {
    let mut s = base.clone();
    let mut errs = Vec::new();
    let t = |n: &str| form.get(n).trim().to_string();
    s.goods = t("goods");
    s.family = t("family");
    s.quantity = t("quantity");
    s.unit = t("unit");
    s.currency = t("currency").to_ascii_uppercase();
    s.legal_basis = t("legal_basis")
        .split([' ', ','])
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    s.legal_basis_reason = t("legal_basis_reason");
    s.seal_nos = t("seal_nos");
    s.storage_location = t("storage_location");
    let value = t("est_value_minor");
    if value.is_empty() {
        s.est_value_minor = None;
    } else if currency_exponent(&s.currency).is_some() {
        match parse_money_minor("est_value_minor", &value, &s.currency) {
            Ok(v) => s.est_value_minor = Some(v),
            Err(e) => errs.push(e),
        }
    }
    errs.extend(s.problems());
    (s, errs)
}

/// The next custody transfer of a seizure: when = `now`; from = whoever received the
/// goods last; the first transfer goes to the seizure's storage location. Every value is
/// in the form, for the officer to change; the reasons offer completion.
pub fn custody_form(log: &[CustodyEvent], seizure: Option<&Form>, now: &str) -> Form {
    let mut f = Form::new(CUSTODY);
    f.set("at", now);
    match log.last() {
        Some(last) => f.set("from_party", &last.to_party),
        None => {
            if let Some(storage) = seizure.map(|s| s.get("storage_location")) {
                f.set("to_party", storage.trim());
            }
        }
    }
    f.attach_choices(None, "");
    f
}

pub fn read_custody(form: &Form) -> (CustodyEvent, Vec<FieldError>) {
    let e = CustodyEvent {
        from_party: form.get("from_party").trim().to_string(),
        to_party: form.get("to_party").trim().to_string(),
        at: form.get("at").trim().to_string(),
        reason: form.get("reason").trim().to_string(),
    };
    let errs = e.problems();
    (e, errs)
}
