// The mock's review side (issue 11): a state per product × field, comments, the stale flag
// and the queue. As crude as the rest of the mock: the real work is kuajing-core's review.rs
// (docs/review.md). Wired into ./mock.ts like ./mock-drafting.ts.
import type { CopyCheck, CopyField, FieldReview, ProductDetail, ReviewComment, ReviewFilter, ReviewItem, ReviewProgress, ReviewQueue, ReviewState } from './types';

type Args = Record<string, unknown>;

/** What the review mock needs from the rest of the mock. */
export interface ReviewHost {
  products(): Iterable<ProductDetail>;
  product(handle: string): ProductDetail;
  check(field: CopyField, text: string): CopyCheck;
  fail(code: string, message: string, args?: Record<string, string>): never;
}

export interface Review {
  handlers: Record<string, (a: Args) => unknown>;
  reset(): void;
  /** A draft was saved as the field's text: `draft` (empty text: no state). */
  drafted(p: ProductDetail, field: CopyField): void;
  /** A person saved the field's text: `translated`, not stale. */
  saved(p: ProductDetail, field: CopyField, by?: string): void;
  /** The product's English may change from `before` to `after`: fields made from other English go stale. */
  sourceChanged(before: ProductDetail, after: ProductDetail): void;
  /** The states of the product's fields with text, for the product list. */
  states(p: ProductDetail): FieldReview[];
}

/** The reviewed fields, in queue order. */
export const REVIEW_FIELDS: CopyField[] = ['title', 'short_title', 'selling_points', 'description'];
const ZH = { title: 'title_zh', short_title: 'short_title_zh', selling_points: 'selling_points_zh', description: 'description_zh' } as const;

/** What `review set` accepts: from → the states it may go to (`translated` from anywhere). */
const MOVES: Record<ReviewState, ReviewState[]> = {
  draft: ['translated'],
  translated: ['translated', 'reviewed', 'approved', 'rejected'],
  reviewed: ['translated', 'approved', 'rejected'],
  approved: ['translated', 'reviewed'],
  rejected: ['translated'],
};

interface Row {
  state: ReviewState;
  stale: boolean;
  by: string;
  at: string;
  /** The English the translation was made from. */
  source: string;
  comments: ReviewComment[];
}

const bodyText = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|li|ul|div|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();

/** The English a field is made from (docs/review.md, "Stale"). */
export function englishOf(p: ProductDetail, field: CopyField): string {
  switch (field) {
    case 'title':
    case 'short_title':
      return p.title_en;
    case 'description':
      return bodyText(p.description_en);
    case 'selling_points':
      return `${p.title_en}\n\n${bodyText(p.description_en)}`;
  }
}

export function createReview(host: ReviewHost): Review {
  const rows = new Map<string, Row>();
  let reviewer: string | null = null;
  const who = () => reviewer ?? 'demo';
  const key = (handle: string, field: CopyField) => `${handle}\u0000${field}`;
  const now = () => new Date().toISOString();

  /** The row of a field with text; a field with text and no row yet counts as typed by a person. */
  function row(p: ProductDetail, field: CopyField): Row | null {
    const k = key(p.handle, field);
    if (!p[ZH[field]].trim()) {
      rows.delete(k);
      return null;
    }
    let r = rows.get(k);
    if (!r) {
      r = { state: 'translated', stale: false, by: '', at: now(), source: englishOf(p, field), comments: [] };
      rows.set(k, r);
    }
    return r;
  }

  function item(p: ProductDetail, field: CopyField, r: Row): ReviewItem {
    const english = englishOf(p, field);
    const it: ReviewItem = {
      handle: p.handle,
      field,
      locale: 'zh-CN',
      state: r.state,
      stale: r.stale,
      by: r.by,
      at: r.at,
      comments: structuredClone(r.comments),
      text: p[ZH[field]],
      english,
    };
    if (r.stale) it.source_diff = { old: r.source, new: english };
    return it;
  }

  function queue(f: Partial<ReviewFilter>): ReviewQueue {
    const progress: ReviewProgress = { total: 0, draft: 0, translated: 0, reviewed: 0, approved: 0, rejected: 0, stale: 0 };
    const items: ReviewItem[] = [];
    const vendor = f.vendor?.trim().toLowerCase() || null;
    const text = f.text?.trim().toLowerCase() || null;
    const products = [...host.products()].sort((a, b) => a.handle.localeCompare(b.handle));
    for (const p of products) {
      if (vendor !== null && p.vendor.toLowerCase() !== vendor) continue;
      for (const field of REVIEW_FIELDS) {
        const r = row(p, field);
        if (!r) continue;
        if (text !== null && ![p.handle, englishOf(p, field), p[ZH[field]]].some((s) => s.toLowerCase().includes(text))) continue;
        progress.total++;
        progress[r.state]++;
        if (r.stale) progress.stale++;
        if (f.state != null && r.state !== f.state) continue;
        if (f.stale != null && r.stale !== f.stale) continue;
        if (f.has_findings != null && host.check(field, p[ZH[field]]).findings.length > 0 !== f.has_findings) continue;
        items.push(item(p, field, r));
      }
    }
    const offset = f.offset ?? 0;
    const page = items.slice(offset, f.limit == null ? undefined : offset + f.limit);
    return { items: page, total: items.length, offset, progress };
  }

  function set(a: Args): ReviewItem {
    const p = host.product(String(a.handle ?? ''));
    const field = String(a.field ?? '') as CopyField;
    if (!REVIEW_FIELDS.includes(field)) host.fail('bad-field', `the field \`${field}\` is not reviewed`, { field });
    const to = String(a.to ?? '') as ReviewState;
    const comment = typeof a.comment === 'string' && a.comment.trim() ? a.comment.trim() : null;
    const r = row(p, field);
    const args = { handle: p.handle, field, locale: 'zh-CN' };
    if (!r) host.fail('nothing-to-review', `The ${field} of ${p.handle} has no zh-CN text to review: draft or write it first.`, args);
    if (!(to in MOVES) || !MOVES[r.state].includes(to))
      host.fail('review-transition', `The ${field} of ${p.handle} cannot go from ${r.state} to ${to}.`, { ...args, from: r.state, to });
    if (to === 'rejected' && comment === null)
      host.fail('review-needs-comment', `Rejecting the ${field} of ${p.handle} needs a comment saying what is wrong.`, args);
    r.state = to;
    r.by = who();
    r.at = now();
    r.stale = false;
    r.source = englishOf(p, field);
    if (comment !== null) r.comments.push({ by: r.by, at: r.at, state: to, comment });
    return item(p, field, r);
  }

  const handlers: Record<string, (a: Args) => unknown> = {
    review_queue: (a) => queue((a.filter ?? {}) as Partial<ReviewFilter>),
    review_set: set,
    reviewer: () => who(),
    set_reviewer: (a) => {
      if (a.name == null) reviewer = null;
      else {
        const name = String(a.name).trim();
        if (!name) host.fail('reviewer-blank', "The reviewer's name is empty: give a name.");
        reviewer = name;
      }
      return who();
    },
  };

  return {
    handlers,
    reset() {
      rows.clear();
      reviewer = null;
    },
    drafted(p, field) {
      const r = row(p, field);
      if (!r) return;
      Object.assign(r, { state: 'draft', stale: false, by: who(), at: now(), source: englishOf(p, field) });
    },
    saved(p, field, by = who()) {
      const r = row(p, field);
      if (!r) return;
      Object.assign(r, { state: 'translated', stale: false, by, at: now(), source: englishOf(p, field) });
    },
    states(p) {
      return REVIEW_FIELDS.flatMap((field) => {
        const r = row(p, field);
        return r ? [{ field, state: r.state, stale: r.stale }] : [];
      });
    },
    sourceChanged(before, after) {
      for (const field of REVIEW_FIELDS) {
        const r = row(before, field);
        if (!r || r.stale || r.source === englishOf(after, field)) continue;
        r.stale = true;
        if (r.state === 'reviewed' || r.state === 'approved') {
          Object.assign(r, { state: 'translated', by: '', at: now() });
        }
      }
    },
  };
}
