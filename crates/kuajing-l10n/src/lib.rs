//! The Fluent message tree under `assets/locales/<lang>/`, shared by the UI (which loads the
//! same files through Vite) and by Rust (CLI output, the export report).
//!
//! It knows message ids and arguments, nothing of what they describe. Callers pass a stable
//! `code` plus string arguments; a missing message falls back to English, then to the code.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Languages the app ships, the first being the fallback.
pub const LANGS: &[&str] = &["en", "zh-CN"];

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("locale file {lang}/{file} does not parse: {message}")]
    Parse {
        lang: String,
        file: String,
        message: String,
    },
}

/// All shipped bundles, parsed once.
pub struct Localizer {
    bundles: Vec<(String, FluentBundle<FluentResource>, BTreeSet<String>)>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("langs", &self.langs())
            .finish()
    }
}

static BUILTIN: LazyLock<Result<Localizer, String>> =
    LazyLock::new(|| Localizer::from_files(FILES).map_err(|e| e.to_string()));

/// The shipped messages. The files are embedded and tested, so a parse failure is a build bug;
/// it still surfaces as an error rather than a panic.
pub fn builtin() -> Result<&'static Localizer, Error> {
    BUILTIN.as_ref().map_err(|message| Error::Parse {
        lang: "*".into(),
        file: "*".into(),
        message: message.clone(),
    })
}

impl Localizer {
    fn from_files(files: &[(&str, &str, &str)]) -> Result<Self, Error> {
        let mut bundles: Vec<(String, FluentBundle<FluentResource>, BTreeSet<String>)> = Vec::new();
        for (lang, file, text) in files {
            let parse_error = |message: String| Error::Parse {
                lang: (*lang).to_owned(),
                file: (*file).to_owned(),
                message,
            };
            let resource = FluentResource::try_new((*text).to_owned())
                .map_err(|(_, errors)| parse_error(format!("{errors:?}")))?;
            let ids: Vec<String> = resource
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            let index = match bundles.iter().position(|(l, _, _)| l == lang) {
                Some(index) => index,
                None => {
                    let id: LanguageIdentifier = lang
                        .parse()
                        .map_err(|e| parse_error(format!("bad language tag: {e}")))?;
                    let mut bundle = FluentBundle::new_concurrent(vec![id]);
                    // Isolation marks show up as junk in terminals and CSV files.
                    bundle.set_use_isolating(false);
                    bundles.push(((*lang).to_owned(), bundle, BTreeSet::new()));
                    bundles.len() - 1
                }
            };
            let (_, bundle, known) = &mut bundles[index];
            bundle
                .add_resource(resource)
                .map_err(|errors| parse_error(format!("{errors:?}")))?;
            known.extend(ids);
        }
        Ok(Localizer { bundles })
    }

    pub fn langs(&self) -> Vec<&str> {
        self.bundles.iter().map(|(l, _, _)| l.as_str()).collect()
    }

    /// Message ids defined for `lang`.
    pub fn ids(&self, lang: &str) -> BTreeSet<String> {
        self.bundles
            .iter()
            .find(|(l, _, _)| l == lang)
            .map(|(_, _, ids)| ids.clone())
            .unwrap_or_default()
    }

    /// Formats message `id` in `lang`, falling back to English. `None` when no language has it.
    pub fn format(&self, lang: &str, id: &str, args: &BTreeMap<String, String>) -> Option<String> {
        let mut fluent_args = FluentArgs::new();
        for (key, value) in args {
            fluent_args.set(key.as_str(), value.as_str());
        }
        let chain = [lang, LANGS[0]];
        chain.iter().find_map(|want| {
            let (_, bundle, _) = self.bundles.iter().find(|(l, _, _)| l == want)?;
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, Some(&fluent_args), &mut errors)
                    .into_owned(),
            )
        })
    }

    /// Formats `<prefix>-<code>`, or returns the code itself so nothing is ever blank.
    pub fn message(
        &self,
        lang: &str,
        prefix: &str,
        code: &str,
        args: &BTreeMap<String, String>,
    ) -> String {
        self.format(lang, &format!("{prefix}-{code}"), args)
            .unwrap_or_else(|| code.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_parses_and_has_the_same_message_ids() {
        let l10n = builtin().unwrap();
        assert_eq!(l10n.langs(), LANGS.to_vec());
        let en = l10n.ids("en");
        assert!(!en.is_empty());
        for lang in LANGS {
            let ids = l10n.ids(lang);
            let missing: Vec<_> = en.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&en).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn formats_with_arguments_and_falls_back_to_english_then_the_code() {
        let files: &[(&str, &str, &str)] = &[
            (
                "en",
                "a.ftl",
                "hello = Hello { $name }\nonly-en = English only",
            ),
            ("zh-CN", "a.ftl", "hello = 你好 { $name }"),
        ];
        let l10n = Localizer::from_files(files).unwrap();
        let args = BTreeMap::from([("name".to_string(), "李".to_string())]);
        assert_eq!(l10n.format("zh-CN", "hello", &args).unwrap(), "你好 李");
        assert_eq!(
            l10n.format("zh-CN", "only-en", &args).unwrap(),
            "English only"
        );
        assert_eq!(l10n.message("zh-CN", "error", "nope", &args), "nope");
    }
}
