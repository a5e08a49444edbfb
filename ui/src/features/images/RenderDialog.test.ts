// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import RenderDialog from './RenderDialog.svelte';
import { listMarketplaces, loadSample, setInvoker } from '../../ipc/commands';
import { mockInvoke, mockTiming, resetMock } from '../../ipc/mock';
import { polyfillDialog, pressEscape } from '../../lib/jsdom-dialog';

beforeAll(polyfillDialog);
beforeEach(() => {
  vi.useFakeTimers();
  mockTiming.photoMs = 400;
});
afterEach(() => {
  setInvoker(null);
  resetMock();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function setup(opts: { sample?: boolean; current?: { handle: string; title: string } | null } = {}) {
  if (opts.sample !== false) {
    const loading = loadSample();
    await vi.advanceTimersByTimeAsync(700);
    await loading;
  }
  const m = listMarketplaces();
  await vi.advanceTimersByTimeAsync(50);
  const marketplaces = await m;
  const onclose = vi.fn();
  const onopenproduct = vi.fn();
  const target = document.createElement('div');
  document.body.append(target);
  const cmp = mount(RenderDialog, {
    target,
    props: { open: true, marketplaces, current: opts.current ?? null, onclose, onopenproduct },
  });
  flushSync();
  await vi.advanceTimersByTimeAsync(50); // the photo count
  const q = <T extends HTMLElement = HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
  const choose = (value: string) => {
    const select = q<HTMLSelectElement>('render-marketplace')!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
  };
  return { target, cmp, q, onclose, onopenproduct, choose };
}

describe('RenderDialog', () => {
  it('defaults to Tmall Global and shows progress counts as photos finish, then a summary', async () => {
    const { cmp, q, choose } = await setup();
    expect(q<HTMLSelectElement>('render-marketplace')!.value).toBe('tmall-global');
    expect(q('render-dialog')!.textContent).toContain('All products (6 photos)');
    choose('taobao');
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(50);
    const bar = q('render-progress')!;
    expect(bar.dataset.state).toBe('running');
    expect(q('render-counts')!.textContent).toContain('0 / 4 photos');
    await vi.advanceTimersByTimeAsync(400);
    expect(q('render-counts')!.textContent!.trim()).toBe('1 / 4 photos · 4 rendered · 0 from cache · 0 failed');
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(q('render-cancel')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1200);
    expect(q('render-progress')!.dataset.state).toBe('done');
    expect(q('render-counts')!.textContent!.trim()).toBe('4 / 4 photos · 15 rendered · 0 from cache · 0 failed');
    const summary = q('render-summary')!;
    expect(summary.dataset.cancelled).toBe('false');
    expect(summary.textContent).toContain('Rendered 4 photos');
    const notes = [...summary.querySelectorAll<HTMLElement>('[data-testid="render-note"]')];
    expect(notes.map((n) => `${n.dataset.handle}#${n.dataset.position}/${n.dataset.slot}`)).toContain('rainier-cherries-gift-box#1/white');
    const white = notes.find((n) => n.dataset.slot === 'white' && n.dataset.position === '1')!;
    expect(white.textContent).toContain('White-background image');
    expect(white.textContent).toContain('photo 1');
    expect(white.querySelector('[data-code="background-not-plain"]')!.textContent).toContain('#E8D9C4');

    // Again: everything comes from the cache.
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(2000);
    expect(q('render-counts')!.textContent!.trim()).toBe('4 / 4 photos · 0 rendered · 15 from cache · 0 failed');
    unmount(cmp);
  });

  it('cancels with the Cancel button: no new photo starts and the summary says so', async () => {
    const { cmp, q } = await setup();
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(450);
    expect(q('render-progress')!.dataset.done).toBe('1');
    q('render-cancel')!.click();
    flushSync();
    await vi.advanceTimersByTimeAsync(2000);
    const summary = q('render-summary')!;
    expect(summary.dataset.cancelled).toBe('true');
    expect(summary.textContent).toMatch(/Cancelled after 2 of 4 photos/);
    expect(q('render-progress')!.dataset.state).toBe('cancelled');
    expect(q('render-cancel')).toBeNull();
    unmount(cmp);
  });

  it('Esc cancels a running batch instead of closing, and closes once it is done', async () => {
    const { cmp, q, onclose } = await setup();
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(100);
    pressEscape(q('render-dialog')!);
    await vi.advanceTimersByTimeAsync(2000);
    expect(onclose).not.toHaveBeenCalled();
    expect(q('render-summary')!.dataset.cancelled).toBe('true');
    pressEscape(q('render-dialog')!);
    expect(onclose).toHaveBeenCalledTimes(1);
    unmount(cmp);
  });

  it('renders only the open product when asked', async () => {
    const calls: Record<string, unknown>[] = [];
    setInvoker(async (cmd, args) => {
      if (cmd === 'render_catalog') calls.push(args);
      return mockInvoke(cmd, args);
    });
    const { cmp, q } = await setup({ current: { handle: 'dry-roasted-hazelnuts', title: 'Hazelnuts' } });
    const only = q<HTMLInputElement>('render-scope-product')!;
    expect(only.disabled).toBe(false);
    only.click();
    flushSync();
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[0]).toMatchObject({ marketplace: 'tmall-global', handles: ['dry-roasted-hazelnuts'], lang: 'en' });
    expect(q('render-counts')!.textContent).toContain('1 / 1 photo ·');
    unmount(cmp);
  });

  it('lists failures before findings, and a note opens its product', async () => {
    setInvoker(async (cmd, args) => {
      if (cmd !== 'render_catalog') return mockInvoke(cmd, args);
      return {
        marketplace: 'pinduoduo',
        progress: { done: 3, total: 3, rendered: 6, cached: 0, failed: 1 },
        cancelled: false,
        elapsed_ms: 2300,
        notes: [
          { handle: 'b-nuts', position: 2, slot: 'home', label: 'Home image', findings: [{ code: 'over-byte-cap', args: { bytes: '118342', max_bytes: '102400' }, message: '' }], error: null },
          { handle: 'c-fish', position: 1, slot: 'main', label: 'Main image', findings: [], error: { code: 'corrupt', message: 'c-fish.jpg: the JPEG data is corrupt', args: {} } },
        ],
      };
    });
    const { cmp, q, target, onclose, onopenproduct } = await setup();
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(100);
    expect(q('render-counts')!.textContent).toContain('1 failed');
    const notes = [...target.querySelectorAll<HTMLElement>('[data-testid="render-note"]')];
    expect(notes.map((n) => [n.dataset.kind, n.dataset.handle])).toEqual([
      ['error', 'c-fish'],
      ['finding', 'b-nuts'],
    ]);
    expect(notes[0].textContent).toContain('c-fish.jpg: the JPEG data is corrupt');
    expect(notes[1].textContent).toContain('Home image');
    expect(notes[1].textContent).toContain('118342');
    notes[1].querySelector<HTMLButtonElement>('[data-testid="render-note-open"]')!.click();
    expect(onclose).toHaveBeenCalled();
    expect(onopenproduct).toHaveBeenCalledWith('b-nuts');
    unmount(cmp);
  });

  it('says so when the catalog has no photos', async () => {
    const { cmp, q } = await setup({ sample: false });
    expect(q('render-empty')!.textContent).toContain('No photos in the catalog yet');
    expect(q<HTMLButtonElement>('render-start')!.disabled).toBe(true);
    unmount(cmp);
  });

  it('shows a second start while one runs as busy', async () => {
    setInvoker(async (cmd, args) => {
      if (cmd === 'render_catalog') throw { code: 'render-running', message: 'a render batch is already running', args: {} };
      return mockInvoke(cmd, args);
    });
    const { cmp, q } = await setup();
    q('render-start')!.click();
    await vi.advanceTimersByTimeAsync(50);
    expect(q('render-error')!.dataset.code).toBe('render-running');
    expect(q('render-error')!.textContent).toContain('already rendering');
    unmount(cmp);
  });
});
