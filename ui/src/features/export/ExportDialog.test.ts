// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ExportDialog from './ExportDialog.svelte';
import { setInvoker } from '../../ipc/commands';
import { polyfillDialog } from '../../lib/jsdom-dialog';
import { registerFlush, type Unsaved } from '../../lib/pending';

const conflict: Unsaved = {
  what: 'ui-copy-title-label',
  handle: 'cherries',
  error: { code: 'copy-conflict', message: 'changed elsewhere', args: { theirs: '他们的' } },
};

let commands: string[];
let left: Unsaved[];
let unregister: () => void;

beforeAll(polyfillDialog);
beforeEach(() => {
  vi.useFakeTimers();
  commands = [];
  left = [conflict];
  unregister = registerFlush(async () => left);
  setInvoker(async (cmd) => {
    commands.push(cmd);
    if (cmd === 'default_export_path') return '/tmp/kuajing-tmall-global.zip';
    if (cmd === 'export_bundle') return { path: '/tmp/kuajing-tmall-global.zip', products: 1, rows: 1, images: 0, rate: { usd_cny: 7.2, date: '2024-05-01' }, skipped: [], warnings: [] };
    return null;
  });
});
afterEach(() => {
  unregister();
  setInvoker(null);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('ExportDialog', () => {
  it('does not export while an edit is unsaved, and says which and why', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(ExportDialog, {
      target,
      props: { open: true, marketplaces: [{ id: 'tmall-global', name: 'Tmall Global', name_zh: '天猫国际', title_max_units: 60, title_unit: 'gbk' }], marketplace: 'tmall-global', onclose: () => {}, onsettings: () => {} },
    });
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    target.querySelector<HTMLButtonElement>('[data-testid="export-run"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(commands).not.toContain('export_bundle');
    const alert = target.querySelector<HTMLElement>('[data-testid="export-unsaved"]')!;
    expect(alert.textContent).toContain('Not exported');
    expect(alert.querySelector<HTMLElement>('[data-testid="unsaved-item"]')!.dataset.code).toBe('copy-conflict');
    expect(alert.textContent).toContain('This text was changed elsewhere');

    left = [];
    target.querySelector<HTMLButtonElement>('[data-testid="export-run"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(commands).toContain('export_bundle');
    expect(target.querySelector('[data-testid="export-unsaved"]')).toBeNull();
    expect(target.querySelector('[data-testid="export-result"]')).not.toBeNull();
    unmount(cmp);
  });

  it('keeps "only approved copy" per marketplace through the settings', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const saved: unknown[] = [];
    const cmp = mount(ExportDialog, {
      target,
      props: {
        open: true,
        marketplaces: [{ id: 'tmall-global', name: 'Tmall Global', name_zh: '天猫国际', title_max_units: 60, title_unit: 'gbk' }],
        marketplace: 'tmall-global',
        approvedOnly: ['tmall-global'],
        onclose: () => {},
        onsettings: () => {},
        onsaved: (s: unknown) => saved.push(s),
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    const box = target.querySelector<HTMLInputElement>('[data-testid="export-approved-only"]')!;
    expect(box.checked).toBe(true);
    box.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(commands).toContain('set_approved_only');
    expect(saved).toHaveLength(1);
    unmount(cmp);
  });

  it('lists what the export would leave out, and a click goes to the field', async () => {
    setInvoker(async (cmd, args) => {
      commands.push(cmd);
      if (cmd === 'default_export_path') return '/tmp/kuajing-taobao.zip';
      if (cmd === 'validate_export') {
        expect((args as { marketplace: string }).marketplace).toBe('taobao');
        return {
          marketplace: 'taobao',
          ready: 7,
          blocked: 1,
          products: [
            {
              handle: 'chandler-walnuts',
              title: '最好的美国核桃',
              exports: false,
              issues: [
                { item: 'title_zh', severity: 'error', message: { code: 'copy-error', message: 'The Chinese title has an error: 最好', args: { field: 'title', finding: '“最好” is an absolute term' } } },
                { item: 'hs_code', severity: 'warning', message: { code: 'missing-item', message: 'Missing: HS code', args: { item: 'HS code' } } },
              ],
            },
          ],
        };
      }
      return null;
    });
    const target = document.createElement('div');
    document.body.append(target);
    const opened: [string, string][] = [];
    const cmp = mount(ExportDialog, {
      target,
      props: {
        open: true,
        marketplaces: [{ id: 'taobao', name: 'Taobao', name_zh: '淘宝', title_max_units: 60, title_unit: 'gbk' }],
        marketplace: 'taobao',
        onclose: () => {},
        onsettings: () => {},
        onopenfield: (handle: string, item: string) => opened.push([handle, item]),
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(target.querySelector('[data-testid="export-check-summary"]')!.textContent).toContain('7 ready');
    const product = target.querySelector<HTMLElement>('[data-testid="export-check-product"]')!;
    expect(product.dataset.handle).toBe('chandler-walnuts');
    expect(product.dataset.exports).toBe('false');
    const issues = [...product.querySelectorAll<HTMLButtonElement>('[data-testid="export-check-issue"]')];
    expect(issues.map((b) => b.dataset.item)).toEqual(['title_zh', 'hs_code']);
    expect(issues[0].classList.contains('error')).toBe(true);
    expect(issues[1].textContent).toContain('HS code');
    issues[1].click();
    expect(opened).toEqual([['chandler-walnuts', 'hs_code']]);
    unmount(cmp);
  });
});
