//! Commands: take state, call the workbench, map the error to `{code, message, args}`.
//!
//! Every command that reads or writes the catalog or files runs on a blocking thread
//! ([`with_workbench`]): the async runtime has one worker per core, so on two cores two imports,
//! or saves waiting for an import's write lock, would otherwise hold every worker and the
//! window's reads would queue behind them (measured: `catalog_info` waited 61 s behind two dry
//! runs of a 20,000-product import; on a blocking thread it answers in 3 ms). A panic on that thread comes back to
//! the UI as an `unexpected` error instead of ending the app or leaving its promise waiting.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use kuajing_core::{
    AppError, BulkEdit, BulkTarget, CatalogInfo, CopyCheck, CopyField, Draft, DraftBatchReport,
    DraftProgress, Error, ExportReport, FetchReport, Gloss, GlossaryImport, GlossaryTerm,
    HistoryEntry, ImagePreview, ImportProgress, ImportReport, Locale, MarketplaceCompleteness,
    MtSettings, OptionValue, ProductDetail, ProductFields, ProductPage, ProductQuery,
    ProfileSummary, RenderProgress, RenderReport, ReviewFilter, ReviewItem, ReviewQueue,
    ReviewState, Settings, Suggestions, Validation, Vendor, Workbench,
};
use tauri::State;
use tauri::ipc::Channel;

use crate::AppState;

type Result<T> = std::result::Result<T, AppError>;

/// The most products one `products_page` answers with: the list asks for pages, never for all.
const MAX_PAGE: usize = 500;

/// Runs `work` on a blocking thread; a panic in it becomes an `unexpected` error.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> kuajing_core::Result<T> + Send + 'static,
) -> Result<T> {
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result.map_err(|e| AppError::from(&e)),
        Err(e) => Err(unexpected(e)),
    }
}

/// [`blocking`] with the open workbench.
async fn with_workbench<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Workbench) -> kuajing_core::Result<T> + Send + 'static,
) -> Result<T> {
    let workbench = Arc::clone(&state.workbench);
    blocking(move || work(&workbench)).await
}

/// The error for a command whose thread panicked (or was cancelled): its message, if it had one.
fn unexpected(e: tauri::Error) -> AppError {
    let message = match e {
        tauri::Error::JoinError(e) if e.is_panic() => {
            let payload = e.into_panic();
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_owned());
            format!("the command stopped unexpectedly: {text}")
        }
        e => e.to_string(),
    };
    AppError {
        code: "unexpected".into(),
        message,
        args: BTreeMap::new(),
    }
}

#[tauri::command]
pub async fn catalog_info(state: State<'_, AppState>) -> Result<CatalogInfo> {
    with_workbench(&state, |w| w.catalog_info()).await
}

#[tauri::command]
pub async fn list_marketplaces(state: State<'_, AppState>) -> Result<Vec<ProfileSummary>> {
    with_workbench(&state, |w| w.marketplaces()).await
}

#[tauri::command]
pub async fn load_sample(state: State<'_, AppState>) -> Result<ImportReport> {
    with_workbench(&state, |w| w.load_sample()).await
}

/// What importing `path` would do, sending progress (bytes read, rows checked); one import
/// at a time.
#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    path: PathBuf,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport> {
    let running = state.import.start().ok_or_else(import_running)?;
    with_workbench(&state, move |w| {
        w.import_with(&path, true, running.cancel_flag(), &|p| {
            drop(on_progress.send(p));
        })
    })
    .await
}

/// Imports `path`, sending progress (bytes read, then rows written); refused whole for a file
/// with errors; `cancel_import` stops it with nothing changed.
#[tauri::command]
pub async fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport> {
    let running = state.import.start().ok_or_else(import_running)?;
    with_workbench(&state, move |w| {
        let report = w.import_with(&path, false, running.cancel_flag(), &|p| {
            drop(on_progress.send(p));
        })?;
        match report.refusal() {
            Some(refusal) => Err(refusal),
            None => Ok(report),
        }
    })
    .await
}

/// The running import (or preview) stops before its next product and changes nothing.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.import.cancel();
}

/// The error for a second import while one runs (Fluent `error-import-running`).
fn import_running() -> AppError {
    already_running("import-running", "an import")
}

/// The error for a second batch of a kind while one runs (Fluent `error-<code>`).
fn already_running(code: &str, what: &str) -> AppError {
    AppError {
        code: code.into(),
        message: format!("{what} is already running: wait for it to finish or cancel it"),
        args: BTreeMap::new(),
    }
}

/// `limit` products (at most [`MAX_PAGE`]) from `offset` of those `query` picks (search,
/// filters, order, marketplace), and how many match in all. `thumbnails`: with each one's
/// thumbnail (rendered when not cached yet, so it may take seconds), or without (at once).
#[tauri::command]
pub async fn products_page(
    state: State<'_, AppState>,
    query: ProductQuery,
    offset: usize,
    limit: usize,
    thumbnails: bool,
) -> Result<ProductPage> {
    let limit = Some(limit.min(MAX_PAGE));
    with_workbench(&state, move |w| {
        w.products_page(&query, offset, limit, thumbnails)
    })
    .await
}

#[tauri::command]
pub async fn get_product(state: State<'_, AppState>, handle: String) -> Result<ProductDetail> {
    with_workbench(&state, move |w| w.product(&handle)).await
}

#[tauri::command]
pub async fn set_copy(
    state: State<'_, AppState>,
    handle: String,
    field: CopyField,
    locale: Locale,
    text: String,
    base: Option<String>,
    marketplace: String,
) -> Result<CopyCheck> {
    with_workbench(&state, move |w| {
        let base = base.as_deref();
        w.set_copy(&handle, field, locale, &text, base, &marketplace, "edit")
    })
    .await
}

#[tauri::command]
pub async fn check_copy(
    state: State<'_, AppState>,
    marketplace: String,
    field: CopyField,
    text: String,
) -> Result<CopyCheck> {
    with_workbench(&state, move |w| w.check_copy(&marketplace, field, &text)).await
}

#[tauri::command]
pub async fn set_product_fields(
    state: State<'_, AppState>,
    handle: String,
    fields: ProductFields,
) -> Result<ProductDetail> {
    with_workbench(&state, move |w| {
        w.set_product_fields(&handle, &fields, "edit")
    })
    .await
}

/// Sets brand, origin, HS code or the brand's Chinese name on every product `target` names
/// (picked in the list, or all matching its search), in one step with one undo.
#[tauri::command]
pub async fn bulk_set_fields(
    state: State<'_, AppState>,
    target: BulkTarget,
    fields: ProductFields,
) -> Result<BulkEdit> {
    with_workbench(&state, move |w| w.bulk_set_fields(&target, &fields)).await
}

/// Puts back what bulk edit `batch` changed (fields changed again since are kept).
#[tauri::command]
pub async fn undo_bulk(state: State<'_, AppState>, batch: i64) -> Result<BulkEdit> {
    with_workbench(&state, move |w| w.undo_bulk(batch)).await
}

#[tauri::command]
pub async fn product_history(
    state: State<'_, AppState>,
    handle: String,
) -> Result<Vec<HistoryEntry>> {
    with_workbench(&state, move |w| w.history(&handle)).await
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    with_workbench(&state, |w| w.settings()).await
}

#[tauri::command]
pub async fn set_tm_threshold(state: State<'_, AppState>, threshold: u8) -> Result<Settings> {
    with_workbench(&state, move |w| {
        w.set_tm_threshold(threshold)?;
        w.settings()
    })
    .await
}

/// Sets the machine-draft endpoint (a typed `key` goes to the OS keyring), or turns machine
/// drafts off with `null`.
#[tauri::command]
pub async fn set_mt(
    state: State<'_, AppState>,
    mt: Option<MtSettings>,
    key: Option<String>,
) -> Result<Settings> {
    with_workbench(&state, move |w| w.set_mt(mt.as_ref(), key.as_deref())).await
}

/// Makes `marketplace`'s exports take only approved copy (`on`), or all copy with warnings.
#[tauri::command]
pub async fn set_approved_only(
    state: State<'_, AppState>,
    marketplace: String,
    on: bool,
) -> Result<Settings> {
    with_workbench(&state, move |w| w.set_approved_only(&marketplace, on)).await
}

/// Sets a field's review state (with a comment; `rejected` needs one) as the reviewer in the
/// settings; the item as it is now.
#[tauri::command]
pub async fn review_set(
    state: State<'_, AppState>,
    handle: String,
    field: CopyField,
    to: ReviewState,
    comment: Option<String>,
) -> Result<ReviewItem> {
    with_workbench(&state, move |w| {
        w.review_set(&handle, field, Locale::ZhCn, to, comment.as_deref(), None)
    })
    .await
}

/// The fields to review under `filter`, with the progress over its scope.
#[tauri::command]
pub async fn review_queue(state: State<'_, AppState>, filter: ReviewFilter) -> Result<ReviewQueue> {
    with_workbench(&state, move |w| w.review_queue(&filter)).await
}

/// The name review changes are recorded under.
#[tauri::command]
pub async fn reviewer(state: State<'_, AppState>) -> Result<String> {
    with_workbench(&state, |w| w.reviewer()).await
}

/// Sets the reviewer's name (`null`: back to the OS user's); the name now in use.
#[tauri::command]
pub async fn set_reviewer(state: State<'_, AppState>, name: Option<String>) -> Result<String> {
    with_workbench(&state, move |w| w.set_reviewer(name.as_deref())).await
}

#[tauri::command]
pub async fn set_rate(state: State<'_, AppState>, rate: f64, date: String) -> Result<Settings> {
    with_workbench(&state, move |w| w.set_rate(rate, &date)).await
}

#[tauri::command]
pub async fn default_export_path(
    state: State<'_, AppState>,
    marketplace: String,
) -> Result<String> {
    with_workbench(&state, move |w| Ok(w.default_export_path(&marketplace))).await
}

/// `lang`: the UI language, which the bundle's report.txt and the report's messages are in.
#[tauri::command]
pub async fn export_bundle(
    state: State<'_, AppState>,
    marketplace: String,
    path: PathBuf,
    lang: String,
) -> Result<ExportReport> {
    with_workbench(&state, move |w| {
        w.with_lang(&lang).export(&marketplace, &path)
    })
    .await
}

#[tauri::command]
pub async fn fetch_images(
    state: State<'_, AppState>,
    handle: Option<String>,
) -> Result<FetchReport> {
    with_workbench(&state, move |w| {
        w.fetch_images(handle.as_deref(), |_, _| {})
    })
    .await
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
    let running = state
        .render
        .start()
        .ok_or_else(|| AppError::from(&Error::RenderRunning))?;
    with_workbench(&state, move |w| {
        // A closed window is no reason to stop: what is rendered stays in the cache.
        let progress = |p| drop(on_progress.send(p));
        w.with_lang(&lang).render_catalog(
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

/// A draft of one field, not saved: the editor puts it in the box and its autosave saves it.
/// With `mt`, a machine draft from the endpoint in the settings.
#[tauri::command]
pub async fn draft(
    state: State<'_, AppState>,
    handle: String,
    field: CopyField,
    marketplace: String,
    mt: Option<bool>,
) -> Result<Draft> {
    with_workbench(&state, move |w| {
        w.draft_with(&handle, field, &marketplace, mt.unwrap_or(false), false)
    })
    .await
}

/// TM matches and glossary terms for the field's English (`segment`: one paragraph of the
/// description), each term marked present when `zh` has its approved Chinese.
#[tauri::command]
pub async fn suggestions(
    state: State<'_, AppState>,
    handle: String,
    field: CopyField,
    segment: Option<String>,
    zh: String,
) -> Result<Suggestions> {
    with_workbench(&state, move |w| {
        w.suggestions(&handle, field, segment.as_deref(), &zh)
    })
    .await
}

#[tauri::command]
pub async fn gloss(state: State<'_, AppState>, text: String) -> Result<Gloss> {
    with_workbench(&state, move |w| w.gloss(&text)).await
}

/// Drafts and saves every empty field of `handles` (all products when none), sending progress
/// after each product; refused while another drafting batch runs.
#[tauri::command]
pub async fn draft_empty_fields(
    state: State<'_, AppState>,
    handles: Option<Vec<String>>,
    marketplace: String,
    on_progress: Channel<DraftProgress>,
) -> Result<DraftBatchReport> {
    let running = state.draft.start().ok_or_else(draft_running)?;
    with_workbench(&state, move |w| {
        let handles = handles.unwrap_or_default();
        w.draft_empty_fields(&handles, &marketplace, running.cancel_flag(), |p| {
            drop(on_progress.send(p.clone()));
        })
    })
    .await
}

/// The running drafting batch starts no new product; it answers with what it did.
#[tauri::command]
pub fn cancel_draft(state: State<'_, AppState>) {
    state.draft.cancel();
}

/// The error for a second drafting batch (Fluent `error-draft-running`).
fn draft_running() -> AppError {
    already_running("draft-running", "a drafting batch")
}

#[tauri::command]
pub async fn option_values(state: State<'_, AppState>) -> Result<Vec<OptionValue>> {
    with_workbench(&state, |w| w.option_values()).await
}

/// Sets an option value's Chinese; answers whether it changed.
#[tauri::command]
pub async fn set_option_value(
    state: State<'_, AppState>,
    name: String,
    value: String,
    zh: String,
) -> Result<bool> {
    with_workbench(&state, move |w| {
        w.set_option_value(&name, &value, &zh, "edit")
    })
    .await
}

#[tauri::command]
pub async fn glossary_terms(state: State<'_, AppState>) -> Result<Vec<GlossaryTerm>> {
    with_workbench(&state, |w| w.glossary_terms()).await
}

/// Adds or replaces the term for `term.en`; answers whether it changed.
#[tauri::command]
pub async fn put_glossary_term(state: State<'_, AppState>, term: GlossaryTerm) -> Result<bool> {
    with_workbench(&state, move |w| w.put_glossary_term(&term, "edit")).await
}

#[tauri::command]
pub async fn remove_glossary_term(state: State<'_, AppState>, en: String) -> Result<bool> {
    with_workbench(&state, move |w| w.remove_glossary_term(&en, "edit")).await
}

/// A glossary CSV (en, zh, forbidden, note, category): all its terms, or none on a bad row.
#[tauri::command]
pub async fn import_glossary(state: State<'_, AppState>, path: PathBuf) -> Result<GlossaryImport> {
    with_workbench(&state, move |w| w.import_glossary(&path, "import")).await
}

/// Writes the glossary as CSV; answers how many terms.
#[tauri::command]
pub async fn export_glossary(state: State<'_, AppState>, path: PathBuf) -> Result<usize> {
    with_workbench(&state, move |w| w.export_glossary(&path)).await
}

/// How complete the product is for each marketplace, missing items named in `lang`.
#[tauri::command]
pub async fn product_completeness(
    state: State<'_, AppState>,
    handle: String,
    lang: String,
) -> Result<Vec<MarketplaceCompleteness>> {
    with_workbench(&state, move |w| {
        w.with_lang(&lang).product_completeness(&handle)
    })
    .await
}

/// Writes every product's completeness for `marketplace` as CSV to `path`.
#[tauri::command]
pub async fn export_completeness(
    state: State<'_, AppState>,
    marketplace: String,
    path: PathBuf,
    lang: String,
) -> Result<usize> {
    with_workbench(&state, move |w| {
        w.with_lang(&lang).export_completeness(&marketplace, &path)
    })
    .await
}

/// Every product's findings for `marketplace` before an export, in `lang`.
#[tauri::command]
pub async fn validate_export(
    state: State<'_, AppState>,
    marketplace: String,
    lang: String,
) -> Result<Validation> {
    with_workbench(&state, move |w| {
        w.with_lang(&lang).validate_export(&marketplace)
    })
    .await
}

/// The HTML report inside the bundle at `path`.
#[tauri::command]
pub async fn bundle_report(state: State<'_, AppState>, path: PathBuf) -> Result<String> {
    with_workbench(&state, move |w| w.bundle_report(&path)).await
}

#[tauri::command]
pub async fn list_vendors(state: State<'_, AppState>) -> Result<Vec<Vendor>> {
    with_workbench(&state, move |w| w.vendors()).await
}

#[tauri::command]
pub async fn set_vendor_field(
    state: State<'_, AppState>,
    vendor: String,
    field: String,
    value: String,
) -> Result<Vendor> {
    with_workbench(&state, move |w| w.set_vendor_field(&vendor, &field, &value)).await
}

#[tauri::command]
pub async fn image_previews(
    state: State<'_, AppState>,
    handle: String,
    marketplace: String,
    lang: String,
) -> Result<Vec<ImagePreview>> {
    with_workbench(&state, move |w| {
        w.with_lang(&lang).image_previews(&handle, &marketplace)
    })
    .await
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
    with_workbench(&state, move |w| {
        w.image_view(image_id, &marketplace, slot.as_deref(), part)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
    use tauri::webview::InvokeRequest;

    #[tauri::command]
    async fn explode(row: u32) -> Result<()> {
        blocking(move || panic!("boom at row {row}")).await
    }

    #[test]
    fn a_command_that_panics_answers_with_an_unexpected_error() {
        let app = mock_builder()
            .invoke_handler(tauri::generate_handler![explode])
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let request = || InvokeRequest {
            cmd: "explode".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(serde_json::json!({ "row": 7 })),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let error = get_ipc_response(&window, request()).unwrap_err();
        assert_eq!(error["code"], "unexpected");
        let message = error["message"].as_str().unwrap();
        assert!(message.contains("boom at row 7"), "{message}");
        assert!(error["args"].is_object());
        // The app is still there to answer the next one.
        assert!(get_ipc_response(&window, request()).is_err());
    }

    #[test]
    fn a_panic_with_a_plain_message_keeps_it_and_errors_keep_their_code() {
        let answer = tauri::async_runtime::block_on(blocking::<()>(|| panic!("plain")));
        assert!(answer.unwrap_err().message.contains("plain"));
        let answer = tauri::async_runtime::block_on(blocking::<()>(|| Err(Error::RenderRunning)));
        assert_eq!(answer.unwrap_err().code, "render-running");
    }
}

#[cfg(test)]
mod registration {
    /// The names between `start` and the next `end` in `text` that look like `prefix` + name.
    fn names(text: &str, start: &str, end: &str, prefix: &str) -> Vec<String> {
        let from = text.find(start).map_or("", |at| &text[at + start.len()..]);
        let body = from.find(end).map_or(from, |at| &from[..at]);
        let mut found: Vec<String> = body
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(|item| item.trim_matches('"').strip_prefix(prefix))
            .map(|name| name.replace('-', "_"))
            .collect();
        found.sort();
        found
    }

    /// A command must be registered in three places; one left out is "Command not found" at
    /// run time, in the window only. This catches it in `cargo test`.
    #[test]
    fn every_command_is_handled_listed_and_granted() {
        let handled = names(
            include_str!("lib.rs"),
            "generate_handler![",
            "]",
            "commands::",
        );
        let listed = names(include_str!("../build.rs"), "COMMANDS", "];", "");
        let granted = names(
            include_str!("../capabilities/default.json"),
            "\"permissions\"",
            "]",
            "allow-",
        );
        let listed: Vec<String> = listed
            .into_iter()
            .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !n.is_empty())
            .collect();
        assert!(handled.len() > 30, "{handled:?}");
        assert_eq!(
            handled, listed,
            "lib.rs generate_handler! against build.rs COMMANDS"
        );
        let ours: Vec<String> = granted
            .into_iter()
            .filter(|n| handled.contains(n))
            .collect();
        assert_eq!(handled, ours, "capabilities/default.json allow-… entries");
    }
}
