// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CopyEditor from './CopyEditor.svelte';
import { setInvoker } from '../../ipc/commands';
import type { CopyCheck } from '../../ipc/types';
import { flushAll } from '../../lib/pending';

let calls: { cmd: string; args: Record<string, unknown> }[];
let check: (text: string) => CopyCheck;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  check = (text) => ({ units: Array.from(text).length * 2, limit: 60, findings: [] });
  setInvoker(async (cmd, args) => {
    calls.push({ cmd, args });
    return check(String(args.text));
  });
});
afterEach(() => {
  setInvoker(null);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function setup(initial = '旧标题') {
  const target = document.createElement('div');
  document.body.append(target);
  const cmp = mount(CopyEditor, {
    target,
    props: { handle: 'cherries', field: 'title', marketplace: 'tmall-global', initial, label: 'Title', limit: 60, testid: 'title-zh' },
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

  it('shows the GBK counter and the findings with the offending text highlighted by char offsets', async () => {
    check = (text) => ({
      units: 70,
      limit: 60,
      findings: text.includes('最好')
        ? [
            { code: 'banned-term', severity: 'error', start: 2, end: 4, args: { term: '最好', reason: 'r', reason_zh: 'r', law: 'l' }, message: 'm' },
            { code: 'no-such-code-anywhere', severity: 'warning', start: 0, end: 1, args: {} as Record<string, string>, message: 'Message from Rust' },
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
});
