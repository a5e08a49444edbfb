//! Lists every command in the app manifest, so each must be granted in `capabilities/`.

const COMMANDS: &[&str] = &[
    "catalog_info",
    "list_marketplaces",
    "load_sample",
    "preview_import",
    "import_file",
    "cancel_import",
    "products_page",
    "get_product",
    "set_copy",
    "check_copy",
    "set_product_fields",
    "product_history",
    "get_settings",
    "set_rate",
    "set_tm_threshold",
    "set_mt",
    "set_approved_only",
    "review_set",
    "review_queue",
    "reviewer",
    "set_reviewer",
    "default_export_path",
    "export_bundle",
    "fetch_images",
    "render_catalog",
    "cancel_render",
    "image_previews",
    "image_view",
    "draft",
    "suggestions",
    "gloss",
    "draft_empty_fields",
    "cancel_draft",
    "option_values",
    "set_option_value",
    "glossary_terms",
    "put_glossary_term",
    "remove_glossary_term",
    "import_glossary",
    "export_glossary",
    "product_completeness",
    "export_completeness",
    "list_vendors",
    "validate_export",
    "bundle_report",
    "set_vendor_field",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
