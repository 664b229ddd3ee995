//! The review queue's filter grammar, one for `minspect review list` and the console's
//! Review tab: `officer:BADGE device:NAME port:LOCODE family:ID verdict:V found:V
//! outcome:O seized:yes|no received:DATE[..DATE] from:DATE to:DATE state:S` (`review:` is
//! an alias of `state:`) plus free words; every term must hold (AND). Pure: what needs
//! the database (is there such an officer, port, device?) is checked by the store.
//! Refusals are catalogue messages naming the term and the accepted forms.

use chrono::NaiveDate;

use crate::domain::Msg;

/// The terms, as the refusals list them.
pub const TERMS: &str = "officer:BADGE device:NAME port:LOCODE family:ID verdict:V found:V outcome:O seized:yes|no received:DATE[..DATE] from:DATE to:DATE state:S";

pub const VERDICTS: &[&str] = &[
    "prohibited",
    "licence_required",
    "needs_review",
    "not_controlled",
];
pub const OUTCOMES: &[&str] = &["released", "held", "query_issued", "seized", "referred"];
pub const STATES: &[&str] = &["pending", "approved", "returned", "resubmitted"];
pub const SORTS: &[&str] = &["received", "declared", "officer", "port"];

/// How the queue is ordered: newest received first (default), newest declared first,
/// by officer badge or by port (then oldest received first: the order to work through).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueSort {
    #[default]
    Received,
    Declared,
    Officer,
    Port,
}

impl QueueSort {
    pub fn as_str(self) -> &'static str {
        SORTS[self as usize]
    }

    pub fn parse(s: &str) -> Result<QueueSort, Msg> {
        match s.trim() {
            "received" => Ok(QueueSort::Received),
            "declared" => Ok(QueueSort::Declared),
            "officer" => Ok(QueueSort::Officer),
            "port" => Ok(QueueSort::Port),
            other => Err(bad_value("--sort", other, &SORTS.join(", "))),
        }
    }

    /// The next sort (the console's sort key cycles).
    pub fn next(self) -> QueueSort {
        match self {
            QueueSort::Received => QueueSort::Declared,
            QueueSort::Declared => QueueSort::Officer,
            QueueSort::Officer => QueueSort::Port,
            QueueSort::Port => QueueSort::Received,
        }
    }
}

/// What the queue is filtered by. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Free words, matched with the shipment log's full-text index.
    pub text: String,
    pub officer: Option<String>,
    pub device: Option<String>,
    pub port: Option<String>,
    pub family: Option<String>,
    pub verdict: Option<String>,
    pub found: Option<String>,
    pub outcome: Option<String>,
    pub seized: Option<bool>,
    /// Received on these days (UTC), both included.
    pub received: (Option<NaiveDate>, Option<NaiveDate>),
    /// Declared from / to (the shipment date).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub state: Option<String>,
}

fn bad_value(term: &str, value: &str, accepted: &str) -> Msg {
    Msg::new("queue-bad-value")
        .arg("term", term)
        .arg("value", value)
        .arg("accepted", accepted)
}

fn date(term: &str, value: &str) -> Result<NaiveDate, Msg> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        Msg::new("queue-bad-date")
            .arg("term", term)
            .arg("value", value)
    })
}

fn one_of(term: &str, value: &str, allowed: &[&str]) -> Result<String, Msg> {
    let v = value.to_lowercase();
    if allowed.contains(&v.as_str()) {
        Ok(v)
    } else {
        Err(bad_value(term, value, &allowed.join(", ")))
    }
}

/// `DATE`, `DATE..DATE`, `DATE..` or `..DATE`.
fn date_range(term: &str, value: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), Msg> {
    let Some((a, b)) = value.split_once("..") else {
        let d = date(term, value)?;
        return Ok((Some(d), Some(d)));
    };
    let from = (!a.is_empty()).then(|| date(term, a)).transpose()?;
    let to = (!b.is_empty()).then(|| date(term, b)).transpose()?;
    if from.is_none() && to.is_none() {
        return Err(Msg::new("queue-bad-date")
            .arg("term", term)
            .arg("value", value));
    }
    Ok((from, to))
}

impl QueueFilter {
    /// Parses a filter line. A `word:value` whose word is not a term is refused (with
    /// the list of terms); a word without a colon is free text.
    pub fn parse(line: &str) -> Result<QueueFilter, Msg> {
        let mut f = QueueFilter::default();
        let mut words = Vec::new();
        for tok in line.split_whitespace() {
            let Some((key, value)) = tok.split_once(':') else {
                words.push(tok);
                continue;
            };
            let key = key.to_lowercase();
            if value.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic()) && !key.is_empty() {
                return Err(Msg::new("queue-empty-value")
                    .arg("term", key)
                    .arg("terms", TERMS));
            }
            f.term(&key, value, tok)?;
            if !f.known(&key) {
                words.push(tok);
            }
        }
        f.text = words.join(" ");
        Ok(f)
    }

    fn known(&self, key: &str) -> bool {
        matches!(
            key,
            "officer"
                | "device"
                | "port"
                | "family"
                | "verdict"
                | "found"
                | "outcome"
                | "seized"
                | "received"
                | "from"
                | "to"
                | "state"
                | "review"
        )
    }

    fn term(&mut self, key: &str, value: &str, tok: &str) -> Result<(), Msg> {
        match key {
            "officer" => self.officer = Some(value.to_string()),
            "device" => self.device = Some(value.to_string()),
            "port" => {
                let v = value.to_uppercase();
                if v.len() != 5 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
                    return Err(bad_value(
                        "port",
                        value,
                        "a UN/LOCODE of 5 letters, e.g. CNSHA",
                    ));
                }
                self.port = Some(v);
            }
            "family" => self.family = Some(value.to_lowercase()),
            "verdict" => self.verdict = Some(one_of("verdict", value, VERDICTS)?),
            "found" => self.found = Some(one_of("found", value, VERDICTS)?),
            "outcome" => self.outcome = Some(one_of("outcome", value, OUTCOMES)?),
            "seized" => {
                self.seized = Some(match value.to_lowercase().as_str() {
                    "yes" => true,
                    "no" => false,
                    _ => return Err(bad_value("seized", value, "yes, no")),
                })
            }
            "received" => self.received = date_range("received", value)?,
            "from" => self.from = Some(date("from", value)?),
            "to" => self.to = Some(date("to", value)?),
            "state" | "review" => {
                let v = if value == "awaiting" {
                    "pending"
                } else {
                    value
                };
                self.state = Some(one_of(key, v, STATES)?);
            }
            // a word of letters before the colon reads as a term: refuse what is not one
            k if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic()) => {
                return Err(Msg::new("queue-unknown-term")
                    .arg("term", tok)
                    .arg("terms", TERMS));
            }
            _ => {}
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        *self == QueueFilter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_combine_and_refusals_name_the_term() {
        let f = QueueFilter::parse(
            "officer:GZ-0417 port:cnsha seized:yes received:2026-12-04 review:awaiting tungsten",
        )
        .unwrap();
        assert_eq!(f.officer.as_deref(), Some("GZ-0417"));
        assert_eq!(f.port.as_deref(), Some("CNSHA"));
        assert_eq!(f.seized, Some(true));
        assert_eq!(f.received.0, f.received.1);
        assert_eq!(f.state.as_deref(), Some("pending"));
        assert_eq!(f.text, "tungsten");
        let e = QueueFilter::parse("colour:red").unwrap_err();
        assert_eq!(e.id, "queue-unknown-term");
        assert_eq!(e.text("term"), "colour:red");
        assert!(e.text("terms").contains("officer:BADGE"));
        assert_eq!(
            QueueFilter::parse("received:2026-13-01").unwrap_err().id,
            "queue-bad-date"
        );
        assert_eq!(
            QueueFilter::parse("verdict:bad").unwrap_err().id,
            "queue-bad-value"
        );
        assert_eq!(
            QueueFilter::parse("state:").unwrap_err().id,
            "queue-empty-value"
        );
        let r = QueueFilter::parse("received:2026-12-01..2026-12-04").unwrap();
        assert!(r.received.0 < r.received.1);
        assert_eq!(QueueFilter::parse("10:30").unwrap().text, "10:30");
    }
}
