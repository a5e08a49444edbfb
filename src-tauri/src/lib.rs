//! The Kuajing desktop app: the only crate that knows Tauri. It holds one open
//! [`Workbench`] as managed state and exposes its use cases as commands of a few lines each;
//! all logic lives in `kuajing-core` and below.
//!
//! Two things the window itself needs live here too: one app per catalog ([`instance`]), and
//! closing without losing typed text. The latter is the UI's (`ui/src/lib/closing.ts`): it
//! listens for the window's close request, which makes Tauri hold the close, saves everything
//! pending, then destroys the window (`core:window:allow-destroy` in `capabilities/`).

mod batch;
mod commands;
pub mod instance;

use std::sync::Arc;

use kuajing_core::{Rules, Workbench};
use tauri::Manager;

/// The open catalog, shared by every command, and the batches' controls.
#[derive(Debug)]
pub struct AppState {
    pub workbench: Arc<Workbench>,
    pub render: batch::Batch,
    pub draft: batch::Batch,
    pub import: batch::Batch,
}

/// `builder` with the app's state and commands: [`run`] gives it the real window's, the tests
/// Tauri's mock runtime's (`tauri::test::mock_builder`).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    workbench: Arc<Workbench>,
) -> tauri::Builder<R> {
    builder
        .manage(AppState {
            workbench,
            render: batch::Batch::default(),
            draft: batch::Batch::default(),
            import: batch::Batch::default(),
        })
        .invoke_handler(tauri::generate_handler![
            commands::catalog_info,
            commands::list_marketplaces,
            commands::load_sample,
            commands::preview_import,
            commands::import_file,
            commands::cancel_import,
            commands::products_page,
            commands::get_product,
            commands::set_copy,
            commands::check_copy,
            commands::set_product_fields,
            commands::bulk_set_fields,
            commands::undo_bulk,
            commands::product_history,
            commands::get_settings,
            commands::set_rate,
            commands::set_tm_threshold,
            commands::set_mt,
            commands::set_approved_only,
            commands::review_set,
            commands::review_queue,
            commands::reviewer,
            commands::set_reviewer,
            commands::default_export_path,
            commands::export_bundle,
            commands::fetch_images,
            commands::render_catalog,
            commands::cancel_render,
            commands::image_previews,
            commands::image_view,
            commands::draft,
            commands::suggestions,
            commands::gloss,
            commands::draft_empty_fields,
            commands::cancel_draft,
            commands::option_values,
            commands::set_option_value,
            commands::glossary_terms,
            commands::put_glossary_term,
            commands::remove_glossary_term,
            commands::import_glossary,
            commands::export_glossary,
            commands::product_completeness,
            commands::export_completeness,
            commands::list_vendors,
            commands::validate_export,
            commands::bundle_report,
            commands::set_vendor_field,
        ])
}

/// Starts the app on the default catalog (`$KUAJING_CATALOG` or the user data folder).
pub fn run() {
    kuajing_core::log_to_stderr("kuajing: ");
    let catalog = kuajing_core::default_catalog_path();
    let mut instance = match instance::claim(&catalog) {
        Ok(instance::Claim::First(instance)) => Some(instance),
        Ok(instance::Claim::Second { focused }) => {
            let shown = if focused {
                "; it was brought to the front"
            } else {
                ""
            };
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "kuajing: {} is open in another window{shown}",
                    catalog.display()
                );
            }
            std::process::exit(0);
        }
        Err(e) => {
            // Without the lock the app still works; a second window on the catalog is then
            // caught by the copy editor's conflict check instead.
            #[allow(clippy::print_stderr)]
            {
                eprintln!("kuajing: cannot tell whether another window has this catalog open: {e}");
            }
            None
        }
    };
    let workbench = Rules::new("en").and_then(|rules| Workbench::open(&catalog, rules));
    let workbench = match workbench {
        Ok(w) => Arc::new(w),
        Err(e) => {
            // Nothing can work without a catalog; say why on the terminal and stop.
            #[allow(clippy::print_stderr)]
            {
                eprintln!("kuajing: {e}");
            }
            std::process::exit(1);
        }
    };
    // A backup a day, in the background: the window does not wait for it, and a failure
    // only loses the backup (said on the terminal).
    let backing_up = Arc::clone(&workbench);
    std::thread::spawn(move || {
        if let Err(e) = backing_up.backup_if_due() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("kuajing: the daily backup failed: {e}");
            }
        }
    });
    let app = with_commands(tauri::Builder::default(), workbench)
        .plugin(tauri_plugin_dialog::init())
        .build(tauri::generate_context!());
    match app {
        Ok(app) => {
            // `instance` (the lock) lives until `run` ends, which is when the app does.
            let socket = instance.as_mut().map(|instance| {
                let handle = app.handle().clone();
                instance.serve(move || bring_to_front(&handle));
                instance.socket().to_path_buf()
            });
            app.run(move |_, event| {
                if let tauri::RunEvent::Exit = event
                    && let Some(socket) = &socket
                {
                    // Tidiness only: the next app replaces a stale socket file anyway.
                    let _ = std::fs::remove_file(socket);
                }
            });
            drop(instance);
        }
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("kuajing: the window could not start: {e}");
            }
            std::process::exit(1);
        }
    }
}

/// Shows the main window on top of the others: a second launch on this catalog asked for it.
fn bring_to_front(handle: &tauri::AppHandle) {
    if let Some(window) = handle.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
