//! Commands: take state, call the workbench, map the error to `{code, message, args}`.
//! Each is `async` so Tauri runs it off the main thread.

use std::path::PathBuf;

use kuajing_core::{
    AppError, CatalogInfo, CopyCheck, CopyField, ExportReport, FetchReport, HistoryEntry,
    ImportReport, Locale, ProductDetail, ProductFields, ProductSummary, ProfileSummary, Settings,
};
use tauri::State;

use crate::AppState;

type Result<T> = std::result::Result<T, AppError>;

fn app_error(e: kuajing_core::Error) -> AppError {
    AppError::from(&e)
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
    marketplace: String,
) -> Result<CopyCheck> {
    state
        .workbench
        .set_copy(&handle, field, locale, &text, &marketplace, "edit")
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

#[tauri::command(async)]
pub fn export_bundle(
    state: State<'_, AppState>,
    marketplace: String,
    path: PathBuf,
) -> Result<ExportReport> {
    state
        .workbench
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
