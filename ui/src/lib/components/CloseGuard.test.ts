// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CloseGuard from './CloseGuard.svelte';
import CopyEditor from '../../features/copy/CopyEditor.svelte';
import { setInvoker } from '../../ipc/commands';
import { polyfillDialog } from '../jsdom-dialog';
import { saveAll } from '../pending';
import type { ClosableWindow } from '../closing';

/** A stand-in for Tauri's window: `close()` fires the close request as the close button does. */
function fakeWindow(log: string[]) {
  let handler: ((e: { preventDefault(): void }) => void | Promise<void>) | null = null;
  let destroyed = false;
  const win: ClosableWindow & { close(): Promise<void>; readonly destroyed: boolean } = {
    async onCloseRequested(h) {
      handler = h;
      return () => (handler = null);
    },
    async destroy() {
      log.push('destroy');
      destroyed = true;
    },
    async close() {
      let prevented = false;
      await handler?.({ preventDefault: () => (prevented = true) });
      // What @tauri-apps/api does after the handler: destroy unless prevented.
      if (!prevented) await win.destroy();
    },
    get destroyed() {
      return destroyed;
    },
  };
  return win;
}

let log: string[];
let fail: boolean;

beforeEach(() => {
  polyfillDialog();
  vi.useFakeTimers();
  log = [];
  fail = false;
  setInvoker(async (cmd, args) => {
    if (cmd === 'set_copy') {
      log.push(`save ${String(args.text)}`);
      if (fail) throw { code: 'catalog-query', message: 'database is locked', args: {} };
    }
    return { units: 0, limit: 60, unit: 'gbk', findings: [] };
  });
});
afterEach(() => {
  setInvoker(null);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setup() {
  const target = document.createElement('div');
  document.body.append(target);
  const win = fakeWindow(log);
  const guard = mount(CloseGuard, { target, props: { win } });
  const editor = mount(CopyEditor, {
    target,
    props: { handle: 'cherries', field: 'title', marketplace: 'tmall-global', initial: '', label: 'Title', limit: 60, testid: 'title-zh' },
  });
  const box = target.querySelector<HTMLTextAreaElement>('[data-testid="title-zh"]')!;
  const type = (value: string) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  const cleanup = () => {
    unmount(editor);
    unmount(guard);
  };
  return { target, win, type, cleanup };
}

describe('CloseGuard', () => {
  it('a close right after typing saves the text before the window goes', async () => {
    const { win, type, cleanup } = setup();
    await vi.advanceTimersByTimeAsync(0); // the listener is registered
    type('关窗前打的字');
    // Well inside the 400 ms autosave delay.
    await win.close();
    expect(log).toEqual(['save 关窗前打的字', 'destroy']);
    expect(win.destroyed).toBe(true);
    cleanup();
  });

  it('a failing save keeps the window open with what and why; closing again retries; "Close without saving" closes', async () => {
    const { target, win, type, cleanup } = setup();
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    type('存不上');
    await win.close();
    flushSync();
    expect(win.destroyed).toBe(false);
    const dialog = target.querySelector<HTMLElement>('[data-testid="close-dialog"]')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    const item = dialog.querySelector<HTMLElement>('[data-testid="unsaved-item"]')!;
    expect(item.dataset.code).toBe('catalog-query');
    expect(item.textContent).toContain('Chinese title');
    expect(item.textContent).toContain('The catalog could not be read or written.');
    const labels = [...dialog.querySelectorAll('footer button')].map((b) => b.textContent!.trim());
    expect(labels).toEqual(['Close without saving', 'Keep editing', 'Try again']);

    // A second close request tries again (still failing: still open).
    await win.close();
    flushSync();
    expect(log.filter((l) => l.startsWith('save'))).toHaveLength(2);
    expect(win.destroyed).toBe(false);

    dialog.querySelector<HTMLButtonElement>('[data-testid="close-anyway"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(win.destroyed).toBe(true);
    // The test's own bookkeeping: drop the text the merchant chose to lose.
    fail = false;
    await saveAll();
    cleanup();
  });

  it('"Try again" closes once the save goes through; "Keep editing" (or Esc) goes back to the text', async () => {
    const { target, win, type, cleanup } = setup();
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    type('稍后能存');
    await win.close();
    flushSync();
    const dialog = target.querySelector<HTMLElement>('[data-testid="close-dialog"]')!;
    dialog.querySelector<HTMLButtonElement>('[data-testid="close-stay"]')!.click();
    flushSync();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(win.destroyed).toBe(false);

    await win.close();
    flushSync();
    expect(dialog.hasAttribute('open')).toBe(true);
    fail = false;
    dialog.querySelector<HTMLButtonElement>('[data-testid="close-retry"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(log.at(-2)).toBe('save 稍后能存');
    expect(log.at(-1)).toBe('destroy');
    cleanup();
  });
});
