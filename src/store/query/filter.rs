//! The shipment log's filter line (`text dest:NL from:2026-01-01 review:pending ...`) and
//! the FTS5 query for its free text.

use chrono::NaiveDate;

use crate::domain::{FieldError, Msg};

/// What the log is filtered by. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShipmentFilter {
    /// Free text, matched with FTS5 over declaration no., exporter, consignee, end user,
    /// description, HS code and container numbers (each word as a prefix, all must match).
    pub text: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// ISO 3166 alpha-2.
    pub destination: Option<String>,
    pub family: Option<String>,
    pub status: Option<String>,
    /// `review:pending`: shipments with a finalized inspection that has no review decision.
    pub awaiting_review: bool,
}

pub const STATUSES: &[&str] = &[
    "declared",
    "inspecting",
    "released",
    "held",
    "query_issued",
    "seized",
    "referred",
];

impl ShipmentFilter {
    /// Parses a filter line: free words plus `from:DATE to:DATE dest:CC family:NAME
    /// status:NAME`. Errors name the field.
    pub fn parse(line: &str) -> Result<ShipmentFilter, FieldError> {
        let mut f = ShipmentFilter::default();
        let mut words = Vec::new();
        for tok in line.split_whitespace() {
            let Some((key, value)) = tok.split_once(':') else {
                words.push(tok);
                continue;
            };
            match key {
                "from" => f.from = Some(crate::domain::parse_date("from", value)?),
                "to" => f.to = Some(crate::domain::parse_date("to", value)?),
                "dest" | "destination" => {
                    f.destination = Some(
                        crate::domain::Country::parse("dest", value)?
                            .as_str()
                            .to_string(),
                    )
                }
                "family" => {
                    if value.is_empty() {
                        return Err(FieldError::new("family", Msg::new("filter-family-empty")));
                    }
                    f.family = Some(value.to_lowercase())
                }
                "review" if matches!(value, "pending" | "awaiting") => f.awaiting_review = true,
                "review" => {
                    return Err(FieldError::new(
                        "review",
                        Msg::new("filter-not-review").arg("value", value),
                    ));
                }
                "status" => {
                    if !STATUSES.contains(&value) {
                        return Err(FieldError::new(
                            "status",
                            Msg::new("filter-not-status")
                                .arg("value", value)
                                .arg("statuses", STATUSES.join(", ")),
                        ));
                    }
                    f.status = Some(value.to_string())
                }
                _ => words.push(tok),
            }
        }
        f.text = words.join(" ");
        Ok(f)
    }

    pub fn is_empty(&self) -> bool {
        *self == ShipmentFilter::default()
    }
}

/// The FTS5 query for free text: every word quoted (so punctuation is literal), all
/// words must match. The last word is matched as a prefix (search as you type) once it
/// has 3 characters; shorter words match whole words only, since a one- or two-letter
/// prefix matches most of the log. None when there are no words.
pub fn fts_query(text: &str) -> Option<String> {
    // a name typed or pasted with zero-width or bidi characters finds the stored name
    let text = crate::domain::strip_invisible(text);
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().checked_sub(1)?;
    let terms: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let star = if i == last && w.chars().count() >= 3 {
                "*"
            } else {
                ""
            };
            format!("\"{}\"{star}", w.replace('"', "\"\""))
        })
        .collect();
    Some(terms.join(" "))
}
