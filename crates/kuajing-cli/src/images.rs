//! `kuajing image` and `kuajing images`: rendering photos into marketplace slots, with
//! progress on stderr, Ctrl-C to stop, and a line per file or per finding.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Result;
use kuajing_core::{Output, Rules, Workbench};

use crate::print_json;

/// A flag set by the first Ctrl-C, so a batch stops after the photos in progress (their files
/// are whole: every write is a temp file and a rename) and reports what it did.
pub(crate) fn cancel_on_ctrl_c() -> &'static AtomicBool {
    static CANCEL: AtomicBool = AtomicBool::new(false);
    // Without a handler (another one is installed) Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::Relaxed) {
            std::process::exit(130);
        }
    });
    &CANCEL
}

/// Which slot `kuajing image` renders into.
pub(crate) struct Target<'a> {
    pub marketplace: &'a str,
    pub slot: &'a str,
    pub quality: Option<u8>,
    pub overwrite: bool,
}

pub(crate) fn render_images(
    rules: &Rules,
    inputs: &[PathBuf],
    t: &Target<'_>,
    out: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    json: bool,
) -> Result<ExitCode> {
    let results = match (out, out_dir) {
        (Some(out), _) => {
            if inputs.len() > 1 {
                crate::bad_argument!(
                    "--out names one file; use --out-dir for {} photos",
                    inputs.len()
                );
            }
            // One photo: no next one to keep freed buffers for.
            kuajing_alloc::keep_freed(false);
            vec![Some(rules.render_image(
                &inputs[0],
                t.marketplace,
                t.slot,
                t.quality,
                &Output::File(out),
            ))]
        }
        (None, Some(dir)) => {
            // One photo has nothing to stop between: Ctrl-C just ends the process (the output
            // is a temp file until it is renamed), and no handler thread is started.
            static NEVER: AtomicBool = AtomicBool::new(false);
            let cancel = if inputs.len() > 1 {
                cancel_on_ctrl_c()
            } else {
                &NEVER
            };
            let progress = |done: usize, total: usize| {
                if !json && total > 1 {
                    eprint!("\rrendering: {done}/{total}");
                }
            };
            let results = rules.render_images(
                inputs,
                t.marketplace,
                t.slot,
                t.quality,
                &dir,
                t.overwrite,
                cancel,
                &progress,
            )?;
            if !json && inputs.len() > 1 {
                eprintln!();
            }
            results
        }
        (None, None) => crate::bad_argument!("say where to write: --out FILE or --out-dir DIR"),
    };
    let mut failed = 0;
    let mut reports = Vec::new();
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Some(Ok(rendered)) => {
                if !json {
                    for f in &rendered.files {
                        out!("{}: {}x{}, {} bytes", f.path, f.width, f.height, f.bytes);
                    }
                    for f in &rendered.findings {
                        out!("warning: {}: {}", input.display(), f.message);
                    }
                }
                reports.push(rendered);
            }
            Some(Err(e)) => {
                failed += 1;
                eprintln!("error: {e}");
            }
            None => {
                failed += 1;
                eprintln!("cancelled: {}", input.display());
            }
        }
    }
    if json {
        if inputs.len() == 1 && reports.len() == 1 {
            print_json(&reports[0])?;
        } else {
            print_json(&reports)?;
        }
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Renders the catalog's photos (or those of `handles`) for `marketplace` and reports what was
/// rendered, taken from the cache or failed; failures and findings a line each.
pub(crate) fn render_catalog(
    workbench: &Workbench,
    marketplace: &str,
    handles: &[String],
    json: bool,
) -> Result<ExitCode> {
    let cancel = cancel_on_ctrl_c();
    let selection = (!handles.is_empty()).then_some(handles);
    let report = workbench.render_catalog(marketplace, selection, cancel, &|p| {
        if !json {
            eprint!(
                "\rrendering images: {}/{} photos ({} rendered, {} from cache, {} failed)",
                p.done, p.total, p.rendered, p.cached, p.failed
            );
        }
    })?;
    if json {
        print_json(&report)?;
    } else {
        eprintln!();
        let p = &report.progress;
        out!(
            "{}{}: {} of {} photos, {} slot images rendered, {} from cache, {} failed, in {:.1} s",
            report.marketplace,
            if report.cancelled { " (cancelled)" } else { "" },
            p.done,
            p.total,
            p.rendered,
            p.cached,
            p.failed,
            report.elapsed_ms as f64 / 1000.0
        );
        for n in &report.notes {
            if let Some(e) = &n.error {
                out!(
                    "error {} image {} {}: {}",
                    n.handle,
                    n.position,
                    n.slot,
                    e.message
                );
            }
            for f in &n.findings {
                out!(
                    "warning {} image {} {}: {}",
                    n.handle,
                    n.position,
                    n.slot,
                    f.message
                );
            }
        }
    }
    Ok(if report.progress.failed > 0 || report.cancelled {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
