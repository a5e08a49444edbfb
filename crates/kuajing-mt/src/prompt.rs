//! What is asked: the chat messages for one field, from the wording in `assets/mt/prompt.toml`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::Error;

/// The prompt shipped with the app.
pub const PROMPT_TOML: &str = include_str!("../../../assets/mt/prompt.toml");

static BUILTIN: LazyLock<Result<Prompt, Error>> = LazyLock::new(|| Prompt::from_toml(PROMPT_TOML));

/// A listing field a machine draft can be asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    SellingPoints,
    Description,
    ShortTitle,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Title,
        Field::SellingPoints,
        Field::Description,
        Field::ShortTitle,
    ];

    /// The field's name in settings, the CLI and the prompt file (`title`, `selling_points`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::SellingPoints => "selling_points",
            Field::Description => "description",
            Field::ShortTitle => "short_title",
        }
    }

    /// Whether the copy is one line (a title), so anything after the first line is chatter.
    pub fn is_one_line(self) -> bool {
        matches!(self, Field::Title | Field::ShortTitle)
    }
}

/// One machine draft asked for: the English, the field, and what the copy must respect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MtRequest {
    pub field: Field,
    /// The merchant's English for this field (plain text: the caller strips HTML).
    pub english: String,
    /// The marketplace's limit in GBK units (for selling points: of each line).
    #[serde(default)]
    pub limit_units: Option<u32>,
    /// The most lines the field may have (selling points).
    #[serde(default)]
    pub max_lines: Option<u32>,
    /// Short rule statements (see [`Prompt::rule`] for the usual ones).
    #[serde(default)]
    pub rules: Vec<String>,
    /// Glossary terms that apply: (English, approved Chinese).
    #[serde(default)]
    pub terms: Vec<(String, String)>,
    /// The marketplace's name, as its profile gives it.
    pub marketplace_name: String,
}

/// A chat message as OpenAI-compatible servers take it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub role: String,
    pub content: String,
}

/// The prompt's wording (`assets/mt/prompt.toml`; the file's header says how it is put
/// together).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    system: String,
    user: UserBlocks,
    fields: BTreeMap<String, FieldText>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct UserBlocks {
    task: String,
    limit: String,
    lines: String,
    terms: String,
    term: String,
    rules: String,
    rule: String,
    english: String,
    answer: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldText {
    name: String,
    name_zh: String,
    hint: String,
    /// This field's own limit block, when its limit means something else (per line).
    limit: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
}

impl Prompt {
    /// The shipped prompt, parsed once per process.
    pub fn builtin() -> Result<&'static Prompt, Error> {
        BUILTIN.as_ref().map_err(Clone::clone)
    }

    /// A prompt from TOML in the shipped file's form; every [`Field`] must have its text.
    pub fn from_toml(text: &str) -> Result<Prompt, Error> {
        let prompt: Prompt = toml::from_str(text).map_err(|e| Error::Prompt(e.to_string()))?;
        for field in Field::ALL {
            if !prompt.fields.contains_key(field.key()) {
                return Err(Error::Prompt(format!("no [fields.{}]", field.key())));
            }
        }
        Ok(prompt)
    }

    /// The system and user messages for a request.
    pub fn messages(&self, request: &MtRequest) -> Result<Vec<Message>, Error> {
        let english = request.english.trim();
        if english.is_empty() {
            return Err(Error::NoEnglish {
                field: request.field.key().to_owned(),
            });
        }
        let field = self.field(request.field)?;
        let mut vars: BTreeMap<&str, String> = BTreeMap::from([
            ("marketplace", request.marketplace_name.trim().to_owned()),
            ("field", field.name.clone()),
            ("field_zh", field.name_zh.clone()),
            ("hint", field.hint.clone()),
            ("english", english.to_owned()),
        ]);
        let u = &self.user;
        let mut blocks = vec![fill(&u.task, &vars)];
        if let Some(limit) = request.limit_units {
            vars.insert("limit", limit.to_string());
            vars.insert("chars", (limit / 2).to_string());
            blocks.push(fill(field.limit.as_ref().unwrap_or(&u.limit), &vars));
        }
        if let Some(lines) = request.max_lines {
            vars.insert("max_lines", lines.to_string());
            blocks.push(fill(&u.lines, &vars));
        }
        let terms: Vec<String> = request
            .terms
            .iter()
            .filter(|(en, zh)| !en.trim().is_empty() && !zh.trim().is_empty())
            .map(|(en, zh)| {
                let v =
                    BTreeMap::from([("en", en.trim().to_owned()), ("zh", zh.trim().to_owned())]);
                fill(&u.term, &v)
            })
            .collect();
        if !terms.is_empty() {
            vars.insert("items", terms.join("\n"));
            blocks.push(fill(&u.terms, &vars));
        }
        let rules: Vec<String> = request
            .rules
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
            .map(|r| fill(&u.rule, &BTreeMap::from([("rule", r.to_owned())])))
            .collect();
        if !rules.is_empty() {
            vars.insert("items", rules.join("\n"));
            blocks.push(fill(&u.rules, &vars));
        }
        blocks.push(fill(&u.english, &vars));
        blocks.push(fill(&u.answer, &vars));
        Ok(vec![
            Message {
                role: "system".to_owned(),
                content: fill(self.system.trim(), &vars),
            },
            Message {
                role: "user".to_owned(),
                content: blocks.join("\n\n"),
            },
        ])
    }

    /// Labels a model may put before its answer for this field ("标题", "title").
    pub fn labels(&self, field: Field) -> Vec<String> {
        self.fields
            .get(field.key())
            .map(|f| {
                let mut labels = f.labels.clone();
                labels.push(f.name_zh.clone());
                labels
            })
            .unwrap_or_default()
    }

    /// One of the usual rule statements of `[rules]` (`banned_terms`, `simplified`, `gbk_only`,
    /// `metric`, `no_contact`), its placeholders filled from `args`
    /// (`banned_terms` takes `terms`).
    pub fn rule(&self, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let vars: BTreeMap<&str, String> =
            args.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        self.rules.get(id).map(|r| fill(r, &vars))
    }

    fn field(&self, field: Field) -> Result<&FieldText, Error> {
        self.fields
            .get(field.key())
            .ok_or_else(|| Error::Prompt(format!("no [fields.{}]", field.key())))
    }
}

/// Fills `{name}` placeholders in one pass (a value is never scanned again, so braces in the
/// merchant's English stay as written); a brace that names no variable stays as written.
fn fill(template: &str, vars: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find('}');
        match name_end.and_then(|end| vars.get(&after[..end]).map(|v| (end, v))) {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(field: Field) -> MtRequest {
        MtRequest {
            field,
            english: "Organic Medjool Dates, 2 lb box".to_owned(),
            limit_units: Some(60),
            max_lines: None,
            rules: vec!["Simplified Chinese only.".to_owned(), "  ".to_owned()],
            terms: vec![("Medjool dates".to_owned(), "椰枣".to_owned())],
            marketplace_name: "Tmall Global".to_owned(),
        }
    }

    #[test]
    fn the_shipped_prompt_has_every_field_and_fills_every_placeholder() -> Result<(), Error> {
        let p = Prompt::builtin()?;
        for field in Field::ALL {
            let mut r = request(field);
            r.max_lines = Some(5);
            let m = p.messages(&r)?;
            assert_eq!(m.len(), 2);
            assert_eq!((m[0].role.as_str(), m[1].role.as_str()), ("system", "user"));
            for msg in &m {
                assert!(!msg.content.contains('{'), "{field:?}: {}", msg.content);
                assert!(msg.content.contains("Tmall Global"), "{}", msg.content);
            }
            let user = &m[1].content;
            assert!(user.contains("Organic Medjool Dates, 2 lb box"));
            assert!(user.contains("- Medjool dates → 椰枣"), "{user}");
            assert!(user.contains("at most 60 units"), "{user}");
            assert!(user.contains("30 Chinese characters"), "{user}");
            assert!(user.contains("At most 5 lines."));
            assert!(user.contains("- Simplified Chinese only."));
            assert!(
                !user.contains("- \n") && !user.ends_with("- "),
                "empty rule sent"
            );
        }
        Ok(())
    }

    #[test]
    fn blocks_without_values_are_left_out() -> Result<(), Error> {
        let r = MtRequest {
            limit_units: None,
            rules: vec![],
            terms: vec![],
            ..request(Field::Description)
        };
        let user = &Prompt::builtin()?.messages(&r)?[1].content;
        assert!(!user.contains("units"), "{user}");
        assert!(!user.contains("Glossary"), "{user}");
        assert!(!user.contains("Rules"), "{user}");
        assert!(!user.contains("\n\n\n"), "{user}");
        Ok(())
    }

    #[test]
    fn braces_in_the_english_are_sent_as_written() -> Result<(), Error> {
        let r = MtRequest {
            english: "Set of {marketplace} {limit} mugs {".to_owned(),
            ..request(Field::Title)
        };
        let user = &Prompt::builtin()?.messages(&r)?[1].content;
        assert!(
            user.contains("Set of {marketplace} {limit} mugs {"),
            "{user}"
        );
        Ok(())
    }

    #[test]
    fn no_english_is_an_error() -> Result<(), Error> {
        let r = MtRequest {
            english: " \n".to_owned(),
            ..request(Field::SellingPoints)
        };
        assert_eq!(
            Prompt::builtin()?.messages(&r).map_err(|e| e.code()),
            Err("mt-no-english")
        );
        Ok(())
    }

    #[test]
    fn usual_rules_are_worded_in_the_file() -> Result<(), Error> {
        let p = Prompt::builtin()?;
        let banned = p.rule("banned_terms", &[("terms", "最好、第一")]);
        assert!(banned.is_some_and(|r| r.contains("最好、第一") && !r.contains('{')));
        for id in ["simplified", "gbk_only", "metric", "no_contact"] {
            assert!(p.rule(id, &[]).is_some(), "{id}");
        }
        assert_eq!(p.rule("nonexistent", &[]), None);
        Ok(())
    }

    #[test]
    fn a_prompt_missing_a_field_is_refused() {
        let broken = PROMPT_TOML.replace("[fields.short_title]", "[fields.shorter_title]");
        assert!(matches!(Prompt::from_toml(&broken), Err(Error::Prompt(_))));
    }
}
