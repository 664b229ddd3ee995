//! The plausibility limits of DESIGN section 3, in one table: refused with the field
//! named, in the console and on import. The README prints them.

use chrono::{DateTime, Duration, Utc};

use super::{FieldError, parse_timestamp};

/// How far ahead of this device's clock a typed time may be (another device's clock, a
/// watch read by eye).
pub const CLOCK_SKEW: Duration = Duration::minutes(5);

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
            format!(
                "{at} is in the future (now {}); give the time of the hand-over",
                now.to_rfc3339()
            ),
        ));
    }
    if let Some(from) = from.filter(|f| t < *f) {
        return Err(FieldError::new(
            "at",
            format!(
                "{at} is before the seizure ({}); a transfer follows the seizure",
                from.to_rfc3339()
            ),
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
        assert!(e.to_string().contains("in the future"), "{e}");
        let e = transfer_time("2026-05-01T08:59:00Z", Some(seized), now).unwrap_err();
        assert!(e.to_string().contains("before the seizure"), "{e}");
        assert!(transfer_time("2026-05-01T20:00:00+08:00", Some(seized), now).is_ok());
    }
}
