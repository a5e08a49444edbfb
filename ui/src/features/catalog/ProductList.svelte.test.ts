// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ProductList from './ProductList.svelte';
import { ProductPages } from './pages.svelte';
import { fakeCatalog, settle } from './fake-catalog';
import { optionId } from '../../lib/listnav';
import { Picked } from './picked.svelte';
import type { ListFilters, ProductPage, ProductSummary } from '../../ipc/types';

afterEach(() => {
  document.body.innerHTML = '';
});

const item = (handle: string, title_zh: string | null, errors = 0): ProductSummary => ({
  handle,
  title_en: handle,
  title_zh,
  vendor: 'v',
  variants: 1,
  images: 0,
  thumbnail: null,
  errors,
  completeness: title_zh ? 100 : 33,
  review: [],
});

/** The list on `pages`, its selection kept as the app keeps it. */
function mountList(pages: ProductPages, selected = 0) {
  const target = document.createElement('div');
  document.body.append(target);
  const onopen = vi.fn();
  const props = $state({
    pages,
    selected,
    openHandle: null as string | null,
    onselect: (i: number) => (props.selected = i),
    onopen,
  });
  const cmp = mount(ProductList, { target, props });
  flushSync();
  const list = () => target.querySelector<HTMLElement>('[role="listbox"]')!;
  const key = async (k: string, times = 1) => {
    for (let n = 0; n < times; n++) list().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    flushSync();
    await settle();
    flushSync();
  };
  const rows = () => [...target.querySelectorAll<HTMLElement>('[data-testid="product-row"]')];
  return { target, props, onopen, list, key, rows, done: () => unmount(cmp) };
}

describe('ProductList', () => {
  it('shows a dot per reviewed field and a stale marker, and changes the order', async () => {
    const reviewed: ProductSummary = {
      ...item('a', '樱桃'),
      review: [
        { field: 'description', state: 'rejected', stale: false },
        { field: 'title', state: 'approved', stale: true },
      ],
    };
    const pages = new ProductPages(async (): Promise<ProductPage> => ({ total: 2, offset: 0, items: [reviewed, item('b', null)] }));
    await pages.reset('');
    const onorder = vi.fn();
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(ProductList, { target, props: { pages, selected: 0, openHandle: null, order: 'vendor', onorder, onselect: () => {}, onopen: () => {} } });
    flushSync();
    const rows = [...target.querySelectorAll<HTMLElement>('[data-testid="product-row"]')];
    // Drawn in field order (title first), each named in words for a screen reader.
    const dots = [...rows[0].querySelectorAll<HTMLElement>('[data-state]')];
    expect(dots.map((d) => d.dataset.state)).toEqual(['approved', 'rejected']);
    expect(dots[0].getAttribute('aria-label')).toBe('中文标题 · Chinese title: Approved · Stale');
    expect(dots[0].dataset.stale).toBe('true');
    expect(rows[0].querySelector('[data-testid="row-stale"]')).not.toBeNull();
    expect(rows[1].querySelectorAll('[data-state]')).toHaveLength(0);
    expect(rows[1].querySelector('[data-testid="row-stale"]')).toBeNull();
    const select = target.querySelector<HTMLSelectElement>('[data-testid="list-order"]')!;
    expect(select.value).toBe('vendor');
    select.value = 'attention';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onorder).toHaveBeenCalledWith('attention');
    unmount(cmp);
  });

  it('moves with the arrow keys and opens with Enter; shows badges', async () => {
    const items = [item('a', '樱桃'), item('b', null, 2)];
    const pages = new ProductPages(async (): Promise<ProductPage> => ({ total: 2, offset: 0, items }));
    await pages.reset('');
    const { props, onopen, key, rows, target, done } = mountList(pages);
    await key('ArrowDown');
    expect(props.selected).toBe(1);
    await key('Enter');
    expect(onopen).toHaveBeenLastCalledWith('b');
    await key('ArrowDown');
    expect(props.selected).toBe(1);

    expect(rows().map((r) => r.dataset.handle)).toEqual(['a', 'b']);
    expect(rows()[1].querySelector('.no-zh')).not.toBeNull();
    expect(rows()[1].querySelector('.badge.error')!.textContent).toBe('2');
    expect(rows()[0].querySelector('.badge.error')).toBeNull();
    // Completeness for the marketplace the list is for: a complete row is marked done.
    const complete = rows().map((r) => r.querySelector('[data-testid="row-complete"]')!);
    expect(complete.map((c) => c.textContent!.trim())).toEqual(['100%', '33%']);
    expect(complete[0].classList.contains('done')).toBe(true);
    expect(complete[1].classList.contains('done')).toBe(false);
    expect(target.querySelector('[data-testid="product-count"]')!.textContent).toContain('2');
    done();
  });

  it('crosses a page boundary with the arrows, and End and Home fetch what they land on', async () => {
    const { asked, fetch } = fakeCatalog(250);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    const { props, list, key, rows, target, done } = mountList(pages, 98);
    await settle();
    expect(target.querySelector('[data-testid="product-count"]')!.textContent).toContain('250');
    expect(rows().some((r) => r.dataset.handle === 'p150')).toBe(false);

    await key('ArrowDown', 3);
    expect(props.selected).toBe(101);
    expect(pages.at(101)?.handle).toBe('p101');
    expect(rows().find((r) => r.dataset.handle === 'p101')!.classList.contains('selected')).toBe(true);
    expect(list().getAttribute('aria-activedescendant')).toBe(optionId('p101'));

    await key('End');
    expect(props.selected).toBe(249);
    expect(rows().find((r) => r.dataset.handle === 'p249')!.getAttribute('aria-selected')).toBe('true');
    expect(rows().find((r) => r.dataset.handle === 'p249')!.getAttribute('aria-setsize')).toBe('250');
    expect(asked.filter((a) => !a.thumbnails).map((a) => a.offset)).toEqual([0, 100, 200]);

    await key('ArrowUp');
    expect(props.selected).toBe(248);
    await key('Home');
    expect(props.selected).toBe(0);
    expect(rows()[0].dataset.handle).toBe('p0');
    await key('Enter');
    done();
  });

  it('draws only the rows near the view at 20,000 products, with room for the rest', async () => {
    const { fetch } = fakeCatalog(20000);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    const { key, rows, target, done } = mountList(pages);
    await settle();
    expect(rows().length).toBeLessThan(60);
    await key('End');
    const drawn = rows();
    expect(drawn.length).toBeLessThan(60);
    expect(drawn.at(-1)!.dataset.handle).toBe('p19999');
    const spacers = [...target.querySelectorAll<HTMLElement>('.spacer')].map((s) => parseFloat(s.style.height));
    expect(spacers[0] + spacers[1] + drawn.length * 68).toBe(20000 * 68 + 8);
    // Pages held stay bounded whatever was visited.
    expect(pages.held().length).toBeLessThanOrEqual(10);
    done();
  });

  it('shows a placeholder while the selected row’s page is on the way', async () => {
    const { fetch } = fakeCatalog(1000);
    let hold = false;
    let release: () => void = () => {};
    const slow = async (search: string, offset: number, limit: number, thumbnails: boolean) => {
      if (hold && offset > 0) await new Promise<void>((r) => (release = r));
      return fetch(search, offset, limit, thumbnails);
    };
    const pages = new ProductPages(slow);
    await pages.reset('');
    hold = true;
    const { key, target, rows, done } = mountList(pages);
    await key('End');
    const placeholder = target.querySelector<HTMLElement>('[data-testid="product-placeholder"].selected');
    expect(placeholder?.dataset.index).toBe('999');
    expect(placeholder?.getAttribute('aria-busy')).toBe('true');
    hold = false;
    release();
    await settle();
    flushSync();
    expect(rows().find((r) => r.dataset.handle === 'p999')?.classList.contains('selected')).toBe(true);
    done();
  });

  it('says when nothing matches the search', async () => {
    const pages = new ProductPages(async (): Promise<ProductPage> => ({ total: 0, offset: 0, items: [] }));
    await pages.reset('zzz');
    const { target, done } = mountList(pages, -1);
    expect(target.textContent).toContain('zzz');
    expect(target.querySelector('[role="listbox"]')).toBeNull();
    done();
  });

  it('filters to the incomplete products when asked, through the fetch', async () => {
    let asked = false;
    const items = [item('a', '樱桃'), item('b', null)];
    const pages = new ProductPages(async (): Promise<ProductPage> => {
      const shown = asked ? items.filter((p) => (p.completeness ?? 0) < 100) : items;
      return { total: shown.length, offset: 0, items: shown };
    });
    await pages.reset('');
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({
      pages,
      selected: 0,
      openHandle: null as string | null,
      incomplete: false,
      onincomplete: async (only: boolean) => {
        asked = only;
        props.incomplete = only;
        await pages.reset('');
      },
      onselect: () => {},
      onopen: () => {},
    });
    const cmp = mount(ProductList, { target, props });
    flushSync();
    const box = target.querySelector<HTMLInputElement>('[data-testid="list-incomplete"]')!;
    expect(box.checked).toBe(false);
    box.click();
    await settle();
    flushSync();
    expect(box.checked).toBe(true);
    expect([...target.querySelectorAll<HTMLElement>('[data-testid="product-row"]')].map((r) => r.dataset.handle)).toEqual(['b']);
    unmount(cmp);
  });

  it('filters by review state and vendor through the fetch, and says when nothing matches', async () => {
    const rejected: ProductSummary = { ...item('a', '樱桃'), vendor: 'Orchard', review: [{ field: 'title', state: 'rejected', stale: false }] };
    const stale: ProductSummary = { ...item('b', '坚果'), vendor: 'Kodiak', review: [{ field: 'title', state: 'approved', stale: true }] };
    const items = [rejected, stale];
    let filters: ListFilters = {};
    const pages = new ProductPages(async (): Promise<ProductPage> => {
      const shown = items.filter(
        (p) =>
          (!filters.vendor || p.vendor === filters.vendor) &&
          (!filters.state || p.review.some((f) => f.state === filters.state)) &&
          (!filters.stale || p.review.some((f) => f.stale)),
      );
      return { total: shown.length, offset: 0, items: shown };
    });
    await pages.reset('');
    const target = document.createElement('div');
    document.body.append(target);
    const seen: ListFilters[] = [];
    const props = $state({
      pages,
      selected: 0,
      openHandle: null as string | null,
      filters: {} as ListFilters,
      vendors: ['Kodiak', 'Orchard'],
      onfilters: async (next: ListFilters) => {
        seen.push(next);
        filters = next;
        props.filters = next;
        await pages.reset('');
      },
      onselect: () => {},
      onopen: () => {},
    });
    const cmp = mount(ProductList, { target, props });
    flushSync();
    const handles = () => [...target.querySelectorAll<HTMLElement>('[data-testid="product-row"]')].map((r) => r.dataset.handle);
    const pick = async (testid: string, value: string) => {
      const select = target.querySelector<HTMLSelectElement>(`[data-testid="${testid}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle();
      flushSync();
    };
    expect(handles()).toEqual(['a', 'b']);
    await pick('list-filter', 'rejected');
    expect(handles()).toEqual(['a']);
    await pick('list-filter', 'stale');
    expect(handles()).toEqual(['b']);
    // The vendor filter keeps the state filter, and a choice that matches nothing says so.
    await pick('list-vendor', 'Orchard');
    expect(seen.at(-1)).toEqual({ stale: true, vendor: 'Orchard' });
    expect(handles()).toEqual([]);
    expect(target.textContent).toContain('No product matches these filters.');
    target.querySelector<HTMLButtonElement>('[data-testid="list-clear-filters"]')!.click();
    await settle();
    flushSync();
    expect(seen.at(-1)).toEqual({});
    expect(handles()).toEqual(['a', 'b']);
    unmount(cmp);
  });

  it('picks products for a bulk edit by Ctrl-click, Shift-click, Space and Ctrl+A', async () => {
    const { fetch } = fakeCatalog(30);
    const pages = new ProductPages(fetch);
    await pages.reset('');
    const picked = new Picked();
    const onbulk = vi.fn();
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({ pages, selected: 0, openHandle: null as string | null, picked, onbulk, onselect: (i: number) => (props.selected = i), onopen: vi.fn() });
    const cmp = mount(ProductList, { target, props });
    flushSync();
    const row = (i: number) => target.querySelector<HTMLElement>(`[data-index="${i}"]`)!;
    const click = (i: number, init: MouseEventInit) => {
      row(i).dispatchEvent(new MouseEvent('click', { bubbles: true, ...init }));
      flushSync();
    };
    const count = () => target.querySelector('[data-testid="bulk-count"]')?.textContent?.trim();
    expect(target.querySelector('[data-testid="bulk-bar"]')).toBeNull();
    click(2, { ctrlKey: true });
    expect(count()).toBe('1 picked');
    expect(props.onopen).not.toHaveBeenCalled();
    click(5, { shiftKey: true });
    expect([...picked.handles].sort()).toEqual(['p2', 'p3', 'p4', 'p5']);
    expect(row(4).classList.contains('picked')).toBe(true);
    click(3, { metaKey: true });
    expect(count()).toBe('3 picked');
    const list = target.querySelector<HTMLElement>('[role="listbox"]')!;
    const key = (k: string, init: KeyboardEventInit = {}) => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
      flushSync();
    };
    props.selected = 0;
    flushSync();
    key(' ');
    expect(picked.has('p0')).toBe(true);
    key('a', { ctrlKey: true });
    expect(count()).toBe('30 picked');
    target.querySelector<HTMLButtonElement>('[data-testid="bulk-edit"]')!.click();
    expect(onbulk).toHaveBeenCalledOnce();
    key('Escape');
    expect(target.querySelector('[data-testid="bulk-bar"]')).toBeNull();
    // A plain click opens the product and picks nothing.
    click(1, {});
    expect(props.onopen).toHaveBeenCalledWith('p1');
    expect(picked.count(30)).toBe(0);
    unmount(cmp);
  });
});
