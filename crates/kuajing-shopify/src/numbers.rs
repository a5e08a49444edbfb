//! Strict parsing of the numbers a Shopify export holds.
//!
//! Accepted everywhere: surrounding whitespace, US thousands separators in valid groups of three
//! (`1,299.00`). Prices also accept one leading `$`. Rejected: a decimal comma (`9,99`), signs on
//! prices, grams and positions, and anything else that is not plainly a number, so that a value
//! that would be read wrongly is reported instead of guessed.

/// The digits of a non-negative decimal number, split at the point, with thousands separators
/// removed. `None` when the text is not such a number.
fn split_decimal(text: &str) -> Option<(String, &str)> {
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut digits = String::with_capacity(int_part.len());
    if int_part.contains(',') {
        let mut groups = int_part.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(first);
        for group in groups {
            if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(group);
        }
    } else {
        if !int_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(int_part);
    }
    Some((digits, frac_part))
}

/// A price in integer cents: `9.99` → 999, `420` → 42000, `$1,299.00` → 129900, `9.5` → 950.
/// More than two decimals are accepted only when the extra ones are zeros (`9.990`): a price
/// with fractions of a cent is reported rather than rounded.
pub(crate) fn parse_cents(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text.strip_prefix('$').unwrap_or(text).trim_start();
    let (digits, frac) = split_decimal(text)?;
    let (cents_digits, rest) = frac.split_at(frac.len().min(2));
    if rest.bytes().any(|b| b != b'0') {
        return None;
    }
    let whole: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let mut cents: i64 = 0;
    for (i, b) in cents_digits.bytes().enumerate() {
        let digit = i64::from(b - b'0');
        cents += if i == 0 { digit * 10 } else { digit };
    }
    whole.checked_mul(100)?.checked_add(cents)
}

/// A non-negative weight in grams (`0.0`, `226.796185`, `1,200`).
pub(crate) fn parse_grams(text: &str) -> Option<f64> {
    let (digits, frac) = split_decimal(text.trim())?;
    let normal = format!("{}.{}", if digits.is_empty() { "0" } else { &digits }, frac);
    let value: f64 = normal.trim_end_matches('.').parse().ok()?;
    value.is_finite().then_some(value)
}

/// A whole number, possibly negative (inventory can be oversold): `12`, `-3`, `1,200`, `5.0`.
pub(crate) fn parse_whole(text: &str) -> Option<i64> {
    let text = text.trim();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, frac) = split_decimal(unsigned)?;
    if digits.is_empty() || frac.bytes().any(|b| b != b'0') {
        return None;
    }
    let value: i64 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// An image position: a whole number from 1.
pub(crate) fn parse_position(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.starts_with('-') {
        return None;
    }
    let value = u32::try_from(parse_whole(text)?).ok()?;
    (value >= 1).then_some(value)
}

/// `true` for a barcode a spreadsheet turned into scientific notation (`3.65275E+11`): the
/// trailing digits are gone and cannot be recovered from the file.
pub(crate) fn is_scientific(text: &str) -> bool {
    let text = text.trim();
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let mantissa_ok = match mantissa.split_once('.') {
        Some((i, f)) => {
            !i.is_empty()
                && i.bytes().all(|b| b.is_ascii_digit())
                && f.bytes().all(|b| b.is_ascii_digit())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    mantissa_ok && !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents() {
        assert_eq!(parse_cents("9.99"), Some(999));
        assert_eq!(parse_cents("420.00"), Some(42000));
        assert_eq!(parse_cents("4000"), Some(400_000));
        assert_eq!(parse_cents("1,299.00"), Some(129_900));
        assert_eq!(parse_cents("12,345,678"), Some(1_234_567_800));
        assert_eq!(parse_cents("$1,299.00"), Some(129_900));
        assert_eq!(parse_cents(" 9.5 "), Some(950));
        assert_eq!(parse_cents(".5"), Some(50));
        assert_eq!(parse_cents("9."), Some(900));
        assert_eq!(parse_cents("0.00"), Some(0));
        assert_eq!(parse_cents("9.990"), Some(999));
        for bad in [
            "", "abc", "9,99", "1.299,00", "1,29", "12,3456", ",123", "-1.00", "9.999", "1e3",
            "9.9.9", ".", "$", "USD 5", "1 000",
        ] {
            assert_eq!(parse_cents(bad), None, "{bad:?}");
        }
        assert_eq!(parse_cents("99999999999999999999"), None);
    }

    #[test]
    fn grams() {
        assert_eq!(parse_grams("0.0"), Some(0.0));
        assert_eq!(parse_grams("226.796185"), Some(226.796185));
        assert_eq!(parse_grams("1,200"), Some(1200.0));
        assert_eq!(parse_grams("50"), Some(50.0));
        for bad in ["", "-5", "heavy", "1,2", "NaN", "inf", "5 g"] {
            assert_eq!(parse_grams(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn whole_and_position() {
        assert_eq!(parse_whole("12"), Some(12));
        assert_eq!(parse_whole("-3"), Some(-3));
        assert_eq!(parse_whole("1,200"), Some(1200));
        assert_eq!(parse_whole("5.0"), Some(5));
        assert_eq!(parse_whole("5.5"), None);
        assert_eq!(parse_whole("many"), None);
        assert_eq!(parse_whole("-"), None);
        assert_eq!(parse_position("1"), Some(1));
        assert_eq!(parse_position("0"), None);
        assert_eq!(parse_position("-1"), None);
        assert_eq!(parse_position("first"), None);
    }

    #[test]
    fn scientific() {
        assert!(is_scientific("3.65275E+11"));
        assert!(is_scientific("1E+12"));
        assert!(is_scientific("8.40066e11"));
        assert!(!is_scientific("1234567890"));
        assert!(!is_scientific("012345678905"));
        assert!(!is_scientific("ABE123"));
        assert!(!is_scientific("E+11"));
        assert!(!is_scientific("3.6E"));
    }
}
