//! Imperial units in Chinese copy, with the metric form suggested and offered as a one-click
//! fix. Finding, converting and rounding are kuajing-units' (`assets/units.toml`); this check
//! only turns its imperial quantities into findings.

use kuajing_units::{Quantity, Units};

use crate::{Error, Finding, Fix, Normalized, Severity, codes};

/// The fix kind: write the quantity in metric (Fluent id `fix-to-metric`).
pub(crate) const TO_METRIC: &str = "to-metric";

#[derive(Debug, Clone)]
pub(crate) struct UnitMatcher {
    units: &'static Units,
}

impl UnitMatcher {
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            units: Units::builtin()?,
        })
    }

    /// `imperial-unit` warnings: args `unit` (as written), `value` (as written, when a number
    /// precedes), `suggestion` (the metric form: 907克, 0.91~1.36千克; for a unit named alone,
    /// the metric unit: 克/千克). The span covers the number and the unit; a quantity with a
    /// number gets a `to-metric` fix over the same span. None when the metric equivalent is
    /// written next to it (2磅（约907克）, 350°F/175°C).
    pub fn find(&self, norm: &Normalized<'_>) -> Vec<Finding> {
        self.units
            .find(&norm.text)
            .iter()
            .filter(|q| q.imperial && q.paired.is_none())
            .map(|q| self.finding(norm, q))
            .collect()
    }

    fn finding(&self, norm: &Normalized<'_>, q: &Quantity) -> Finding {
        let written = |start: usize, end: usize| -> String {
            norm.original
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .collect()
        };
        let suggestion = self.units.to_metric(q);
        let mut f = Finding::new(codes::IMPERIAL_UNIT, Severity::Warning, q.start, q.end)
            .arg("unit", written(q.unit_start, q.end))
            .arg("suggestion", suggestion.clone());
        if q.value.is_some() {
            let value = written(q.start, q.unit_start);
            f = f.arg(
                "value",
                value.trim_end_matches([' ', '\t', '\u{3000}', '-', '－']),
            );
            f.fixes.push(Fix {
                kind: TO_METRIC.to_owned(),
                start: q.start,
                end: q.end,
                replacement: suggestion,
            });
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<Finding> {
        let chars: Vec<char> = text.chars().collect();
        let norm = Normalized::new(&chars, &chars);
        UnitMatcher::new().expect("built-in unit table").find(&norm)
    }

    fn apply(text: &str, fix: &Fix) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out: String = chars[..fix.start].iter().collect();
        out.push_str(&fix.replacement);
        out.extend(&chars[fix.end..]);
        out
    }

    #[test]
    fn each_quantity_gets_a_to_metric_fix_over_its_span() {
        for (text, fixed) in [
            ("美国樱桃 2磅装", "美国樱桃 907克装"),
            ("16 oz 罐装", "454克 罐装"),
            ("5 lb 狗粮", "2.27千克 狗粮"),
            ("32 fl oz 饮料", "946毫升 饮料"),
            ("1 gal 装", "3.79升 装"),
            ("存放于40°F以下", "存放于4°C以下"),
            ("12 in 披萨盘", "30.5厘米 披萨盘"),
            ("１２ｏｚ", "340克"),
            ("5-10 lbs 小型犬", "2.27~4.54千克 小型犬"),
            ("🍒樱桃 ½磅", "🍒樱桃 227克"),
            ("400℉ 烤箱", "204°C 烤箱"),
            ("1加仑", "3.79升"),
            ("8 fl oz", "237毫升"),
        ] {
            let found = findings(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let f = &found[0];
            assert_eq!(f.code, codes::IMPERIAL_UNIT);
            assert_eq!(f.fixes.len(), 1, "{text}");
            let fix = &f.fixes[0];
            assert_eq!(fix.kind, TO_METRIC);
            assert_eq!((fix.start, fix.end), (f.start, f.end), "{text}");
            assert_eq!(fix.replacement, f.args["suggestion"], "{text}");
            assert_eq!(apply(text, fix), fixed, "{text}");
        }
    }

    #[test]
    fn a_fixed_text_has_no_imperial_units_left() {
        let text = "【美国直邮】樱桃 2磅 + 16 oz 果酱，12 in 托盘，冷藏40°F以下";
        let mut fixed = text.to_owned();
        // Apply from the end so earlier offsets stay valid.
        let mut found = findings(text);
        found.sort_by_key(|f| std::cmp::Reverse(f.start));
        for f in &found {
            fixed = apply(&fixed, &f.fixes[0]);
        }
        assert_eq!(found.len(), 4);
        assert_eq!(
            fixed,
            "【美国直邮】樱桃 907克 + 454克 果酱，30.5厘米 托盘，冷藏4°C以下"
        );
        assert!(findings(&fixed).is_empty());
    }

    #[test]
    fn a_unit_alone_has_no_fix() {
        let found = findings("单位：盎司");
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.is_empty());
        assert!(!found[0].args.contains_key("value"));
        assert_eq!(found[0].args["suggestion"], "克/千克");
    }

    #[test]
    fn metric_written_alongside_is_no_finding() {
        for text in [
            "2磅（约907克）",
            "12 oz (340g)",
            "350°F/175°C",
            "454克（16盎司）",
            "净含量 500克",
        ] {
            assert!(findings(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn args_are_as_written() {
        let f = &findings("净重１２ ｏｚ")[0];
        assert_eq!(f.args["unit"], "ｏｚ");
        assert_eq!(f.args["value"], "１２");
        let f = &findings("a 12-inch pan")[0];
        assert_eq!(f.args["unit"], "inch");
        assert_eq!(f.args["value"], "12");
        assert_eq!(f.args["suggestion"], "30.5厘米");
    }
}
