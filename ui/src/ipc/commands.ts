// Typed wrappers over Tauri's invoke. Outside Tauri (plain browser, tests) the
// in-memory mock in ./mock.ts answers instead.
import type {
  BulkEdit,
  BulkTarget,
  ListFilters,
  ListOrder,
  AppError,
  CatalogInfo,
  CommandName,
  Commands,
  CopyCheck,
  CopyField,
  Draft,
  DraftBatchReport,
  DraftProgress,
  ExportReport,
  FetchReport,
  Gloss,
  GlossaryImport,
  GlossaryTerm,
  HistoryEntry,
  ImagePreview,
  ImportProgress,
  ImportReport,
  Locale,
  OptionValue,
  ProductDetail,
  ProductFields,
  ProductPage,
  ProfileSummary,
  ProgressSink,
  RenderProgress,
  RenderReport,
  Settings,
  MtSettings,
  ReviewFilter,
  ReviewItem,
  ReviewQueue,
  ReviewState,
  Suggestions,
  MarketplaceCompleteness,
  Validation,
  Vendor,
} from './types';

declare global {
  interface Window {
    __TAURI_INTERNALS__?: unknown;
  }
}

export function inTauri(): boolean {
  return typeof window !== 'undefined' && window.__TAURI_INTERNALS__ !== undefined;
}

/** Turn whatever an invoke rejected with into an AppError. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    if (typeof o.code === 'string') {
      const args: Record<string, string> = {};
      if (o.args && typeof o.args === 'object') {
        for (const [k, v] of Object.entries(o.args as Record<string, unknown>)) args[k] = String(v);
      }
      return { code: o.code, message: typeof o.message === 'string' ? o.message : o.code, args };
    }
    if (e instanceof Error) return { code: 'internal', message: e.message, args: {} };
  }
  if (typeof e === 'string') return { code: 'internal', message: e, args: {} };
  return { code: 'internal', message: String(e), args: {} };
}

export function isAppError(e: unknown): e is AppError {
  return !!e && typeof e === 'object' && typeof (e as AppError).code === 'string' && typeof (e as AppError).message === 'string';
}

type Invoker = (cmd: string, args: Record<string, unknown>) => Promise<unknown>;
let invoker: Promise<Invoker> | null = null;
let channels: Promise<<T>(onmessage: (m: T) => void) => ProgressSink<T>> | null = null;

/** A sink for a command's progress messages: a Tauri Channel in the app, a plain object outside. */
function sink<T>(onmessage: (m: T) => void): Promise<ProgressSink<T>> {
  if (!channels) {
    channels = inTauri()
      ? import('@tauri-apps/api/core').then((m) => <U>(on: (x: U) => void) => {
          const channel = new m.Channel<U>();
          channel.onmessage = on;
          return channel;
        })
      : Promise.resolve(<U>(on: (x: U) => void) => ({ onmessage: on }));
  }
  return channels.then((make) => make(onmessage));
}

function backend(): Promise<Invoker> {
  if (!invoker) {
    invoker = inTauri()
      ? import('@tauri-apps/api/core').then((m) => (cmd, args) => m.invoke(cmd, args))
      : import('./mock').then((m) => (cmd, args) => m.mockInvoke(cmd, args));
  }
  return invoker;
}

/** For tests: answer commands with a function of your own. */
export function setInvoker(fn: Invoker | null): void {
  invoker = fn ? Promise.resolve(fn) : null;
}

export async function call<K extends CommandName>(cmd: K, args: Commands[K]['args']): Promise<Commands[K]['result']> {
  const invoke = await backend();
  try {
    return (await invoke(cmd, args as Record<string, unknown>)) as Commands[K]['result'];
  } catch (e) {
    throw toAppError(e);
  }
}

const none = {} as Record<string, never>;

export const catalogInfo = (): Promise<CatalogInfo> => call('catalog_info', none);
export const listMarketplaces = (): Promise<ProfileSummary[]> => call('list_marketplaces', none);
export const loadSample = (): Promise<ImportReport> => call('load_sample', none);
/** What importing `path` would do; `onprogress` hears as the file is read and checked. */
export const previewImport = async (path: string, onprogress: (p: ImportProgress) => void = () => {}): Promise<ImportReport> =>
  call('preview_import', { path, onProgress: await sink(onprogress) });
/** Imports `path`; `onprogress` hears the bytes read, then the rows written. */
export const importFile = async (path: string, onprogress: (p: ImportProgress) => void = () => {}): Promise<ImportReport> =>
  call('import_file', { path, onProgress: await sink(onprogress) });
/** The running import stops before its next product and changes nothing. */
export const cancelImport = (): Promise<null> => call('cancel_import', none);
/** A page of the product list: without thumbnails it answers at once, with them it may take seconds. */
export const productsPage = (
  search: string,
  offset: number,
  limit: number,
  thumbnails = false,
  order: ListOrder = 'vendor',
  marketplace = '',
  incomplete = false,
  filters: ListFilters = {},
): Promise<ProductPage> =>
  call('products_page', {
    query: { search, order, marketplace: marketplace || undefined, incomplete, stale: false, errors: false, ...filters },
    offset,
    limit,
    thumbnails,
  });

/** Photos in the whole catalog, counted a page at a time; `onpartial` hears the count so far. */
export async function countPhotos(onpartial?: (soFar: number) => void): Promise<number> {
  const limit = 500;
  let photos = 0;
  for (let offset = 0; ; offset += limit) {
    const page = await productsPage('', offset, limit);
    photos += page.items.reduce((n, p) => n + p.images, 0);
    if (page.items.length < limit || offset + limit >= page.total) return photos;
    onpartial?.(photos);
  }
}
/** The handles of every product matching `search`, fetched a page at a time. */
export async function allHandles(search: string): Promise<string[]> {
  const limit = 500;
  const out: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await productsPage(search, offset, limit);
    out.push(...page.items.map((p) => p.handle));
    if (page.items.length < limit || offset + limit >= page.total) return out;
  }
}
export const getProduct = (handle: string): Promise<ProductDetail> => call('get_product', { handle });
/**
 * Saves the copy unless the catalog no longer holds `base` (the text this edit started from: as
 * loaded, or as this editor last saved it; "" for copy never written). Then nothing is written
 * and it rejects with `copy-conflict`, whose `args.theirs` is the text the catalog holds now.
 * `null` overwrites whatever is there (never from an editor).
 */
export const setCopy = (handle: string, field: CopyField, text: string, base: string | null, marketplace: string): Promise<CopyCheck> =>
  call('set_copy', { handle, field, locale: 'zh-CN', text, base, marketplace });
export const checkCopy = (marketplace: string, field: CopyField, text: string): Promise<CopyCheck> =>
  call('check_copy', { marketplace, field, text });
export const setProductFields = (handle: string, fields: ProductFields): Promise<ProductDetail> =>
  call('set_product_fields', { handle, fields });
export const bulkSetFields = (target: BulkTarget, fields: ProductFields): Promise<BulkEdit> => call('bulk_set_fields', { target, fields });
export const undoBulk = (batch: number): Promise<BulkEdit> => call('undo_bulk', { batch });
export const productHistory = (handle: string): Promise<HistoryEntry[]> => call('product_history', { handle });
export const getSettings = (): Promise<Settings> => call('get_settings', none);
export const setRate = (rate: number, date: string): Promise<Settings> => call('set_rate', { rate, date });
/** Sets a field's review state as the reviewer in the settings (`rejected` needs a comment). */
export const reviewSet = (handle: string, field: CopyField, to: ReviewState, comment: string | null = null): Promise<ReviewItem> =>
  call('review_set', { handle, field, to, comment });
/** The review queue under `filter` (missing keys: no filter), with the progress over its scope. */
export const reviewQueue = (filter: Partial<ReviewFilter>): Promise<ReviewQueue> => call('review_queue', { filter });
export const getReviewer = (): Promise<string> => call('reviewer', none);
export const setReviewer = (name: string | null): Promise<string> => call('set_reviewer', { name });
/** Makes `marketplace`'s exports take only approved copy, or all copy with warnings. */
export const setApprovedOnly = (marketplace: string, on: boolean): Promise<Settings> => call('set_approved_only', { marketplace, on });
export const setTmThreshold = (threshold: number): Promise<Settings> => call('set_tm_threshold', { threshold });
/** Where machine drafts go (null: off). A typed `key` goes to the OS keyring, never the catalog. */
export const setMt = (mt: MtSettings | null, key: string | null = null): Promise<Settings> => call('set_mt', { mt, key });
export const defaultExportPath = (marketplace: string): Promise<string> => call('default_export_path', { marketplace });
/** Downloads the product's photos named by URL; offline they stay waiting. */
export const fetchImages = (handle: string | null): Promise<FetchReport> => call('fetch_images', { handle });
export const exportBundle = (marketplace: string, path: string, lang: Locale): Promise<ExportReport> =>
  call('export_bundle', { marketplace, path, lang });

/**
 * Renders the catalog's photos (or `handles`') into every slot of `marketplace` on every core;
 * `onprogress` hears after each photo (counts only grow: keep the largest `done`).
 */
export const renderCatalog = async (
  marketplace: string,
  handles: string[] | null,
  lang: Locale,
  onprogress: (p: RenderProgress) => void,
): Promise<RenderReport> => call('render_catalog', { marketplace, handles, lang, onProgress: await sink(onprogress) });
/** The running batch starts no new photo; `renderCatalog` then resolves with `cancelled`. */
export const cancelRender = (): Promise<null> => call('cancel_render', none);
/** Each photo of `handle` with its renders for `marketplace` (rendered now when not cached: may take seconds). */
export const imagePreviews = (handle: string, marketplace: string, lang: Locale): Promise<ImagePreview[]> =>
  call('image_previews', { handle, marketplace, lang });
/** A data: URL of the rendered slot's `part`-th file, or with `slot` null of the photo itself. */
export const imageView = (imageId: number, marketplace: string, slot: string | null, part = 0): Promise<string> =>
  call('image_view', { imageId, marketplace, slot, part });

/** A draft of `field`, not saved: put it in the editor, whose autosave saves it. With `mt`, a
 * machine draft from the endpoint in the settings (the only call that contacts it). */
export const draftField = (handle: string, field: CopyField, marketplace: string, mt = false): Promise<Draft> =>
  call('draft', { handle, field, marketplace, mt });
/** TM matches and glossary terms for the field's English (or the description's paragraph `segment`). */
export const getSuggestions = (handle: string, field: CopyField, segment: string | null, zh: string): Promise<Suggestions> =>
  call('suggestions', { handle, field, segment, zh });
/** The Chinese word by word in English (the first call loads the dictionaries: up to a second). */
export const glossText = (text: string): Promise<Gloss> => call('gloss', { text });
/** Drafts and saves every empty field of `handles` (null: every product); `onprogress` hears after each product. */
export const draftEmptyFields = async (
  handles: string[] | null,
  marketplace: string,
  onprogress: (p: DraftProgress) => void,
): Promise<DraftBatchReport> => call('draft_empty_fields', { handles, marketplace, onProgress: await sink(onprogress) });
/** The running drafting batch starts no new product; `draftEmptyFields` then resolves with `cancelled`. */
export const cancelDraft = (): Promise<null> => call('cancel_draft', none);
export const optionValues = (): Promise<OptionValue[]> => call('option_values', none);
export const setOptionValue = (name: string, value: string, zh: string): Promise<boolean> => call('set_option_value', { name, value, zh });
export const glossaryTerms = (): Promise<GlossaryTerm[]> => call('glossary_terms', none);
export const putGlossaryTerm = (term: GlossaryTerm): Promise<boolean> => call('put_glossary_term', { term });
export const removeGlossaryTerm = (en: string): Promise<boolean> => call('remove_glossary_term', { en });
export const importGlossary = (path: string): Promise<GlossaryImport> => call('import_glossary', { path });
export const exportGlossary = (path: string): Promise<number> => call('export_glossary', { path });
/** How complete `handle` is for each marketplace, missing items named in `lang`. */
export const productCompleteness = (handle: string, lang: Locale): Promise<MarketplaceCompleteness[]> => call('product_completeness', { handle, lang });
/** Writes every product's completeness for `marketplace` as CSV to `path`; resolves with how many. */
export const exportCompleteness = (marketplace: string, path: string, lang: Locale): Promise<number> => call('export_completeness', { marketplace, path, lang });
/** Every product's findings for `marketplace` before an export, in `lang`. */
export const validateExport = (marketplace: string, lang: Locale): Promise<Validation> => call('validate_export', { marketplace, lang });
/** The HTML report inside the bundle at `path`. */
export const bundleReport = (path: string): Promise<string> => call('bundle_report', { path });
export const listVendors = (): Promise<Vendor[]> => call('list_vendors', none);
export const setVendorField = (vendor: string, field: string, value: string): Promise<Vendor> => call('set_vendor_field', { vendor, field, value });
