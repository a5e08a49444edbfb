// The product list a page at a time. The first page comes at once, without thumbnails; the other
// pages as the rows they hold come near the view; thumbnails after the rows, a few products per
// request, the ones on screen first. At most MAX_PAGES pages are held: those farthest from the
// view are dropped and fetched again if the view comes back to them, so scrolling through 20,000
// products holds about a thousand.
import { SvelteMap } from 'svelte/reactivity';
import type { ProductPage, ProductSummary } from '../../ipc/types';

export const PAGE_SIZE = 100;
/** Pages held at once. */
export const MAX_PAGES = 10;
/** Products whose thumbnails one request asks for (each may be rendered on the spot). */
export const THUMB_CHUNK = 20;

export type FetchPage = (search: string, offset: number, limit: number, thumbnails: boolean) => Promise<ProductPage>;

/** What the product page tells the list about the product it edits. */
export interface SummaryPatch {
  title_zh?: string | null;
  errors?: number;
  /** For the marketplace the list is for. */
  completeness?: number;
}

export class ProductPages {
  /** Products matching the search, in all. */
  total = $state(0);
  /** Waiting for the first page of a new search or refresh (the old rows stay meanwhile). */
  loading = $state(false);
  /** Bumped each time a new list replaces the old one (a search, a refresh). */
  generation = $state(0);
  /** The search the rows held match. */
  search = $state('');

  readonly #fetch: FetchPage;
  readonly #onerror: (e: unknown) => void;
  #pages = new SvelteMap<number, ProductSummary[]>();
  /** By handle: a thumbnail, or null for none (no photo ready, or it failed): not asked for again. */
  #thumbs = new SvelteMap<string, string | null>();
  /** Latest reset asked for; ahead of what is shown while its first page is on the way. */
  #gen = 0;
  #ready = false;
  #pending = new Set<number>();
  #failed = new Set<number>();
  /** Thumbnail chunks asked for in this list. */
  #asked = new Set<number>();
  #thumbing = false;
  #view = { first: 0, last: 0 };

  constructor(fetch: FetchPage, onerror: (e: unknown) => void = () => {}) {
    this.#fetch = fetch;
    this.#onerror = onerror;
  }

  /** The product at `index`, or undefined while its page is not here. */
  at(index: number): ProductSummary | undefined {
    if (index < 0) return undefined;
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Where `handle` is among the pages held; -1 when it is not in one. */
  indexOf(handle: string): number {
    for (const [n, items] of this.#pages) {
      const i = items.findIndex((p) => p.handle === handle);
      if (i >= 0) return n * PAGE_SIZE + i;
    }
    return -1;
  }

  find(handle: string): ProductSummary | undefined {
    return this.at(this.indexOf(handle));
  }

  thumbnail(p: ProductSummary): string | null {
    return p.thumbnail ?? this.#thumbs.get(p.handle) ?? null;
  }

  /** The page numbers held, in order. */
  held(): number[] {
    return [...this.#pages.keys()].sort((a, b) => a - b);
  }

  /**
   * Starts the list over for `search`: the first page, and the one holding row `keep` (a refresh
   * keeps the selection's neighbourhood). Resolves true once they are shown, false when a later
   * reset overtook this one or it failed. `freshThumbnails`: forget the thumbnails known (after an
   * import or a render batch, a product may have one now).
   */
  async reset(search: string, { keep = -1, freshThumbnails = false }: { keep?: number; freshThumbnails?: boolean } = {}): Promise<boolean> {
    const gen = ++this.#gen;
    this.#ready = false;
    this.#pending.clear();
    this.#failed.clear();
    this.#asked.clear();
    if (freshThumbnails) this.#thumbs.clear();
    this.loading = true;
    const keepPage = keep > 0 ? Math.floor(keep / PAGE_SIZE) : 0;
    try {
      const [first, kept] = await Promise.all([
        this.#fetch(search, 0, PAGE_SIZE, false),
        keepPage > 0 ? this.#fetch(search, keepPage * PAGE_SIZE, PAGE_SIZE, false) : null,
      ]);
      if (gen !== this.#gen) return false;
      this.#pages.clear();
      this.#pages.set(0, first.items);
      if (kept && kept.items.length && kept.total === first.total) this.#pages.set(keepPage, kept.items);
      this.total = first.total;
      this.search = search;
      this.generation++;
      this.#ready = true;
      this.#loadView();
      return true;
    } catch (e) {
      // The rows of the last list stay; the next search or refresh tries again.
      if (gen === this.#gen) this.#onerror(e);
      return false;
    } finally {
      if (gen === this.#gen) this.loading = false;
    }
  }

  /**
   * Rows `first`..`last` are on screen (with some to spare): fetch the pages they are on, and
   * the next one when they come within half a page of it.
   */
  show(first: number, last: number): void {
    this.#view = { first: Math.max(0, first), last: Math.max(0, last) };
    if (this.#ready) this.#loadView();
  }

  /** Makes sure the page holding row `index` is here (End selects the last row). */
  ensure(index: number): void {
    if (this.#ready && index >= 0 && index < this.total) void this.#load(Math.floor(index / PAGE_SIZE));
  }

  patch(handle: string, patch: SummaryPatch): void {
    for (const [n, items] of this.#pages) {
      const i = items.findIndex((p) => p.handle === handle);
      if (i < 0) continue;
      const next = items.slice();
      next[i] = {
        ...items[i],
        ...(patch.title_zh !== undefined ? { title_zh: patch.title_zh } : {}),
        ...(patch.errors !== undefined ? { errors: patch.errors } : {}),
        ...(patch.completeness !== undefined ? { completeness: patch.completeness } : {}),
      };
      this.#pages.set(n, next);
    }
  }

  #loadView(): void {
    if (this.total === 0) return;
    const { first, last } = this.#view;
    const end = Math.min(this.total - 1, last + PAGE_SIZE / 2);
    for (let n = Math.floor(Math.min(first, end) / PAGE_SIZE); n <= Math.floor(end / PAGE_SIZE); n++) void this.#load(n);
    this.#evict();
    void this.#pumpThumbnails();
  }

  async #load(n: number): Promise<void> {
    if (this.#pages.has(n) || this.#pending.has(n) || this.#failed.has(n)) return;
    const gen = this.#gen;
    const search = this.search;
    this.#pending.add(n);
    try {
      const page = await this.#fetch(search, n * PAGE_SIZE, PAGE_SIZE, false);
      if (gen !== this.#gen) return;
      if (page.total !== this.total) {
        // The catalog changed under the list (an import in another window): what is held may
        // have moved, so only this page is kept and the view fetches the rest again.
        this.#pages.clear();
        this.#asked.clear();
        this.total = page.total;
      }
      if (page.items.length) this.#pages.set(n, page.items);
      this.#pending.delete(n);
      this.#loadView();
    } catch (e) {
      if (gen !== this.#gen) return;
      // Not asked again on every scroll; the next search or refresh does.
      this.#failed.add(n);
      this.#onerror(e);
    } finally {
      if (gen === this.#gen) this.#pending.delete(n);
    }
  }

  /** Drops the pages farthest from the view past MAX_PAGES, and the thumbnails on them. */
  #evict(): void {
    if (this.#pages.size <= MAX_PAGES) return;
    const centre = (this.#view.first + this.#view.last) / 2 / PAGE_SIZE - 0.5;
    const far = [...this.#pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const n of far.slice(0, this.#pages.size - MAX_PAGES)) {
      for (const p of this.#pages.get(n) ?? []) {
        // A thumbnail is cheap to ask for again (the core keeps it on disk); a failure is not.
        if (typeof this.#thumbs.get(p.handle) === 'string') this.#thumbs.delete(p.handle);
      }
      const perPage = PAGE_SIZE / THUMB_CHUNK;
      for (let c = n * perPage; c < (n + 1) * perPage; c++) this.#asked.delete(c);
      this.#pages.delete(n);
    }
  }

  /** Asks for thumbnails one chunk at a time while rows in view lack one not yet asked for. */
  async #pumpThumbnails(): Promise<void> {
    if (this.#thumbing) return;
    this.#thumbing = true;
    try {
      for (let chunk = this.#nextChunk(); chunk !== null; chunk = this.#nextChunk()) {
        const gen = this.#gen;
        this.#asked.add(chunk);
        let page: ProductPage;
        try {
          page = await this.#fetch(this.search, chunk * THUMB_CHUNK, THUMB_CHUNK, true);
        } catch {
          continue; // no thumbnails for these rows: not worth a message, not asked again
        }
        if (gen !== this.#gen) continue;
        for (const p of page.items) if (p.images > 0) this.#thumbs.set(p.handle, p.thumbnail);
      }
    } finally {
      this.#thumbing = false;
    }
  }

  /** The first chunk of rows in view with a product whose thumbnail has not been asked for. */
  #nextChunk(): number | null {
    if (!this.#ready || this.total === 0) return null;
    const last = Math.min(this.#view.last, this.total - 1);
    for (let c = Math.floor(this.#view.first / THUMB_CHUNK); c * THUMB_CHUNK <= last; c++) {
      if (this.#asked.has(c)) continue;
      for (let i = c * THUMB_CHUNK; i < (c + 1) * THUMB_CHUNK && i <= last; i++) {
        const p = this.at(i);
        if (p && p.images > 0 && !p.thumbnail && !this.#thumbs.has(p.handle)) return c;
      }
    }
    return null;
  }
}
