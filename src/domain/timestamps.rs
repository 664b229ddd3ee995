//! Stored timestamps: RFC 3339 parsed naming the field, and normalized to UTC.

use chrono::{DateTime, Utc};

use super::{FieldError, Inspection};

/// Parses an RFC 3339 timestamp (`2025-07-04T09:30:00+08:00`), naming `field`.
pub fn parse_timestamp(field: &str, raw: &str) -> Result<DateTime<Utc>, FieldError> {
    DateTime::parse_from_rfc3339(raw.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| FieldError::new(field, super::Msg::new("dp-not-timestamp").arg("raw", raw)))
}

/// A timestamp as stored: UTC RFC 3339 (`2025-07-05T08:10:00Z`); text that does not
/// parse is kept as typed (a draft may be invalid).
pub fn normalize_timestamp(raw: &str) -> String {
    match DateTime::parse_from_rfc3339(raw.trim()) {
        Ok(t) => t
            .with_timezone(&Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        Err(_) => raw.to_string(),
    }
}

impl Inspection {
    /// The same inspection with its times in UTC, as stored.
    pub fn normalized(&self) -> Inspection {
        Inspection {
            started_at: normalize_timestamp(&self.started_at),
            ended_at: self.ended_at.as_deref().map(normalize_timestamp),
            ..self.clone()
        }
    }
}
