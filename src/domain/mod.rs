//! Plain types and pure validation. No I/O.

mod clock;
mod codes;
mod composition;
mod country;
mod enums;
mod idcodes;
mod import;
pub mod limits;
mod money;
mod msg;
mod plausible;
pub mod ports;
mod quantity;
mod record;
mod sanitize;
mod timestamps;
mod validate;
mod world;

pub use clock::{Clock, Zone};
pub use codes::{HsCode, parse_date};
pub use composition::{check_composition_sum, is_element, parse_composition};
pub use country::{Country, country_codes, is_country};
pub use enums::{FindingKind, Outcome, TransportMode, Trigger};
pub use idcodes::{ContainerNo, CreditCode, Locode, container_check_digit, credit_code_check_char};
pub use import::{RecordImport, SeizureImport, import_fields};
pub use money::{
    currency_codes, currency_exponent, format_money, parse_currency, parse_money_minor,
};
pub use msg::{Lang, Msg, MsgArg, resolve_lang};
pub use quantity::{
    UNITS, check_percent, decimal_scaled, format_weight_g, parse_decimal, parse_percent,
    parse_positive_decimal, parse_unit, parse_weight_g,
};
pub use record::{
    CustodyEvent, Finding, Inspection, Measurement, Record, Seizure, Shipment, Stored,
    StoredSeizure,
};
pub use sanitize::{is_invisible, sanitize, sanitize_multiline, strip_invisible};
pub use timestamps::{normalize_timestamp, parse_timestamp};
pub use validate::{RecordDraft, field_problem};
pub use world::World;

use serde::{Deserialize, Serialize};

/// A new time-ordered record id (UUIDv7), unique across devices.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A validation failure naming the field and what is wrong: the problem as a message id
/// with its arguments (`msg`, rendered by `crate::i18n::field_error` in the interface
/// language), or, where not yet converted, an English sentence (`message`).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: String,
    /// The English sentence; when `msg` says the problem, its plain form (`Msg::plain`,
    /// for logs: a person reads the problem through `crate::i18n`).
    pub message: String,
    /// The problem as an id of the catalogue (`src/i18n/*/validate.ftl`).
    pub msg: Option<Msg>,
}

/// What [`FieldError::new`] takes as the problem: a message id or an English sentence.
pub enum Problem {
    Text(String),
    Said(Msg),
}

impl From<&str> for Problem {
    fn from(s: &str) -> Self {
        Problem::Text(s.to_string())
    }
}

impl From<String> for Problem {
    fn from(s: String) -> Self {
        Problem::Text(s)
    }
}

impl From<Msg> for Problem {
    fn from(m: Msg) -> Self {
        Problem::Said(m)
    }
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: impl Into<Problem>) -> Self {
        let (message, msg) = match problem.into() {
            Problem::Text(t) => (t, None),
            Problem::Said(m) => (m.plain(), Some(m)),
        };
        Self {
            field: field.into(),
            message,
            msg,
        }
    }

    /// The same problem on another field path (`destination` -> `shipment.destination`).
    pub fn at(self, field: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            ..self
        }
    }

    /// The problem alone, as a message (an English sentence is passed as its text).
    pub fn problem_msg(&self) -> Msg {
        match &self.msg {
            Some(m) => m.clone(),
            None => Msg::new("problem-text").arg("text", &self.message),
        }
    }

    /// `field: problem` as a message: the field by its name in the language (`field`
    /// renders the path, and in Chinese the form's label before it).
    pub fn to_msg(&self) -> Msg {
        Msg::new("field-problem")
            .arg("field", Msg::new("field").arg("path", &self.field))
            .arg("problem", self.problem_msg())
    }
}

impl std::fmt::Display for FieldError {
    /// Words for logs and tests: the English sentence, or the message's plain form (a
    /// person reads `crate::i18n::field_error` instead).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndUse {
    Civil,
    Military,
    #[default]
    Unknown,
}

impl EndUse {
    pub fn as_str(self) -> &'static str {
        match self {
            EndUse::Civil => "civil",
            EndUse::Military => "military",
            EndUse::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "civil" => Ok(EndUse::Civil),
            "military" => Ok(EndUse::Military),
            "unknown" | "" => Ok(EndUse::Unknown),
            other => Err(FieldError::new(
                "end_use",
                Msg::new("dp-not-end-use").arg("raw", other),
            )),
        }
    }
}

/// Who is using the program; decides which actions exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Officer,
    Supervisor,
    Trainer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Supervisor => "supervisor",
            Role::Trainer => "trainer",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "officer" => Some(Role::Officer),
            "supervisor" => Some(Role::Supervisor),
            "trainer" => Some(Role::Trainer),
            _ => None,
        }
    }
}

/// What a database is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DbKind {
    /// A field officer's laptop.
    Field,
    /// Headquarters: receives bundles, supervisors review.
    Hq,
    /// A classroom fixture: never exports to headquarters.
    Training,
}

impl DbKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DbKind::Field => "field",
            DbKind::Hq => "hq",
            DbKind::Training => "training",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "field" => Some(DbKind::Field),
            "hq" => Some(DbKind::Hq),
            "training" => Some(DbKind::Training),
            _ => None,
        }
    }
}
