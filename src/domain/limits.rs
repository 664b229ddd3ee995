//! The plausibility limits of DESIGN section 3, in one table: refused with the field
//! named, in the console and on import (record files and headquarters bundles). The
//! README prints them ([`table`]; a test compares the two).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{FieldError, Msg, parse_timestamp};

/// How far ahead of this device's clock a typed time may be (another device's clock, a
/// watch read by eye).
pub const CLOCK_SKEW: Duration = Duration::minutes(5);
/// The earliest declaration date (`shipment.declared_on`); the latest is the inspection day.
pub const DECLARED_FROM: &str = "1990-01-01";
/// Net weight, grams: 10^11 g = 100,000 t.
pub const MAX_NET_WEIGHT_G: i64 = 100_000_000_000;
/// Values (declared and estimated), minor units: 10^13.
pub const MAX_VALUE_MINOR: i64 = 10_000_000_000_000;
/// Significant digits of a decimal quantity.
pub const MAX_QUANTITY_DIGITS: usize = 15;
/// Names and identifiers, characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Narrative, evidence, custody reasons and other free text, bytes (16 KiB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;
/// The largest record or declaration file read (`record import`, F8 in the Record form):
/// a file past it (or a device without end) is refused, never read past the limit.
pub const MAX_RECORD_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// One attachment, bytes (25 MiB).
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;
/// All attachments of one bundle, bytes (1 GiB).
pub const MAX_BUNDLE_ATTACHMENT_BYTES: u64 = 1024 * 1024 * 1024;

/// One row of the limits table: what is limited, and the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub what: &'static str,
    pub limit: String,
}

/// The limits as the README prints them, computed from the constants above.
pub fn table() -> Vec<Limit> {
    let row = |what, limit: String| Limit { what, limit };
    vec![
        row(
            "declaration date (`declared_on`)",
            format!("{DECLARED_FROM} to the inspection day"),
        ),
        row(
            "inspection end (`ended_at`)",
            "not before its start (`started_at`)".into(),
        ),
        row(
            "custody transfer time (`at`)",
            format!(
                "from the seizure to now plus {} minutes of clock skew",
                CLOCK_SKEW.num_minutes()
            ),
        ),
        row(
            "seizure legal basis (`legal_basis`)",
            "rule ids of the pack that the record's own screening gave, unless `legal_basis_reason` says why".into(),
        ),
        row(
            "net weight (`net_weight_g`)",
            format!("{} g (100,000 t)", grouped(MAX_NET_WEIGHT_G as u64)),
        ),
        row(
            "values (`value_minor`, `est_value_minor`)",
            format!("{} minor units", grouped(MAX_VALUE_MINOR as u64)),
        ),
        row(
            "quantities (`quantity`)",
            format!("{MAX_QUANTITY_DIGITS} significant digits"),
        ),
        row(
            "names and identifiers",
            format!("{MAX_NAME_CHARS} characters"),
        ),
        row(
            "narrative, evidence, custody reasons, free text",
            format!("{} bytes (16 KiB)", grouped(MAX_TEXT_BYTES as u64)),
        ),
        row(
            "one attachment",
            format!("{} bytes (25 MiB)", grouped(MAX_ATTACHMENT_BYTES)),
        ),
        row(
            "attachments of one bundle",
            format!("{} bytes (1 GiB)", grouped(MAX_BUNDLE_ATTACHMENT_BYTES)),
        ),
        row(
            "a record or declaration file read (`record import`, F8)",
            format!("{} bytes (4 MiB)", grouped(MAX_RECORD_FILE_BYTES)),
        ),
    ]
}

/// `n` with thousands separators: `100,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A name or identifier: at most [`MAX_NAME_CHARS`] characters.
pub fn name(out: &mut Vec<FieldError>, field: &str, value: &str) {
    let n = value.chars().count();
    if n > MAX_NAME_CHARS {
        out.push(FieldError::new(
            field,
            Msg::new("dp-name-long")
                .arg("n", n.to_string())
                .arg("max", MAX_NAME_CHARS.to_string()),
        ));
    }
}

/// Free text: at most [`MAX_TEXT_BYTES`] bytes.
pub fn text(out: &mut Vec<FieldError>, field: &str, value: &str) {
    let n = value.len();
    if n > MAX_TEXT_BYTES {
        out.push(FieldError::new(
            field,
            Msg::new("dp-text-long")
                .arg("n", n.to_string())
                .arg("max", MAX_TEXT_BYTES.to_string()),
        ));
    }
}

/// A list of identifiers (containers, seals, route): each at most a name long, the whole
/// at most a free text long.
pub fn names(out: &mut Vec<FieldError>, field: &str, value: &str) {
    text(out, field, value);
    if let Some(t) = value
        .split_whitespace()
        .find(|t| t.chars().count() > MAX_NAME_CHARS)
    {
        name(out, field, t);
    }
}

/// A value in minor units: at most [`MAX_VALUE_MINOR`].
pub fn value_minor(out: &mut Vec<FieldError>, field: &str, value: Option<i64>) {
    if let Some(v) = value.filter(|v| *v > MAX_VALUE_MINOR) {
        out.push(FieldError::new(
            field,
            Msg::new("dp-value-max")
                .arg("value", v.to_string())
                .arg("max", MAX_VALUE_MINOR.to_string()),
        ));
    }
}

/// A net weight in grams: at most [`MAX_NET_WEIGHT_G`].
pub fn net_weight_g(out: &mut Vec<FieldError>, field: &str, value: Option<i64>) {
    if let Some(g) = value.filter(|g| *g > MAX_NET_WEIGHT_G) {
        out.push(FieldError::new(
            field,
            Msg::new("dp-weight-max")
                .arg("value", g.to_string())
                .arg("max", MAX_NET_WEIGHT_G.to_string()),
        ));
    }
}

/// The significant digits of a decimal text (`0.00120` has 2, `4000` has 4).
pub fn significant_digits(raw: &str) -> usize {
    let digits: String = raw.trim().chars().filter(char::is_ascii_digit).collect();
    let lead = digits.trim_start_matches('0');
    if raw.contains('.') {
        lead.trim_end_matches('0').len()
    } else {
        lead.len()
    }
}

/// A decimal quantity: at most [`MAX_QUANTITY_DIGITS`] significant digits.
pub fn quantity(out: &mut Vec<FieldError>, field: &str, raw: &str) {
    let n = significant_digits(raw);
    if n > MAX_QUANTITY_DIGITS {
        out.push(FieldError::new(
            field,
            Msg::new("dp-quantity-digits")
                .arg("raw", raw)
                .arg("n", n.to_string())
                .arg("max", MAX_QUANTITY_DIGITS.to_string()),
        ));
    }
}

/// The declaration date lies from [`DECLARED_FROM`] to the inspection day (the day of
/// `started_at` in its own offset). Either date unreadable: nothing to say here (their own
/// checks name them).
pub fn declared_on(declared: &str, started_at: &str) -> Option<FieldError> {
    let d = NaiveDate::parse_from_str(declared.trim(), "%Y-%m-%d").ok()?;
    let from = NaiveDate::parse_from_str(DECLARED_FROM, "%Y-%m-%d").ok()?;
    if d < from {
        return Some(FieldError::new(
            "shipment.declared_on",
            Msg::new("dp-declared-early")
                .arg("date", d.to_string())
                .arg("from", DECLARED_FROM),
        ));
    }
    let day = DateTime::parse_from_rfc3339(started_at.trim())
        .ok()?
        .date_naive();
    (d > day).then(|| {
        FieldError::new(
            "shipment.declared_on",
            Msg::new("dp-declared-late")
                .arg("date", d.to_string())
                .arg("day", day.to_string()),
        )
    })
}

/// The inspection's end is not before its start (both readable; else their own checks
/// name them).
pub fn ended_at(i: &super::Inspection) -> Option<FieldError> {
    let end = i.ended_at.as_deref()?;
    let (s, e) = (
        parse_timestamp("started_at", &i.started_at).ok()?,
        parse_timestamp("ended_at", end).ok()?,
    );
    (e < s).then(|| FieldError::new("ended_at", Msg::new("v-before-start").arg("value", end)))
}

/// A custody transfer happens between the seizure (`from`, when known) and `now` plus the
/// clock skew. `at` as typed (RFC 3339).
pub fn transfer_time(
    at: &str,
    from: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, FieldError> {
    let t = parse_timestamp("at", at)?;
    if t > now + CLOCK_SKEW {
        return Err(FieldError::new(
            "at",
            Msg::new("dp-transfer-future")
                .arg("at", at)
                .arg("now", now.to_rfc3339()),
        ));
    }
    if let Some(from) = from.filter(|f| t < *f) {
        return Err(FieldError::new(
            "at",
            Msg::new("dp-transfer-early")
                .arg("at", at)
                .arg("from", from.to_rfc3339()),
        ));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transfer_lies_between_the_seizure_and_now_plus_the_skew() {
        let now: DateTime<Utc> = "2026-05-01T12:00:00Z".parse().unwrap();
        let seized: DateTime<Utc> = "2026-05-01T09:00:00Z".parse().unwrap();
        assert!(transfer_time("2026-05-01T12:04:59Z", Some(seized), now).is_ok());
        let e = transfer_time("2026-05-01T12:06:00Z", Some(seized), now).unwrap_err();
        assert_eq!(e.field, "at");
        assert!(e.to_string().contains("dp-transfer-future"), "{e}");
        let e = transfer_time("2026-05-01T08:59:00Z", Some(seized), now).unwrap_err();
        assert!(e.to_string().contains("dp-transfer-early"), "{e}");
        assert!(transfer_time("2026-05-01T20:00:00+08:00", Some(seized), now).is_ok());
    }

    #[test]
    fn the_table_reads_its_numbers_from_the_constants() {
        assert_eq!(grouped(16_384), "16,384");
        assert_eq!(grouped(100), "100");
        let t = table();
        assert!(t.iter().any(|l| l.limit == "100,000,000,000 g (100,000 t)"));
        assert!(t.iter().any(|l| l.limit == "300 characters"));
    }

    #[test]
    fn significant_digits_ignore_leading_and_trailing_zeros() {
        assert_eq!(significant_digits("4000"), 4);
        assert_eq!(significant_digits("0.00120"), 2);
        assert_eq!(significant_digits("123456789012345.6"), 16);
        assert_eq!(significant_digits("0"), 0);
    }

    #[test]
    fn the_declaration_day_is_the_inspection_day_in_its_own_offset() {
        assert!(declared_on("2025-07-05", "2025-07-05T07:00:00+08:00").is_none());
        assert!(declared_on("2025-07-06", "2025-07-05T23:00:00+08:00").is_some());
        assert!(declared_on("1989-12-31", "2025-07-05T07:00:00+08:00").is_some());
        assert!(declared_on("1990-01-01", "2025-07-05T07:00:00+08:00").is_none());
        assert!(declared_on("garbage", "2025-07-05T07:00:00+08:00").is_none());
    }
}
