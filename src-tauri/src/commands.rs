//! Commands: take state, call the workbench, map the error to `{code, message, args}`.
//! Each is `async` so Tauri runs it off the main thread; those that render images run on a
//! blocking thread so they never hold up the async runtime's few workers.

use std::collections::BTreeMap;
use std::path::PathBuf;

use kuajing_core::{
    AppError, CatalogInfo, CopyCheck, CopyField, ExportReport, FetchReport, HistoryEntry,
    ImagePreview, ImportReport, Locale, ProductDetail, ProductFields, ProductSummary,
    ProfileSummary, RenderProgress, RenderReport, Settings,
};
use tauri::State;
use tauri::ipc::Channel;

use crate::AppState;

type Result<T> = std::result::Result<T, AppError>;

fn app_error(e: kuajing_core::Error) -> AppError {
    AppError::from(&e)
}

/// Runs `work` on a blocking thread (image work takes seconds).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> kuajing_core::Result<T> + Send + 'static,
) -> Result<T> {
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(app_error),
        Err(e) => Err(AppError {
            code: "unexpected".into(),
            message: e.to_string(),
            args: BTreeMap::new(),
        }),
    }
}

#[tauri::command(async)]
pub fn catalog_info(state: State<'_, AppState>) -> Result<CatalogInfo> {
    state.workbench.catalog_info().map_err(app_error)
}

#[tauri::command(async)]
pub fn list_marketplaces(state: State<'_, AppState>) -> Result<Vec<ProfileSummary>> {
    state.workbench.marketplaces().map_err(app_error)
}

#[tauri::command(async)]
pub fn load_sample(state: State<'_, AppState>) -> Result<ImportReport> {
    state.workbench.load_sample().map_err(app_error)
}

#[tauri::command(async)]
pub fn preview_import(state: State<'_, AppState>, path: PathBuf) -> Result<ImportReport> {
    state.workbench.import(&path, true).map_err(app_error)
}

#[tauri::command(async)]
pub fn import_file(state: State<'_, AppState>, path: PathBuf) -> Result<ImportReport> {
    let report = state.workbench.import(&path, false).map_err(app_error)?;
    match report.refusal() {
        Some(refusal) => Err(app_error(refusal)),
        None => Ok(report),
    }
}

#[tauri::command(async)]
pub fn list_products(state: State<'_, AppState>, search: String) -> Result<Vec<ProductSummary>> {
    state.workbench.products(&search, true).map_err(app_error)
}

#[tauri::command(async)]
pub fn get_product(state: State<'_, AppState>, handle: String) -> Result<ProductDetail> {
    state.workbench.product(&handle).map_err(app_error)
}

#[tauri::command(async)]
pub fn set_copy(
    state: State<'_, AppState>,
    handle: String,
    field: CopyField,
    locale: Locale,
    text: String,
    base: Option<String>,
    marketplace: String,
) -> Result<CopyCheck> {
    state
        .workbench
        .set_copy(
            &handle,
            field,
            locale,
            &text,
            base.as_deref(),
            &marketplace,
            "edit",
        )
        .map_err(app_error)
}

#[tauri::command(async)]
pub fn check_copy(
    state: State<'_, AppState>,
    marketplace: String,
    field: CopyField,
    text: String,
) -> Result<CopyCheck> {
    state
        .workbench
        .check_copy(&marketplace, field, &text)
        .map_err(app_error)
}

#[tauri::command(async)]
pub fn set_product_fields(
    state: State<'_, AppState>,
    handle: String,
    fields: ProductFields,
) -> Result<ProductDetail> {
    state
        .workbench
        .set_product_fields(&handle, &fields, "edit")
        .map_err(app_error)
}

#[tauri::command(async)]
pub fn product_history(state: State<'_, AppState>, handle: String) -> Result<Vec<HistoryEntry>> {
    state.workbench.history(&handle).map_err(app_error)
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.workbench.settings().map_err(app_error)
}

#[tauri::command(async)]
pub fn set_rate(state: State<'_, AppState>, rate: f64, date: String) -> Result<Settings> {
    state.workbench.set_rate(rate, &date).map_err(app_error)
}

#[tauri::command(async)]
pub fn default_export_path(state: State<'_, AppState>, marketplace: String) -> String {
    state.workbench.default_export_path(&marketplace)
}

/// `lang`: the UI language, which the bundle's report.txt and the report's messages are in.
#[tauri::command(async)]
pub fn export_bundle(
    state: State<'_, AppState>,
    marketplace: String,
    path: PathBuf,
    lang: String,
) -> Result<ExportReport> {
    state
        .workbench
        .with_lang(&lang)
        .export(&marketplace, &path)
        .map_err(app_error)
}

#[tauri::command(async)]
pub fn fetch_images(state: State<'_, AppState>, handle: Option<String>) -> Result<FetchReport> {
    state
        .workbench
        .fetch_images(handle.as_deref(), |_, _| {})
        .map_err(app_error)
}

/// Renders the catalog's photos (or those of `handles`) into every slot of `marketplace`,
/// sending progress after each photo; refused while another batch runs.
#[tauri::command]
pub async fn render_catalog(
    state: State<'_, AppState>,
    marketplace: String,
    handles: Option<Vec<String>>,
    lang: String,
    on_progress: Channel<RenderProgress>,
) -> Result<RenderReport> {
    let running = state.render.start()?;
    let workbench = state.workbench.with_lang(&lang);
    blocking(move || {
        // A closed window is no reason to stop: what is rendered stays in the cache.
        let progress = |p| drop(on_progress.send(p));
        workbench.render_catalog(
            &marketplace,
            handles.as_deref(),
            running.cancel_flag(),
            &progress,
        )
    })
    .await
}

/// The running batch starts no new photo; it answers with what it did.
#[tauri::command]
pub fn cancel_render(state: State<'_, AppState>) {
    state.render.cancel();
}

#[tauri::command]
pub async fn image_previews(
    state: State<'_, AppState>,
    handle: String,
    marketplace: String,
    lang: String,
) -> Result<Vec<ImagePreview>> {
    let workbench = state.workbench.with_lang(&lang);
    blocking(move || workbench.image_previews(&handle, &marketplace)).await
}

/// A `data:` URL: the rendered `slot` image's `part`-th file, or with no slot the photo.
#[tauri::command]
pub async fn image_view(
    state: State<'_, AppState>,
    image_id: i64,
    marketplace: String,
    slot: Option<String>,
    part: usize,
) -> Result<String> {
    let workbench = std::sync::Arc::clone(&state.workbench);
    blocking(move || workbench.image_view(image_id, &marketplace, slot.as_deref(), part)).await
}
