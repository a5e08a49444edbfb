// For the tests: a catalog of generated products behind a fetch like `productsPage`.
import type { ProductPage, ProductSummary } from '../../ipc/types';

export interface Asked {
  search: string;
  offset: number;
  limit: number;
  thumbnails: boolean;
}

/**
 * A catalog of `n` products (`p0`, `p1`, …) behind a fetch that records what it was asked;
 * `failing` thumbnails come back null, as the core answers for a photo it could not render.
 */
export function fakeCatalog(n: number, { failing = new Set<string>() }: { failing?: Set<string> } = {}) {
  const all: ProductSummary[] = Array.from({ length: n }, (_, i) => ({
    handle: `p${i}`,
    title_en: `Product ${i}`,
    title_zh: null,
    vendor: `Vendor ${i % 7}`,
    variants: 1,
    images: 1,
    thumbnail: null,
    errors: 0,
    completeness: 40,
    review: [],
  }));
  const asked: Asked[] = [];
  const fetch = async (search: string, offset: number, limit: number, thumbnails: boolean): Promise<ProductPage> => {
    asked.push({ search, offset, limit, thumbnails });
    const matching = all.filter((p) => p.title_en.includes(search));
    const items = matching
      .slice(offset, offset + limit)
      .map((p) => ({ ...p, thumbnail: thumbnails && !failing.has(p.handle) ? `data:image/jpeg;base64,${p.handle}` : null }));
    return { total: matching.length, offset, items };
  };
  return { all, asked, fetch };
}

/** Lets every pending promise (and those they start) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}
