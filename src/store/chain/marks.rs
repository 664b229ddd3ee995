//! Delivery state by watermark (schema v2). A device's outbox seqs are gapless from 1; an
//! export covers everything from the first unacknowledged record to the head and a receipt
//! acknowledges everything up to a seq. So two numbers per device decide every row's state:
//! seq <= acked_through is `acknowledged`, seq <= sent_through is `sent`, the rest is
//! `finalized`. Rows of other devices (held at headquarters) are `received`.

use rusqlite::{Connection, OptionalExtension, params};

use crate::store::{Context, Result};

/// The two watermarks of one device (0 when nothing was sent or acknowledged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    pub sent_through: i64,
    pub acked_through: i64,
}

/// Where a chain record is on its way to headquarters (`outbox_status.state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    /// this device's, not yet sent
    Finalized,
    Sent,
    Acknowledged,
    /// another device's, held here (headquarters)
    Received,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Finalized => "finalized",
            DeliveryState::Sent => "sent",
            DeliveryState::Acknowledged => "acknowledged",
            DeliveryState::Received => "received",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "finalized" => Some(DeliveryState::Finalized),
            "sent" => Some(DeliveryState::Sent),
            "acknowledged" => Some(DeliveryState::Acknowledged),
            "received" => Some(DeliveryState::Received),
            _ => None,
        }
    }
}

impl Marks {
    /// The delivery state of this device's record `seq`.
    pub fn state_of(&self, seq: i64) -> DeliveryState {
        if seq <= self.acked_through {
            DeliveryState::Acknowledged
        } else if seq <= self.sent_through {
            DeliveryState::Sent
        } else {
            DeliveryState::Finalized
        }
    }

    /// Records per state for a chain whose head is `head`: (finalized, sent, acknowledged).
    pub fn counts(&self, head: i64) -> (i64, i64, i64) {
        let acked = self.acked_through.min(head);
        let sent_through = self.sent_through.clamp(acked, head);
        (head - sent_through, sent_through - acked, acked)
    }
}

/// Reads the marks of `device_id`.
pub(crate) fn marks(conn: &Connection, device_id: &str) -> Result<Marks> {
    Ok(conn
        .query_row(
            "SELECT sent_through, acked_through FROM outbox_marks WHERE device_id = ?1",
            [device_id],
            |r| {
                Ok(Marks {
                    sent_through: r.get(0)?,
                    acked_through: r.get(1)?,
                })
            },
        )
        .optional()
        .doing(|| "reading the delivery marks".into())?
        .unwrap_or_default())
}

/// Moves `device_id`'s sent mark up to `seq` (never down), inside the caller's transaction.
pub(crate) fn advance_sent(conn: &Connection, device_id: &str, seq: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO outbox_marks (device_id, sent_through) VALUES (?1, ?2)
         ON CONFLICT (device_id) DO UPDATE SET sent_through = max(sent_through, excluded.sent_through)",
        params![device_id, seq],
    )
    .doing(|| "marking records sent".into())?;
    Ok(())
}

/// Moves `device_id`'s acknowledged mark up to `seq` (never down); returns how many
/// records became acknowledged.
pub(crate) fn advance_acked(conn: &Connection, device_id: &str, seq: i64) -> Result<u64> {
    let before = marks(conn, device_id)?.acked_through;
    if seq <= before {
        return Ok(0);
    }
    conn.execute(
        "INSERT INTO outbox_marks (device_id, acked_through) VALUES (?1, ?2)
         ON CONFLICT (device_id) DO UPDATE SET acked_through = max(acked_through, excluded.acked_through)",
        params![device_id, seq],
    )
    .doing(|| "marking records acknowledged".into())?;
    Ok((seq - before) as u64)
}

#[cfg(test)]
mod tests {
    use super::{DeliveryState, Marks};

    #[test]
    fn states_and_counts_follow_the_marks() {
        let m = Marks {
            sent_through: 7,
            acked_through: 4,
        };
        assert_eq!(m.state_of(4), DeliveryState::Acknowledged);
        assert_eq!(m.state_of(5), DeliveryState::Sent);
        assert_eq!(m.state_of(7), DeliveryState::Sent);
        assert_eq!(m.state_of(8), DeliveryState::Finalized);
        assert_eq!(m.counts(10), (3, 3, 4));
        // a receipt may acknowledge beyond what this database marked sent
        let m = Marks {
            sent_through: 2,
            acked_through: 5,
        };
        assert_eq!(m.state_of(3), DeliveryState::Acknowledged);
        assert_eq!(m.counts(6), (1, 0, 5));
        assert_eq!(Marks::default().counts(0), (0, 0, 0));
    }
}
