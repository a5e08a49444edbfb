//! The Kuajing desktop app: the only crate that knows Tauri. It holds one open
//! [`Workbench`] as managed state and exposes its use cases as commands of a few lines each;
//! all logic lives in `kuajing-core` and below.

mod batch;
mod commands;

use std::sync::Arc;

use kuajing_core::{Rules, Workbench};

/// The open catalog, shared by every command, and the render batch's controls.
#[derive(Debug)]
pub struct AppState {
    pub workbench: Arc<Workbench>,
    pub render: batch::RenderBatch,
}

/// Starts the app on the default catalog (`$KUAJING_CATALOG` or the user data folder).
pub fn run() {
    let workbench = Rules::new("en")
        .and_then(|rules| Workbench::open(&kuajing_core::default_catalog_path(), rules));
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
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            workbench,
            render: batch::RenderBatch::default(),
        })
        .invoke_handler(tauri::generate_handler![
            commands::catalog_info,
            commands::list_marketplaces,
            commands::load_sample,
            commands::preview_import,
            commands::import_file,
            commands::list_products,
            commands::get_product,
            commands::set_copy,
            commands::check_copy,
            commands::set_product_fields,
            commands::product_history,
            commands::get_settings,
            commands::set_rate,
            commands::default_export_path,
            commands::export_bundle,
            commands::fetch_images,
            commands::render_catalog,
            commands::cancel_render,
            commands::image_previews,
            commands::image_view,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("kuajing: the window could not start: {e}");
        }
        std::process::exit(1);
    }
}
