// The mock's drafting side: drafts, editor suggestions (translation memory and glossary terms),
// the gloss, "draft all empty fields", option values and the glossary. As crude as the rest of
// the mock: the real work is kuajing-draft, kuajing-tm and kuajing-gloss.
import type {
  AppError,
  CopyCheck,
  CopyField,
  Draft,
  DraftBatchReport,
  DraftProgress,
  DraftSource,
  Gloss,
  GlossToken,
  GlossaryImport,
  GlossaryTerm,
  OptionValue,
  ProductDetail,
  ProgressSink,
  Suggestions,
  MtSettings,
  TermHit,
  TmDiffPart,
  TmMatch,
} from './types';

type Args = Record<string, unknown>;

/** What the drafting mock needs from the rest of the mock. */
export interface DraftingHost {
  products(): Iterable<ProductDetail>;
  product(handle: string): ProductDetail;
  check(field: CopyField, text: string): CopyCheck;
  /** Stores a drafted field (history source `draft`). */
  save(p: ProductDetail, field: CopyField, text: string): void;
  fail(code: string, message: string, args?: Record<string, string>): never;
  sleep(ms: number): Promise<unknown>;
  /** How long one product takes in "draft all", in ms. */
  timing(): number;
  /** The machine-draft endpoint, if one is set. */
  mt(): MtSettings | null;
}

export interface Drafting {
  handlers: Record<string, (a: Args) => unknown>;
  reset(): void;
  /** A saved field goes into the translation memory (titles only, in the mock). */
  remember(p: ProductDetail, field: CopyField, text: string): void;
  /** `check` with the glossary's findings on the product's English added, as set_copy does. */
  withGlossary(p: ProductDetail, field: CopyField, text: string, check: CopyCheck): CopyCheck;
}

const term = (en: string, zh: string, category: string, note = '', forbidden: string[] = []): GlossaryTerm => ({
  en,
  zh,
  forbidden,
  note,
  category,
  origin: 'seed',
});

const SEED: GlossaryTerm[] = [
  term('Rainier Cherries', '雷尼尔车厘子', 'variety', 'Imported sweet cherries sell as 车厘子.', ['雷尼尔樱桃']),
  term('Cherries', '车厘子', 'product', '樱桃 reads as the small domestic kind.'),
  term('Sockeye Salmon', '红鲑', 'product', '', ['红三文鱼']),
  term('Salmon', '三文鱼', 'product'),
  term('Hazelnuts', '榛子', 'product'),
  term('Washington', '华盛顿州', 'region'),
  term('Alaska', '阿拉斯加', 'region'),
  term('Oregon', '俄勒冈州', 'region'),
  term('Fresh', '新鲜', 'quality'),
  term('Wild', '野生', 'quality'),
  term('Dry Roasted', '干烘', 'quality'),
  term('Flash Frozen', '速冻', 'quality'),
  term('Fillets', '鱼柳', 'pack'),
  term('Gift Box', '礼盒', 'pack'),
  term('US', '美国', 'region'),
];

/** Words the mock's gloss knows besides the glossary: senses best first, and the reading. */
const DICT: Record<string, { gloss: string[]; pinyin: string }> = {
  美国: { gloss: ['US', 'United States; USA'], pinyin: 'Měiguó' },
  华盛顿州: { gloss: ['Washington', 'Washington, US State'], pinyin: 'Huáshèngdùnzhōu' },
  车厘子: { gloss: ['cherries', 'imported sweet cherries'], pinyin: 'chēlízi' },
  樱桃: { gloss: ['cherry'], pinyin: 'yīngtáo' },
  礼盒: { gloss: ['gift box'], pinyin: 'lǐhé' },
  新鲜: { gloss: ['fresh', 'novel'], pinyin: 'xīnxiān' },
  采摘: { gloss: ['to pick', 'to harvest'], pinyin: 'cǎizhāi' },
  冷链: { gloss: ['cold chain'], pinyin: 'lěngliàn' },
  直发: { gloss: ['shipped direct'], pinyin: 'zhífā' },
  野生: { gloss: ['wild', 'undomesticated'], pinyin: 'yěshēng' },
  冷冻: { gloss: ['frozen', 'to freeze'], pinyin: 'lěngdòng' },
  产地: { gloss: ['place of origin'], pinyin: 'chǎndì' },
  品名: { gloss: ['product name'], pinyin: 'pǐnmíng' },
  品牌: { gloss: ['brand'], pinyin: 'pǐnpái' },
  规格: { gloss: ['specification', 'size'], pinyin: 'guīgé' },
  烘焙: { gloss: ['to roast', 'to bake'], pinyin: 'hōngbèi' },
  无油: { gloss: ['oil-free'], pinyin: 'wúyóu' },
  无盐: { gloss: ['unsalted'], pinyin: 'wúyán' },
  的: { gloss: ["'s (possessive)", 'of'], pinyin: 'de' },
  最好: { gloss: ['best', 'had better'], pinyin: 'zuìhǎo' },
  黄: { gloss: ['yellow'], pinyin: 'huáng' },
  州: { gloss: ['state', 'province'], pinyin: 'zhōu' },
};

const GRAMS = { 克: 1, 千克: 1000, 公斤: 1000 } as Record<string, number>;
const POUNDS: Record<string, number> = { lb: 453.592, lbs: 453.592, oz: 28.3495 };

const chars = (s: string) => Array.from(s);
const charLen = (s: string) => chars(s).length;

/** The metric form of `2 lb`, `8 oz` (null when `text` is not such a quantity). */
function metric(value: number, unit: string): string | null {
  const g = POUNDS[unit.toLowerCase()];
  if (!g) return null;
  const grams = value * g;
  return grams >= 1000 ? `${Math.round(grams / 10) / 100}千克` : `${Math.round(grams)}克`;
}

/** Words of an English text, lower case, for the TM's score and difference. */
function words(text: string): { word: string; lead: string; raw: string }[] {
  const out: { word: string; lead: string; raw: string }[] = [];
  for (const m of text.matchAll(/(\s*)([^\s,;:()]+|[,;:()])/g)) out.push({ lead: out.length ? m[1] : '', raw: m[2], word: m[2].toLowerCase() });
  return out;
}

/** A word-level difference from `source` to `query` (longest common subsequence). */
function diff(source: string, query: string): { parts: TmDiffPart[]; common: number; a: number; b: number } {
  const a = words(source);
  const b = words(query);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i].word === b[j].word ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const parts: TmDiffPart[] = [];
  const push = (kind: TmDiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].word === b[j].word) {
      push('equal', b[j].lead + b[j].raw);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      push('insert', b[j].lead + b[j].raw);
      j++;
    } else {
      push('delete', a[i].lead + a[i].raw);
      i++;
    }
  }
  return { parts, common: lcs[0]?.[0] ?? 0, a: n, b: m };
}

/** Where glossary terms occur in English (whole words, longest first, no overlaps). */
function findEn(terms: GlossaryTerm[], text: string): { term: GlossaryTerm; start: number; end: number }[] {
  const taken: boolean[] = [];
  const hits: { term: GlossaryTerm; start: number; end: number }[] = [];
  const sorted = [...terms].sort((x, y) => y.en.length - x.en.length);
  for (const t of sorted) {
    const acronym = t.en === t.en.toUpperCase();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${t.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, acronym ? 'gu' : 'giu');
    for (const m of text.matchAll(re)) {
      const start = charLen(text.slice(0, m.index));
      const end = start + charLen(m[0]);
      let free = true;
      for (let k = start; k < end; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = start; k < end; k++) taken[k] = true;
      hits.push({ term: t, start, end });
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}

const plain = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<li>/gi, '\n\n- ')
    .replace(/<\/(p|h\d)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export function createDrafting(host: DraftingHost): Drafting {
  let glossary: GlossaryTerm[] = SEED.map((t) => ({ ...t, forbidden: [...t.forbidden] }));
  let tm: { source: string; target: string }[] = [];
  let options = new Map<string, { zh: string; source: string }>();
  let drafting = false;
  let cancel = false;

  function reset() {
    glossary = SEED.map((t) => ({ ...t, forbidden: [...t.forbidden] }));
    tm = [];
    options = new Map();
    drafting = false;
    cancel = false;
  }

  function search(query: string): TmMatch[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const out: TmMatch[] = [];
    for (const e of tm) {
      const d = diff(e.source, query.trim());
      const same = e.source.trim().toLowerCase() === q;
      const score = same ? 100 : Math.min(99, Math.floor((200 * d.common) / (d.a + d.b)));
      if (score < 70) continue;
      const match: TmMatch = { source: e.source, target: e.target, score, diff: d.parts };
      // Only quantities differ: put the query's into the target.
      const changed = d.parts.filter((p) => p.kind !== 'equal');
      const numbers = (k: TmDiffPart['kind']) => changed.filter((p) => p.kind === k).map((p) => p.text.trim());
      const ins = numbers('insert');
      const del = numbers('delete');
      if (!same && ins.length && ins.length === del.length && [...ins, ...del].every((x) => /^\d+(\.\d+)?$/.test(x))) {
        let target = e.target;
        del.forEach((x, k) => (target = target.replace(x, ins[k])));
        match.adapted = target;
      }
      out.push(match);
    }
    return out.sort((x, y) => y.score - x.score).slice(0, 9);
  }

  function english(p: ProductDetail, field: CopyField, segment: string | null): string {
    if (segment !== null) return segment;
    return field === 'title' || field === 'short_title' ? p.title_en : plain(p.description_en);
  }

  /** The mock's "machine": the template draft, said to come from the endpoint. */
  function machineDraft(handle: string, field: CopyField, marketplace: string): Draft {
    const mt = host.mt();
    if (!mt) host.fail('mt-not-configured', 'machine drafts are off: set an endpoint in Settings');
    const d = draft(handle, field, marketplace);
    return { ...d, sources: [{ kind: 'mt', endpoint: mt.endpoint, model: mt.model }] };
  }

  function draft(handle: string, field: CopyField, marketplace: string): Draft {
    const p = host.product(handle);
    const sources: DraftSource[] = [];
    let text = '';
    const best = field === 'title' ? search(p.title_en).find((m) => m.score === 100 || m.adapted) : undefined;
    if (best) {
      text = best.adapted ?? best.target;
      sources.push({ kind: 'tm', source: best.source, target: best.target, score: best.score, adapted: !!best.adapted });
    } else {
      const hits = findEn(glossary, p.title_en);
      const pick = (...cats: string[]) => hits.find((h) => cats.includes(h.term.category))?.term;
      const product = pick('variety') ?? pick('product');
      if (!product) {
        host.fail('nothing-to-draft', `nothing to draft the ${field} of \`${handle}\` from`, { handle, field });
      }
      const region = pick('region');
      const quality = pick('quality');
      const pack = pick('pack');
      let spec = '';
      const q = p.title_en.match(/(\d+(?:\.\d+)?)\s*(lbs?|oz)\b/i);
      if (q) {
        spec = metric(Number(q[1]), q[2]) ?? '';
        if (spec) sources.push({ kind: 'units', from: q[0], to: spec });
      }
      const brand = p.brand_zh || p.brand_en;
      const vars: Record<string, string> = {
        origin: p.origin || '美国',
        region: region?.zh ?? '',
        quality: quality?.zh ?? '',
        product: product.zh,
        pack: pack?.zh ?? '',
        spec,
        brand,
      };
      const lines = (xs: [string, string][]) => xs.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`).join('\n');
      text =
        field === 'title'
          ? `${vars.origin}${vars.region}${vars.quality}${vars.product}${vars.pack}${spec ? ` ${spec}` : ''}`
          : field === 'short_title'
            ? `${vars.region}${vars.product}`
            : field === 'selling_points'
              ? lines([['产地', vars.origin + vars.region], ['品名', vars.product], ['规格', spec], ['品牌', brand]])
              : lines([['品名', vars.product], ['品牌', brand], ['产地', vars.origin + vars.region]]);
      for (const t of [product, region, quality, pack]) if (t && text.includes(t.zh)) sources.unshift({ kind: 'glossary', en: t.en, zh: t.zh });
      sources.push({ kind: 'template', marketplace, id: field, variables: vars, dropped: [] });
    }
    const check = host.check(field, text);
    return { handle, field, marketplace, text, units: check.units, limit: check.limit, unit: check.unit, findings: check.findings, sources, saved: false };
  }

  function suggestions(a: Args): Suggestions {
    const p = host.product(String(a.handle ?? ''));
    const field = String(a.field) as CopyField;
    const zh = String(a.zh ?? '');
    const en = english(p, field, typeof a.segment === 'string' ? a.segment : null);
    const terms: TermHit[] = findEn(glossary, en).map(({ term: t, start, end }) => ({
      en: t.en,
      zh: t.zh,
      note: t.note,
      forbidden: t.forbidden,
      start,
      end,
      present: zh.includes(t.zh),
    }));
    return { tm: search(en), terms };
  }

  function gloss(text: string): Gloss {
    const dict = new Map<string, { gloss: string[]; pinyin: string | null; source: GlossToken['source'] }>();
    for (const [zh, d] of Object.entries(DICT)) dict.set(zh, { ...d, source: 'dictionary' });
    for (const t of glossary) dict.set(t.zh, { gloss: [t.en, ...(DICT[t.zh]?.gloss ?? [])], pinyin: DICT[t.zh]?.pinyin ?? null, source: 'glossary' });
    const longest = Math.max(...[...dict.keys()].map(charLen));
    const cs = chars(text);
    const tokens: GlossToken[] = [];
    let i = 0;
    while (i < cs.length) {
      const rest = cs.slice(i).join('');
      const c = cs[i];
      const qty = rest.match(/^(\d+(?:\.\d+)?)(千克|公斤|克)/);
      if (qty) {
        const grams = Number(qty[1]) * GRAMS[qty[2]];
        const lb = Math.round((grams / 453.592) * 100) / 100;
        const shown = GRAMS[qty[2]] === 1 ? `${qty[1]} g` : `${qty[1]} kg`;
        tokens.push({ text: qty[0], start: i, end: i + charLen(qty[0]), gloss: [`${shown} = ${lb} lb`], pinyin: null, source: 'quantity' });
        i += charLen(qty[0]);
        continue;
      }
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      const latin = rest.match(/^[A-Za-z0-9][A-Za-z0-9.'&-]*/);
      if (latin) {
        tokens.push({ text: latin[0], start: i, end: i + latin[0].length, gloss: [latin[0]], pinyin: null, source: 'literal' });
        i += latin[0].length;
        continue;
      }
      let found = false;
      for (let n = Math.min(longest, cs.length - i); n >= 1; n--) {
        const w = cs.slice(i, i + n).join('');
        const d = dict.get(w);
        if (d) {
          tokens.push({ text: w, start: i, end: i + n, gloss: d.gloss, pinyin: d.pinyin, source: d.source });
          i += n;
          found = true;
          break;
        }
      }
      if (found) continue;
      const punct = /[\p{P}\p{S}]/u.test(c);
      tokens.push({ text: c, start: i, end: i + 1, gloss: [], pinyin: null, source: punct ? 'punctuation' : 'unknown' });
      i++;
    }
    return { tokens };
  }

  function optionValues(): OptionValue[] {
    const rows = new Map<string, OptionValue>();
    for (const p of host.products()) {
      const seen = new Set<string>();
      for (const v of p.variants) {
        v.options.forEach((value, k) => {
          const name = p.option_names[k] ?? `Option${k + 1}`;
          const key = `${name}\u0000${value}`;
          if (value === 'Default Title') return;
          let row = rows.get(key);
          if (!row) {
            const set = options.get(key);
            const q = value.match(/^(\d+(?:\.\d+)?)\s*(lbs?|oz)\b(.*)$/i);
            const fromUnits = q ? metric(Number(q[1]), q[2]) : null;
            const hit = findEn(glossary, value)[0];
            const drafted = fromUnits
              ? { zh: fromUnits + (q![3].trim() ? ` ${q![3].trim()}` : ''), source: 'units' }
              : hit
                ? { zh: hit.term.zh, source: 'glossary' }
                : { zh: '', source: '' };
            row = { name, value, zh: set?.zh ?? drafted.zh, source: set?.source ?? drafted.source, products: 0 };
            rows.set(key, row);
          }
          if (!seen.has(key)) {
            seen.add(key);
            row.products++;
          }
        });
      }
    }
    return [...rows.values()].sort((x, y) => x.name.localeCompare(y.name) || x.value.localeCompare(y.value, undefined, { numeric: true }));
  }

  async function draftAll(a: Args): Promise<DraftBatchReport> {
    if (drafting) host.fail('draft-running', 'a drafting batch is already running: wait for it to finish or cancel it');
    const only = Array.isArray(a.handles) ? (a.handles as string[]) : null;
    const marketplace = String(a.marketplace ?? 'tmall-global');
    const sink = a.onProgress as ProgressSink<DraftProgress> | undefined;
    const products = [...host.products()].filter((p) => !only || only.includes(p.handle));
    const progress: DraftProgress = { done: 0, total: products.length, drafted: 0 };
    const report: DraftBatchReport = { progress, kept: 0, with_errors: [], failures: [], cancelled: false };
    const keys = { title: 'title_zh', short_title: 'short_title_zh', selling_points: 'selling_points_zh', description: 'description_zh' } as const;
    drafting = true;
    cancel = false;
    try {
      for (const p of products) {
        if (cancel) {
          report.cancelled = true;
          break;
        }
        await host.sleep(host.timing());
        for (const field of ['title', 'short_title', 'selling_points', 'description'] as const) {
          if (p[keys[field]].trim()) {
            report.kept++;
            continue;
          }
          try {
            const d = draft(p.handle, field, marketplace);
            host.save(p, field, d.text);
            progress.drafted++;
            if (d.findings.some((f) => f.severity === 'error') && !report.with_errors.includes(p.handle)) report.with_errors.push(p.handle);
          } catch (e) {
            report.failures.push({ handle: p.handle, field, error: e as AppError });
          }
        }
        progress.done++;
        sink?.onmessage?.(structuredClone(progress));
      }
    } finally {
      drafting = false;
    }
    return report;
  }

  function cleanTerm(t: GlossaryTerm): GlossaryTerm {
    const en = t.en.trim();
    const zh = t.zh.trim();
    if (!en) host.fail('bad-field', 'the field `en` cannot be empty', { field: 'en' });
    if (!zh) host.fail('bad-field', 'the field `zh` cannot be empty', { field: 'zh' });
    return { ...t, en, zh, note: t.note.trim(), category: t.category.trim(), forbidden: t.forbidden.map((f) => f.trim()).filter(Boolean) };
  }

  function put(t: GlossaryTerm): boolean {
    const term = cleanTerm(t);
    const i = glossary.findIndex((x) => x.en.toLowerCase() === term.en.toLowerCase());
    if (i >= 0 && JSON.stringify(glossary[i]) === JSON.stringify({ ...term, origin: glossary[i].origin })) return false;
    if (i >= 0) glossary[i] = { ...term, origin: 'user' };
    else glossary.push({ ...term, origin: 'user' });
    return true;
  }

  const handlers: Record<string, (a: Args) => unknown> = {
    draft: (a) => (a.mt ? machineDraft : draft)(String(a.handle ?? ''), String(a.field) as CopyField, String(a.marketplace ?? 'tmall-global')),
    suggestions,
    gloss: (a) => gloss(String(a.text ?? '')),
    draft_empty_fields: draftAll,
    cancel_draft: () => {
      cancel = true;
      return null;
    },
    option_values: optionValues,
    set_option_value: (a) => {
      const name = String(a.name ?? '');
      const value = String(a.value ?? '');
      const zh = String(a.zh ?? '').trim();
      if (!zh) host.fail('bad-field', 'the field `zh` cannot be empty', { field: 'zh' });
      const row = optionValues().find((v) => v.name === name && v.value === value);
      if (!row) host.fail('no-option-value', `no variant has the option value ${name}: ${value}`, { name, value });
      options.set(`${name}\u0000${value}`, { zh, source: 'user' });
      tm.push({ source: value, target: zh });
      return row.zh !== zh;
    },
    glossary_terms: () => [...glossary].sort((x, y) => x.en.localeCompare(y.en)),
    put_glossary_term: (a) => put(a.term as GlossaryTerm),
    remove_glossary_term: (a) => {
      const en = String(a.en ?? '');
      const before = glossary.length;
      glossary = glossary.filter((t) => t.en !== en);
      return glossary.length < before;
    },
    import_glossary: (a): GlossaryImport => {
      const file = String(a.path ?? '');
      if (/bad|error/i.test(file)) host.fail('glossary-csv', `${file}, row 3: zh is empty`, { file, row: '3', detail: 'zh is empty' });
      const report: GlossaryImport = { file, added: 0, changed: 0, unchanged: 0 };
      for (const t of [term('Chandler Walnuts', '钱德勒核桃', 'variety'), term('Almonds', '巴旦木', 'product', 'Sold as 巴旦木 or 扁桃仁, not 杏仁.', ['杏仁'])]) {
        const existed = glossary.some((x) => x.en === t.en);
        if (!put(t)) report.unchanged++;
        else if (existed) report.changed++;
        else report.added++;
      }
      return report;
    },
    export_glossary: () => glossary.length,
  };

  return {
    handlers,
    reset,
    remember(p, field, text) {
      if (field !== 'title' || !p.title_en.trim() || !text.trim()) return;
      tm = tm.filter((e) => e.source !== p.title_en);
      tm.push({ source: p.title_en, target: text.trim() });
    },
    withGlossary(p, field, text, check) {
      if (!text.trim()) return check;
      const en = english(p, field, null);
      const findings = [...check.findings];
      for (const { term: t } of findEn(glossary, en)) {
        if (!text.includes(t.zh)) {
          findings.push({
            code: 'glossary-missing',
            severity: 'warning',
            start: 0,
            end: 0,
            args: { en: t.en, zh: t.zh },
            message: `The English says “${t.en}”, but the approved Chinese “${t.zh}” is missing.`,
            fixes: [],
          });
        }
        for (const f of t.forbidden) {
          const i = text.indexOf(f);
          if (i < 0) continue;
          const start = charLen(text.slice(0, i));
          const end = start + charLen(f);
          findings.push({
            code: 'glossary-forbidden',
            severity: 'warning',
            start,
            end,
            args: { en: t.en, zh: t.zh, found: f },
            message: `“${f}” is not used for “${t.en}”: the glossary says “${t.zh}”.`,
            fixes: [{ kind: 'replace-term', start, end, replacement: t.zh }],
          });
        }
      }
      return { ...check, findings: findings.sort((x, y) => x.start - y.start) };
    },
  };
}
