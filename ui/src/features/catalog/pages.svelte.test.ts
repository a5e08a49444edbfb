import { describe, expect, it } from 'vitest';
import { fakeCatalog, settle } from './fake-catalog';
import { MAX_PAGES, PAGE_SIZE, ProductPages, THUMB_CHUNK } from './pages.svelte';

describe('ProductPages', () => {
  it('shows the first page at once, without thumbnails, and the total', async () => {
    const { asked, fetch } = fakeCatalog(20000);
    const pages = new ProductPages(fetch);
    expect(await pages.reset('')).toBe(true);
    expect(pages.total).toBe(20000);
    expect(asked[0]).toEqual({ search: '', offset: 0, limit: PAGE_SIZE, thumbnails: false });
    expect(pages.at(0)?.handle).toBe('p0');
    expect(pages.at(PAGE_SIZE - 1)?.handle).toBe(`p${PAGE_SIZE - 1}`);
    expect(pages.at(PAGE_SIZE)).toBeUndefined();
    expect(pages.held()).toEqual([0]);
  });

  it('fetches the next page as the view nears it, and the pages a jump lands on', async () => {
    const { asked, fetch } = fakeCatalog(20000);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    pages.show(0, 30);
    await settle();
    expect(pages.held()).toEqual([0]);
    // Within half a page of the next one: it is fetched ahead of the scroll.
    pages.show(40, 60);
    await settle();
    expect(pages.held()).toEqual([0, 1]);
    // End: the last page, not the 199 before it.
    pages.show(19970, 19999);
    await settle();
    expect(pages.held()).toEqual([0, 1, 199]);
    expect(pages.at(19999)?.handle).toBe('p19999');
    const rows = asked.filter((a) => !a.thumbnails).map((a) => a.offset);
    expect(rows).toEqual([0, 100, 19900]);
  });

  it('holds at most MAX_PAGES pages, dropping those farthest from the view', async () => {
    const { fetch } = fakeCatalog(20000);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    for (let n = 0; n < 30; n++) {
      pages.show(n * PAGE_SIZE, n * PAGE_SIZE + 10);
      await settle();
    }
    expect(pages.held().length).toBe(MAX_PAGES);
    expect(pages.held()).toContain(29);
    expect(pages.held()).not.toContain(0);
    // Scrolling back fetches a dropped page again.
    pages.show(0, 10);
    await settle();
    expect(pages.at(0)?.handle).toBe('p0');
  });

  it('asks for the thumbnails of the rows in view, a chunk at a time, and not again for one that failed', async () => {
    const { asked, fetch } = fakeCatalog(300, { failing: new Set(['p3']) });
    const pages = new ProductPages(fetch);
    await pages.reset('');
    pages.show(0, 30);
    await settle();
    const thumbs = () => asked.filter((a) => a.thumbnails).map((a) => [a.search, a.offset, a.limit]);
    expect(thumbs()).toEqual([
      ['', 0, THUMB_CHUNK],
      ['', THUMB_CHUNK, THUMB_CHUNK],
    ]);
    expect(pages.thumbnail(pages.at(0)!)).toBe('data:image/jpeg;base64,p0');
    expect(pages.thumbnail(pages.at(3)!)).toBeNull();

    // Keystrokes in the search box: every new list starts from the first page; the thumbnails
    // known (and p3's failure) are not asked for again.
    for (const search of ['P', 'Pr', 'Pro', 'Prod', '']) {
      await pages.reset(search);
      pages.show(0, 30);
      await settle();
    }
    expect(thumbs()).toHaveLength(2);
    expect(pages.thumbnail(pages.at(1)!)).toBe('data:image/jpeg;base64,p1');

    // After an import or a render batch they are asked for again.
    await pages.reset('', { freshThumbnails: true });
    pages.show(0, 30);
    await settle();
    expect(thumbs()).toHaveLength(4);
  });

  it('starts a search from its first page; an older answer arriving late is dropped', async () => {
    const { fetch } = fakeCatalog(500);
    let release: () => void = () => {};
    const slow = async (search: string, offset: number, limit: number, thumbnails: boolean) => {
      if (search === 'slow') await new Promise<void>((r) => (release = r));
      return fetch(search, offset, limit, thumbnails);
    };
    const pages = new ProductPages(slow);
    await pages.reset('');
    pages.show(250, 280);
    await settle();
    expect(pages.held()).toEqual([0, 2, 3]);
    const older = pages.reset('slow');
    const newer = pages.reset('Product 12');
    expect(await newer).toBe(true);
    release();
    expect(await older).toBe(false);
    expect(pages.search).toBe('Product 12');
    // Product 12, 120..129
    expect(pages.total).toBe(11);
    expect(pages.held()).toEqual([0]);
    expect(pages.at(0)?.handle).toBe('p12');
  });

  it('keeps the page around the selection on a refresh, and patches a product where it is', async () => {
    const { fetch } = fakeCatalog(1000);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    await pages.reset('', { keep: 512 });
    expect(pages.held()).toEqual([0, 5]);
    expect(pages.indexOf('p512')).toBe(512);
    expect(pages.indexOf('p777')).toBe(-1);
    pages.patch('p512', { title_zh: '樱桃', errors: 2 });
    expect(pages.find('p512')).toMatchObject({ title_zh: '樱桃', errors: 2, title_en: 'Product 512' });
  });

  it('reports a page that failed once, and asks again only on the next search', async () => {
    const { fetch } = fakeCatalog(1000);
    let fail = false;
    const errors: unknown[] = [];
    const flaky = async (search: string, offset: number, limit: number, thumbnails: boolean) => {
      if (fail && !thumbnails) throw { code: 'catalog', message: 'disk gone', args: {} };
      return fetch(search, offset, limit, thumbnails);
    };
    const pages = new ProductPages(flaky, (e) => errors.push(e));
    await pages.reset('');
    fail = true;
    for (let i = 0; i < 5; i++) {
      pages.show(300, 320);
      await settle();
    }
    expect(errors).toHaveLength(1);
    fail = false;
    await pages.reset('');
    pages.show(300, 320);
    await settle();
    expect(pages.at(300)?.handle).toBe('p300');
  });
});
