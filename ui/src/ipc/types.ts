// The IPC contract with the Rust side. Keep in sync with src-tauri's commands.

export type Severity = 'error' | 'warning';

/** start/end are CHARACTER (Unicode code point) offsets, not UTF-16 offsets. */
export interface Finding {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  args: Record<string, string>;
  message: string;
}

/** units = GBK units of the text. */
export interface CopyCheck {
  units: number;
  limit: number | null;
  findings: Finding[];
}

export interface Problem {
  row: number;
  column: string | null;
  code: string;
  severity: Severity;
  args: Record<string, string>;
  message: string;
}

export interface ImportReport {
  file: string;
  dry_run: boolean;
  applied: boolean;
  encoding: string;
  products: number;
  variants: number;
  images: number;
  /** handles */
  added: string[];
  /** handles */
  updated: string[];
  warnings: Problem[];
  errors: Problem[];
}

export interface CatalogInfo {
  path: string;
  products: number;
}

export interface ProductSummary {
  handle: string;
  title_en: string;
  title_zh: string | null;
  vendor: string;
  variants: number;
  images: number;
  /** data: URL */
  thumbnail: string | null;
  /** error findings on its zh copy */
  errors: number;
}

export interface Variant {
  sku: string | null;
  options: string[];
  grams: number | null;
  /** USD cents */
  price_cents: number | null;
  compare_at_cents: number | null;
  barcode: string | null;
}

export interface Coded {
  code: string;
  args: Record<string, string>;
  message: string;
}

export type ImageState = 'ready' | 'waiting-for-network' | 'failed';

export interface ProductImage {
  id: number;
  src: string;
  position: number;
  alt: string;
  state: ImageState;
  /** data: URL of the rendered 800x800 main-slot JPEG, small */
  thumbnail: string | null;
  error: AppError | null;
  findings: Coded[];
}

export interface ProductDetail {
  handle: string;
  title_en: string;
  /** HTML from Shopify: shown as sanitized text, never injected. */
  description_en: string;
  vendor: string;
  product_type: string;
  tags: string[];
  brand_en: string;
  brand_zh: string;
  /** default 美国 */
  origin: string;
  hs_code: string;
  title_zh: string;
  description_zh: string;
  option_names: string[];
  variants: Variant[];
  attributes: { key: string; value: string }[];
  images: ProductImage[];
}

export type HistorySource = 'import' | 'edit' | 'cli' | 'sample';

export interface HistoryEntry {
  id: number;
  /** RFC 3339 */
  at: string;
  field: string;
  locale: string | null;
  old: string | null;
  new: string | null;
  source: HistorySource;
}

export interface Rate {
  usd_cny: number;
  /** YYYY-MM-DD */
  date: string;
}

export interface Settings {
  rate: Rate | null;
}

export interface Skipped {
  handle: string;
  reasons: Coded[];
}

export interface ExportReport {
  path: string;
  marketplace: string;
  products: number;
  images: number;
  rate: Rate;
  skipped: Skipped[];
}

/** Every rejected invoke rejects with this shape. */
export interface AppError {
  code: string;
  message: string;
  args: Record<string, string>;
}

export interface ProfileSummary {
  id: string;
  name: string;
  name_zh: string;
  title_max_units: number;
}

export type CopyField = 'title' | 'description';
export type CopyLocale = 'zh-CN';

export interface ProductFields {
  brand_en?: string;
  brand_zh?: string;
  origin?: string;
  hs_code?: string;
}

/** Every command: its arguments and its result. */
export interface Commands {
  catalog_info: { args: Record<string, never>; result: CatalogInfo };
  list_marketplaces: { args: Record<string, never>; result: ProfileSummary[] };
  load_sample: { args: Record<string, never>; result: ImportReport };
  preview_import: { args: { path: string }; result: ImportReport };
  import_file: { args: { path: string }; result: ImportReport };
  list_products: { args: { search: string }; result: ProductSummary[] };
  get_product: { args: { handle: string }; result: ProductDetail };
  set_copy: {
    args: { handle: string; field: CopyField; locale: CopyLocale; text: string; marketplace: string };
    result: CopyCheck;
  };
  check_copy: { args: { marketplace: string; field: CopyField; text: string }; result: CopyCheck };
  set_product_fields: { args: { handle: string; fields: ProductFields }; result: ProductDetail };
  product_history: { args: { handle: string }; result: HistoryEntry[] };
  get_settings: { args: Record<string, never>; result: Settings };
  set_rate: { args: { rate: number; date: string }; result: Settings };
  default_export_path: { args: { marketplace: string }; result: string };
  export_bundle: { args: { marketplace: string; path: string }; result: ExportReport };
}

export type CommandName = keyof Commands;
