//! HS codes and dates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FieldError, Msg};

/// A declared HS code: 6 to 10 digits once dots and spaces are removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HsCode(String);

impl HsCode {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let digits: String = raw.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
        if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(FieldError::new(
                "hs_code",
                Msg::new("dp-hs-char")
                    .arg("raw", raw)
                    .arg("bad", bad.to_string()),
            ));
        }
        if !(6..=10).contains(&digits.len()) {
            return Err(FieldError::new(
                "hs_code",
                Msg::new("dp-hs-length")
                    .arg("raw", raw)
                    .arg("n", digits.len().to_string()),
            ));
        }
        Ok(HsCode(digits))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// True when `reference` (a listed code) and this declared code agree on their
    /// common leading digits, i.e. one is a prefix of the other.
    pub fn matches_reference(&self, reference: &str) -> bool {
        let (a, b) = (self.0.as_str(), reference);
        a.starts_with(b) || b.starts_with(a)
    }
}

impl TryFrom<String> for HsCode {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        HsCode::parse(&s)
    }
}

impl From<HsCode> for String {
    fn from(h: HsCode) -> String {
        h.0
    }
}

impl std::fmt::Display for HsCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses a `YYYY-MM-DD` date, naming `field` on failure.
pub fn parse_date(field: &str, raw: &str) -> Result<NaiveDate, FieldError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, Msg::new("dp-not-date").arg("raw", raw)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_code_accepts_dots_and_spaces() {
        assert_eq!(
            HsCode::parse("2825.90 9001").unwrap().as_str(),
            "2825909001"
        );
    }

    #[test]
    fn hs_code_rejects_letters_and_lengths() {
        assert!(
            HsCode::parse("28AB90")
                .unwrap_err()
                .message
                .contains("bad=A,")
        );
        assert!(HsCode::parse("28259").unwrap_err().message.contains("n=5,"));
        assert!(HsCode::parse("28259090011").is_err());
    }

    #[test]
    fn reference_prefix_matching() {
        let h = HsCode::parse("2825909001").unwrap();
        assert!(h.matches_reference("2825909001"));
        assert!(h.matches_reference("282590"));
        assert!(!h.matches_reference("2825600002"));
    }

    #[test]
    fn dates() {
        assert!(parse_date("date", "2025-02-30").is_err());
        assert_eq!(
            parse_date("date", "2025-02-04").unwrap(),
            NaiveDate::from_ymd_opt(2025, 2, 4).unwrap()
        );
    }
}
