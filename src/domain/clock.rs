//! The one source of "now" and "today" (DESIGN.md §3). A `Clock` is a value handed to
//! whatever reads the time: validation, the store, the views. The program builds
//! [`Clock::system`] only; tests build a fixed instant or a fixed zone, so no test has to
//! change the process's `TZ`.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Offset, SecondsFormat, Utc};

/// Where the time comes from and which zone "local" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
    zone: Zone,
}

/// The zone local times are shown in and "today" is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The system's zone (`TZ`, else /etc/localtime).
    System,
    /// A fixed offset from UTC.
    Offset(FixedOffset),
}

impl Default for Clock {
    fn default() -> Self {
        Clock::system()
    }
}

impl Clock {
    /// The system clock in the system's zone: what the program uses.
    pub fn system() -> Clock {
        Clock {
            fixed: None,
            zone: Zone::System,
        }
    }

    /// A clock that always reads `at` (UTC zone unless [`Clock::with_zone`] says otherwise).
    pub fn fixed(at: DateTime<Utc>) -> Clock {
        Clock {
            fixed: Some(at),
            zone: Zone::Offset(utc_offset()),
        }
    }

    /// A clock stopped at a recorded instant, for rebuilding a file exactly as it was
    /// first made (`training reset` writes the rows with the times of `training new`).
    /// It never stands for the present: "now" comes from [`Clock::system`].
    pub fn recorded(at: DateTime<Utc>) -> Clock {
        Clock {
            fixed: Some(at),
            zone: Zone::Offset(utc_offset()),
        }
    }

    /// The same clock showing local times at `offset`.
    pub fn with_zone(self, offset: FixedOffset) -> Clock {
        Clock {
            zone: Zone::Offset(offset),
            ..self
        }
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// The current instant as stored in the database: RFC 3339, UTC, milliseconds.
    pub fn now_rfc3339(&self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// Today's date in the clock's zone.
    pub fn today(&self) -> NaiveDate {
        self.local(self.now()).date_naive()
    }

    /// `t` in the clock's zone, for display.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        match self.zone {
            Zone::System => t.with_timezone(&Local).fixed_offset(),
            Zone::Offset(o) => t.with_timezone(&o),
        }
    }

    /// A stored RFC 3339 time in the clock's zone; `None` when it does not parse.
    pub fn local_str(&self, stored: &str) -> Option<DateTime<FixedOffset>> {
        DateTime::parse_from_rfc3339(stored)
            .ok()
            .map(|t| self.local(t.with_timezone(&Utc)))
    }

    /// The zone's offset at `t`.
    pub fn offset_at(&self, t: DateTime<Utc>) -> FixedOffset {
        *self.local(t).offset()
    }
}

fn utc_offset() -> FixedOffset {
    Utc.fix()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_reads_its_instant_and_counts_today_in_its_zone() {
        let at = DateTime::parse_from_rfc3339("2026-03-01T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let utc = Clock::fixed(at);
        assert_eq!(utc.now(), at);
        assert_eq!(utc.now_rfc3339(), "2026-03-01T20:30:00.000Z");
        assert_eq!(utc.today(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        let shanghai = utc.with_zone(FixedOffset::east_opt(8 * 3600).unwrap());
        assert_eq!(
            shanghai.today(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        assert_eq!(shanghai.local(at).to_rfc3339(), "2026-03-02T04:30:00+08:00");
        assert_eq!(
            shanghai.local_str("2026-03-01T20:30:00.000Z").unwrap(),
            shanghai.local(at)
        );
        assert!(shanghai.local_str("yesterday").is_none());
    }

    #[test]
    fn system_clock_moves() {
        let c = Clock::system();
        let a = c.now();
        let b = c.now();
        assert!(b >= a);
    }
}
