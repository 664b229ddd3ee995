//! The inspection's start and end as the officer types and reads them: the device's local
//! time with its offset (`2026-05-01 14:30 +08:00`, the Clock's zone), stored as UTC RFC
//! 3339. A time after now (plus the clock skew of DESIGN §3) is refused with the field
//! named; an end before its start is the domain's own check.

use chrono::{DateTime, FixedOffset, NaiveDateTime, SecondsFormat, TimeZone, Utc};

use crate::domain::limits::CLOCK_SKEW;
use crate::domain::{Clock, FieldError, Msg};

/// How a local time is shown and typed.
const SHOWN: &str = "%Y-%m-%d %H:%M %:z";

/// A stored time in the clock's zone with its offset; text that is not a time as it is.
pub fn shown(clock: &Clock, stored: &str) -> String {
    match clock.local_str(stored.trim()) {
        Some(t) => t.format(SHOWN).to_string(),
        None => stored.to_string(),
    }
}

/// Now in the clock's zone, as shown (the start of an inspection being opened).
pub fn now_shown(clock: &Clock) -> String {
    clock.local(clock.now()).format(SHOWN).to_string()
}

/// The typed time read in the clock's zone (an offset typed wins): with a date and a
/// time of day, seconds optional.
fn parse_local(typed: &str, clock: &Clock) -> Option<DateTime<Utc>> {
    let t = typed.trim();
    if let Ok(x) = DateTime::parse_from_rfc3339(t) {
        return Some(x.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%d %H:%M %:z",
        "%Y-%m-%d %H:%M:%S %:z",
        "%Y-%m-%d %H:%M %z",
    ] {
        if let Ok(x) = DateTime::parse_from_str(t, f) {
            return Some(x.with_timezone(&Utc));
        }
    }
    let naive = [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())?;
    // the zone's offset near that time (the offset now, then at the time it names)
    let guess: FixedOffset = clock.offset_at(clock.now());
    let first = guess
        .from_local_datetime(&naive)
        .single()?
        .with_timezone(&Utc);
    let offset = clock.offset_at(first);
    Some(
        offset
            .from_local_datetime(&naive)
            .single()?
            .with_timezone(&Utc),
    )
}

/// The typed time of `field` as stored (UTC RFC 3339); None when empty. Refused: text
/// that is not a time, and a time after now plus the clock skew.
pub fn read(field: &str, typed: &str, clock: &Clock) -> Result<Option<String>, FieldError> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let Some(at) = parse_local(typed, clock) else {
        let msg = Msg::new("time-not-local")
            .arg("value", typed.trim())
            .arg("example", now_shown(clock));
        return Err(FieldError::new(field, msg));
    };
    let now = clock.now();
    if at > now + CLOCK_SKEW {
        let msg = Msg::new("time-in-future")
            .arg("value", typed.trim())
            .arg("now", now_shown(clock));
        return Err(FieldError::new(field, msg));
    }
    Ok(Some(at.to_rfc3339_opts(SecondsFormat::Secs, true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> Clock {
        let at = DateTime::parse_from_rfc3339("2026-05-01T12:00:00Z").unwrap();
        Clock::fixed(at.with_timezone(&Utc)).with_zone(FixedOffset::east_opt(8 * 3600).unwrap())
    }

    #[test]
    fn local_times_are_shown_and_read_in_the_clocks_zone() {
        let c = shanghai();
        assert_eq!(shown(&c, "2026-05-01T01:30:00Z"), "2026-05-01 09:30 +08:00");
        assert_eq!(now_shown(&c), "2026-05-01 20:00 +08:00");
        let read = |t: &str| read("started_at", t, &c);
        assert_eq!(
            read("2026-05-01 09:30").unwrap().unwrap(),
            "2026-05-01T01:30:00Z"
        );
        assert_eq!(
            read("2026-05-01 09:30 +08:00").unwrap().unwrap(),
            "2026-05-01T01:30:00Z"
        );
        assert_eq!(
            read("2026-05-01 09:30 +00:00").unwrap().unwrap(),
            "2026-05-01T09:30:00Z"
        );
        assert_eq!(read(" ").unwrap(), None);
    }

    #[test]
    fn a_time_in_the_future_or_not_a_time_is_refused_naming_the_field() {
        let c = shanghai();
        let e = read("ended_at", "2026-05-01 20:10", &c).unwrap_err();
        assert_eq!(e.field, "ended_at");
        assert_eq!(e.msg.as_ref().unwrap().id, "time-in-future");
        // within the clock skew it is now
        assert!(read("ended_at", "2026-05-01 20:04", &c).is_ok());
        let e = read("started_at", "09:30", &c).unwrap_err();
        assert_eq!(e.field, "started_at");
        assert_eq!(e.msg.as_ref().unwrap().id, "time-not-local");
    }
}
