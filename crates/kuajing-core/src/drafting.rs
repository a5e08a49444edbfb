//! Drafting Chinese copy: the glossary (seeded, edited, imported and exported), option values
//! in Chinese, the translation memory, and drafts of each field from them and the marketplace's
//! templates. Every draft says where each part came from and passes the same checks as typed
//! copy.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use kuajing_catalog::queries::{
    copy as copy_rows, glossary as glossary_rows, options as option_rows, products as product_rows,
    settings as setting_rows, tm as tm_rows,
};
use kuajing_catalog::rusqlite::Connection;
use kuajing_catalog::{CopyField, GlossaryTerm, Locale, OptionValue};
use kuajing_draft::{Facts, Glossary, Source, Templates, Term};
use kuajing_tm::{Entry, FieldKind, Memory};
use kuajing_units::Units;
use serde::Serialize;

use crate::copy::CopyCheck;
use crate::{Error, Result, Workbench};

/// Shopify's option value for a product without options.
const DEFAULT_TITLE: &str = "Default Title";

/// The lowest score a TM match has to be shown, until the merchant sets another
/// (`kuajing tm threshold N`).
pub const TM_THRESHOLD: u8 = 70;

const TM_THRESHOLD_KEY: &str = "tm.threshold";

const SEED_KEY: &str = "glossary.seed_version";
const MT_KEY: &str = "mt.config";

/// Matchers built from the catalog, kept until the catalog's rows change.
#[derive(Debug, Default)]
pub(crate) struct Caches {
    glossary: Cached<Glossary>,
    memory: Cached<Memory>,
    templates: Mutex<BTreeMap<String, Arc<Templates>>>,
}

/// What a table's rows say about whether they changed (a count and the newest change).
type Generation = (i64, String);

/// A value built from a table, kept while the table's generation stays the same.
#[derive(Debug)]
struct Cached<T>(Mutex<Option<(Generation, Arc<T>)>>);

impl<T> Default for Cached<T> {
    fn default() -> Self {
        Cached(Mutex::new(None))
    }
}

impl<T> Cached<T> {
    fn get_or_build(
        &self,
        generation: Generation,
        build: impl FnOnce() -> Result<T>,
    ) -> Result<Arc<T>> {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, value)) = cache.as_ref()
            && *g == generation
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(build()?);
        *cache = Some((generation, Arc::clone(&value)));
        Ok(value)
    }
}

/// A draft of one field.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Draft {
    pub handle: String,
    pub field: CopyField,
    pub marketplace: String,
    pub text: String,
    /// The text's length (for selling points: of its longest line), in `unit`s.
    pub units: u32,
    pub limit: Option<u32>,
    pub unit: kuajing_copy::Length,
    pub findings: Vec<crate::Finding>,
    pub sources: Vec<Source>,
    /// Whether it was saved as the field's text.
    pub saved: bool,
}

/// What a glossary import did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct GlossaryImport {
    pub file: String,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// A translation-memory match as the hosts show it.
pub type TmMatch = kuajing_tm::Match;

impl Workbench {
    /// Adds the shipped glossary terms a catalog has not got, once per seed version; the
    /// merchant's own terms are never replaced.
    pub(crate) fn seed_glossary(&self) -> Result<()> {
        let mut conn = self.catalog.connect()?;
        let seeded = setting_rows::get(&conn, SEED_KEY)?
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0);
        if seeded >= kuajing_draft::SEED_VERSION {
            return Ok(());
        }
        let terms = kuajing_draft::read_csv(kuajing_draft::SEED_CSV.as_bytes(), "seed.csv")?;
        let rows: Vec<GlossaryTerm> = terms.into_iter().map(|t| to_row(t, "seed")).collect();
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        glossary_rows::seed(&tx, &rows)?;
        setting_rows::put(&tx, SEED_KEY, &kuajing_draft::SEED_VERSION.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// The glossary matcher for the catalog's terms, rebuilt only when they change.
    pub(crate) fn glossary(&self, conn: &Connection) -> Result<Arc<Glossary>> {
        self.caches
            .glossary
            .get_or_build(glossary_rows::generation(conn)?, || {
                let terms = glossary_rows::all(conn)?
                    .into_iter()
                    .map(from_row)
                    .collect();
                Ok(Glossary::new(terms)?)
            })
    }

    /// The translation memory, rebuilt only when pairs were added.
    fn memory(&self, conn: &Connection) -> Result<Arc<Memory>> {
        self.caches
            .memory
            .get_or_build(tm_rows::generation(conn)?, || {
                Ok(Memory::new(
                    tm_rows::all(conn)?
                        .into_iter()
                        .map(|row| Entry::new(row.source, row.target)),
                ))
            })
    }

    /// The marketplace's drafting templates, parsed once.
    fn templates(&self, marketplace: &str) -> Result<Arc<Templates>> {
        let mut cache = self
            .caches
            .templates
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(t) = cache.get(marketplace) {
            return Ok(Arc::clone(t));
        }
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let drafting = profile.drafting.as_ref().ok_or_else(|| Error::NoTemplate {
            marketplace: marketplace.to_owned(),
            field: "title".to_owned(),
        })?;
        let templates = Arc::new(Templates::new(
            marketplace,
            &drafting.templates,
            drafting.optional.clone(),
        )?);
        cache.insert(marketplace.to_owned(), Arc::clone(&templates));
        Ok(templates)
    }

    /// Every glossary term, by English term.
    pub fn glossary_terms(&self) -> Result<Vec<GlossaryTerm>> {
        let conn = self.catalog.connect()?;
        Ok(glossary_rows::all(&conn)?)
    }

    /// Adds or replaces a term (kept in history with `source`). Returns whether it changed.
    pub fn put_glossary_term(&self, term: &GlossaryTerm, source: &str) -> Result<bool> {
        let term = clean_term(term)?;
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let changed = glossary_rows::put(&tx, &term, source)?;
        tx.commit()?;
        Ok(changed)
    }

    /// Removes the term for `en`. Returns whether there was one.
    pub fn remove_glossary_term(&self, en: &str, source: &str) -> Result<bool> {
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        let removed = glossary_rows::remove(&tx, en, source)?;
        tx.commit()?;
        Ok(removed)
    }

    /// Imports a glossary CSV (columns en, zh, forbidden, note, category): all terms or, on
    /// any bad row, none.
    pub fn import_glossary(&self, path: &Path, source: &str) -> Result<GlossaryImport> {
        let bytes = crate::import::read_limited(path, crate::import::MAX_IMPORT_BYTES)?;
        let file = path.display().to_string();
        let terms = kuajing_draft::read_csv(&bytes, &file)?;
        let mut report = GlossaryImport {
            file,
            added: 0,
            changed: 0,
            unchanged: 0,
        };
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        for term in terms {
            let row = clean_term(&to_row(term, "user"))?;
            let existed = glossary_rows::get(&tx, &row.en)?.is_some();
            match (glossary_rows::put(&tx, &row, source)?, existed) {
                (false, _) => report.unchanged += 1,
                (true, true) => report.changed += 1,
                (true, false) => report.added += 1,
            }
        }
        tx.commit()?;
        Ok(report)
    }

    /// Writes the glossary as CSV (UTF-8 with a BOM) through a temp file and a rename.
    /// Returns how many terms were written.
    pub fn export_glossary(&self, path: &Path) -> Result<usize> {
        let terms: Vec<Term> = self.glossary_terms()?.into_iter().map(from_row).collect();
        let bytes = kuajing_draft::write_csv(&terms)?;
        kuajing_files::write_atomic(path, &bytes).map_err(|source| Error::Write {
            path: path.to_owned(),
            source,
        })?;
        Ok(terms.len())
    }

    /// Every option value in use, with its Chinese form and how many products use it.
    pub fn option_values(&self) -> Result<Vec<OptionValue>> {
        let conn = self.catalog.connect()?;
        Ok(option_rows::list(&conn)?
            .into_iter()
            .filter(|v| v.value != DEFAULT_TITLE)
            .collect())
    }

    /// Overrides an option value's Chinese form; the pair also goes into the translation
    /// memory. Returns whether it changed.
    pub fn set_option_value(
        &self,
        name: &str,
        value: &str,
        zh: &str,
        source: &str,
    ) -> Result<bool> {
        let zh = zh.trim();
        if zh.is_empty() {
            return Err(Error::Blank("zh".to_owned()));
        }
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        if !option_rows::list(&tx)?
            .iter()
            .any(|v| v.name == name && v.value == value)
        {
            return Err(Error::NoOptionValue {
                name: name.to_owned(),
                value: value.to_owned(),
            });
        }
        let changed = option_rows::set(&tx, name, value, zh, source)?;
        tm_rows::add(&tx, "option", value, zh, "")?;
        tx.commit()?;
        Ok(changed)
    }

    /// Drafts a Chinese form for every option value of `products` that has none, inside the
    /// caller's transaction (an import's). Returns how many were drafted. The values come from
    /// the imported products, not from every variant in the catalog: a walk of 100,000
    /// variants' options took a twentieth of an import.
    pub(crate) fn draft_option_values(
        &self,
        tx: &Connection,
        glossary: &Glossary,
        products: &[kuajing_catalog::NewProduct],
    ) -> Result<usize> {
        let units = Units::builtin()?;
        let mut used = std::collections::BTreeSet::new();
        for p in products {
            for v in &p.variants {
                for (name, value) in p.option_names.iter().zip(&v.options) {
                    if !value.is_empty() && value != DEFAULT_TITLE {
                        used.insert((name.as_str(), value.as_str()));
                    }
                }
            }
        }
        let mut missing = Vec::new();
        for (name, value) in used {
            if option_rows::get(tx, name, value)?.is_none() {
                missing.push((name, value));
            }
        }
        if missing.is_empty() {
            return Ok(0);
        }
        let memory = self.memory(tx)?;
        let mut drafted = 0;
        for (name, value) in missing {
            let (zh, source) = option_draft(value, glossary, units, &memory);
            option_rows::draft(tx, name, value, &zh, source)?;
            drafted += 1;
        }
        Ok(drafted)
    }

    /// Translation-memory matches for `text` scoring at least the threshold setting, best
    /// first.
    pub fn tm_search(&self, text: &str, limit: usize) -> Result<Vec<TmMatch>> {
        let conn = self.catalog.connect()?;
        let threshold = tm_threshold(&conn)?;
        let memory = self.memory(&conn)?;
        let units = Units::builtin()?;
        let convert = |en: &str| convert_quantity(units, en);
        Ok(memory.search_with(text, threshold, limit, &convert))
    }

    /// The lowest score a TM match needs to be shown (a setting, 70 until changed).
    pub fn tm_threshold(&self) -> Result<u8> {
        tm_threshold(&self.catalog.connect()?)
    }

    /// Sets the lowest score a TM match needs to be shown: 1 to 100.
    pub fn set_tm_threshold(&self, threshold: u8) -> Result<()> {
        if !(1..=100).contains(&threshold) {
            return Err(Error::BadThreshold(threshold));
        }
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        setting_rows::put(&tx, TM_THRESHOLD_KEY, &threshold.to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Stores what a person saved in the translation memory, segment by segment, against the
    /// English of the same field (title and description have one; the other fields do not).
    pub(crate) fn remember(
        &self,
        tx: &Connection,
        product_id: i64,
        handle: &str,
        field: CopyField,
        zh: &str,
    ) -> Result<()> {
        let kind = match field {
            CopyField::Title => FieldKind::Title,
            CopyField::Description => FieldKind::Description,
            _ => return Ok(()),
        };
        let en = copy_rows::get(tx, product_id, Locale::En, field)?;
        let en = match field {
            CopyField::Description => kuajing_shopify::body_text(&en),
            _ => en,
        };
        if en.trim().is_empty() || zh.trim().is_empty() {
            return Ok(());
        }
        for pair in kuajing_tm::align(kind, &en, zh) {
            tm_rows::add(tx, field.as_str(), &pair.source, &pair.target, handle)?;
        }
        Ok(())
    }

    /// Drafts `field` of the product for `marketplace`: translation memory first (the same
    /// English saved before, or one differing only in quantities), else the marketplace's
    /// template over the product's glossary terms, origin, brand and spec; imperial units
    /// converted; checked like typed copy. With `save`, stored as the field's text (history
    /// source `draft`).
    pub fn draft(
        &self,
        handle: &str,
        field: CopyField,
        marketplace: &str,
        save: bool,
    ) -> Result<Draft> {
        self.draft_with(handle, field, marketplace, false, save)
    }

    /// [`Workbench::draft`], or with `mt` a machine draft from the endpoint `mt set` stored
    /// (the English, the field, its limit and rules and the glossary terms that apply go out;
    /// the answer is checked like typed copy). Without `mt` no endpoint is ever contacted.
    pub fn draft_with(
        &self,
        handle: &str,
        field: CopyField,
        marketplace: &str,
        mt: bool,
        save: bool,
    ) -> Result<Draft> {
        let conn = self.catalog.connect()?;
        let row = product_rows::get(&conn, handle)?;
        let glossary = self.glossary(&conn)?;
        let memory = self.memory(&conn)?;
        let templates = self.templates(marketplace)?;
        let units = Units::builtin()?;
        let owned = self.profile(marketplace)?;
        let profile = &*owned;
        let en = |f| copy_rows::get(&conn, row.id, Locale::En, f);
        let title_en = en(CopyField::Title)?;
        let description_en = kuajing_shopify::body_text(&en(CopyField::Description)?);
        let convert = |q: &str| convert_quantity(units, q);

        let mut sources = Vec::new();
        let (spec, spec_sources) = spec(&conn, &row, &title_en, units)?;
        let facts = Facts {
            title_en: title_en.clone(),
            description_en: description_en.clone(),
            tags: row.tags.clone(),
            product_type: row.product_type.clone(),
            vendor: row.vendor.clone(),
            brand_en: row.brand_en.clone(),
            brand_zh: row.brand_zh.clone(),
            origin: row.origin.clone(),
            spec,
            option_values: product_rows::variants(&conn, row.id)?
                .into_iter()
                .flat_map(|v| v.options)
                .collect(),
        };
        let vars = kuajing_draft::variables(&facts, &glossary);
        let rule = match field {
            CopyField::Title => Some(&profile.title),
            CopyField::ShortTitle => profile.short_title.as_ref(),
            _ => None,
        };
        let length = rule.map_or(kuajing_copy::Length::Gbk, |r| {
            crate::copy::length_of(r.unit)
        });
        let measure = |t: &str| length.of(t);
        let budget = rule.map(|r| r.max_units);

        // The same English saved before wins over a template.
        let remembered = match field {
            CopyField::Title => best_match(&memory, &title_en, &convert),
            _ => None,
        };
        let mut text = String::new();
        if mt {
            let english = match field {
                CopyField::Title | CopyField::ShortTitle => title_en.clone(),
                _ => description_en.clone(),
            };
            let answer = self.machine_draft(&conn, &glossary, field, &english, profile)?;
            text = answer.text;
            sources.push(Source::Mt {
                endpoint: answer.endpoint,
                model: answer.model,
            });
        } else if let Some(found) = remembered {
            text = found
                .adapted
                .clone()
                .unwrap_or_else(|| found.target.clone());
            sources.push(Source::Tm {
                source: found.source,
                target: found.target,
                score: found.score,
                adapted: found.adapted.is_some(),
            });
        } else if let Some(rendered) = templates.render(
            field.as_str(),
            &vars.values,
            budget.map(|b| (b, &measure as &dyn Fn(&str) -> u32)),
        ) {
            text = rendered.text;
            for &t in &vars.terms {
                let term = &glossary.terms()[t];
                if !text.contains(&term.zh) {
                    continue;
                }
                sources.push(Source::Glossary {
                    en: term.en.clone(),
                    zh: term.zh.clone(),
                });
            }
            sources.extend(spec_sources);
            sources.push(Source::Template {
                marketplace: marketplace.to_owned(),
                id: field.as_str().to_owned(),
                variables: vars.values.clone(),
                dropped: rendered.dropped,
            });
        }
        if field == CopyField::SellingPoints
            && let Some(rule) = &profile.selling_points
        {
            let lines: Vec<&str> = text.lines().take(rule.max_lines as usize).collect();
            text = lines.join("\n");
        }
        if field == CopyField::Description {
            // Paragraphs the translation memory knows, after the facts.
            for segment in kuajing_tm::segments(FieldKind::Description, &description_en) {
                if let Some(found) = best_match(&memory, &segment.text, &convert) {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    text.push_str(found.adapted.as_deref().unwrap_or(&found.target));
                    sources.push(Source::Tm {
                        source: found.source,
                        target: found.target,
                        score: found.score,
                        adapted: found.adapted.is_some(),
                    });
                }
            }
        }
        // Whatever imperial quantity came through (a remembered text, a glossary term).
        let converted = units.convert_text(&text);
        if converted != text {
            for q in units
                .find(&text)
                .iter()
                .filter(|q| q.imperial && q.value.is_some())
            {
                let from: String = text.chars().skip(q.start).take(q.end - q.start).collect();
                sources.push(Source::Units {
                    from,
                    to: units.to_metric(q),
                });
            }
            text = converted;
        }
        if text.is_empty() {
            return Err(Error::NothingToDraft {
                handle: handle.to_owned(),
                field: field.as_str().to_owned(),
            });
        }
        let check = self.check_product_copy(&conn, handle, marketplace, field, &text)?;
        drop(conn);
        let saved = save && {
            self.set_copy(
                handle,
                field,
                Locale::ZhCn,
                &text,
                None,
                marketplace,
                "draft",
            )?;
            true
        };
        Ok(Draft {
            handle: handle.to_owned(),
            field,
            marketplace: marketplace.to_owned(),
            text,
            units: check.units,
            limit: check.limit,
            unit: check.unit,
            findings: check.findings,
            sources,
            saved,
        })
    }

    /// The endpoint machine drafts go to, if one is set.
    pub fn mt_config(&self) -> Result<Option<kuajing_mt::MtConfig>> {
        let conn = self.catalog.connect()?;
        match setting_rows::get(&conn, MT_KEY)? {
            None => Ok(None),
            stored => Ok(Some(kuajing_mt::MtConfig::from_json(stored.as_deref())?)),
        }
    }

    /// Sets (validated) or clears (`None`) the machine-draft endpoint. The settings name
    /// where the key is (an environment variable, or the OS keyring), never the key.
    pub fn set_mt_config(&self, config: Option<&kuajing_mt::MtConfig>) -> Result<()> {
        let mut conn = self.catalog.connect()?;
        let tx = kuajing_catalog::write_tx(&mut conn)?;
        match config {
            Some(config) => {
                config.validate()?;
                setting_rows::put(&tx, MT_KEY, &config.to_json())?;
            }
            None => setting_rows::remove(&tx, MT_KEY)?,
        }
        tx.commit()?;
        Ok(())
    }

    fn machine_draft(
        &self,
        conn: &Connection,
        glossary: &Glossary,
        field: CopyField,
        english: &str,
        profile: &kuajing_marketplace::Profile,
    ) -> Result<kuajing_mt::MtAnswer> {
        let config = kuajing_mt::MtConfig::from_json(setting_rows::get(conn, MT_KEY)?.as_deref())?;
        let key = kuajing_mt::api_key(&config)?;
        let prompt = kuajing_mt::Prompt::builtin()?;
        let banned: Vec<String> = self
            .rules
            .checker()?
            .terms()
            .iter()
            .filter(|t| t.severity == kuajing_copy::Severity::Error)
            .map(|t| t.term.clone())
            .collect();
        let rules = [
            prompt.rule("banned_terms", &[("terms", &banned.join("、"))]),
            prompt.rule("simplified", &[]),
            prompt.rule("gbk_only", &[]),
            prompt.rule("metric", &[]),
            prompt.rule("no_contact", &[]),
        ]
        .into_iter()
        .flatten()
        .collect();
        // The prompt speaks in GBK units; a limit in characters is given as two units each
        // (what a title of Chinese characters alone uses). The answer is checked in the
        // profile's own unit anyway.
        let in_units = |r: &kuajing_marketplace::TitleRule| match r.unit {
            kuajing_marketplace::TitleUnit::Gbk => r.max_units,
            kuajing_marketplace::TitleUnit::Chars => r.max_units.saturating_mul(2),
        };
        let (mt_field, limit_units, max_lines) = match field {
            CopyField::Title => (
                kuajing_mt::Field::Title,
                Some(in_units(&profile.title)),
                None,
            ),
            CopyField::ShortTitle => (
                kuajing_mt::Field::ShortTitle,
                profile.short_title.as_ref().map(in_units),
                None,
            ),
            CopyField::SellingPoints => (
                kuajing_mt::Field::SellingPoints,
                profile.selling_points.as_ref().map(|r| r.max_units),
                profile.selling_points.as_ref().map(|r| r.max_lines),
            ),
            _ => (kuajing_mt::Field::Description, None, None),
        };
        let mut terms: Vec<(String, String)> = Vec::new();
        for hit in glossary.find_en(english) {
            let term = &glossary.terms()[hit.term];
            let pair = (term.en.clone(), term.zh.clone());
            if !terms.contains(&pair) {
                terms.push(pair);
            }
        }
        let request = kuajing_mt::MtRequest {
            field: mt_field,
            english: english.to_owned(),
            limit_units,
            max_lines,
            rules,
            terms,
            marketplace_name: profile.name.clone(),
        };
        Ok(kuajing_mt::draft(&config, key.as_ref(), &request)?)
    }

    /// Checks copy of a product: the marketplace's rules, plus the glossary against the
    /// product's English (a term whose approved Chinese is missing, a forbidden variant).
    pub(crate) fn check_product_copy(
        &self,
        conn: &Connection,
        handle: &str,
        marketplace: &str,
        field: CopyField,
        text: &str,
    ) -> Result<CopyCheck> {
        let glossary = self.glossary(conn)?;
        self.check_product_copy_with(conn, &glossary, handle, marketplace, field, text)
    }

    /// [`Self::check_product_copy`] with the glossary already read: a batch reads it once,
    /// not once per field (asking whether it changed reads the whole table).
    pub(crate) fn check_product_copy_with(
        &self,
        conn: &Connection,
        glossary: &Glossary,
        handle: &str,
        marketplace: &str,
        field: CopyField,
        text: &str,
    ) -> Result<CopyCheck> {
        let row = product_rows::get(conn, handle)?;
        let id = row.id;
        let brands = [row.brand_zh, row.brand_en, row.vendor];
        let context =
            kuajing_copy::Context::new().with_brands(brands.iter().filter(|b| !b.is_empty()));
        let mut check = self
            .rules
            .check_copy_for(marketplace, field, text, &context)?;
        let english = match field {
            CopyField::Title | CopyField::ShortTitle => {
                copy_rows::get(conn, id, Locale::En, CopyField::Title)?
            }
            CopyField::Description | CopyField::SellingPoints => kuajing_shopify::body_text(
                &copy_rows::get(conn, id, Locale::En, CopyField::Description)?,
            ),
            _ => return Ok(check),
        };
        // A short title or selling points say less than the English: only a forbidden variant
        // counts there.
        let whole = matches!(field, CopyField::Title | CopyField::Description);
        for issue in glossary.check(&english, text) {
            if issue.code == kuajing_draft::codes::MISSING && !whole {
                continue;
            }
            let term = &glossary.terms()[issue.term];
            let mut args = BTreeMap::new();
            args.insert("en".to_owned(), term.en.clone());
            args.insert("zh".to_owned(), term.zh.clone());
            let mut fixes = Vec::new();
            let severity = if issue.code == kuajing_draft::codes::FORBIDDEN {
                args.insert("found".to_owned(), issue.found.clone().unwrap_or_default());
                fixes.push(kuajing_copy::Fix {
                    kind: "replace-term".to_owned(),
                    start: issue.start,
                    end: issue.end,
                    replacement: term.zh.clone(),
                });
                kuajing_copy::Severity::Error
            } else {
                kuajing_copy::Severity::Warning
            };
            check.findings.push(crate::Finding {
                message: self.message("finding", issue.code, &args),
                code: issue.code.to_owned(),
                severity,
                start: issue.start,
                end: issue.end,
                args,
                fixes,
            });
        }
        check.findings.sort_by_key(|f| (f.start, f.end));
        Ok(check)
    }
}

fn tm_threshold(conn: &Connection) -> Result<u8> {
    Ok(setting_rows::get(conn, TM_THRESHOLD_KEY)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(TM_THRESHOLD))
}

/// The best match good enough to use as is: the same text (100), or one differing only in
/// quantities, which comes adapted.
fn best_match(
    memory: &Memory,
    text: &str,
    convert: &dyn Fn(&str) -> Option<String>,
) -> Option<TmMatch> {
    if text.trim().is_empty() {
        return None;
    }
    memory
        .search_with(text, TM_THRESHOLD, 5, convert)
        .into_iter()
        .find(|m| m.score == 100 || m.adapted.is_some())
}

/// An English quantity ("5 lb") in Chinese metric form, for the translation memory.
fn convert_quantity(units: &Units, en: &str) -> Option<String> {
    let found = units.find(en);
    let q = found.first().filter(|q| q.value.is_some())?;
    Some(units.to_metric(q))
}

/// The Chinese form drafted for an option value and where it came from: glossary terms and
/// metric units, else a translation-memory pair for the same text, else the value as written.
fn option_draft(
    value: &str,
    glossary: &Glossary,
    units: &Units,
    memory: &Memory,
) -> (String, &'static str) {
    let convert = |t: &str| units.convert_text(t);
    if let Some((zh, sources)) = kuajing_draft::option_value(value, glossary, &convert) {
        let kind = match sources.first() {
            Some(Source::Units { .. }) => "units",
            _ => "glossary",
        };
        return (zh, kind);
    }
    if let Some(m) = memory.search(value, 100, 1).into_iter().next() {
        return (m.target, "tm");
    }
    (value.to_owned(), "same")
}

/// The product's spec for a title: a quantity in the English title, converted (`32 fl oz` →
/// 946毫升); else, when every variant has the same option values, their Chinese forms that
/// differ from the English (a translated size or weight).
fn spec(
    conn: &Connection,
    row: &kuajing_catalog::ProductRow,
    title_en: &str,
    units: &Units,
) -> Result<(String, Vec<Source>)> {
    if let Some(q) = units.find(title_en).into_iter().find(|q| q.value.is_some()) {
        let from: String = title_en
            .chars()
            .skip(q.start)
            .take(q.end - q.start)
            .collect();
        let to = units.to_metric(&q);
        let sources = if q.imperial {
            vec![Source::Units {
                from,
                to: to.clone(),
            }]
        } else {
            Vec::new()
        };
        return Ok((to, sources));
    }
    let variants = product_rows::variants(conn, row.id)?;
    let Some(first) = variants.first() else {
        return Ok((String::new(), Vec::new()));
    };
    if variants.iter().any(|v| v.options != first.options) {
        return Ok((String::new(), Vec::new()));
    }
    let mut parts = Vec::new();
    for (name, value) in row.option_names.iter().zip(&first.options) {
        if value == DEFAULT_TITLE {
            continue;
        }
        if let Some(zh) = option_rows::get(conn, name, value)?
            && zh != *value
        {
            parts.push(zh);
        }
    }
    Ok((parts.join(" "), Vec::new()))
}

fn clean_term(term: &GlossaryTerm) -> Result<GlossaryTerm> {
    let mut term = term.clone();
    term.en = term.en.trim().to_owned();
    term.zh = term.zh.trim().to_owned();
    term.category = term.category.trim().to_ascii_lowercase();
    term.forbidden.retain(|f| !f.trim().is_empty());
    if term.en.is_empty() {
        return Err(Error::Blank("en".to_owned()));
    }
    if term.zh.is_empty() {
        return Err(Error::Blank("zh".to_owned()));
    }
    Ok(term)
}

fn to_row(term: Term, origin: &str) -> GlossaryTerm {
    GlossaryTerm {
        en: term.en,
        zh: term.zh,
        forbidden: term.forbidden,
        note: term.note,
        category: term.category,
        origin: origin.to_owned(),
    }
}

fn from_row(row: GlossaryTerm) -> Term {
    Term {
        en: row.en,
        zh: row.zh,
        forbidden: row.forbidden,
        note: row.note,
        category: row.category,
    }
}
