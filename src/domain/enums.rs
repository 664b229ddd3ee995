//! The closed vocabularies of a record, spelled exactly as schema.sql's CHECK constraints.

use serde::{Deserialize, Serialize};

use super::FieldError;

/// Declares a text enum: variants with their stored spelling and a label for screens.
macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident, $field:literal, default $def:ident, [$($var:ident = $s:literal, $label:literal;)+]) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $s)] $var,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$var,)+];

            /// The stored spelling (schema.sql).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s,)+ }
            }

            /// Words for a screen or a receipt.
            pub fn label(self) -> &'static str {
                match self { $($name::$var => $label,)+ }
            }

            /// Parses the stored spelling (case, spaces and dashes forgiven).
            pub fn parse(raw: &str) -> Result<Self, FieldError> {
                let t = raw.trim().to_ascii_lowercase().replace([' ', '-'], "_");
                Self::ALL.iter().copied().find(|v| v.as_str() == t).ok_or_else(|| {
                    let all: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                    FieldError::new(
                        $field,
                        super::Msg::new("dp-not-one-of").arg("raw", raw).arg("all", all.join(", ")),
                    )
                })
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$def
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// How the goods leave the country.
    TransportMode, "transport_mode", default Sea, [
    Sea = "sea", "sea freight";
    Air = "air", "air freight";
    Road = "road", "road";
    Rail = "rail", "rail";
    Post = "post", "post / express";
    Passenger = "passenger", "passenger baggage";
]);

text_enum!(
    /// Why the inspection took place.
    Trigger, "trigger", default Officer, [
    RuleHit = "rule_hit", "screening rule hit";
    Random = "random", "random selection";
    Intelligence = "intelligence", "intelligence / risk instruction";
    Officer = "officer", "officer's decision";
]);

text_enum!(
    /// What happened to the shipment. `Referred` (for a licensing determination) and
    /// `QueryIssued` are pending states with a due date (`outcome_due`).
    Outcome, "outcome", default Held, [
    Released = "released", "released";
    Held = "held", "held";
    QueryIssued = "query_issued", "customs query issued";
    Seized = "seized", "seized";
    Referred = "referred", "referred for licensing determination";
]);

impl Outcome {
    /// True when the outcome needs a due date.
    pub fn needs_due_date(self) -> bool {
        matches!(self, Outcome::Referred | Outcome::QueryIssued)
    }
}

text_enum!(
    /// What the officer found wrong.
    FindingKind, "kind", default Other, [
    MisdeclaredName = "misdeclared_name", "misdeclared product name";
    WrongHsCode = "wrong_hs_code", "wrong HS code";
    UnderDeclaredContent = "under_declared_content", "under-declared content";
    Concealment = "concealment", "concealment";
    MissingLicence = "missing_licence", "missing licence";
    LicenceMismatch = "licence_mismatch", "licence does not match the goods";
    WeightDiscrepancy = "weight_discrepancy", "weight discrepancy";
    DocumentMismatch = "document_mismatch", "document mismatch";
    Other = "other", "other";
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::parse(k.as_str()).unwrap(), *k);
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(
            Outcome::parse("Query issued").unwrap(),
            Outcome::QueryIssued
        );
        assert_eq!(Trigger::parse("rule-hit").unwrap(), Trigger::RuleHit);
    }

    #[test]
    fn unknown_names_the_field_and_choices() {
        let e = TransportMode::parse("ship").unwrap_err();
        assert_eq!(e.field, "transport_mode");
        assert!(e.message.contains("sea, air, road"), "{}", e.message);
    }
}
