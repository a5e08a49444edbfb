// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CopyEditor from './CopyEditor.svelte';
import { setInvoker } from '../../ipc/commands';
import type { CopyCheck } from '../../ipc/types';
import { flushAll, saveAll } from '../../lib/pending';

let calls: { cmd: string; args: Record<string, unknown> }[];
let check: (text: string) => CopyCheck;
/** What set_copy does besides answering: throw to fail the save. */
let onSave: (args: Record<string, unknown>) => void;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  onSave = () => {};
  check = (text) => ({ units: Array.from(text).length * 2, limit: 60, unit: 'gbk', findings: [] });
  setInvoker(async (cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === 'set_copy') onSave(args);
    return check(String(args.text));
  });
});
afterEach(async () => {
  // No test leaves unsaved work registered behind it.
  expect(await saveAll()).toEqual([]);
  setInvoker(null);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setup(initial = '旧标题', counted: { limit: number; unit: 'gbk' | 'chars' } = { limit: 60, unit: 'gbk' }) {
  const target = document.createElement('div');
  document.body.append(target);
  const cmp = mount(CopyEditor, {
    target,
    props: { handle: 'cherries', field: 'title', marketplace: 'tmall-global', initial, label: 'Title', ...counted, testid: 'title-zh' },
  });
  const box = target.querySelector<HTMLTextAreaElement>('[data-testid="title-zh"]')!;
  const type = (value: string) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  return { target, cmp, box, type };
}

const saves = () => calls.filter((c) => c.cmd === 'set_copy').map((c) => c.args.text);
const bases = () => calls.filter((c) => c.cmd === 'set_copy').map((c) => c.args.base);
const diskFull = { code: 'catalog-query', message: 'database is locked', args: {} };
/** The catalog as the Rust side keeps it: a save based on anything but what it holds is refused. */
function catalogHolding(initial: string) {
  const catalog = { text: initial };
  onSave = (args) => {
    const text = String(args.text);
    if (args.base !== catalog.text && text !== catalog.text) {
      throw { code: 'copy-conflict', message: 'changed elsewhere', args: { handle: 'cherries', field: 'title', theirs: catalog.text } };
    }
    catalog.text = text;
  };
  return catalog;
}

describe('CopyEditor', () => {
  it('saves what was typed 400 ms after the last keystroke', async () => {
    const { cmp, type } = setup();
    type('新');
    type('新标');
    type('新标题');
    await vi.advanceTimersByTimeAsync(399);
    expect(saves()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves()).toEqual(['新标题']);
    expect(calls.find((c) => c.cmd === 'set_copy')!.args).toMatchObject({ handle: 'cherries', field: 'title', locale: 'zh-CN', marketplace: 'tmall-global' });
    unmount(cmp);
  });

  it('flushAll (before switching product) saves the last keystroke at once', async () => {
    const { cmp, type } = setup();
    type('最后一个字');
    expect(await flushAll()).toBe(true);
    expect(saves()).toEqual(['最后一个字']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves()).toEqual(['最后一个字']);
    unmount(cmp);
  });

  it('saves on blur', async () => {
    const { cmp, box, type } = setup();
    type('失去焦点');
    box.dispatchEvent(new FocusEvent('blur'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saves()).toEqual(['失去焦点']);
    unmount(cmp);
  });

  it('counts characters before the check answers when the marketplace counts characters', async () => {
    check = (text) => ({ units: Array.from(text).length, limit: 45, unit: 'chars', findings: [] });
    const { target, cmp, type } = setup('', { limit: 45, unit: 'chars' });
    type('美国车厘子 2lb');
    const units = target.querySelector<HTMLElement>('[data-testid="units"]')!;
    // 9 characters (GBK would say 14), before and after the check.
    expect(units.textContent!.trim()).toBe('9 / 45');
    expect(units.dataset.unit).toBe('chars');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    expect(units.textContent!.trim()).toBe('9 / 45');
    unmount(cmp);
  });

  it('shows the GBK counter and the findings with the offending text highlighted by char offsets', async () => {
    check = (text) => ({
      units: 70,
      limit: 60,
      unit: 'gbk',
      findings: text.includes('最好')
        ? [
            { code: 'banned-term', severity: 'error', start: 2, end: 4, args: { term: '最好', reason: 'r', reason_zh: 'r', law: 'l' }, message: 'm', fixes: [] },
            { code: 'no-such-code-anywhere', severity: 'warning', start: 0, end: 1, args: {} as Record<string, string>, message: 'Message from Rust', fixes: [] },
          ]
        : [],
    });
    const { target, cmp, type } = setup('');
    type('🍒🍒最好的樱桃');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    const units = target.querySelector('[data-testid="units"]')!;
    expect(units.textContent!.trim()).toBe('70 / 60');
    expect(units.classList.contains('over')).toBe(true);
    const findings = [...target.querySelectorAll<HTMLElement>('[data-testid="finding"]')];
    expect(findings.map((f) => f.dataset.code)).toEqual(['banned-term', 'no-such-code-anywhere']);
    expect(findings[0].querySelector('mark')!.textContent).toBe('最好');
    expect(findings[1].querySelector('mark')!.textContent).toBe('🍒');
    // No Fluent id for this code: the Rust message is shown.
    expect(findings[1].textContent).toContain('Message from Rust');
    unmount(cmp);
  });

  it('bases each save on the text as loaded, then on what it saved last', async () => {
    const { cmp, type } = setup('旧标题');
    type('新标题');
    await vi.advanceTimersByTimeAsync(400);
    type('更新的标题');
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toEqual(['新标题', '更新的标题']);
    expect(bases()).toEqual(['旧标题', '新标题']);
    unmount(cmp);
  });

  it('a failed save says "Not saved" with the reason, retries with backoff, and clears once saved', async () => {
    let fail = true;
    onSave = () => {
      if (fail) throw diskFull;
    };
    const { target, cmp, box, type } = setup();
    type('华盛顿樱桃');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    const note = target.querySelector<HTMLElement>('[data-testid="unsaved"]')!;
    expect(note).not.toBeNull();
    expect(note.dataset.code).toBe('catalog-query');
    expect(note.getAttribute('role')).toBe('alert');
    // The reason comes from errors.ftl by code, not from the Rust text.
    expect(note.textContent).toContain('Not saved');
    expect(note.textContent).toContain('The catalog could not be read or written.');
    expect(note.textContent).not.toContain('database is locked');
    expect(box.getAttribute('aria-describedby')).toContain('copy-title-unsaved');

    // Retried after 1 s, 2 s, 4 s without anyone asking.
    expect(saves()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(3999);
    expect(saves()).toHaveLength(3);
    flushSync();
    expect(target.querySelector('[data-testid="unsaved"]')).not.toBeNull();

    fail = false;
    await vi.advanceTimersByTimeAsync(1);
    flushSync();
    expect(saves()).toEqual(['华盛顿樱桃', '华盛顿樱桃', '华盛顿樱桃', '华盛顿樱桃']);
    expect(target.querySelector('[data-testid="unsaved"]')).toBeNull();
    await vi.advanceTimersByTimeAsync(60000);
    expect(saves()).toHaveLength(4);
    unmount(cmp);
  });

  it('"Retry now" tries at once, and flushAll reports what is still not saved and why', async () => {
    onSave = () => {
      throw diskFull;
    };
    const { target, cmp, type } = setup();
    type('樱桃');
    expect(await saveAll()).toEqual([{ what: 'ui-copy-title-label', handle: 'cherries', error: diskFull }]);
    flushSync();
    onSave = () => {};
    target.querySelector<HTMLButtonElement>('[data-testid="unsaved-retry"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(saves()).toEqual(['樱桃', '樱桃']);
    expect(target.querySelector('[data-testid="unsaved"]')).toBeNull();
    expect(await flushAll()).toBe(true);
    unmount(cmp);
  });

  it('a conflict shows both texts, labelled, and saves nothing until the merchant chooses', async () => {
    const catalog = catalogHolding('旧标题');
    const { target, cmp, box, type } = setup('旧标题');
    catalog.text = '命令行改的标题'; // someone else saves meanwhile
    box.focus();
    type('我的标题');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    const panel = target.querySelector<HTMLElement>('[data-testid="conflict"]')!;
    expect(panel).not.toBeNull();
    expect(panel.querySelector('[data-testid="conflict-mine"]')!.textContent).toBe('我的标题');
    expect(panel.querySelector('[data-testid="conflict-theirs"]')!.textContent).toBe('命令行改的标题');
    expect(panel.textContent).toContain('Yours (not saved)');
    expect(panel.textContent).toContain('Theirs (now in the catalog)');
    expect(panel.querySelector('[role="alert"]')).not.toBeNull();
    // Focus stays in the box: a keystroke never picks a side. The buttons come next in tab order.
    expect(document.activeElement).toBe(box);
    const buttons = [...target.querySelectorAll<HTMLButtonElement>('textarea, button')];
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['title-zh', 'conflict-keep-mine', 'conflict-take-theirs']);
    expect(box.getAttribute('aria-describedby')).toContain('copy-title-conflict-head');

    // Typing on, waiting, flushing: nothing overwrites their text.
    type('我的标题，再改');
    await vi.advanceTimersByTimeAsync(120000);
    expect(await flushAll()).toBe(false);
    expect((await saveAll())[0].error.code).toBe('copy-conflict');
    expect(saves()).toEqual(['我的标题']);
    expect(catalog.text).toBe('命令行改的标题');
    flushSync();
    expect(target.querySelector('[data-testid="conflict-mine"]')!.textContent).toBe('我的标题，再改');
    // An editor that goes away mid-conflict still holds unsaved text: resolve it first.
    target.querySelector<HTMLButtonElement>('[data-testid="conflict-take-theirs"]')!.click();
    unmount(cmp);
  });

  it('"Keep mine" saves my text based on theirs', async () => {
    const catalog = catalogHolding('');
    const states: string[] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(CopyEditor, {
      target,
      props: { handle: 'cherries', field: 'title', marketplace: 'tmall-global', initial: '', label: 'Title', limit: 60, testid: 'title-zh', onstate: (s) => states.push(s) },
    });
    const box = target.querySelector<HTMLTextAreaElement>('[data-testid="title-zh"]')!;
    catalog.text = '他们的';
    box.value = '我的';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    expect(states.at(-1)).toBe('conflict');
    target.querySelector<HTMLButtonElement>('[data-testid="conflict-keep-mine"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(bases()).toEqual(['', '他们的']);
    expect(catalog.text).toBe('我的');
    expect(target.querySelector('[data-testid="conflict"]')).toBeNull();
    expect(states.at(-1)).toBe('saved');
    // Later edits build on what was saved.
    box.value = '我的，接着写';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(400);
    expect(bases().at(-1)).toBe('我的');
    expect(catalog.text).toBe('我的，接着写');
    unmount(cmp);
  });

  it('"Take theirs" puts their text in the box and saves nothing; the next edit is based on it', async () => {
    const catalog = catalogHolding('旧');
    const { target, cmp, box, type } = setup('旧');
    catalog.text = '他们的';
    type('我的');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    target.querySelector<HTMLButtonElement>('[data-testid="conflict-take-theirs"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(box.value).toBe('他们的');
    expect(saves()).toEqual(['我的']);
    expect(target.querySelector('[data-testid="conflict"]')).toBeNull();
    expect(await flushAll()).toBe(true);
    await vi.advanceTimersByTimeAsync(60000);
    expect(saves()).toEqual(['我的']);
    // Their text is checked, so the counter is exact again.
    expect(calls.filter((c) => c.cmd === 'check_copy').map((c) => c.args.text)).toContain('他们的');
    type('他们的，加一句');
    await vi.advanceTimersByTimeAsync(400);
    expect(bases().at(-1)).toBe('他们的');
    expect(catalog.text).toBe('他们的，加一句');
    unmount(cmp);
  });

  it('an editor that goes away with a failing save keeps it registered until it is saved', async () => {
    let fail = true;
    onSave = () => {
      if (fail) throw diskFull;
    };
    const { cmp, type } = setup();
    type('不要丢');
    unmount(cmp);
    await vi.advanceTimersByTimeAsync(0);
    expect(await flushAll()).toBe(false);
    fail = false;
    await vi.advanceTimersByTimeAsync(30000);
    expect(saves().at(-1)).toBe('不要丢');
    expect(await saveAll()).toEqual([]);
  });
});
