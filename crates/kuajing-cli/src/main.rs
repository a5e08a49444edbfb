//! `kuajing`: the command line over the same use cases as the desktop app, for automation and
//! tests. It parses arguments, calls `kuajing-core`, and prints text or JSON. Errors print one
//! line naming the file, row or field, and exit non-zero.

// Printing is this crate's job.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

/// `println!` that treats a closed stdout (`kuajing products | head`) as the end of the
/// output, not a crash.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(e.into());
        }
    }};
}
mod bulk;
mod drafting;
mod fail;
mod images;
mod marketplaces;
mod products;
mod review;

use fail::bad_argument;

/// Photo buffers on huge pages, reused across a batch: see `kuajing-alloc`.
#[global_allocator]
static ALLOCATOR: kuajing_alloc::Allocator = kuajing_alloc::Allocator;

use clap::{Parser, Subcommand, ValueEnum};
use kuajing_core::{CopyField, Locale, Rules, Workbench};

#[derive(Debug, Parser)]
#[command(
    name = "kuajing",
    version,
    about = "Turn a Shopify catalog into Chinese marketplace listings"
)]
struct Cli {
    /// The catalog file [default: $KUAJING_CATALOG, else the app's catalog in the user data folder]
    #[arg(long, global = true, value_name = "PATH")]
    catalog: Option<PathBuf>,
    /// Print results as JSON; an error that stops a command prints {"error": {code, message, args}}
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import a Shopify product CSV export (one transaction; a file with errors changes nothing)
    Import {
        file: PathBuf,
        /// Report what would be added or changed, and every problem, without writing
        #[arg(long)]
        dry_run: bool,
    },
    /// Load the sample catalog (a cherry orchard, a seafood packer and a nut grower)
    Sample,
    /// Back the catalog up now, into `backups/` beside it (the newest 10 are kept; to restore
    /// one, copy it over the catalog file while the app is closed)
    Backup,
    /// List products: all, or those matching a search and filters
    Products {
        /// Words in the handle, vendor, brands, SKUs or copy (English or Chinese); each must
        /// appear, the last may be a word's start
        #[arg(long, value_name = "TEXT", default_value = "")]
        search: String,
        /// Products whose Chinese needs work first: rejected, stale, not reviewed, reviewed;
        /// approved last
        #[arg(long)]
        attention: bool,
        /// Only this vendor's products
        #[arg(long, value_name = "NAME")]
        vendor: Option<String>,
        /// Only products with a Chinese field in this review state
        #[arg(long, value_name = "STATE")]
        state: Option<review::QueueState>,
        /// Only products with a stale Chinese field (its English changed since)
        #[arg(long)]
        stale: bool,
        /// The marketplace the error counts and completeness are for (default tmall-global)
        #[arg(long, value_name = "ID")]
        marketplace: Option<String>,
        /// Only products below 100% complete for --marketplace
        #[arg(long, requires = "marketplace")]
        incomplete: bool,
        /// Only products whose Chinese copy has error findings for the marketplace
        #[arg(long)]
        errors: bool,
    },
    /// Show one product (copy, variants, attributes, label data), or `product set HANDLE FIELD VALUE`
    #[command(args_conflicts_with_subcommands = true)]
    Product {
        #[command(subcommand)]
        action: Option<products::ProductAction>,
        handle: Option<String>,
    },
    /// The vendors and their agent in China (境内代理商), which the labels print
    Vendor {
        #[command(subcommand)]
        action: products::VendorAction,
    },
    /// Change the brand, origin or HS code of many products at once, with one undo
    Bulk {
        #[command(subcommand)]
        action: bulk::BulkAction,
    },
    /// Show a product's edit history, newest first
    History { handle: String },
    /// Edit listing copy
    Copy {
        #[command(subcommand)]
        action: CopyAction,
    },
    /// List the marketplaces: title rule, image slots, and whether they export a bundle
    Marketplaces,
    /// How complete each product is for a marketplace: the share of its required fields and
    /// slots filled and free of errors, and what is missing
    Completeness {
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        /// Also write it as CSV (UTF-8 with BOM) to FILE
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Check a piece of Chinese copy against a marketplace's rules
    Lint {
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        #[arg(long, value_enum, default_value = "title")]
        field: FieldArg,
        text: String,
    },
    /// Render photos into a marketplace image slot (many photos: on every core)
    Image {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        /// A slot id from the marketplace profile: main, white, main34, detail, home…
        #[arg(long, default_value = "main")]
        slot: String,
        /// The output file (one input only); detail slices get -2, -3… before the extension
        #[arg(long, conflicts_with = "out_dir", required_unless_present = "out_dir")]
        out: Option<PathBuf>,
        /// The output folder; each file is named after its input (its name minus the last
        /// extension, plus the slot's; ` (2)` when two would collide)
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Replace files already in --out-dir (without it, such an input is an error)
        #[arg(long, requires = "out_dir")]
        overwrite: bool,
        /// JPEG quality to start from instead of the slot's (the byte cap still applies)
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=100))]
        quality: Option<u8>,
    },
    /// Render the catalog's images into every slot of a marketplace (on every core, through
    /// the render cache; Ctrl-C stops after the photos in progress), or download them (fetch)
    #[command(args_conflicts_with_subcommands = true)]
    Images {
        #[command(subcommand)]
        action: Option<ImagesAction>,
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        /// Only these products (repeatable)
        #[arg(long = "handle")]
        handles: Vec<String>,
    },
    /// Write a marketplace bundle: listing sheet, images, manifest and report, in one zip
    Export {
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Set the exchange rate used for prices
    Rate {
        #[command(subcommand)]
        action: RateAction,
    },
    /// Draft a product's Chinese copy from the glossary, translation memory and the
    /// marketplace's template, checked like typed copy (exit 1 on an error finding)
    Draft {
        handle: String,
        #[arg(long, value_enum, default_value = "title")]
        field: FieldArg,
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
        /// A machine draft from the endpoint `kuajing mt set` stored (never contacted without)
        #[arg(long)]
        mt: bool,
        /// Store the draft as the field's text (history source: draft)
        #[arg(long)]
        save: bool,
    },
    /// Option values (2 lb, Gift Box) in Chinese, once per catalog
    #[command(args_conflicts_with_subcommands = true)]
    Options {
        #[command(subcommand)]
        action: Option<drafting::OptionsAction>,
    },
    /// The glossary: English terms, their approved Chinese and forbidden variants
    Glossary {
        #[command(subcommand)]
        action: drafting::GlossaryAction,
    },
    /// The translation memory
    Tm {
        #[command(subcommand)]
        action: drafting::TmAction,
    },
    /// Machine drafts: an OpenAI-compatible chat endpoint (a local LLM server or a cloud
    /// service); off until set
    Mt {
        #[command(subcommand)]
        action: drafting::MtAction,
    },
    /// What Chinese text says, word by word in English (the catalog's glossary first, when
    /// there is a catalog; quantities read back in both systems)
    Gloss { text: String },
    /// Review translations: set a field's state (with who and a comment), the queue of
    /// fields to review, the reviewer's name
    Review {
        #[command(subcommand)]
        action: review::ReviewAction,
    },
}

#[derive(Debug, Subcommand)]
enum CopyAction {
    /// Set a product's copy: kuajing copy set HANDLE title --locale zh-CN TEXT
    Set {
        handle: String,
        #[arg(value_enum)]
        field: FieldArg,
        #[arg(long, default_value = "zh-CN")]
        locale: String,
        text: String,
        /// Save only if the copy is still OLD_TEXT (what this edit started from; "" for none):
        /// otherwise nothing is written and the error is copy-conflict
        #[arg(long, value_name = "OLD_TEXT")]
        expect: Option<String>,
        #[arg(long, default_value = kuajing_core::DEFAULT_MARKETPLACE)]
        marketplace: String,
    },
}

#[derive(Debug, Subcommand)]
enum ImagesAction {
    /// Download the photos the Shopify export names by URL (offline, they keep waiting)
    Fetch {
        /// Only this product's images
        #[arg(long)]
        handle: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum RateAction {
    /// kuajing rate set USD/CNY 7.20 [--date YYYY-MM-DD]
    Set {
        /// Only USD/CNY for now
        pair: String,
        rate: f64,
        /// The day the rate was taken [default: today]
        #[arg(long)]
        date: Option<String>,
    },
}

/// The copy fields, named as in JSON and the catalog (snake_case: `ValueEnum` alone would
/// write `selling-points`).
#[derive(Debug, Clone, Copy, ValueEnum)]
enum FieldArg {
    #[value(name = "title")]
    Title,
    #[value(name = "selling_points")]
    SellingPoints,
    #[value(name = "description")]
    Description,
    #[value(name = "short_title")]
    ShortTitle,
}

impl From<FieldArg> for CopyField {
    fn from(f: FieldArg) -> Self {
        match f {
            FieldArg::Title => CopyField::Title,
            FieldArg::SellingPoints => CopyField::SellingPoints,
            FieldArg::Description => CopyField::Description,
            FieldArg::ShortTitle => CopyField::ShortTitle,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    kuajing_core::log_to_stderr("");
    let json = cli.json;
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            fail::report(&e, json);
            ExitCode::FAILURE
        }
    }
}

fn lang() -> String {
    ["KUAJING_LANG", "LC_ALL", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_default()
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    out!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Imports `file`, showing on a terminal how far it has come (bytes read, then rows
/// written); the first Ctrl-C stops it with nothing changed.
fn import_showing_progress(
    workbench: &Workbench,
    file: &std::path::Path,
    dry_run: bool,
    json: bool,
) -> Result<kuajing_core::ImportReport> {
    use std::io::IsTerminal as _;
    let shown = !json && std::io::stderr().is_terminal();
    let cancel = images::cancel_on_ctrl_c();
    let report = workbench.import_with(file, dry_run, cancel, &|p| {
        if !shown {
            return;
        }
        let mib = |b: u64| b as f64 / f64::from(1 << 20);
        match p.stage {
            kuajing_core::ImportStage::Reading => eprint!(
                "\rreading {}: {:.1} of {:.1} MB   ",
                file.display(),
                mib(p.bytes),
                mib(p.total_bytes)
            ),
            kuajing_core::ImportStage::Writing => eprint!(
                "\rwriting: {} of {} rows                    ",
                p.rows, p.total_rows
            ),
        }
    })?;
    if shown {
        eprintln!();
    }
    Ok(report)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let rules = Rules::new(&lang())?;
    let catalog = cli
        .catalog
        .clone()
        .unwrap_or_else(kuajing_core::default_catalog_path);
    let open = || Workbench::open(&catalog, rules.clone());
    let json = cli.json;
    match cli.command {
        Command::Import { file, dry_run } => {
            let report = import_showing_progress(&open()?, &file, dry_run, json)?;
            if json {
                print_json(&report)?;
            } else {
                for p in report.errors.iter().chain(&report.warnings) {
                    let column = p
                        .column
                        .as_deref()
                        .map(|c| format!(", column {c}"))
                        .unwrap_or_default();
                    let kind = if p.severity == kuajing_core::Severity::Error {
                        "error"
                    } else {
                        "warning"
                    };
                    out!(
                        "{}: row {}{column}: {kind}: {}",
                        report.file,
                        p.row,
                        p.message
                    );
                }
                let verb = if report.cancelled {
                    "cancelled: did not import"
                } else if report.applied {
                    "imported"
                } else if dry_run {
                    "would import"
                } else {
                    "did not import"
                };
                out!(
                    "{verb} {} products ({} new, {} changed, {} unchanged), {} variants, {} images; {} errors, {} warnings",
                    report.products,
                    report.added.len(),
                    report.updated.len(),
                    report.unchanged.len(),
                    report.variants,
                    report.images,
                    report.errors.len(),
                    report.warnings.len()
                );
            }
            if report.cancelled {
                // As a shell reports a command stopped by Ctrl-C.
                return Ok(ExitCode::from(130));
            }
            if let Some(refusal) = report.refusal() {
                if !json {
                    eprintln!("error: {refusal}");
                }
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Backup => {
            let backup = open()?.backup()?;
            if json {
                print_json(&backup)?;
            } else {
                out!(
                    "backed up to {} ({:.1} MB) in {:.1} s",
                    backup.path,
                    backup.bytes as f64 / 1e6,
                    backup.elapsed_ms as f64 / 1000.0
                );
            }
        }
        Command::Sample => {
            let report = open()?.load_sample()?;
            if json {
                print_json(&report)?;
            } else {
                out!(
                    "loaded the sample catalog: {} products, {} variants, {} images",
                    report.products,
                    report.variants,
                    report.images
                );
            }
        }
        Command::Products {
            search,
            attention,
            vendor,
            state,
            stale,
            marketplace,
            incomplete,
            errors,
        } => {
            let order = if attention {
                kuajing_core::ListOrder::Attention
            } else {
                kuajing_core::ListOrder::Vendor
            };
            let query = kuajing_core::ProductQuery {
                search,
                order,
                vendor,
                state: state.map(Into::into),
                stale,
                marketplace,
                incomplete,
                errors,
            };
            let products = open()?.products_page(&query, 0, None, false)?.items;
            if json {
                print_json(&products)?;
            } else {
                for p in &products {
                    let zh = p.title_zh.as_deref().unwrap_or("—");
                    out!(
                        "{}\t{}\t{}\t{} variants",
                        p.handle,
                        p.title_en,
                        zh,
                        p.variants
                    );
                }
            }
        }
        Command::Product { handle, action } => products::product(&open()?, handle, action, json)?,
        Command::Vendor { action } => products::vendor(&open()?, action, json)?,
        Command::Bulk { action } => bulk::run(&open()?, action, json)?,
        Command::History { handle } => {
            let entries = open()?.history(&handle)?;
            if json {
                print_json(&entries)?;
            } else {
                for e in &entries {
                    let locale = e.locale.as_deref().unwrap_or("");
                    out!(
                        "{} {} {} {locale}: {} -> {}",
                        e.at,
                        e.source,
                        e.field,
                        e.old.as_deref().unwrap_or("∅"),
                        e.new.as_deref().unwrap_or("∅")
                    );
                }
            }
        }
        Command::Copy {
            action:
                CopyAction::Set {
                    handle,
                    field,
                    locale,
                    text,
                    expect,
                    marketplace,
                },
        } => {
            let locale = match locale.as_str() {
                "zh-CN" | "zh-cn" => Locale::ZhCn,
                other => bad_argument!(
                    "--locale {other}: only zh-CN copy is edited here (English comes from the import)"
                ),
            };
            let check = open()?.set_copy(
                &handle,
                field.into(),
                locale,
                &text,
                expect.as_deref(),
                &marketplace,
                "cli",
            )?;
            if json {
                print_json(&check)?;
            } else {
                print_check(&check)?;
            }
        }
        Command::Marketplaces => marketplaces::list(json)?,
        Command::Completeness { marketplace, csv } => {
            marketplaces::completeness(&open()?, &marketplace, csv.as_deref(), json)?;
        }
        Command::Lint {
            marketplace,
            field,
            text,
        } => {
            let check = rules.check_copy(&marketplace, field.into(), &text)?;
            if json {
                print_json(&check)?;
            } else {
                print_check(&check)?;
            }
            if check.errors() > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Image {
            inputs,
            marketplace,
            slot,
            out,
            out_dir,
            overwrite,
            quality,
        } => {
            let target = images::Target {
                marketplace: &marketplace,
                slot: &slot,
                quality,
                overwrite,
            };
            return images::render_images(&rules, &inputs, &target, out, out_dir, json);
        }
        Command::Images {
            action: None,
            marketplace,
            handles,
        } => {
            return images::render_catalog(&open()?, &marketplace, &handles, json);
        }
        Command::Images {
            action: Some(ImagesAction::Fetch { handle }),
            ..
        } => {
            let report = open()?.fetch_images(handle.as_deref(), |done, total| {
                if !json {
                    eprint!("\rdownloading images: {done}/{total}");
                }
            })?;
            if json {
                print_json(&report)?;
            } else {
                eprintln!();
                out!(
                    "{} downloaded, {} waiting for network, {} failed",
                    report.fetched,
                    report.waiting,
                    report.failed.len()
                );
                for f in &report.failed {
                    out!("failed {}: {}", f.handle, f.error.message);
                }
            }
        }
        Command::Export { marketplace, out } => {
            let report = open()?.export(&marketplace, &out)?;
            if json {
                print_json(&report)?;
            } else {
                out!(
                    "wrote {}: {} products, {} rows, {} images at 1 USD = {} CNY ({})",
                    report.path,
                    report.products,
                    report.rows,
                    report.images,
                    report.rate.usd_cny,
                    report.rate.date
                );
                const SHOWN: usize = 10;
                for s in report.skipped.iter().take(SHOWN) {
                    for r in &s.reasons {
                        out!("left out {}: {}", s.handle, r.message);
                    }
                }
                if report.skipped.len() > SHOWN {
                    out!(
                        "… and {} more left out (every reason is in report.txt inside the bundle, or use --json)",
                        report.skipped.len() - SHOWN
                    );
                }
            }
        }
        Command::Rate {
            action: RateAction::Set { pair, rate, date },
        } => {
            if !pair.eq_ignore_ascii_case("USD/CNY") {
                bad_argument!("rate pair `{pair}`: only USD/CNY is supported");
            }
            let date = date.unwrap_or_else(kuajing_core::today);
            let settings = open()?.set_rate(rate, &date).context("rate set")?;
            if let Some(r) = settings.rate {
                out!("1 USD = {} CNY ({})", r.usd_cny, r.date);
            }
        }
        Command::Draft {
            handle,
            field,
            marketplace,
            mt,
            save,
        } => {
            let how = drafting::How { mt, save };
            return drafting::draft(&open()?, &handle, field, &marketplace, how, json);
        }
        Command::Mt { action } => drafting::mt(&open()?, action, json)?,
        Command::Options { action } => drafting::options(&open()?, action, json)?,
        Command::Glossary { action } => drafting::glossary(&open()?, action, json)?,
        Command::Tm { action } => drafting::tm(&open()?, action, json)?,
        Command::Review { action } => review::review(&open()?, action, json)?,
        Command::Gloss { text } => {
            // Glossing never creates a catalog: without one, the dictionary alone.
            let gloss = if catalog.exists() {
                open()?.gloss(&text)?
            } else {
                rules.gloss(&text)?
            };
            drafting::print_gloss(&gloss, json)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn print_check(check: &kuajing_core::CopyCheck) -> Result<()> {
    let unit = match check.unit {
        kuajing_core::Length::Gbk => "GBK units",
        kuajing_core::Length::Chars => "characters",
    };
    match check.limit {
        Some(limit) => out!("{} / {limit} {unit}", check.units),
        None => out!("{} {unit}", check.units),
    }
    for f in &check.findings {
        let severity = serde_json::to_value(f.severity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out!(
            "{severity} [{}] {}..{}: {}",
            f.code,
            f.start,
            f.end,
            f.message
        );
    }
    Ok(())
}
