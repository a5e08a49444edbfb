// The IPC contract with the Rust side. The data types are generated from the Rust structs by
// ts-rs (`cargo test` writes ./bindings; CI fails if they drift from what is committed), so a
// change on either side that breaks the other fails `npm run check`.

import type { AppError } from './bindings/AppError';
import type { Attribute } from './bindings/Attribute';
import type { CatalogInfo } from './bindings/CatalogInfo';
import type { CopyCheck } from './bindings/CopyCheck';
import type { ExportReport } from './bindings/ExportReport';
import type { FetchReport } from './bindings/FetchReport';
import type { Finding } from './bindings/Finding';
import type { HistoryEntry } from './bindings/HistoryEntry';
import type { ImagePreview } from './bindings/ImagePreview';
import type { ImageState } from './bindings/ImageState';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { Locale } from './bindings/Locale';
import type { Message } from './bindings/Message';
import type { ProductDetail } from './bindings/ProductDetail';
import type { ProductFields } from './bindings/ProductFields';
import type { ProductImage } from './bindings/ProductImage';
import type { ProductPage } from './bindings/ProductPage';
import type { ProductQuery } from './bindings/ProductQuery';
import type { BulkEdit } from './bindings/BulkEdit';
import type { BulkTarget } from './bindings/BulkTarget';
import type { ProductSummary } from './bindings/ProductSummary';
import type { FieldReview } from './bindings/FieldReview';
import type { ListOrder } from './bindings/ListOrder';
import type { Length } from './bindings/Length';
import type { ProfileSummary } from './bindings/ProfileSummary';
import type { Problem } from './bindings/Problem';
import type { Rate } from './bindings/Rate';
import type { RenderNote } from './bindings/RenderNote';
import type { RenderProgress } from './bindings/RenderProgress';
import type { RenderReport } from './bindings/RenderReport';
import type { Settings } from './bindings/Settings';
import type { MtSettings } from './bindings/MtSettings';
import type { ReviewComment } from './bindings/ReviewComment';
import type { ReviewFilter } from './bindings/ReviewFilter';
import type { ReviewItem } from './bindings/ReviewItem';
import type { ReviewProgress } from './bindings/ReviewProgress';
import type { ReviewQueue } from './bindings/ReviewQueue';
import type { ReviewState } from './bindings/ReviewState';
import type { SourceDiff } from './bindings/SourceDiff';
import type { Severity } from './bindings/Severity';
import type { Skipped } from './bindings/Skipped';
import type { SlotPreview } from './bindings/SlotPreview';
import type { Variant } from './bindings/Variant';
import type { CheckFix } from './bindings/CheckFix';
import type { Draft } from './bindings/Draft';
import type { DraftBatchReport } from './bindings/DraftBatchReport';
import type { DraftFailure } from './bindings/DraftFailure';
import type { DraftProgress } from './bindings/DraftProgress';
import type { DraftSource } from './bindings/DraftSource';
import type { Gloss } from './bindings/Gloss';
import type { GlossToken } from './bindings/GlossToken';
import type { GlossaryImport } from './bindings/GlossaryImport';
import type { GlossaryTerm } from './bindings/GlossaryTerm';
import type { OptionValue } from './bindings/OptionValue';
import type { Suggestions } from './bindings/Suggestions';
import type { TermHit } from './bindings/TermHit';
import type { TmDiffPart } from './bindings/TmDiffPart';
import type { TmMatch } from './bindings/TmMatch';
import type { Completeness } from './bindings/Completeness';
import type { MarketplaceCompleteness } from './bindings/MarketplaceCompleteness';
import type { Vendor } from './bindings/Vendor';
import type { Validation } from './bindings/Validation';
import type { ProductIssues } from './bindings/ProductIssues';
import type { ExportIssue } from './bindings/ExportIssue';
import type { Agent } from './bindings/Agent';

export type {
  Agent,
  BulkEdit,
  BulkTarget,
  ProductQuery,
  Validation,
  ProductIssues,
  ExportIssue,
  Completeness,
  MarketplaceCompleteness,
  Vendor,
  AppError,
  Attribute,
  CatalogInfo,
  CopyCheck,
  ExportReport,
  FetchReport,
  Finding,
  HistoryEntry,
  ImagePreview,
  ImageState,
  ImportProgress,
  ImportReport,
  Locale,
  Message,
  ProductDetail,
  ProductFields,
  ProductImage,
  ProductPage,
  ProductSummary,
  FieldReview,
  ListOrder,
  Length,
  ProfileSummary,
  Problem,
  Rate,
  RenderNote,
  RenderProgress,
  RenderReport,
  Settings,
  MtSettings,
  ReviewComment,
  ReviewFilter,
  ReviewItem,
  ReviewProgress,
  ReviewQueue,
  ReviewState,
  SourceDiff,
  Severity,
  Skipped,
  SlotPreview,
  Variant,
  CheckFix,
  Draft,
  DraftBatchReport,
  DraftFailure,
  DraftProgress,
  DraftSource,
  Gloss,
  GlossToken,
  GlossaryImport,
  GlossaryTerm,
  OptionValue,
  Suggestions,
  TermHit,
  TmDiffPart,
  TmMatch,
};

/** A coded, localisable message (a skipped reason, an image finding). */
export type Coded = Message;

export type HistorySource = 'import' | 'edit' | 'cli' | 'sample';
/** The copy fields the product page edits (the catalog knows a few more, not edited here). */
export type CopyField = 'title' | 'short_title' | 'selling_points' | 'description';
export type CopyLocale = 'zh-CN';

/**
 * Where a command sends messages while it runs: a Tauri `Channel` in the app (it serialises
 * to its id), any object with `onmessage` in the mock.
 */
export interface ProgressSink<T> {
  onmessage: (message: T) => void;
}

/** Every command: its arguments and its result. */
export interface Commands {
  catalog_info: { args: Record<string, never>; result: CatalogInfo };
  list_marketplaces: { args: Record<string, never>; result: ProfileSummary[] };
  load_sample: { args: Record<string, never>; result: ImportReport };
  /** What importing would do; progress as the file is read and checked; one import at a time (`import-running`). */
  preview_import: { args: { path: string; onProgress: ProgressSink<ImportProgress> }; result: ImportReport };
  /** Imports; progress (bytes read, then rows written); `cancel_import` stops it with nothing changed. */
  import_file: { args: { path: string; onProgress: ProgressSink<ImportProgress> }; result: ImportReport };
  cancel_import: { args: Record<string, never>; result: null };
  /**
   * `limit` products (at most 500) from `offset` of those `query` picks (search, filters, order), and how many match.
   * `thumbnails`: each with its thumbnail (rendered when not cached yet: may take seconds), or none (at once).
   */
  products_page: { args: { query: ProductQuery; offset: number; limit: number; thumbnails: boolean }; result: ProductPage };
  get_product: { args: { handle: string }; result: ProductDetail };
  set_copy: {
    /** `base`: what the edit started from; the save is refused with `copy-conflict` when the catalog holds something else. */
    args: { handle: string; field: CopyField; locale: CopyLocale; text: string; base: string | null; marketplace: string };
    result: CopyCheck;
  };
  check_copy: { args: { marketplace: string; field: CopyField; text: string }; result: CopyCheck };
  set_product_fields: { args: { handle: string; fields: ProductFields }; result: ProductDetail };
  /** Brand, origin, HS code or the brand's Chinese name on many products at once; one undo (`undo_bulk`). */
  bulk_set_fields: { args: { target: BulkTarget; fields: ProductFields }; result: BulkEdit };
  undo_bulk: { args: { batch: number }; result: BulkEdit };
  product_history: { args: { handle: string }; result: HistoryEntry[] };
  get_settings: { args: Record<string, never>; result: Settings };
  set_rate: { args: { rate: number; date: string }; result: Settings };
  /** The lowest score (1..100) a translation-memory match needs to be shown. */
  set_tm_threshold: { args: { threshold: number }; result: Settings };
  /** Makes the marketplace's exports take only approved copy (on), or all copy with warnings. */
  set_approved_only: { args: { marketplace: string; on: boolean }; result: Settings };
  /** Sets a field's review state (`rejected` needs a comment); refused: `review-transition`. */
  review_set: { args: { handle: string; field: CopyField; to: ReviewState; comment: string | null }; result: ReviewItem };
  /** The fields to review under the filter (missing keys: no filter), with the progress. */
  review_queue: { args: { filter: Partial<ReviewFilter> }; result: ReviewQueue };
  reviewer: { args: Record<string, never>; result: string };
  /** null: back to the OS user's name. */
  set_reviewer: { args: { name: string | null }; result: string };
  /** Where machine drafts go (a typed key goes to the OS keyring); null turns machine drafts off. */
  set_mt: { args: { mt: MtSettings | null; key: string | null }; result: Settings };
  default_export_path: { args: { marketplace: string }; result: string };
  fetch_images: { args: { handle: string | null }; result: FetchReport };
  /** `lang`: the UI language, which the bundle's report.txt (and the report's messages) are written in. */
  export_bundle: { args: { marketplace: string; path: string; lang: Locale }; result: ExportReport };
  /** One batch at a time: a second start while one runs is refused with `render-running`. */
  render_catalog: {
    args: { marketplace: string; handles: string[] | null; lang: Locale; onProgress: ProgressSink<RenderProgress> };
    result: RenderReport;
  };
  cancel_render: { args: Record<string, never>; result: null };
  image_previews: { args: { handle: string; marketplace: string; lang: Locale }; result: ImagePreview[] };
  /** `slot` null: the photo itself (at most 1600 px); else the rendered slot's `part`-th file. */
  image_view: { args: { imageId: number; marketplace: string; slot: string | null; part: number }; result: string };
  /** A draft of one field, not saved (the editor's autosave saves it); `mt`: from the machine-draft endpoint. */
  draft: { args: { handle: string; field: CopyField; marketplace: string; mt: boolean }; result: Draft };
  /** TM matches and glossary terms for the field's English (`segment`: one paragraph of the description). */
  suggestions: { args: { handle: string; field: CopyField; segment: string | null; zh: string }; result: Suggestions };
  gloss: { args: { text: string }; result: Gloss };
  /** Drafts and saves every empty field of `handles` (null: all); one batch at a time (`draft-running`). */
  draft_empty_fields: {
    args: { handles: string[] | null; marketplace: string; onProgress: ProgressSink<DraftProgress> };
    result: DraftBatchReport;
  };
  cancel_draft: { args: Record<string, never>; result: null };
  option_values: { args: Record<string, never>; result: OptionValue[] };
  /** Answers whether it changed. */
  set_option_value: { args: { name: string; value: string; zh: string }; result: boolean };
  glossary_terms: { args: Record<string, never>; result: GlossaryTerm[] };
  put_glossary_term: { args: { term: GlossaryTerm }; result: boolean };
  remove_glossary_term: { args: { en: string }; result: boolean };
  import_glossary: { args: { path: string }; result: GlossaryImport };
  /** Answers how many terms were written. */
  export_glossary: { args: { path: string }; result: number };
  product_completeness: { args: { handle: string; lang: Locale }; result: MarketplaceCompleteness[] };
  export_completeness: { args: { marketplace: string; path: string; lang: Locale }; result: number };
  list_vendors: { args: Record<string, never>; result: Vendor[] };
  bundle_report: { args: { path: string }; result: string };
  validate_export: { args: { marketplace: string; lang: Locale }; result: Validation };
  set_vendor_field: { args: { vendor: string; field: string; value: string }; result: Vendor };
}

export type CommandName = keyof Commands;

/** The list's filters beyond the search, marketplace and order. */
export type ListFilters = Pick<Partial<ProductQuery>, 'vendor' | 'state' | 'stale' | 'errors'>;
