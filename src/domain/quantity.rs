//! Quantities as exact decimal text, weights in integer grams, and percentages. Never
//! binary floating point for amounts that are stored (money: `money.rs`).

use super::{FieldError, Msg};

/// Validates a non-negative decimal written with digits and at most one `.`;
/// returns it trimmed. Thousands separators and exponents are refused.
pub fn parse_decimal(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(FieldError::new(field, Msg::new("dp-number-empty")));
    }
    if t.starts_with('-') {
        return Err(FieldError::new(
            field,
            Msg::new("dp-negative").arg("raw", raw),
        ));
    }
    if t.contains(',') {
        return Err(FieldError::new(
            field,
            Msg::new("dp-decimal-comma").arg("raw", raw),
        ));
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || t.ends_with('.') {
        return Err(FieldError::new(
            field,
            Msg::new("dp-not-decimal").arg("raw", raw),
        ));
    }
    Ok(t.to_string())
}

/// A decimal text scaled by 10^`scale` to an integer, exactly; refuses more decimals
/// than `scale` and values that do not fit.
pub fn decimal_scaled(field: &str, raw: &str, scale: u32) -> Result<i64, FieldError> {
    let t = parse_decimal(field, raw)?;
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let frac = frac.trim_end_matches('0');
    if frac.len() > scale as usize {
        return Err(FieldError::new(
            field,
            Msg::new("dp-decimal-places")
                .arg("raw", raw)
                .arg("scale", scale.to_string()),
        ));
    }
    let padded = format!("{int}{frac:0<width$}", width = scale as usize);
    padded
        .parse::<i64>()
        .map_err(|_| FieldError::new(field, Msg::new("dp-too-large").arg("raw", raw)))
}

/// A positive decimal quantity (zero refused).
pub fn parse_positive_decimal(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = parse_decimal(field, raw)?;
    if t.chars().all(|c| c == '0' || c == '.') {
        return Err(FieldError::new(
            field,
            Msg::new("dp-not-positive").arg("raw", raw),
        ));
    }
    Ok(t)
}

/// Units a quantity may be declared or seized in.
pub const UNITS: &[&str] = &["kg", "g", "t", "pcs", "set", "l", "m3", "ct"];

pub fn parse_unit(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim().to_ascii_lowercase();
    let t = match t.as_str() {
        "piece" | "pieces" | "pc" => "pcs".to_string(),
        "sets" => "set".to_string(),
        "tonne" | "tonnes" => "t".to_string(),
        _ => t,
    };
    if UNITS.contains(&t.as_str()) {
        Ok(t)
    } else {
        Err(FieldError::new(
            field,
            Msg::new("dp-not-unit")
                .arg("raw", raw)
                .arg("units", UNITS.join(", ")),
        ))
    }
}

/// A weight such as `4000 kg`, `600.5kg`, `25 t` or `750 g` (bare numbers are kg),
/// in whole grams.
pub fn parse_weight_g(field: &str, raw: &str) -> Result<i64, FieldError> {
    let t = raw.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), t[split..].trim().to_ascii_lowercase());
    let scale = match unit.as_str() {
        "" | "kg" => 3,
        "g" => 0,
        "t" => 6,
        other => {
            return Err(FieldError::new(
                field,
                Msg::new("dp-not-weight-unit").arg("raw", other),
            ));
        }
    };
    decimal_scaled(field, num, scale)
}

/// Grams as kilograms for display: `4000000` -> `4000 kg`, `1500` -> `1.5 kg`.
pub fn format_weight_g(grams: i64) -> String {
    let kg = grams / 1000;
    let g = (grams % 1000).abs();
    if g == 0 {
        format!("{kg} kg")
    } else {
        let frac = format!("{g:03}");
        format!("{kg}.{} kg", frac.trim_end_matches('0'))
    }
}

/// A percentage from 0 to 100 inclusive.
pub fn parse_percent(field: &str, raw: &str) -> Result<f64, FieldError> {
    let t = raw.trim().trim_end_matches('%').trim();
    parse_decimal(field, t)?;
    let v: f64 = t
        .parse()
        .map_err(|_| FieldError::new(field, Msg::new("dp-not-number").arg("raw", raw)))?;
    check_percent(field, v)
}

/// Checks a number is a percentage (0 to 100).
pub fn check_percent(field: &str, v: f64) -> Result<f64, FieldError> {
    if !v.is_finite() || !(0.0..=100.0).contains(&v) {
        return Err(FieldError::new(
            field,
            Msg::new("dp-not-percent").arg("value", v.to_string()),
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal("q", " 4000.50 ").unwrap(), "4000.50");
        for bad in ["", "4,000", "-1", "1.2.3", "1e3", "abc", ".", "5."] {
            assert!(parse_decimal("q", bad).is_err(), "{bad}");
        }
        assert_eq!(parse_decimal("q", "4,000").unwrap_err().field, "q");
        assert!(parse_positive_decimal("q", "0.000").is_err());
    }

    #[test]
    fn weights_are_exact_grams() {
        assert_eq!(parse_weight_g("w", "4000 kg").unwrap(), 4_000_000);
        assert_eq!(parse_weight_g("w", "25171.85kg").unwrap(), 25_171_850);
        assert_eq!(parse_weight_g("w", "0.5 t").unwrap(), 500_000);
        assert_eq!(parse_weight_g("w", "750 g").unwrap(), 750);
        assert_eq!(parse_weight_g("w", "1.5").unwrap(), 1500);
        assert!(
            parse_weight_g("w", "1.0005 kg")
                .unwrap_err()
                .message
                .contains("scale=3)")
        );
        assert!(parse_weight_g("w", "12 lb").is_err());
        assert_eq!(format_weight_g(25_171_850), "25171.85 kg");
        assert_eq!(format_weight_g(4_000_000), "4000 kg");
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("p", "55.3 %").unwrap(), 55.3);
        assert!(parse_percent("p", "100.01").is_err());
        assert!(parse_percent("p", "-1").is_err());
        assert!(check_percent("p", f64::NAN).is_err());
    }

    #[test]
    fn units() {
        assert_eq!(parse_unit("unit", "Pieces").unwrap(), "pcs");
        assert!(
            parse_unit("unit", "bags")
                .unwrap_err()
                .message
                .contains("units=kg, g")
        );
    }
}
