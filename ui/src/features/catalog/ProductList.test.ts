// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ProductList from './ProductList.svelte';
import type { ProductSummary } from '../../ipc/types';

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
});

describe('ProductList', () => {
  it('moves with the arrow keys and opens with Enter; shows badges', () => {
    Element.prototype.scrollIntoView = () => {};
    const onselect = vi.fn();
    const onopen = vi.fn();
    const target = document.createElement('div');
    document.body.append(target);
    const items = [item('a', '樱桃'), item('b', null, 2)];
    const cmp = mount(ProductList, { target, props: { items, selected: 0, openHandle: null, loading: false, search: '', onselect, onopen } });
    flushSync();
    const list = target.querySelector<HTMLElement>('[role="listbox"]')!;
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(onselect).toHaveBeenLastCalledWith(1);
    list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onopen).toHaveBeenLastCalledWith('a');

    const rows = [...target.querySelectorAll<HTMLElement>('[data-testid="product-row"]')];
    expect(rows.map((r) => r.dataset.handle)).toEqual(['a', 'b']);
    expect(rows[1].querySelector('.no-zh')).not.toBeNull();
    expect(rows[1].querySelector('.badge.error')!.textContent).toBe('2');
    expect(rows[0].querySelector('.badge.error')).toBeNull();
    unmount(cmp);
  });
});
