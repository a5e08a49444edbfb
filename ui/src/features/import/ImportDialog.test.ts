// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount } from 'svelte';
import ImportDialog from './ImportDialog.svelte';
import { setInvoker } from '../../ipc/commands';
import { mockInvoke, mockTiming, resetMock } from '../../ipc/mock';
import { polyfillDialog } from '../../lib/jsdom-dialog';

beforeAll(polyfillDialog);
beforeEach(() => {
  vi.useFakeTimers();
  mockTiming.importStepMs = 200;
  setInvoker(mockInvoke);
});
afterEach(() => {
  setInvoker(null);
  resetMock();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function setup() {
  const onimported = vi.fn();
  const target = document.createElement('div');
  document.body.append(target);
  mount(ImportDialog, { target, props: { open: true, onclose: vi.fn(), onimported } });
  flushSync();
  const q = <T extends HTMLElement = HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
  const input = q<HTMLInputElement>('import-path')!;
  input.value = '/tmp/products_export.csv';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
  q('import-preview')!.click();
  // The preview reads the file (600 ms before the mock answers, then its steps).
  await vi.advanceTimersByTimeAsync(600 + 50);
  expect(q('import-running')?.dataset.stage).toBe('reading');
  expect(q('import-progress-counts')!.textContent).toMatch(/Reading the file: [\d.]+ of 4\.0 MB/);
  await vi.advanceTimersByTimeAsync(2000);
  expect(q('import-running')).toBeNull();
  expect(q('import-summary')!.dataset.applied).toBe('false');
  return { target, q, onimported };
}

describe('ImportDialog', () => {
  it('shows the bytes read, then the rows written, and ends with the summary', async () => {
    const { q, onimported } = await setup();
    q('import-apply')!.click();
    await vi.advanceTimersByTimeAsync(600 + 250);
    expect(q('import-running')!.dataset.stage).toBe('writing');
    const bar = q('import-progress')!;
    expect(bar.dataset.total).toBe('4000');
    expect(q('import-progress-counts')!.textContent).toMatch(/Writing: [\d,]+ of 4,000 rows/);
    await vi.advanceTimersByTimeAsync(300);
    expect(Number(q('import-progress')!.dataset.done)).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(q('import-running')).toBeNull();
    expect(q('import-summary')!.dataset.applied).toBe('true');
    expect(onimported).toHaveBeenCalledOnce();
  });

  it('cancels an import: nothing changes, the preview stays and the import can run again', async () => {
    const { q, onimported } = await setup();
    q('import-apply')!.click();
    await vi.advanceTimersByTimeAsync(600 + 250);
    expect(q('import-running')!.dataset.stage).toBe('writing');
    q('import-cancel')!.click();
    flushSync();
    expect(q('import-cancel')!.textContent).toContain('Cancelling');
    await vi.advanceTimersByTimeAsync(1000);
    expect(q('import-running')).toBeNull();
    expect(q('import-cancelled')!.textContent).toContain('Nothing was changed');
    expect(onimported).not.toHaveBeenCalled();
    expect(q('import-summary')!.dataset.applied).toBe('false');
    expect(q<HTMLButtonElement>('import-apply')!.disabled).toBe(false);

    q('import-apply')!.click();
    await vi.advanceTimersByTimeAsync(3000);
    expect(q('import-summary')!.dataset.applied).toBe('true');
    expect(q('import-cancelled')).toBeNull();
    expect(onimported).toHaveBeenCalledOnce();
  });
});
