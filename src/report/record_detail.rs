//! The record detail: one inspection with its shipment, measurements, findings,
//! seizures, review decisions and what blocks finalizing, read once from the store.
//! `minspect record show` prints it; the console's record panel shows the same facts.
//! Values are as stored (not sanitized): renderers sanitize what they print.

use chrono::{DateTime, FixedOffset};

use crate::domain::{Clock, Record, format_money, format_weight_g, sanitize};
use crate::store::{Decision, Review, Store, StoreError};

/// One review decision, its time in the clock's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    pub decision: Decision,
    pub reviewer: String,
    /// as stored (RFC 3339, UTC)
    pub decided_at: String,
    /// `decided_at` in the clock's zone; None when it does not parse
    pub decided_local: Option<DateTime<FixedOffset>>,
    pub comment: String,
}

impl ReviewLine {
    pub fn of(r: &Review, clock: &Clock) -> ReviewLine {
        ReviewLine {
            decision: r.decision,
            reviewer: r.reviewer.clone(),
            decided_at: r.decided_at.clone(),
            decided_local: clock.local_str(&r.decided_at),
            comment: r.comment.clone(),
        }
    }

    /// `APPROVED` / `RETURNED`.
    pub fn decision_upper(&self) -> String {
        self.decision.as_str().to_uppercase()
    }

    /// `RETURNED by <reviewer> <local time>: <comment>`, sanitized (`with_offset`: the
    /// time with its UTC offset).
    pub fn text(&self, with_offset: bool) -> String {
        let mut text = format!(
            "{} by {} {}",
            self.decision_upper(),
            sanitize(&self.reviewer),
            sanitize(&self.when(with_offset))
        );
        if !self.comment.is_empty() {
            text.push_str(&format!(": {}", sanitize(&self.comment)));
        }
        text
    }

    /// `RETURNED <local time> by <reviewer>`, sanitized: the decision and its time first,
    /// so narrow panes keep them.
    pub fn head(&self) -> String {
        format!(
            "{} {} by {}",
            self.decision_upper(),
            sanitize(&self.when(false)),
            sanitize(&self.reviewer)
        )
    }

    /// The local time as `2026-03-01 12:30` (`with_offset`: `2026-03-01 12:30 +08:00`);
    /// the stored text when it does not parse.
    pub fn when(&self, with_offset: bool) -> String {
        let fmt = if with_offset {
            "%Y-%m-%d %H:%M %:z"
        } else {
            "%Y-%m-%d %H:%M"
        };
        self.decided_local
            .map(|t| t.format(fmt).to_string())
            .unwrap_or_else(|| self.decided_at.clone())
    }
}

/// One inspection as `record show` and the record panel show it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordDetail {
    pub record: Record,
    /// `draft`, `finalized`, ... (`?` when unknown)
    pub state: String,
    /// the stored verdict, None when there is none yet
    pub verdict: Option<String>,
    /// net weight as `1,234.5 kg`-style text, None when not declared
    pub net_weight: Option<String>,
    /// declared value with its currency, None when not declared
    pub value: Option<String>,
    /// every review decision, oldest first
    pub reviews: Vec<ReviewLine>,
    /// a draft's problems to fix before finalizing (empty once finalized)
    pub to_fix: Vec<String>,
}

impl RecordDetail {
    /// Reads inspection `inspection_id` (already resolved) from the store.
    pub fn build(
        store: &Store,
        inspection_id: &str,
        clock: &Clock,
    ) -> Result<RecordDetail, StoreError> {
        let record = store.records().load_record(inspection_id)?;
        let reviews = store
            .hq()
            .reviews_for(inspection_id)?
            .iter()
            .map(|r| ReviewLine::of(r, clock))
            .collect();
        let state = record
            .inspection
            .meta_str("state")
            .unwrap_or("?")
            .to_string();
        let to_fix = store
            .records()
            .finalize_problems(inspection_id)?
            .iter()
            .filter(|_| state == "draft")
            // the detail is also `record show --json`, whose messages stay English
            .map(|p| crate::i18n::field_error(crate::domain::Lang::En, p))
            .collect();
        Ok(RecordDetail::from_parts(record, state, reviews, to_fix))
    }

    fn from_parts(
        record: Record,
        state: String,
        reviews: Vec<ReviewLine>,
        to_fix: Vec<String>,
    ) -> RecordDetail {
        let s = &record.shipment.data;
        let net_weight = s.net_weight_g.map(format_weight_g);
        let value = s.value_minor.map(|v| format_money(v, &s.currency));
        let verdict = record
            .inspection
            .meta_str("verdict")
            .filter(|v| !v.is_empty())
            .map(str::to_string);
        RecordDetail {
            record,
            state,
            verdict,
            net_weight,
            value,
            reviews,
            to_fix,
        }
    }

    /// The latest review decision.
    pub fn last_review(&self) -> Option<&ReviewLine> {
        self.reviews.last()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, Utc};

    use super::*;

    #[test]
    fn a_review_line_shows_its_time_in_the_clocks_zone() {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-01T20:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = Clock::fixed(at).with_zone(FixedOffset::east_opt(8 * 3600).unwrap());
        let review = Review {
            id: "r1".into(),
            inspection_id: "i1".into(),
            device_id: "d1".into(),
            decision: Decision::Returned,
            comment: "weigh\u{1b}[31m again".into(),
            reviewer: "Chen".into(),
            decided_at: "2026-03-01T20:30:00.000Z".into(),
            receipt_id: None,
        };
        let line = ReviewLine::of(&review, &clock);
        assert_eq!(line.head(), "RETURNED 2026-03-02 04:30 by Chen");
        assert!(
            line.text(true)
                .starts_with("RETURNED by Chen 2026-03-02 04:30 +08:00: weigh")
        );
        assert!(!line.text(false).contains('\u{1b}'));
        let odd = ReviewLine::of(
            &Review {
                decided_at: "yesterday".into(),
                ..review
            },
            &clock,
        );
        assert_eq!(odd.when(true), "yesterday");
    }
}
