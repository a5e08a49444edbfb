//! Writing quantities: the Chinese metric form and the English read-back, by the table's rules.

use crate::{Dimension, Quantity, Tier, Unit, Units, Value};

/// Half away from zero at `decimals`, reading a value within a few ulps of a half as the half
/// (2.675 is stored as 2.67499999…; the merchant wrote 2.675).
fn round(v: f64, decimals: u32) -> f64 {
    let p = 10f64.powi(i32::try_from(decimals).unwrap_or(6));
    let x = v * p;
    let nudged = x + x.signum() * x.abs() * 4.0 * f64::EPSILON;
    nudged.round() / p
}

/// A number rounded to `decimals`, trailing zeros trimmed (2.50 → 2.5, 3.00 → 3), never -0.
pub(crate) fn number(v: f64, decimals: u32) -> String {
    let r = round(v, decimals);
    let d = usize::try_from(decimals).unwrap_or(6);
    let mut s = format!("{r:.d$}");
    if s.contains('.') {
        let trimmed = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(trimmed);
    }
    if s == "-0" { "0".to_owned() } else { s }
}

/// How many decimals a number as written has (up to 6): 907 → 0, 1.13 → 2.
fn decimals_of(v: f64) -> u32 {
    let s = number(v, 6);
    s.split_once('.')
        .map_or(0, |(_, f)| u32::try_from(f.len()).unwrap_or(6))
}

/// A value as written (metric quantities are not re-rounded): up to three decimals.
fn as_written(v: f64) -> String {
    number(v, 3)
}

fn dimension_of<'u>(units: &'u Units, q: &Quantity) -> Option<(&'u Unit, &'u Dimension)> {
    let u = units.unit(&q.unit)?;
    Some((u, units.dimension(&u.dimension)?))
}

fn largest(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |m: f64, v| m.max(v.abs()))
}

/// Joins numbers as the value's shape asks: a range with `range`, dimensions with `dims`.
fn join(value: &Value, numbers: &[String], range: &str, dims: &str) -> String {
    match value {
        Value::Single(_) => numbers.concat(),
        Value::Range(..) => numbers.join(range),
        Value::Dims(_) => numbers.join(dims),
    }
}

/// The tier a value (in base units) is written in: the first whose rounded value stays below
/// its bound.
fn metric_tier<'u>(
    units: &'u Units,
    dim: &'u Dimension,
    base: f64,
) -> Option<(&'u Tier, &'u Unit)> {
    let mut chosen = None;
    for tier in &dim.to_metric {
        let tu = units.unit(&tier.unit)?;
        chosen = Some((tier, tu));
        let fits = tier
            .below
            .is_none_or(|below| tu.to_base(round(tu.from_base(base.abs()), tier.decimals)) < below);
        if fits {
            break;
        }
    }
    chosen
}

/// The metric numbers of an imperial value and the unit they are in, chosen by the largest
/// number so that all share it.
fn metric_numbers<'u>(
    units: &'u Units,
    unit: &Unit,
    dim: &'u Dimension,
    value: &Value,
) -> Option<(Vec<String>, &'u Unit)> {
    let bases: Vec<f64> = value.numbers().iter().map(|&v| unit.to_base(v)).collect();
    let (tier, tu) = metric_tier(units, dim, largest(&bases))?;
    let numbers = bases
        .iter()
        .map(|&b| number(tu.from_base(b), tier.decimals))
        .collect();
    Some((numbers, tu))
}

pub(crate) fn to_metric(units: &Units, q: &Quantity) -> String {
    let Some((unit, dim)) = dimension_of(units, q) else {
        return String::new();
    };
    let Some(value) = &q.value else {
        // No number: the metric unit(s) to write instead.
        let mut names: Vec<&str> = Vec::new();
        for t in &dim.to_metric {
            if let Some(zh) = units.unit(&t.unit).and_then(|u| u.zh.as_deref())
                && !names.contains(&zh)
            {
                names.push(zh);
            }
        }
        return names.join("/");
    };
    if !unit.imperial {
        let numbers: Vec<String> = value.numbers().into_iter().map(as_written).collect();
        return format!(
            "{}{}",
            join(value, &numbers, "~", "×"),
            unit.zh.as_deref().unwrap_or(&unit.en)
        );
    }
    match metric_numbers(units, unit, dim, value) {
        Some((numbers, tu)) => format!(
            "{}{}",
            join(value, &numbers, "~", "×"),
            tu.zh.as_deref().unwrap_or(&tu.en)
        ),
        None => String::new(),
    }
}

/// The roundest value in imperial unit `iu` (0, 1 or 2 decimals) that converts back to
/// `written` (in `mu`) within half the precision it has: the precision it was written with,
/// or the rules' for the size of the quantity's `largest` value (base units) if finer (2 L is
/// 2.00 L). Otherwise two decimals, or two
/// significant digits for a tiny value.
fn round_trip(
    units: &Units,
    dim: &Dimension,
    (base, largest): (f64, f64),
    written: f64,
    mu: &Unit,
    iu: &Unit,
) -> f64 {
    let written_step = 10f64.powi(-i32::try_from(decimals_of(written)).unwrap_or(6));
    let rule_step = metric_tier(units, dim, largest).map_or(written_step, |(tier, tu)| {
        tu.factor / mu.factor * 10f64.powi(-i32::try_from(tier.decimals).unwrap_or(6))
    });
    let half = written_step.min(rule_step) / 2.0;
    let x = iu.from_base(base);
    for d in 0..=2 {
        let c = round(x, d);
        let back = mu.from_base(iu.to_base(c));
        if (back - written).abs() <= half * (1.0 + 1e-9) {
            return c;
        }
    }
    let c = round(x, 2);
    if c == 0.0 && x != 0.0 {
        let digits = (-x.abs().log10()).ceil() + 1.0;
        // At most six decimals; `digits` is small and positive here.
        let d = if digits >= 6.0 {
            6
        } else {
            digits.max(2.0) as u32
        };
        return round(x, d);
    }
    c
}

pub(crate) fn read_back(units: &Units, q: &Quantity) -> String {
    let Some((unit, dim)) = dimension_of(units, q) else {
        return String::new();
    };
    let Some(value) = &q.value else {
        // No number: the units of the other system.
        let others: Vec<&str> = if unit.imperial {
            dim.to_metric
                .iter()
                .filter_map(|t| units.unit(&t.unit).map(|u| u.en.as_str()))
                .collect()
        } else {
            dim.read_back
                .iter()
                .filter_map(|t| units.unit(&t.unit).map(|u| u.en.as_str()))
                .collect()
        };
        return format!("{} → {}", unit.en, others.join(" / "));
    };
    let numbers = value.numbers();
    let own: Vec<String> = numbers
        .iter()
        .map(|&v| {
            if unit.imperial {
                number(v, 2)
            } else {
                as_written(v)
            }
        })
        .collect();
    let own = format!("{} {}", join(value, &own, " to ", " × "), unit.en);

    if unit.imperial {
        return match metric_numbers(units, unit, dim, value) {
            Some((metric, tu)) => {
                format!("{own} = {} {}", join(value, &metric, " to ", " × "), tu.en)
            }
            None => own,
        };
    }

    let bases: Vec<f64> = numbers.iter().map(|&v| unit.to_base(v)).collect();
    let big_at = bases
        .iter()
        .enumerate()
        .fold(
            (0, 0.0),
            |(bi, bv): (usize, f64), (i, b)| {
                if b.abs() > bv { (i, b.abs()) } else { (bi, bv) }
            },
        )
        .0;
    let big = largest(&bases);
    let mut chosen = None;
    for tier in &dim.read_back {
        let Some(iu) = units.unit(&tier.unit) else {
            continue;
        };
        chosen = Some(iu);
        let (Some(&b), Some(&w)) = (bases.get(big_at), numbers.get(big_at)) else {
            break;
        };
        if tier
            .up_to
            .is_none_or(|up_to| round_trip(units, dim, (b, big), w, unit, iu).abs() <= up_to)
        {
            break;
        }
    }
    let Some(iu) = chosen else {
        return own;
    };
    let other: Vec<String> = bases
        .iter()
        .zip(&numbers)
        .map(|(&b, &w)| number(round_trip(units, dim, (b, big), w, unit, iu), 6))
        .collect();
    format!("{own} = {} {}", join(value, &other, " to ", " × "), iu.en)
}
