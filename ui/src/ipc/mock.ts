// An in-memory stand-in for the Rust side, used when the page runs outside
// Tauri (plain browser, screenshots, tests). Its copy check is deliberately
// crude; the real rules live in kuajing-copy.
import type {
  AppError,
  CopyCheck,
  CopyField,
  ExportReport,
  Finding,
  HistoryEntry,
  ImagePreview,
  ImportProgress,
  ImportReport,
  Locale,
  Message,
  ProductDetail,
  Vendor,
  ProductFields,
  ProductImage,
  BulkEdit,
  BulkTarget,
  ProductQuery,
  ProductSummary,
  ProfileSummary,
  ProgressSink,
  MtSettings,
  Rate,
  RenderNote,
  RenderProgress,
  RenderReport,
  Skipped,
  SlotPreview,
  Variant,
  Completeness,
  MarketplaceCompleteness,
  Validation,
  ProductIssues,
  ExportIssue,
} from './types';
import { estimateGbkUnits } from '../lib/text';
import core from './fixtures/core.json';
import type { Slot } from './bindings/Slot';
import type { TitleRule } from './bindings/TitleRule';
import type { LinesRule } from './bindings/LinesRule';
import type { Term } from './bindings/Term';
import { createDrafting, type Drafting } from './mock-drafting';
import { createReview, type Review } from './mock-review';

/**
 * What the core answers, recorded by crates/kuajing-core/tests/ui_fixtures.rs: the marketplace
 * list, every profile's slots and limits, the term list, and `check_copy` for the texts this
 * mock's sample and the UI's tests use. The mock copies none of it by hand.
 */
const CORE = core as unknown as {
  marketplaces: ProfileSummary[];
  profiles: Record<string, { slots: Slot[]; title: TitleRule; short_title: TitleRule | null; selling_points: LinesRule | null }>;
  terms: Term[];
  checks: { marketplace: string; field: CopyField; text: string; en: CopyCheck; 'zh-CN': CopyCheck }[];
};

const MARKETPLACES: ProfileSummary[] = CORE.marketplaces;

/** The image slots of a profile, as far as the mock needs them. */
interface MockSlot {
  id: string;
  label: string;
  label_zh: string;
  width: number;
  height: number;
  fit: 'contain' | 'cover' | 'width';
  max_bytes: number;
  min_bytes?: number;
  max_count: number;
  min_source?: number;
  /** trim + plain background expected (Taobao's white-background image) */
  white?: boolean;
}
const SLOTS: Record<string, MockSlot[]> = Object.fromEntries(
  Object.entries(CORE.profiles).map(([id, profile]) => [
    id,
    profile.slots.map((s) => ({
      id: s.id,
      label: s.label,
      label_zh: s.label_zh,
      width: s.width,
      height: s.height,
      fit: s.fit,
      max_bytes: Number(s.max_bytes),
      min_bytes: Number(s.min_bytes) || undefined,
      max_count: s.max_count,
      min_source: s.min_source_width || undefined,
      white: s.trim !== null,
    })),
  ]),
);

/** What the mock knows of each sample photo: its size and how it looks (by image id). */
const PHOTOS: Record<number, { width: number; height: number; background: string | null; bordered: boolean; busy: boolean }> = {
  1: { width: 4032, height: 3024, background: '#E8D9C4', bordered: false, busy: true },
  2: { width: 640, height: 640, background: null, bordered: true, busy: false },
  4: { width: 3000, height: 2000, background: null, bordered: false, busy: false },
  6: { width: 1200, height: 3600, background: null, bordered: true, busy: false },
};

function svgThumb(bg: string, fg: string, shape: 'cherry' | 'fish' | 'nut' | 'box'): string {
  const shapes = {
    cherry:
      `<path d="M40 20 C44 34 52 40 58 46 M40 20 C38 34 34 42 30 48" stroke="#3f6212" stroke-width="3" fill="none"/>` +
      `<circle cx="30" cy="56" r="12" fill="${fg}"/><circle cx="58" cy="56" r="12" fill="${fg}"/>` +
      `<circle cx="26" cy="52" r="3" fill="#fff" opacity=".6"/><circle cx="54" cy="52" r="3" fill="#fff" opacity=".6"/>`,
    fish: `<ellipse cx="38" cy="40" rx="22" ry="11" fill="${fg}"/><path d="M58 40 L72 30 L72 50 Z" fill="${fg}"/><circle cx="26" cy="37" r="2.5" fill="#1f2937"/>`,
    nut: `<ellipse cx="40" cy="46" rx="17" ry="19" fill="${fg}"/><path d="M22 36 Q40 14 58 36 Z" fill="#78350f"/>`,
    box: `<rect x="18" y="24" width="44" height="34" rx="3" fill="${fg}"/><path d="M18 34 H62" stroke="#fff" stroke-width="2"/>`,
  } as const;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80"><rect width="80" height="80" fill="${bg}"/>${shapes[shape]}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function img(id: number, position: number, src: string, state: ProductImage['state'], thumbnail: string | null, alt = ''): ProductImage {
  return {
    id,
    src,
    position,
    alt,
    state,
    thumbnail: state === 'ready' ? thumbnail : null,
    error: state === 'failed' ? { code: 'file-read', message: `${src}: the JPEG is truncated and could not be decoded.`, args: { path: src } } : null,
    findings: [],
  };
}

function variant(
  sku: string,
  options: string[],
  grams: number,
  price_cents: number,
  compare_at_cents: number | null,
  barcode: string | null,
  inventory_qty: number,
  image_src: string | null,
  attributes: Variant['attributes'] = [],
): Variant {
  // Shopify keeps grams whatever unit the merchant sees; these shops sell in pounds.
  return { sku, options, grams, weight_unit: 'lb', price_cents, compare_at_cents, barcode, inventory_qty, image_src, attributes };
}

function sampleProducts(): ProductDetail[] {
  const cherry = svgThumb('#fdf2f8', '#be123c', 'cherry');
  const cherry2 = svgThumb('#fff1f2', '#e11d48', 'box');
  const fish = svgThumb('#eff6ff', '#f97316', 'fish');
  const nut = svgThumb('#fefce8', '#a16207', 'nut');
  return [
    {
      handle: 'rainier-cherries-gift-box',
      title_en: 'Rainier Cherries Gift Box — Fresh from Washington',
      description_en:
        '<p>Hand-picked <strong>Rainier cherries</strong> from our family orchard in the Wenatchee Valley, Washington.</p>' +
        '<ul><li>Golden blush skin, sweet and low in acid</li><li>Packed within 24 hours of picking</li><li>Shipped cold in an insulated box</li></ul>' +
        '<p>Season: late June to early August.</p><script>alert("never runs")</script>',
      vendor: 'Wenatchee Valley Orchards',
      product_type: 'Fresh Fruit',
      category: 'Food, Beverages & Tobacco > Food Items > Fruits & Vegetables > Fresh & Frozen Fruits',
      tags: ['cherries', 'fresh', 'washington', 'gift'],
      brand_en: 'Wenatchee Valley Orchards',
      brand_zh: '韦纳奇谷果园',
      origin: '美国',
      hs_code: '0809290000',
      ingredients: '',
      net_content: '',
      shelf_life: '',
      storage: '',
      agent: { agent_name: '', agent_address: '', agent_phone: '' },
      title_zh: '美国华盛顿州雷尼尔黄樱桃礼盒 新鲜采摘 冷链直发',
      description_zh: '来自华盛顿州韦纳奇谷家庭果园的手摘雷尼尔樱桃。\n\n果皮金黄带红晕，口感清甜、酸度低。采摘后24小时内装箱，全程冷链保温运输。\n\n产季：6月下旬至8月初。',
      selling_points_zh: '产地：美国华盛顿州\n品名：雷尼尔车厘子\n规格：907克',
      short_title_zh: '华盛顿州雷尼尔车厘子',
      option_names: ['Size'],
      variants: [
        variant('WVO-RAIN-2LB', ['2 lb'], 907, 4900, null, '850012345671', 48, null, [{ key: 'Cost per item', value: '21.50' }]),
        variant('WVO-RAIN-5LB', ['5 lb'], 2268, 9900, 10900, '850012345688', 12, 'images/rainier-box.jpg', [{ key: 'Cost per item', value: '46.00' }]),
      ],
      attributes: [
        { key: 'custom.variety', value: 'Rainier' },
        { key: 'custom.storage', value: 'Refrigerate at 0–2 °C' },
        { key: 'custom.shelf_life_days', value: '14' },
      ],
      images: [
        img(1, 1, 'images/rainier-1.jpg', 'ready', cherry, 'Rainier cherries in a bowl'),
        {
          ...img(2, 2, 'images/rainier-box.jpg', 'ready', cherry2, 'Gift box'),
          findings: [
            {
              code: 'source-too-small',
              args: { width: '640', height: '640', slot_width: '800', slot_height: '800' },
              message: 'The photo is 640×640, smaller than the 800×800 slot.',
            },
          ],
        },
        img(3, 3, 'https://cdn.shopify.com/s/files/1/0000/rainier-orchard.jpg', 'waiting-for-network', null, 'The orchard'),
      ],
    },
    {
      handle: 'wild-sockeye-salmon-fillets',
      title_en: 'Wild Alaska Sockeye Salmon Fillets, Flash Frozen (2 lb)',
      description_en:
        '<p>Line-caught in Bristol Bay and flash frozen at our Kodiak plant.</p><p>Skin-on, pin-bone-out portions, 6–8 oz each.</p>',
      vendor: 'Kodiak Sound Seafoods',
      product_type: 'Seafood',
      category: 'Food, Beverages & Tobacco > Food Items > Meat, Seafood & Eggs > Seafood',
      tags: ['salmon', 'alaska', 'frozen', 'wild-caught'],
      brand_en: 'Kodiak Sound',
      brand_zh: '',
      origin: '美国',
      hs_code: '0304810000',
      ingredients: '',
      net_content: '',
      shelf_life: '',
      storage: '',
      agent: { agent_name: '', agent_address: '', agent_phone: '' },
      title_zh: '',
      description_zh: '',
      selling_points_zh: '',
      short_title_zh: '',
      option_names: ['Weight'],
      variants: [variant('KSS-SOCK-2LB', ['2 lb'], 907, 5600, null, null, 30, null, [{ key: 'Variant Inventory Policy', value: 'continue' }])],
      attributes: [{ key: 'custom.catch_method', value: 'Gillnet' }],
      images: [
        img(4, 1, 'images/sockeye-1.jpg', 'ready', fish, 'Sockeye fillets'),
        img(5, 2, 'images/sockeye-2.jpg', 'failed', null, 'Packing line'),
      ],
    },
    {
      handle: 'dry-roasted-hazelnuts',
      title_en: 'Dry Roasted Oregon Hazelnuts, 1 lb Bag',
      description_en: '<p>Grown and roasted on our farm in the Willamette Valley. No oil, no salt — just hazelnuts.</p>',
      vendor: 'Willamette Hazelnut Farm',
      product_type: 'Nuts',
      category: 'Food, Beverages & Tobacco > Food Items > Nuts & Seeds',
      tags: ['hazelnuts', 'oregon', 'snacks'],
      brand_en: 'Willamette Hazelnut Farm',
      brand_zh: '威拉米特榛子农场',
      origin: '美国',
      hs_code: '0802220000',
      ingredients: '',
      net_content: '',
      shelf_life: '',
      storage: '',
      agent: { agent_name: '', agent_address: '', agent_phone: '' },
      title_zh: '最好吃的美国俄勒冈烘焙榛子 无油无盐 454克',
      description_zh: '产自俄勒冈州威拉米特河谷的自家农场，低温干烘，不加油不加盐。',
      selling_points_zh: '',
      short_title_zh: '',
      option_names: ['Size'],
      variants: [
        variant('WHF-HAZ-1LB', ['1 lb'], 454, 1400, null, '860001112223', 220, null),
        variant('WHF-HAZ-5LB', ['5 lb'], 2268, 5900, null, '860001112230', 35, null),
      ],
      attributes: [],
      images: [img(6, 1, 'images/hazelnuts.jpg', 'ready', nut, 'Roasted hazelnuts')],
    },
  ];
}

/**
 * The core's check of `text`, as recorded; for a text not recorded, a thin stand-in from the
 * recorded data only: its length against the profile's limit, and the recorded term list.
 */
export function mockCheck(field: CopyField, text: string, marketplace = 'tmall-global', lang: Locale = 'en'): CopyCheck {
  const recorded = CORE.checks.find((c) => c.marketplace === marketplace && c.field === field && c.text === text);
  if (recorded) return structuredClone(lang === 'zh-CN' ? recorded['zh-CN'] : recorded.en);
  const profile = CORE.profiles[marketplace] ?? CORE.profiles['tmall-global'];
  const lines = field === 'selling_points' ? text.split('\n') : [text];
  const units = Math.max(0, ...lines.map(estimateGbkUnits));
  const limit = field === 'title' ? profile.title.max_units : field === 'short_title' ? (profile.short_title?.max_units ?? null) : field === 'selling_points' ? (profile.selling_points?.max_units ?? null) : null;
  const findings: Finding[] = [];
  const joined = Array.from(text).join('');
  const charAt = (utf16: number) => Array.from(joined.slice(0, utf16)).length;
  // Longest term first, as the core matches.
  const terms = [...CORE.terms].sort((x, y) => y.term.length - x.term.length);
  const taken: [number, number][] = [];
  for (const term of terms) {
    for (let i = joined.indexOf(term.term); i >= 0; i = joined.indexOf(term.term, i + term.term.length)) {
      const start = charAt(i);
      const end = start + Array.from(term.term).length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      findings.push({
        code: 'banned-term',
        severity: term.severity,
        start,
        end,
        args: { term: term.term, reason: term.reason, reason_zh: term.reason_zh, law: term.law, law_en: term.law_en, category: term.category, exception: 'none' },
        message: `“${term.term}” is not allowed: ${term.reason} (${term.law_en}).`,
        fixes: [{ kind: 'remove', start, end, replacement: '' }],
      });
    }
  }
  const maxLines = field === 'selling_points' ? profile.selling_points?.max_lines : undefined;
  const filled = lines.filter((l) => l.trim()).length;
  if (maxLines !== undefined && filled > maxLines) {
    findings.push({
      code: 'too-many-lines',
      severity: 'error',
      start: 0,
      end: 0,
      args: { lines: String(filled), limit: String(maxLines) },
      message: `${filled} lines: this marketplace shows at most ${maxLines} selling points.`,
      fixes: [],
    });
  }
  if (limit !== null) {
    // Mark the characters past the limit (selling points: in each line).
    let offset = 0;
    for (const line of lines) {
      const lcs = Array.from(line);
      const lu = estimateGbkUnits(line);
      if (lu > limit) {
        let u = 0;
        let cut = lcs.length;
        for (let i = 0; i < lcs.length; i++) {
          u += lcs[i].codePointAt(0)! < 0x80 ? 1 : 2;
          if (u > limit) {
            cut = i;
            break;
          }
        }
        const code = field === 'selling_points' ? 'line-too-long' : 'title-too-long';
        findings.push({
          code,
          severity: 'error',
          start: offset + cut,
          end: offset + lcs.length,
          args: { units: String(lu), limit: String(limit), unit: 'units' },
          message: `The ${field === 'selling_points' ? 'line' : 'title'} is ${lu} GBK units long; the limit is ${limit}.`,
          fixes: [],
        });
      }
      offset += lcs.length + 1;
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return { units, limit, unit: 'gbk', findings };
}

interface State {
  products: Map<string, ProductDetail>;
  history: Map<string, HistoryEntry[]>;
  rate: Rate | null;
  tmThreshold: number;
  mt: MtSettings | null;
  approvedOnly: string[];
  nextHistory: number;
  /** `marketplace/image/slot` keys already rendered: the render cache. */
  rendered: Set<string>;
  rendering: boolean;
  cancel: boolean;
  importing: boolean;
  cancelImport: boolean;
  /** Bulk edits' changes, by batch number (the core keeps them in history). */
  bulk: { batch: number; handle: string; field: 'brand_en' | 'brand_zh' | 'origin' | 'hs_code'; old: string; now: string }[];
  bulkBatches: number;
}

const state: State = { products: new Map(), history: new Map(), rate: null, tmThreshold: 70, mt: null, approvedOnly: [], nextHistory: 1, rendered: new Set(), rendering: false, cancel: false, importing: false, cancelImport: false, bulk: [], bulkBatches: 0 };

/** Fields the mock keeps Chinese copy in, by copy field. */
const COPY_KEYS = { title: 'title_zh', short_title: 'short_title_zh', selling_points: 'selling_points_zh', description: 'description_zh' } as const;

/** How long the mock takes per photo in a render batch (a real one takes 50-500 ms), and per
 * step of an import's progress. */
export const mockTiming = { photoMs: 400, importStepMs: 150 };

/** For tests: start over with an empty catalog. */
export function resetMock(): void {
  state.products.clear();
  state.history.clear();
  state.rate = null;
  state.tmThreshold = 70;
  state.mt = null;
  state.approvedOnly = [];
  state.nextHistory = 1;
  state.rendered.clear();
  state.rendering = false;
  state.cancel = false;
  state.importing = false;
  state.cancelImport = false;
  state.bulk = [];
  state.bulkBatches = 0;
  drafting.reset();
  review.reset();
}

/**
 * The products a list query picks: the core's search (crates/kuajing-catalog/src/queries/
 * search.rs) in small (every word must appear, as text anywhere; punctuation is text) and its
 * filters.
 */
function matchingProducts(query: Partial<ProductQuery>): ProductDetail[] {
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...state.products.values()].filter((p) => {
    const text = [p.title_en, p.title_zh, p.vendor, p.handle, p.description_zh, ...p.variants.map((v) => v.sku ?? '')].join(' ').toLowerCase();
    const states = review.states(p);
    return (
      words.every((w) => text.includes(w)) &&
      (!query.vendor || p.vendor === query.vendor) &&
      (!query.state || states.some((f) => f.state === query.state)) &&
      (!query.stale || states.some((f) => f.stale)) &&
      (!query.errors || errorsOf(p) > 0) &&
      (!(query.incomplete && query.marketplace) || completenessOf(p).percent < 100)
    );
  });
}

const handlesMatching = (query: Partial<ProductQuery>): string[] => matchingProducts(query).map((p) => p.handle);

/** As the core stores them: an HS code loses its dots and spaces and must be 6 to 10 digits. */
function checkedFields(fields: ProductFields): ProductFields {
  if (fields.hs_code === undefined || fields.hs_code === null) return fields;
  const digits = fields.hs_code.replace(/[. \u3000]/g, '');
  if (digits && !/^\d{6,10}$/.test(digits)) {
    const v = fields.hs_code.trim();
    fail('bad-hs-code', `hs_code: \`${v}\` is not an HS code: write the China tariff code's 6 to 10 digits`, { value: v });
  }
  return { ...fields, hs_code: digits };
}

function record(handle: string, field: string, locale: string | null, old: string | null, nu: string | null, source: HistoryEntry['source']) {
  const list = state.history.get(handle) ?? [];
  list.unshift({ id: state.nextHistory++, at: new Date().toISOString(), handle, field, locale, old, new: nu, source });
  state.history.set(handle, list);
}

function errorsOf(p: ProductDetail): number {
  return (Object.keys(COPY_KEYS) as CopyField[]).flatMap((f) => mockCheck(f, p[COPY_KEYS[f]]).findings).filter((f) => f.severity === 'error').length;
}

function summary(p: ProductDetail): ProductSummary {
  const first = p.images.find((i) => i.thumbnail);
  return {
    handle: p.handle,
    title_en: p.title_en,
    title_zh: p.title_zh.trim() ? p.title_zh : null,
    vendor: p.vendor,
    variants: p.variants.length,
    images: p.images.length,
    thumbnail: first?.thumbnail ?? null,
    errors: errorsOf(p),
    completeness: completenessOf(p).percent,
    review: review.states(p),
  };
}

/**
 * A stand-in for the core's completeness (crates/kuajing-core/src/completeness.rs): the
 * profiles' `[required]` list as the shipped profiles have it, one photo for the slots.
 */
function completenessOf(p: ProductDetail): Completeness {
  const items: [string, string, boolean][] = [
    ['title_zh', 'Chinese title', p.title_zh.trim() !== '' && errorsOf(p) === 0],
    ['description_zh', 'Chinese description', p.description_zh.trim() !== ''],
    ['brand', 'brand', (p.brand_zh || p.brand_en).trim() !== ''],
    ['origin', 'country of origin', p.origin.trim() !== ''],
    ['hs_code', 'HS code', p.hs_code.trim() !== ''],
    ['price_cny', 'price', p.variants[0]?.price_cents != null],
    ['ingredients', 'ingredients', p.ingredients.trim() !== ''],
    ['net_content', 'net content', p.net_content.trim() !== ''],
    ['shelf_life', 'shelf life', p.shelf_life.trim() !== ''],
    ['storage', 'storage', p.storage.trim() !== ''],
    ['agent_name', 'agent in China', p.agent.agent_name.trim() !== ''],
    ['agent_address', "agent's address", p.agent.agent_address.trim() !== ''],
    ['agent_phone', "agent's phone", p.agent.agent_phone.trim() !== ''],
    ['slot:main', 'Main image', p.images.length > 0],
    ['slot:detail', 'Detail image', p.images.length > 0],
  ];
  const missing = items.filter(([, , ok]) => !ok);
  return {
    handle: p.handle,
    percent: Math.floor(((items.length - missing.length) * 100) / items.length),
    missing: missing.map(([code]) => code),
    missing_names: missing.map(([, name]) => name),
  };
}

/** As the catalog weighs a product for "needs attention first" (crates/kuajing-catalog list.rs). */
function attention(p: ProductDetail): number {
  const states = review.states(p);
  const weight = { rejected: 125, draft: 5, translated: 5, reviewed: 1, approved: 0 } as const;
  const sum = states.reduce((n, r) => n + (r.state === 'rejected' ? 125 : r.stale ? 25 : weight[r.state]), 0);
  return sum + (states.some((r) => r.field === 'title') ? 0 : 5);
}

function fail(code: string, message: string, args: Record<string, string> = {}): never {
  const e: AppError = { code, message, args };
  throw e;
}

function getP(handle: string): ProductDetail {
  const p = state.products.get(handle);
  if (!p) fail('no-product', `No product with handle “${handle}”.`, { handle });
  return p;
}

/** What a CSV holds: the sample, or (any other file) a later export of the same shop. */
function fileProducts(file: string): ProductDetail[] {
  const products = sampleProducts();
  if (file !== 'sample') {
    // Since the sample was exported, the 5 lb bag of hazelnuts went on sale.
    const nuts = products.find((p) => p.handle === 'dry-roasted-hazelnuts')!;
    nuts.variants[1] = { ...nuts.variants[1], price_cents: 5400, compare_at_cents: 5900, inventory_qty: 28 };
    // A file named …retitled… also renames the cherries (their Chinese goes stale under review).
    const cherries = products.find((p) => p.handle === 'rainier-cherries-gift-box')!;
    if (/retitled/i.test(file)) cherries.title_en = 'Rainier Cherries Gift Box, 2 lb — Fresh from Washington';
  }
  return products;
}

/** Everything an import may change (not the Chinese copy nor the merchant's own fields). */
function fingerprint(p: ProductDetail): string {
  const { handle, title_en, description_en, vendor, product_type, category, tags, option_names, variants, attributes } = p;
  const images = p.images.map((i) => [i.src, i.position, i.alt]);
  return JSON.stringify([handle, title_en, description_en, vendor, product_type, category, tags, option_names, variants, attributes, images]);
}

function applyFile(source: HistoryEntry['source'], dry: boolean, file: string): ImportReport {
  const products = fileProducts(file);
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const p of products) {
    const before = state.products.get(p.handle);
    if (!before) {
      added.push(p.handle);
      if (dry) continue;
      state.products.set(p.handle, p);
      record(p.handle, 'product', null, null, p.handle, source);
      record(p.handle, 'title', 'en', null, p.title_en, source);
      if (p.title_zh) record(p.handle, 'title', 'zh-CN', null, p.title_zh, source);
    } else if (fingerprint(before) === fingerprint(p)) {
      unchanged.push(p.handle);
    } else {
      updated.push(p.handle);
      if (dry) continue;
      // The file's fields replace the catalog's; Chinese copy and merchant fields are kept.
      if (before.title_en !== p.title_en) record(p.handle, 'title', 'en', before.title_en, p.title_en, source);
      const { title_zh, description_zh, selling_points_zh, short_title_zh, brand_en, brand_zh, origin, hs_code } = before;
      const after = { ...p, title_zh, description_zh, selling_points_zh, short_title_zh, brand_en, brand_zh, origin, hs_code };
      review.sourceChanged(before, after);
      state.products.set(p.handle, after);
    }
  }
  return {
    file,
    dry_run: dry,
    applied: !dry,
    cancelled: false,
    encoding: 'utf-8',
    products: products.length,
    variants: products.reduce((n, p) => n + p.variants.length, 0),
    images: products.reduce((n, p) => n + p.images.length, 0),
    added,
    updated,
    unchanged,
    warnings: [
      {
        row: 7,
        column: 'Image Src',
        code: 'remote-image',
        severity: 'warning',
        args: { url: 'https://cdn.shopify.com/s/files/1/0000/rainier-orchard.jpg' },
        message: 'The image at https://cdn.shopify.com/s/files/1/0000/rainier-orchard.jpg will be fetched when online.',
      },
    ],
    errors: [],
  };
}

/** An import's progress as the core sends it: the file read, then its rows written, a step at
 * a time; answers whether `cancel_import` stopped it. */
async function importSteps(a: Args): Promise<boolean> {
  const sink = a.onProgress as ProgressSink<ImportProgress> | undefined;
  const send = (p: ImportProgress) => sink?.onmessage?.(clone(p));
  if (state.importing) fail('import-running', 'an import is already running: wait for it to finish or cancel it');
  state.importing = true;
  state.cancelImport = false;
  const total_bytes = 4 << 20;
  const total_rows = 4000;
  try {
    for (let step = 1; step <= 4; step++) {
      send({ stage: 'reading', bytes: (total_bytes * step) / 4, total_bytes, rows: 0, total_rows: 0 });
      await sleep(mockTiming.importStepMs / 4);
    }
    for (let step = 0; step <= 4; step++) {
      if (state.cancelImport) return true;
      send({ stage: 'writing', bytes: total_bytes, total_bytes, rows: (total_rows * step) / 4, total_rows });
      await sleep(mockTiming.importStepMs);
    }
    return false;
  } finally {
    state.importing = false;
  }
}

function cancelledReport(file: string, dry: boolean): ImportReport {
  return { ...badReport(file), dry_run: dry, encoding: 'utf-8', added: [], updated: [], warnings: [], errors: [], cancelled: true };
}

function badReport(file: string): ImportReport {
  return {
    file,
    dry_run: true,
    applied: false,
    cancelled: false,
    encoding: 'windows-1252',
    products: 2,
    variants: 3,
    images: 2,
    // With errors nothing is compared: handles only say what a fixed file would add or touch.
    added: ['smoked-king-salmon'],
    updated: ['dry-roasted-hazelnuts'],
    unchanged: [],
    warnings: [
      { row: 0, column: null, code: 'converted-from-windows-1252', severity: 'warning', args: {}, message: 'Read as Windows-1252.' },
      { row: 3, column: 'Variant Barcode', code: 'barcode-scientific', severity: 'warning', args: { value: '8.50012E+11' }, message: 'Barcode 8.50012E+11 is in scientific notation.' },
    ],
    errors: [
      { row: 4, column: 'Variant Price', code: 'bad-number', severity: 'error', args: { column: 'Variant Price', value: '12,5O' }, message: 'Variant Price holds “12,5O”, which is not a number.' },
      { row: 5, column: 'Handle', code: 'missing-handle', severity: 'error', args: {}, message: 'This row has no Handle.' },
    ],
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function slotsOf(marketplace: string): MockSlot[] {
  const slots = SLOTS[marketplace];
  if (!slots) fail('unknown-marketplace', `No marketplace profile named “${marketplace}”.`, { marketplace });
  return slots;
}

/** A finding as the Rust side sends it: code, args and the message in `zh` or English. */
function imageFinding(code: string, args: Record<string, string>, zh: boolean): Message {
  const en: Record<string, string> = {
    'source-too-small': `The photo is ${args.width}×${args.height}, smaller than the ${args.min_width}×${args.min_height} this slot needs. It was not enlarged (that would look soft): use a larger photo.`,
    'quality-reduced': `JPEG quality was lowered to ${args.quality} to stay under ${args.max_bytes} bytes.`,
    'over-byte-cap': `At ${args.bytes} bytes the image is over this slot's limit of ${args.max_bytes}, even at the lowest quality. The marketplace will refuse it: use a simpler or smaller photo.`,
    'not-trimmed': 'No plain border was found to trim: this slot wants the product alone on a plain background.',
    'background-not-plain': `The photo's background is ${args.colour}, not the slot's ${args.background}. Shoot the product on ${args.background} or cut it out.`,
    sliced: `The long image was cut into ${args.count} slices.`,
  };
  const cn: Record<string, string> = {
    'source-too-small': `照片为 ${args.width}×${args.height}，小于此位置要求的 ${args.min_width}×${args.min_height}。`,
    'quality-reduced': `为保持在 ${args.max_bytes} 字节以内，JPEG 质量降到了 ${args.quality}。`,
    'over-byte-cap': `图片为 ${args.bytes} 字节，超过此位置的上限 ${args.max_bytes}。`,
    'not-trimmed': '找不到可裁掉的纯色边框：此位置要求商品单独放在纯色背景上。',
    'background-not-plain': `照片背景为 ${args.colour}，不是要求的 ${args.background}。`,
    sliced: `长图被切成了 ${args.count} 段。`,
  };
  return { code, args, message: (zh ? cn[code] : en[code]) ?? code };
}

/** Renders one photo into one slot, as far as a mock can: sizes, bytes and findings. */
function renderSlot(imageId: number, slot: MockSlot, zh: boolean): Omit<SlotPreview, 'slot' | 'label' | 'thumbnail'> {
  const photo = PHOTOS[imageId] ?? { width: 1600, height: 1600, background: null, bordered: true, busy: false };
  const findings: Message[] = [];
  let width = slot.width;
  let height = slot.height;
  let parts = 1;
  if (slot.fit === 'width') {
    const full = Math.round((photo.height * slot.width) / photo.width);
    parts = Math.ceil(full / slot.height);
    height = Math.min(full, slot.height);
  }
  const need = slot.min_source ?? 0;
  if (photo.width < need || (slot.fit !== 'width' && photo.height < need)) {
    findings.push(imageFinding('source-too-small', { width: String(photo.width), height: String(photo.height), min_width: String(need), min_height: String(slot.fit === 'width' ? 0 : need) }, zh));
  }
  let bytes = Math.round(width * height * (photo.busy ? 0.42 : 0.22)) * parts;
  let quality: number | null = 88;
  if (bytes > slot.max_bytes * parts) {
    if (photo.busy && slot.max_bytes < 150_000) {
      bytes = Math.round(slot.max_bytes * 1.16);
      quality = 30;
      findings.push(imageFinding('over-byte-cap', { bytes: String(bytes), max_bytes: String(slot.max_bytes) }, zh));
    } else {
      bytes = Math.round(slot.max_bytes * 0.94);
      quality = 64;
      findings.push(imageFinding('quality-reduced', { quality: '64', max_bytes: String(slot.max_bytes) }, zh));
    }
  }
  if (slot.white) {
    if (photo.background) findings.push(imageFinding('background-not-plain', { colour: photo.background, background: '#FFFFFF' }, zh));
    else if (!photo.bordered) findings.push(imageFinding('not-trimmed', {}, zh));
  }
  if (parts > 1) findings.push(imageFinding('sliced', { count: String(parts) }, zh));
  return { width, height, parts, bytes, max_bytes: slot.max_bytes, quality, findings, error: null };
}

/** The slots the n-th photo (1-based) of a product goes into. */
const slotsFor = (slots: MockSlot[], n: number) => slots.filter((s) => s.max_count >= n);

/** An SVG of what a slot image looks like: the photo's shape laid out as the slot lays it out. */
function slotThumb(original: string | null, w: number, h: number, cover: boolean): string | null {
  if (!original) return null;
  const inner = decodeURIComponent(original.slice(original.indexOf(',') + 1)).replace(/<\/?svg[^>]*>/g, '');
  const side = cover ? Math.max(w, h) : Math.min(w, h);
  const scale = side / 80;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#fff"/>` +
    `<g transform="translate(${(w - side) / 2} ${(h - side) / 2}) scale(${scale})">${inner}</g></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A sink's onmessage, if the args carry one. */
function progressOf(a: Args): (p: RenderProgress) => void {
  const sink = a.onProgress as ProgressSink<RenderProgress> | undefined;
  return (p) => sink?.onmessage?.(clone(p));
}

async function renderCatalog(a: Args): Promise<RenderReport> {
  if (state.rendering) fail('render-running', 'a render batch is already running: wait for it to finish or cancel it');
  const marketplace = str(a, 'marketplace');
  const slots = slotsOf(marketplace);
  const zh = (a.lang as Locale) === 'zh-CN';
  const only = Array.isArray(a.handles) ? (a.handles as string[]) : null;
  const started = Date.now();
  const jobs: { handle: string; image: ProductImage; slots: MockSlot[] }[] = [];
  for (const p of state.products.values()) {
    if (only && !only.includes(p.handle)) continue;
    [...p.images]
      .sort((x, y) => x.position - y.position)
      .forEach((image, i) => {
        if (image.state === 'ready') jobs.push({ handle: p.handle, image, slots: slotsFor(slots, i + 1) });
      });
  }
  const progress: RenderProgress = { done: 0, total: jobs.length, rendered: 0, cached: 0, failed: 0 };
  const notes: RenderNote[] = [];
  const send = progressOf(a);
  state.rendering = true;
  state.cancel = false;
  try {
    send(progress);
    for (const job of jobs) {
      if (state.cancel) break;
      await sleep(mockTiming.photoMs);
      for (const slot of job.slots) {
        const key = `${marketplace}/${job.image.id}/${slot.id}`;
        if (state.rendered.has(key)) progress.cached++;
        else progress.rendered++;
        state.rendered.add(key);
        const r = renderSlot(job.image.id, slot, zh);
        if (r.findings.length) notes.push({ handle: job.handle, position: job.image.position, slot: slot.id, label: zh ? slot.label_zh : slot.label, findings: r.findings, error: null });
      }
      progress.done++;
      send(progress);
    }
  } finally {
    state.rendering = false;
  }
  return { marketplace, progress, cancelled: state.cancel && progress.done < progress.total, elapsed_ms: Date.now() - started, notes };
}

function imagePreviews(a: Args): ImagePreview[] {
  const p = getP(str(a, 'handle'));
  const marketplace = str(a, 'marketplace');
  const slots = slotsOf(marketplace);
  const zh = (a.lang as Locale) === 'zh-CN';
  return [...p.images]
    .sort((x, y) => x.position - y.position)
    .map((image, i) => {
      const photo = PHOTOS[image.id];
      const preview: ImagePreview = {
        id: image.id,
        position: image.position,
        src: image.src,
        original: image.thumbnail,
        source_width: image.state === 'ready' ? (photo?.width ?? 1600) : null,
        source_height: image.state === 'ready' ? (photo?.height ?? 1600) : null,
        error: null,
        slots: [],
      };
      if (image.state === 'waiting-for-network') {
        preview.error = { code: 'not-fetched', message: 'this image has not been downloaded yet', args: {} };
      } else if (image.state === 'failed') {
        preview.error = image.error;
      } else {
        preview.slots = slotsFor(slots, i + 1).map((slot) => {
          state.rendered.add(`${marketplace}/${image.id}/${slot.id}`);
          const r = renderSlot(image.id, slot, zh);
          return { slot: slot.id, label: zh ? slot.label_zh : slot.label, thumbnail: slotThumb(image.thumbnail, r.width, r.height, slot.fit === 'cover'), ...r };
        });
      }
      return preview;
    });
}

function imageView(a: Args): string {
  const id = Number(a.imageId);
  const product = [...state.products.values()].find((p) => p.images.some((i) => i.id === id));
  const image = product?.images.find((i) => i.id === id);
  if (!image || image.state !== 'ready' || !image.thumbnail) fail('not-fetched', 'this image has not been downloaded yet');
  if (a.slot == null) {
    const photo = PHOTOS[id] ?? { width: 1600, height: 1600 };
    const scale = Math.min(1, 1600 / Math.max(photo.width, photo.height));
    return slotThumb(image.thumbnail, Math.round(photo.width * scale), Math.round(photo.height * scale), false)!;
  }
  const slot = slotsOf(str(a, 'marketplace')).find((s) => s.id === a.slot);
  if (!slot) fail('unknown-slot', `marketplace \`${str(a, 'marketplace')}\` has no image slot \`${String(a.slot)}\``);
  const r = renderSlot(id, slot, false);
  const part = Number(a.part ?? 0);
  // The last slice of a long image is what is left over.
  const photo = PHOTOS[id];
  const full = photo && slot.fit === 'width' ? Math.round((photo.height * slot.width) / photo.width) : r.height;
  const h = r.parts > 1 && part === r.parts - 1 ? full - slot.height * (r.parts - 1) : r.height;
  return slotThumb(image.thumbnail, r.width, h, slot.fit === 'cover')!;
}
const clone = <T>(v: T): T => structuredClone(v);

type Args = Record<string, unknown>;
const str = (a: Args, k: string): string => String(a[k] ?? '');

/** Drafting, suggestions, the gloss, option values and the glossary (./mock-drafting.ts). */
const drafting: Drafting = createDrafting({
  products: () => state.products.values(),
  product: (handle) => getP(handle),
  check: mockCheck,
  save: (p, field, text) => {
    const key = COPY_KEYS[field];
    record(p.handle, field, 'zh-CN', p[key] || null, text, 'draft' as HistoryEntry['source']);
    p[key] = text;
    review.drafted(p, field);
  },
  fail,
  sleep,
  timing: () => mockTiming.photoMs,
  mt: () => state.mt,
});

/** Review states, comments, stale flags and the queue (./mock-review.ts). */
const review: Review = createReview({
  products: () => state.products.values(),
  product: (handle) => getP(handle),
  check: mockCheck,
  fail,
});

const settings = () => ({ rate: state.rate, tm_threshold: state.tmThreshold, mt: state.mt, approved_only: [...state.approvedOnly] });

const handlers: Record<string, (a: Args) => unknown> = {
  ...drafting.handlers,
  ...review.handlers,
  render_catalog: renderCatalog,
  cancel_render: () => {
    state.cancel = true;
    return null;
  },
  image_previews: imagePreviews,
  image_view: imageView,
  catalog_info: () => ({ path: '/home/demo/.local/share/kuajing/catalog.sqlite', products: state.products.size }),
  list_marketplaces: () => MARKETPLACES,
  load_sample: () => applyFile('sample', false, 'sample'),
  preview_import: async (a) => {
    const path = str(a, 'path').trim();
    if (!path) fail('file-read', 'No file was given.', { path });
    if (!/\.csv$/i.test(path)) fail('file-read', `${path}: not a CSV file.`, { path });
    if (/error|bad/i.test(path)) return badReport(path);
    return (await importSteps(a)) ? cancelledReport(path, true) : applyFile('import', true, path);
  },
  import_file: async (a) => {
    const path = str(a, 'path').trim();
    if (!path) fail('file-read', 'No file was given.', { path });
    if (/error|bad/i.test(path)) fail('import-has-errors', `${path}: 2 errors; nothing was imported.`, { count: '2' });
    return (await importSteps(a)) ? cancelledReport(path, false) : applyFile('import', false, path);
  },
  cancel_import: () => {
    state.cancelImport = true;
    return null;
  },
  products_page: (a) => {
    const query = (a.query ?? {}) as Partial<ProductQuery>;
    const offset = Math.max(0, Number(a.offset ?? 0));
    const limit = Math.min(500, Math.max(0, Number(a.limit ?? 0)));
    const all = matchingProducts(query);
    if (query.order === 'attention') {
      const at = all.map((p, i) => [attention(p), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      all.splice(0, all.length, ...at.map(([, i]) => all[i]));
    }
    const items = all.slice(offset, offset + limit).map((p) => {
      const s = summary(p);
      return a.thumbnails ? s : { ...s, thumbnail: null };
    });
    return { total: all.length, offset, items };
  },
  get_product: (a) => getP(str(a, 'handle')),
  product_completeness: (a): MarketplaceCompleteness[] => {
    const c = completenessOf(getP(str(a, 'handle')));
    return MARKETPLACES.map((m) => ({ marketplace: m.id, name: m.name, completeness: c }));
  },
  export_completeness: () => state.products.size,
  list_vendors: (): Vendor[] => {
    const by = new Map<string, ProductDetail[]>();
    for (const p of state.products.values()) by.set(p.vendor, [...(by.get(p.vendor) ?? []), p]);
    return [...by.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, mine]) => ({ name, products: mine.length, ...mine[0].agent }));
  },
  set_vendor_field: (a) => {
    const vendor = str(a, 'vendor');
    const field = str(a, 'field') as 'agent_name' | 'agent_address' | 'agent_phone';
    const mine = [...state.products.values()].filter((p) => p.vendor === vendor);
    if (!mine.length) fail('no-vendor', `No vendor named “${vendor}” in the catalog.`, { vendor });
    for (const p of mine) p.agent = { ...p.agent, [field]: str(a, 'value').trim() };
    return { name: vendor, products: mine.length, ...mine[0].agent };
  },
  bundle_report: (a) => `<!doctype html><html lang="en"><body><h1>Kuajing export</h1><p>${str(a, 'path')}</p></body></html>`,
  validate_export: (a): Validation => {
    const products: ProductIssues[] = [];
    let ready = 0;
    for (const p of state.products.values()) {
      const errors = p.title_zh.trim() === '' || errorsOf(p) > 0;
      if (!errors) ready++;
      const c = completenessOf(p);
      const issues: ExportIssue[] = c.missing.map((item, i) => ({
        item,
        severity: item === 'title_zh' && errors ? 'error' : 'warning',
        message: { code: 'missing-item', message: `Missing for this marketplace: ${c.missing_names[i]}`, args: { item: c.missing_names[i] } },
      }));
      if (issues.length) products.push({ handle: p.handle, title: p.title_zh || p.title_en, exports: !errors, issues });
    }
    products.sort((x, y) => Number(x.exports) - Number(y.exports));
    return { marketplace: str(a, 'marketplace'), ready, blocked: state.products.size - ready, products };
  },
  set_copy: (a) => {
    const p = getP(str(a, 'handle'));
    const field = str(a, 'field') as CopyField;
    const text = str(a, 'text');
    const key = COPY_KEYS[field];
    if (!key) fail('bad-field', `the field \`${field}\` cannot be edited here`, { field });
    // As the catalog does: refused when someone saved in between (the same text is never a conflict).
    const base = a.base;
    if (typeof base === 'string' && p[key] !== base && p[key] !== text) {
      fail('copy-conflict', `the ${field} of \`${p.handle}\` was changed elsewhere while you edited it; the catalog now holds: ${p[key]}`, {
        handle: p.handle,
        field,
        theirs: p[key],
      });
    }
    if (p[key] !== text) {
      record(p.handle, field, 'zh-CN', p[key] || null, text, 'edit');
      p[key] = text;
      drafting.remember(p, field, text);
      review.saved(p, field);
    }
    return drafting.withGlossary(p, field, text, mockCheck(field, text));
  },
  check_copy: (a) => mockCheck(str(a, 'field') as CopyField, str(a, 'text'), str(a, 'marketplace') || undefined),
  set_product_fields: (a) => {
    const p = getP(str(a, 'handle'));
    const fields = checkedFields((a.fields ?? {}) as ProductFields);
    for (const k of ['brand_en', 'brand_zh', 'origin', 'hs_code', 'ingredients', 'net_content', 'shelf_life', 'storage'] as const) {
      const v = fields[k];
      if (v === undefined) continue;
      if (p[k] !== v) {
        record(p.handle, k, null, p[k] || null, v, 'edit');
        p[k] = v;
      }
    }
    return p;
  },
  bulk_set_fields: (a): BulkEdit => {
    const target = a.target as BulkTarget;
    const fields = checkedFields((a.fields ?? {}) as ProductFields);
    const handles = target.kind === 'handles' ? target.handles : handlesMatching(target.query);
    const batch = ++state.bulkBatches;
    let changed = 0;
    for (const handle of handles) {
      const p = getP(handle);
      let touched = false;
      for (const k of ['brand_en', 'brand_zh', 'origin', 'hs_code'] as const) {
        const v = fields[k];
        if (v === undefined || p[k] === v) continue;
        state.bulk.push({ batch, handle, field: k, old: p[k], now: v });
        record(handle, k, null, p[k] || null, v, 'bulk');
        p[k] = v;
        touched = true;
      }
      if (touched) changed++;
    }
    return { batch, products: handles.length, changed, kept: [] };
  },
  undo_bulk: (a): BulkEdit => {
    const batch = Number(a.batch);
    const rows = state.bulk.filter((r) => r.batch === batch).reverse();
    if (!rows.length) fail('no-batch', `No bulk edit number ${batch} in the catalog's history.`, { batch: String(batch) });
    const undo = ++state.bulkBatches;
    const kept = new Set<string>();
    const products = new Set<string>();
    for (const r of rows) {
      const p = getP(r.handle);
      products.add(r.handle);
      if (p[r.field] !== r.now) {
        kept.add(r.handle);
        continue;
      }
      state.bulk.push({ batch: undo, handle: r.handle, field: r.field, old: r.now, now: r.old });
      record(r.handle, r.field, null, r.now || null, r.old, 'undo');
      p[r.field] = r.old;
    }
    const changed = new Set(state.bulk.filter((r) => r.batch === undo).map((r) => r.handle)).size;
    return { batch: undo, products: products.size, changed, kept: [...kept] };
  },
  product_history: (a) => {
    getP(str(a, 'handle'));
    return state.history.get(str(a, 'handle')) ?? [];
  },
  get_settings: settings,
  set_approved_only: (a) => {
    const id = str(a, 'marketplace');
    state.approvedOnly = state.approvedOnly.filter((m) => m !== id);
    if (a.on) state.approvedOnly.push(id);
    return settings();
  },
  set_tm_threshold: (a) => {
    const n = Number(a.threshold);
    if (!Number.isInteger(n) || n < 1 || n > 100) fail('bad-threshold', `the match threshold must be a whole number from 1 to 100, not ${String(a.threshold)}`, { value: String(a.threshold) });
    state.tmThreshold = n;
    return settings();
  },
  set_mt: (a) => {
    const mt = a.mt as MtSettings | null;
    if (mt === null) state.mt = null;
    else {
      const endpoint = mt.endpoint.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
      if (!/^https?:\/\/[^\s/@]+/.test(endpoint)) fail('mt-bad-endpoint', `${endpoint} is not a usable endpoint: it must start with http:// or https://`, { url: endpoint, reason: 'it must start with http:// or https://' });
      if (!mt.model.trim()) fail('mt-no-model', 'name the model the server should run');
      state.mt = { endpoint, model: mt.model.trim(), api_key_env: mt.api_key_env?.trim() || null };
    }
    return settings();
  },
  set_rate: (a) => {
    const rate = Number(a.rate);
    const date = str(a, 'date');
    if (!(rate > 0)) fail('bad-rate', 'The rate must be a number above zero.', { rate: String(a.rate) });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('bad-date', `“${date}” is not a date (YYYY-MM-DD).`, { date });
    state.rate = { usd_cny: rate, date };
    return settings();
  },
  default_export_path: (a) => `/home/demo/Documents/Kuajing/${str(a, 'marketplace') || 'tmall-global'}-${new Date().toISOString().slice(0, 10)}.zip`,
  // The mock is always offline: remote photos keep waiting, as they do without a network.
  fetch_images: (a) => {
    const only = a.handle == null ? null : str(a, 'handle');
    let waiting = 0;
    for (const p of state.products.values()) {
      if (only !== null && p.handle !== only) continue;
      waiting += p.images.filter((im) => im.state === 'waiting-for-network').length;
    }
    return { fetched: 0, waiting, failed: [], offline: waiting > 0 };
  },
  export_bundle: (a) => {
    if (!state.rate) fail('no-rate', 'Set the USD→CNY exchange rate in Settings before exporting.');
    const path = str(a, 'path').trim();
    if (!path) fail('file-write', 'No output file was given.', { path });
    // Messages come back in the language asked for, as report.txt is written in it.
    const zh = (a.lang as Locale) === 'zh-CN';
    const say = (en: string, cn: string) => (zh ? cn : en);
    const skipped: Skipped[] = [];
    const warnings: Skipped[] = [];
    let products = 0;
    let rows = 0;
    let images = 0;
    for (const p of state.products.values()) {
      const reasons: Message[] = [];
      if (!p.title_zh.trim()) reasons.push({ code: 'no-zh-title', args: {}, message: say('No Chinese title yet. Write one on the product page.', '还没有中文标题。请在商品页填写。') });
      for (const [field, text] of [['title', p.title_zh], ['short_title', p.short_title_zh], ['selling_points', p.selling_points_zh], ['description', p.description_zh]] as const) {
        const names = { title: ['title', '标题'], short_title: ['short title', '短标题'], selling_points: ['selling points', '卖点'], description: ['description', '描述'] } as const;
        const name = say(names[field][0], names[field][1]);
        for (const f of mockCheck(field, text, str(a, 'marketplace') || undefined, zh ? 'zh-CN' : 'en').findings.filter((x) => x.severity === 'error'))
          reasons.push({
            code: 'copy-error',
            args: { field: name, finding: f.message },
            message: say(`The Chinese ${name} has an error: ${f.message}`, `中文${name}有错误：${f.message}`),
          });
      }
      if (!p.variants.some((v) => v.price_cents !== null)) reasons.push({ code: 'no-price', args: {}, message: say('No variant has a price.', '没有任何规格设置了价格。') });
      if (reasons.length) {
        skipped.push({ handle: p.handle, reasons });
        continue;
      }
      // Up to 5 main images; one that cannot be rendered is left out with a note.
      const notes: Message[] = [];
      let put = 0;
      for (const i of p.images) {
        if (put >= 5) break;
        if (i.state === 'ready') {
          put++;
          continue;
        }
        const reason =
          i.state === 'waiting-for-network'
            ? say(`${i.src} has not been downloaded yet (waiting for network).`, `${i.src} 尚未下载（等待网络）。`)
            : (i.error?.message ?? i.src);
        notes.push({ code: 'image-left-out', args: { src: i.src, reason }, message: say(`Image ${i.src} was left out: ${reason}`, `图片 ${i.src} 未放入：${reason}`) });
      }
      if (put === 0) notes.push({ code: 'no-image', args: {}, message: say('No image could go into the bundle; the marketplace needs at least one main image.', '没有可放入导出包的图片；平台至少需要一张主图。') });
      if (notes.length) warnings.push({ handle: p.handle, reasons: notes });
      products++;
      rows += p.variants.length;
      images += put;
    }
    const report: ExportReport = { path, marketplace: str(a, 'marketplace'), products, rows, images, labels: products, rate: state.rate, skipped, warnings, approved_only: state.approvedOnly.includes(str(a, 'marketplace')), sheets: ['listing.csv'] };
    return report;
  },
};

const SLOW = new Set(['export_bundle', 'import_file', 'preview_import', 'load_sample', 'image_previews']);

export async function mockInvoke(cmd: string, args: Record<string, unknown> = {}): Promise<unknown> {
  await sleep(SLOW.has(cmd) ? 600 : 40);
  const h = handlers[cmd];
  if (!h) fail('unknown-command', `Command ${cmd} not found`, { command: cmd });
  return clone(await h(args));
}
