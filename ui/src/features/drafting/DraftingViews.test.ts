// @vitest-environment jsdom
// The option values table and "Draft all empty fields", against the in-memory mock.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import OptionsView from '../catalog/OptionsView.svelte';
import DraftAllDialog from './DraftAllDialog.svelte';
import { getProduct, listMarketplaces, loadSample, optionValues, setInvoker } from '../../ipc/commands';
import { mockInvoke, mockTiming, resetMock } from '../../ipc/mock';
import { polyfillDialog } from '../../lib/jsdom-dialog';

let calls: { cmd: string; args: Record<string, unknown> }[];

beforeAll(polyfillDialog);
beforeEach(() => {
  vi.useFakeTimers();
  mockTiming.photoMs = 400;
  calls = [];
  setInvoker((cmd, args) => {
    calls.push({ cmd, args });
    return mockInvoke(cmd, args);
  });
});
afterEach(() => {
  setInvoker(null);
  resetMock();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function sample() {
  const loading = loadSample();
  await vi.advanceTimersByTimeAsync(700);
  await loading;
}

function place() {
  const target = document.createElement('div');
  document.body.append(target);
  return target;
}

describe('OptionsView', () => {
  it('says what will appear when the catalog has no option values', async () => {
    const target = place();
    const cmp = mount(OptionsView, { target });
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    expect(target.querySelector('[data-testid="options-empty"]')!.textContent).toContain('No option values yet');
    unmount(cmp);
  });

  it('lists each value with its Chinese, source and product count; Enter saves an edit, Escape drops one', async () => {
    await sample();
    const target = place();
    const cmp = mount(OptionsView, { target });
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    const row = (value: string, name = 'Size') => target.querySelector<HTMLElement>(`[data-testid="option-row"][data-name="${name}"][data-value="${value}"]`)!;
    // 2 lb is a size of the cherries and a weight of the salmon: one row each.
    expect(row('2 lb', 'Weight')).not.toBeNull();
    expect(row('2 lb').querySelector<HTMLInputElement>('[data-testid="option-zh"]')!.value).toBe('907克');
    expect(row('2 lb').querySelector('[data-testid="option-source"]')!.textContent).toBe('Units');
    expect(row('5 lb').lastElementChild!.textContent).toBe('2');

    const input = row('2 lb').querySelector<HTMLInputElement>('[data-testid="option-zh"]')!;
    input.focus();
    input.value = '907克装';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(row('2 lb').textContent).toContain('Enter saves');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    expect(calls.filter((c) => c.cmd === 'set_option_value').map((c) => c.args)).toEqual([{ name: 'Size', value: '2 lb', zh: '907克装' }]);
    expect(row('2 lb').querySelector('[data-testid="option-saved"]')).not.toBeNull();
    expect(row('2 lb').querySelector('[data-testid="option-source"]')!.textContent).toBe('Yours');
    const again = optionValues();
    await vi.advanceTimersByTimeAsync(50);
    expect((await again).find((v) => v.name === 'Size' && v.value === '2 lb')!.zh).toBe('907克装');

    // Escape puts the saved text back; leaving the box then saves nothing.
    const other = row('1 lb').querySelector<HTMLInputElement>('[data-testid="option-zh"]')!;
    other.focus();
    other.value = '一磅';
    other.dispatchEvent(new Event('input', { bubbles: true }));
    other.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    flushSync();
    expect(other.value).toBe('454克');
    other.dispatchEvent(new FocusEvent('blur'));
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.filter((c) => c.cmd === 'set_option_value')).toHaveLength(1);
    unmount(cmp);
  });

  it('shows why a save was refused, next to the value', async () => {
    await sample();
    const target = place();
    const cmp = mount(OptionsView, { target });
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    const input = target.querySelector<HTMLInputElement>('[data-testid="option-row"][data-value="5 lb"] [data-testid="option-zh"]')!;
    input.value = '  ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    expect(target.querySelector('[data-testid="option-error"]')).not.toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    unmount(cmp);
  });
});

describe('DraftAllDialog', () => {
  async function dialog(props: { search?: string; total?: number } = {}) {
    await sample();
    const m = listMarketplaces();
    await vi.advanceTimersByTimeAsync(50);
    const marketplaces = await m;
    const ondrafted = vi.fn();
    const target = place();
    const cmp = mount(DraftAllDialog, {
      target,
      props: {
        open: true,
        marketplaces,
        marketplace: 'tmall-global',
        all: 3,
        total: props.total ?? 3,
        search: props.search ?? '',
        current: null,
        onclose: () => {},
        ondrafted,
        onopenproduct: () => {},
      },
    });
    flushSync();
    const q = <T extends HTMLElement = HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
    return { target, cmp, q, ondrafted };
  }

  it('drafts every empty field with progress, then sums up what it drafted, kept and could not', async () => {
    const { cmp, q, ondrafted } = await dialog();
    q('draft-all-start')!.click();
    await vi.advanceTimersByTimeAsync(50);
    flushSync();
    expect(q('draft-all-progress')!.dataset.state).toBe('running');
    expect(q('draft-all-cancel')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    expect(q('draft-all-counts')!.textContent).toContain('1 / 3 products');
    await vi.advanceTimersByTimeAsync(1000);
    flushSync();
    const summary = q('draft-all-summary')!;
    expect(summary.dataset.cancelled).toBe('false');
    expect(q('draft-all-progress')!.dataset.state).toBe('done');
    // Cherries had all four fields; salmon none; hazelnuts a title and a description.
    expect(q('draft-all-kept')!.textContent).toBe('6');
    expect(Number(q('draft-all-drafted')!.textContent)).toBe(6);
    expect(q('draft-all-failures')!.textContent).toBe('0');
    expect(ondrafted).toHaveBeenCalledTimes(1);
    const salmon = getProduct('wild-sockeye-salmon-fillets');
    await vi.advanceTimersByTimeAsync(50);
    const p = await salmon;
    expect(p.title_zh).toContain('红鲑');
    expect(p.selling_points_zh.split('\n').length).toBeGreaterThan(1);
    unmount(cmp);
  });

  it('Cancel stops before the next product and says how far it got', async () => {
    const { cmp, q } = await dialog();
    q('draft-all-start')!.click();
    await vi.advanceTimersByTimeAsync(450);
    flushSync();
    q('draft-all-cancel')!.click();
    await vi.advanceTimersByTimeAsync(1000);
    flushSync();
    expect(q('draft-all-summary')!.dataset.cancelled).toBe('true');
    expect(q('draft-all-summary')!.textContent).toContain('Cancelled after 2 of 3 products');
    expect(calls.filter((c) => c.cmd === 'cancel_draft')).toHaveLength(1);
    unmount(cmp);
  });

  it('drafts only the products the search matches when asked', async () => {
    const { cmp, target, q } = await dialog({ search: 'salmon', total: 1 });
    expect(target.querySelector<HTMLInputElement>('[data-testid="draft-all-scope-search"]')!.checked).toBe(true);
    q('draft-all-start')!.click();
    await vi.advanceTimersByTimeAsync(1000);
    flushSync();
    const draft = calls.find((c) => c.cmd === 'draft_empty_fields')!;
    expect(draft.args.handles).toEqual(['wild-sockeye-salmon-fillets']);
    expect(q('draft-all-counts')!.textContent).toContain('1 / 1 products');
    unmount(cmp);
  });
});
