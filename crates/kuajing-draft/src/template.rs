//! Marketplace templates: Fluent source kept in each marketplace profile, one message per
//! field (`title`, `short_title`, `selling_points`, `description`), written over variables
//! (`{ $brand }`, `{ $product }` …). Rendering fills them from a product's facts; a part with
//! no value drops out, a line whose every variable is empty drops out, and for a field with a
//! budget the profile's optional parts are emptied, in the profile's order, until the text
//! fits.

use std::collections::BTreeMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::Error;

/// A variable with no value renders as this, so lines made only of missing values can be
/// told from text (private-use characters never occur in copy).
const EMPTY: char = '\u{E000}';
/// Put before a variable's value: the line has something.
const FULL: char = '\u{E001}';

/// A budget and how to measure text against it (GBK units, from `kuajing-copy`).
pub type Budget<'a> = (u32, &'a dyn Fn(&str) -> u32);

/// One profile's templates.
pub struct Templates {
    bundle: FluentBundle<FluentResource>,
    /// Variables that may be emptied to fit a budget, first to go first.
    optional: Vec<String>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("optional", &self.optional)
            .finish_non_exhaustive()
    }
}

/// A rendered template: the text, and the optional parts dropped to fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub dropped: Vec<String>,
}

impl Templates {
    /// Parses `source` (Fluent). `id` names the profile in errors.
    pub fn new(id: &str, source: &str, optional: Vec<String>) -> Result<Self, Error> {
        let invalid = |message: String| Error::Template {
            marketplace: id.to_owned(),
            message,
        };
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            invalid(
                errors
                    .iter()
                    .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![unic_langid::langid!("zh-CN")]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| invalid(format!("{errors:?}")))?;
        Ok(Templates { bundle, optional })
    }

    /// Whether the profile has a template for `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Renders template `id` with `vars` (missing or empty ones drop out). With `fit`
    /// (a budget and how to measure text), optional parts are emptied in order until the text
    /// fits, or none is left to drop. `None` when there is no such template or nothing is left.
    pub fn render(
        &self,
        id: &str,
        vars: &BTreeMap<String, String>,
        fit: Option<Budget<'_>>,
    ) -> Option<Rendered> {
        let mut vars = vars.clone();
        let mut dropped = Vec::new();
        let mut text = self.render_once(id, &vars)?;
        if let Some((budget, measure)) = fit {
            for part in &self.optional {
                if measure(&text) <= budget {
                    break;
                }
                if vars.get(part).is_some_and(|v| !v.trim().is_empty()) {
                    vars.insert(part.clone(), String::new());
                    dropped.push(part.clone());
                    text = self.render_once(id, &vars)?;
                }
            }
        }
        (!text.is_empty()).then_some(Rendered { text, dropped })
    }

    fn render_once(&self, id: &str, vars: &BTreeMap<String, String>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut args = FluentArgs::new();
        for (key, value) in vars {
            let value = value.trim();
            if value.is_empty() {
                args.set(key.as_str(), EMPTY.to_string());
            } else {
                args.set(key.as_str(), format!("{FULL}{value}"));
            }
        }
        let mut errors = Vec::new();
        let raw = self
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors);
        // A variable the caller does not know renders as `{$name}`: treat it as empty.
        let raw = unknown_to_empty(&raw);
        let lines: Vec<String> = raw
            .lines()
            .filter(|line| !line.contains(EMPTY) || line.contains(FULL))
            .map(tidy)
            .filter(|line| !line.is_empty())
            .collect();
        Some(lines.join("\n"))
    }
}

fn unknown_to_empty(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find("{$") {
        out.push_str(&rest[..at]);
        match rest[at..].find('}') {
            Some(end) => {
                out.push(EMPTY);
                rest = &rest[at + end + 1..];
            }
            None => {
                out.push_str(&rest[at..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// One line without the markers: spaces collapsed and trimmed, brackets left empty removed.
fn tidy(line: &str) -> String {
    let mut text: String = line.chars().filter(|&c| c != EMPTY && c != FULL).collect();
    loop {
        let before = text.len();
        for pair in ["【】", "（）", "()", "[]", "「」", "《》"] {
            text = text.replace(pair, "");
        }
        text = text.replace("【 】", "").replace("( )", "");
        if text.len() == before {
            break;
        }
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // A line left as only a label ("产地：") says nothing.
    if out.ends_with('：') && out.chars().count() <= 5 {
        return String::new();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "
title = 【{ $tag }】{ $brand } { $origin }{ $region }{ $quality }{ $product } { $spec } { $pack }
selling_points =
    产地：{ $origin }{ $region }
    规格：{ $spec }
    包装：{ $pack }
    品质：{ $quality }
";

    fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn templates() -> Templates {
        Templates::new(
            "test",
            SOURCE,
            vec![
                "pack".into(),
                "quality".into(),
                "region".into(),
                "tag".into(),
            ],
        )
        .unwrap()
    }

    fn units(text: &str) -> u32 {
        text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
    }

    #[test]
    fn missing_parts_and_their_brackets_drop_out() {
        let t = templates();
        let all = vars(&[
            ("brand", "Orchard"),
            ("origin", "美国"),
            ("region", "华盛顿州"),
            ("product", "雷尼尔车厘子"),
            ("spec", "907克"),
            ("pack", "礼盒装"),
        ]);
        let r = t.render("title", &all, None).unwrap();
        assert_eq!(r.text, "Orchard 美国华盛顿州雷尼尔车厘子 907克 礼盒装");
        let points = t.render("selling_points", &all, None).unwrap();
        assert_eq!(points.text, "产地：美国华盛顿州\n规格：907克\n包装：礼盒装");
    }

    #[test]
    fn optional_parts_drop_in_order_until_the_title_fits() {
        let t = templates();
        let all = vars(&[
            ("tag", "美国直邮"),
            ("brand", "Orchard"),
            ("origin", "美国"),
            ("region", "华盛顿州"),
            ("quality", "新鲜"),
            ("product", "雷尼尔车厘子"),
            ("spec", "907克"),
            ("pack", "礼盒装"),
        ]);
        let full = t.render("title", &all, None).unwrap();
        assert_eq!(
            full.text,
            "【美国直邮】Orchard 美国华盛顿州新鲜雷尼尔车厘子 907克 礼盒装"
        );
        let budget = units(&full.text) - 1;
        let fitted = t.render("title", &all, Some((budget, &units))).unwrap();
        assert_eq!(fitted.dropped, ["pack"]);
        assert!(units(&fitted.text) <= budget);
        let tight = t.render("title", &all, Some((40, &units))).unwrap();
        assert_eq!(tight.dropped, ["pack", "quality", "region", "tag"]);
        assert_eq!(tight.text, "Orchard 美国雷尼尔车厘子 907克");
    }

    #[test]
    fn a_broken_template_names_its_profile() {
        let err = Templates::new("jd", "title = { $brand", vec![]).unwrap_err();
        assert_eq!(err.code(), "draft-template-invalid");
        assert!(err.to_string().contains("jd"));
    }
}
