// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import BulkEditDialog from './BulkEditDialog.svelte';
import { polyfillDialog } from '../../lib/jsdom-dialog';
import type { ProductFields } from '../../ipc/types';

beforeAll(polyfillDialog);
afterEach(() => {
  document.body.innerHTML = '';
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flushSync();
};

describe('BulkEditDialog', () => {
  it('sets only the ticked fields, and keeps the dialog open with the error when it fails', async () => {
    const asked: ProductFields[] = [];
    let failing = true;
    const onapply = vi.fn(async (fields: ProductFields) => {
      asked.push(fields);
      if (failing) throw { code: 'no-product', message: 'No product with handle “x”.', args: { handle: 'x' } };
    });
    const onclose = vi.fn();
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(BulkEditDialog, { target, props: { open: true, count: 12, onclose, onapply } });
    flushSync();
    const q = <T extends HTMLElement = HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`)!;
    expect(q('bulk-dialog').textContent).toContain('Change 12 products');
    expect(q<HTMLButtonElement>('bulk-apply').disabled).toBe(true);
    // Typing in a box ticks its field; an emptied tick still sets the field to empty.
    const origin = q<HTMLInputElement>('bulk-origin');
    origin.value = ' 加拿大 ';
    origin.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    q<HTMLInputElement>('bulk-on-hs_code').click();
    flushSync();
    expect(q<HTMLButtonElement>('bulk-apply').disabled).toBe(false);
    q('bulk-apply').click();
    await settle();
    expect(asked).toEqual([{ origin: '加拿大', hs_code: '' }]);
    expect(q('bulk-error').dataset.code).toBe('no-product');
    expect(onclose).not.toHaveBeenCalled();
    failing = false;
    q('bulk-apply').click();
    await settle();
    expect(onclose).toHaveBeenCalledOnce();
    unmount(cmp);
  });
});
