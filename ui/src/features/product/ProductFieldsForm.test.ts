// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ProductFieldsForm from './ProductFieldsForm.svelte';
import type { ProductDetail, ProductFields } from '../../ipc/types';
import { saveAll } from '../../lib/pending';

const product: ProductDetail = {
  handle: 'hazelnuts',
  title_en: 'Dry Roasted Hazelnuts',
  description_en: '',
  vendor: 'Oregon Nut Co',
  product_type: 'Nuts',
  category: '',
  tags: [],
  brand_en: 'Oregon Nut Co',
  brand_zh: '',
  origin: '美国',
  hs_code: '',
  ingredients: '',
  net_content: '',
  shelf_life: '',
  storage: '',
  agent: { agent_name: '', agent_address: '', agent_phone: '' },
  title_zh: '',
  description_zh: '',
  selling_points_zh: '',
  short_title_zh: '',
  option_names: [],
  variants: [],
  attributes: [],
  images: [],
};
const locked = { code: 'catalog-query', message: 'database is locked', args: {} };

let saves: [keyof ProductFields, string][];
let fail: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  saves = [];
  fail = false;
});
afterEach(async () => {
  fail = false;
  expect(await saveAll()).toEqual([]);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setup() {
  const target = document.createElement('div');
  document.body.append(target);
  const cmp = mount(ProductFieldsForm, {
    target,
    props: {
      product: { ...product },
      save: async (key: keyof ProductFields, value: string) => {
        saves.push([key, value]);
        if (fail) throw locked;
      },
    },
  });
  const input = target.querySelector<HTMLInputElement>('[data-testid="field-brand-zh"]')!;
  const type = (value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  const leave = () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
  };
  return { target, cmp, input, type, leave };
}

describe('ProductFieldsForm', () => {
  it('saves a field when it is left', async () => {
    const { target, cmp, type, leave } = setup();
    type(' 俄勒冈坚果 ');
    expect(saves).toEqual([]);
    leave();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(saves).toEqual([['brand_zh', '俄勒冈坚果']]);
    expect(target.textContent).toContain('Saved');
    unmount(cmp);
  });

  it('a failed save says "Not saved" and why, and is retried with backoff until it is saved', async () => {
    fail = true;
    const { target, cmp, input, type, leave } = setup();
    type('俄勒冈坚果');
    leave();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    const why = target.querySelector<HTMLElement>('[data-testid="field-unsaved"]')!;
    expect(why.dataset.code).toBe('catalog-query');
    expect(why.textContent).toContain('The catalog could not be read or written.');
    expect(why.textContent).toContain('Not saved');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(why.id);

    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(3);
    fail = false;
    await vi.advanceTimersByTimeAsync(4000);
    flushSync();
    expect(saves).toHaveLength(4);
    expect(target.querySelector('[data-testid="field-unsaved"]')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    unmount(cmp);
  });

  it('flushAll saves a field typed in but not left yet, and reports it when it cannot', async () => {
    fail = true;
    const { cmp, type } = setup();
    type('俄勒冈');
    expect(await saveAll()).toEqual([{ what: 'ui-field-brand-zh', handle: 'hazelnuts', error: locked }]);
    expect(saves).toEqual([['brand_zh', '俄勒冈']]);
    fail = false;
    expect(await saveAll()).toEqual([]);
    expect(saves).toEqual([
      ['brand_zh', '俄勒冈'],
      ['brand_zh', '俄勒冈'],
    ]);
    // Nothing changed: nothing sent.
    expect(await saveAll()).toEqual([]);
    expect(saves).toHaveLength(2);
    unmount(cmp);
  });
});
