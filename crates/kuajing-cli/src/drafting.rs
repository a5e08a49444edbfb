//! The drafting commands: `draft`, `options`, `glossary`, `tm`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use kuajing_core::{DraftSource, GlossaryTerm, Workbench};

use crate::{FieldArg, print_json};

#[derive(Debug, Subcommand)]
pub(crate) enum OptionsAction {
    /// Override an option value's Chinese: kuajing options set Size "2 lb" 907克
    Set {
        name: String,
        value: String,
        zh: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum GlossaryAction {
    /// Add or replace a term: kuajing glossary add "Rainier Cherries" 雷尼尔车厘子 --forbid 黄樱桃
    Add {
        en: String,
        zh: String,
        /// A Chinese variant that must not be used for this term (repeatable)
        #[arg(long = "forbid", value_name = "ZH")]
        forbidden: Vec<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// product, variety, region, pack, quality, size, brand … (drafting uses it)
        #[arg(long, default_value = "")]
        category: String,
    },
    /// Remove a term
    Remove { en: String },
    /// List the terms
    List,
    /// Import terms from a CSV (en, zh, forbidden, note, category; forbidden split by |)
    Import { file: PathBuf },
    /// Export the terms as CSV
    Export { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub(crate) enum TmAction {
    /// Translation-memory matches for an English text, best first
    Search {
        text: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Show, or set (1-100), the lowest score a match needs to be shown [default: 70]
    Threshold {
        #[arg(value_parser = clap::value_parser!(u8).range(1..=100))]
        score: Option<u8>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum MtAction {
    /// kuajing mt set --endpoint http://127.0.0.1:11434/v1 --model qwen2.5:7b
    Set {
        /// The API's base URL (…/v1); /chat/completions is added
        #[arg(long)]
        endpoint: String,
        #[arg(long)]
        model: String,
        /// The environment variable holding the API key (else the OS keyring; a local
        /// server needs none). The key itself is never stored.
        #[arg(long, value_name = "VAR")]
        api_key_env: Option<String>,
    },
    /// Turn machine drafts off
    Off,
    /// Show the endpoint
    Show,
}

/// How `kuajing draft` drafts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct How {
    pub mt: bool,
    pub save: bool,
}

/// `kuajing draft HANDLE`: exit 1 when the draft has an error finding.
pub(crate) fn draft(
    workbench: &Workbench,
    handle: &str,
    field: FieldArg,
    marketplace: &str,
    how: How,
    json: bool,
) -> Result<ExitCode> {
    let draft = workbench.draft_with(handle, field.into(), marketplace, how.mt, how.save)?;
    let check = kuajing_core::CopyCheck {
        units: draft.units,
        limit: draft.limit,
        unit: draft.unit,
        findings: draft.findings.clone(),
    };
    if json {
        print_json(&draft)?;
    } else {
        out!("{}", draft.text);
        crate::print_check(&check)?;
        for source in &draft.sources {
            out!("  from {}", describe(source));
        }
        if draft.saved {
            out!("saved as the {} of {handle}", draft.field.as_str());
        }
    }
    Ok(if check.errors() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn describe(source: &DraftSource) -> String {
    match source {
        DraftSource::Glossary { en, zh } => format!("glossary: {en} = {zh}"),
        DraftSource::Template {
            marketplace,
            id,
            dropped,
            ..
        } if dropped.is_empty() => format!("template {marketplace}/{id}"),
        DraftSource::Template {
            marketplace,
            id,
            dropped,
            ..
        } => format!(
            "template {marketplace}/{id}, without {} to fit",
            dropped.join(", ")
        ),
        DraftSource::Units { from, to } => format!("units: {from} = {to}"),
        DraftSource::Tm {
            source,
            target,
            score,
            adapted,
        } => {
            let adapted = if *adapted { ", numbers adapted" } else { "" };
            format!("translation memory ({score}%{adapted}): {source} = {target}")
        }
        DraftSource::Mt { endpoint, model } => format!("machine draft: {model} at {endpoint}"),
    }
}

pub(crate) fn options(
    workbench: &Workbench,
    action: Option<OptionsAction>,
    json: bool,
) -> Result<()> {
    match action {
        None => {
            let values = workbench.option_values()?;
            if json {
                print_json(&values)?;
            } else {
                for v in &values {
                    let zh = if v.zh.is_empty() { "—" } else { &v.zh };
                    out!(
                        "{}\t{}\t{zh}\t{} products\t({})",
                        v.name,
                        v.value,
                        v.products,
                        v.source
                    );
                }
            }
        }
        Some(OptionsAction::Set { name, value, zh }) => {
            let changed = workbench.set_option_value(&name, &value, &zh, "cli")?;
            if json {
                print_json(&serde_json::json!({ "changed": changed }))?;
            } else if changed {
                out!("{name}: {value} = {zh}");
            } else {
                out!("{name}: {value} was already {zh}");
            }
        }
    }
    Ok(())
}

pub(crate) fn glossary(workbench: &Workbench, action: GlossaryAction, json: bool) -> Result<()> {
    match action {
        GlossaryAction::Add {
            en,
            zh,
            forbidden,
            note,
            category,
        } => {
            let term = GlossaryTerm {
                en,
                zh,
                forbidden,
                note,
                category,
                origin: "user".into(),
            };
            let changed = workbench.put_glossary_term(&term, "cli")?;
            if json {
                print_json(&serde_json::json!({ "changed": changed }))?;
            } else {
                out!(
                    "{} = {}{}",
                    term.en,
                    term.zh,
                    if changed { "" } else { " (unchanged)" }
                );
            }
        }
        GlossaryAction::Remove { en } => {
            let removed = workbench.remove_glossary_term(&en, "cli")?;
            if json {
                print_json(&serde_json::json!({ "removed": removed }))?;
            } else if removed {
                out!("removed {en}");
            } else {
                out!("no term {en}");
            }
        }
        GlossaryAction::List => {
            let terms = workbench.glossary_terms()?;
            if json {
                print_json(&terms)?;
            } else {
                for t in &terms {
                    let forbidden = if t.forbidden.is_empty() {
                        String::new()
                    } else {
                        format!("\tnot: {}", t.forbidden.join(", "))
                    };
                    out!("{}\t{}\t{}{forbidden}", t.en, t.zh, t.category);
                }
            }
        }
        GlossaryAction::Import { file } => {
            let report = workbench.import_glossary(&file, "cli")?;
            if json {
                print_json(&report)?;
            } else {
                out!(
                    "{}: {} added, {} changed, {} unchanged",
                    report.file,
                    report.added,
                    report.changed,
                    report.unchanged
                );
            }
        }
        GlossaryAction::Export { file } => {
            let count = workbench.export_glossary(&file)?;
            if json {
                print_json(&serde_json::json!({ "path": file, "terms": count }))?;
            } else {
                out!("wrote {}: {count} terms", file.display());
            }
        }
    }
    Ok(())
}

pub(crate) fn tm(workbench: &Workbench, action: TmAction, json: bool) -> Result<()> {
    let (text, limit) = match action {
        TmAction::Search { text, limit } => (text, limit),
        TmAction::Threshold { score } => {
            if let Some(score) = score {
                workbench.set_tm_threshold(score)?;
            }
            let threshold = workbench.tm_threshold()?;
            if json {
                print_json(&serde_json::json!({ "threshold": threshold }))?;
            } else {
                out!("translation-memory matches are shown from {threshold}%");
            }
            return Ok(());
        }
    };
    let matches = workbench.tm_search(&text, limit)?;
    if json {
        print_json(&matches)?;
    } else {
        for m in &matches {
            let adapted = m
                .adapted
                .as_deref()
                .map(|a| format!("\n    adapted: {a}"))
                .unwrap_or_default();
            out!("{:>3}% {} = {}{adapted}", m.score, m.source, m.target);
        }
    }
    Ok(())
}

pub(crate) fn print_gloss(gloss: &kuajing_core::Gloss, json: bool) -> Result<()> {
    if json {
        return print_json(gloss);
    }
    for t in &gloss.tokens {
        let pinyin = t
            .pinyin
            .as_deref()
            .map(|p| format!(" [{p}]"))
            .unwrap_or_default();
        out!("{}{pinyin}\t{}", t.text, t.gloss.join("; "));
    }
    Ok(())
}

pub(crate) fn mt(workbench: &Workbench, action: MtAction, json: bool) -> Result<()> {
    match action {
        MtAction::Set {
            endpoint,
            model,
            api_key_env,
        } => {
            let config = kuajing_core::MtConfig::new(&endpoint, &model, api_key_env.as_deref())?;
            workbench.set_mt_config(Some(&config))?;
            if json {
                print_json(&config)?;
            } else {
                out!(
                    "machine drafts from {} ({})",
                    config.completions_url(),
                    config.model
                );
            }
        }
        MtAction::Off => {
            workbench.set_mt_config(None)?;
            if json {
                print_json(&serde_json::json!({ "mt": null }))?;
            } else {
                out!("machine drafts are off");
            }
        }
        MtAction::Show => {
            let config = workbench.mt_config()?;
            if json {
                print_json(&serde_json::json!({ "mt": config }))?;
            } else {
                match config {
                    Some(c) => out!("{} ({})", c.completions_url(), c.model),
                    None => out!("machine drafts are off"),
                }
            }
        }
    }
    Ok(())
}
