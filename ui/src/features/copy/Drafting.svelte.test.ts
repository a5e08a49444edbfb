// @vitest-environment jsdom
// The editor's drafting side: Draft, Alt+1..9, one-click fixes, the gloss row and the
// suggestions panel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import CopyEditor from './CopyEditor.svelte';
import GlossRow from './GlossRow.svelte';
import SuggestionsPanel from './SuggestionsPanel.svelte';
import { setInvoker } from '../../ipc/commands';
import type { CopyCheck, CopyField, Draft, Gloss, Suggestions, TmMatch } from '../../ipc/types';
import { saveAll } from '../../lib/pending';

let calls: { cmd: string; args: Record<string, unknown> }[];
let check: (text: string) => CopyCheck;
let answers: Record<string, (args: Record<string, unknown>) => unknown>;

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  answers = {};
  check = (text) => ({ units: Array.from(text).length * 2, limit: 60, unit: 'gbk', findings: [] });
  setInvoker(async (cmd, args) => {
    calls.push({ cmd, args });
    const answer = answers[cmd];
    if (answer) return answer(args);
    return check(String(args.text ?? ''));
  });
});
afterEach(async () => {
  expect(await saveAll()).toEqual([]);
  setInvoker(null);
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function editor(props: { field?: CopyField; initial?: string; tm?: TmMatch[]; draftable?: boolean; glossed?: boolean; machine?: boolean } = {}) {
  const target = document.createElement('div');
  document.body.append(target);
  const field = props.field ?? 'title';
  const cmp = mount(CopyEditor, {
    target,
    props: {
      handle: 'rainier-cherries',
      field,
      marketplace: 'tmall-global',
      initial: props.initial ?? '',
      label: 'Title',
      limit: 60,
      testid: 'box',
      draftable: props.draftable ?? true,
      glossed: props.glossed ?? false,
      machine: props.machine ?? false,
      tm: props.tm ?? [],
    },
  });
  flushSync();
  const box = target.querySelector<HTMLTextAreaElement>('[data-testid="box"]')!;
  const type = (value: string) => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  return { target, cmp, box, type };
}

const saves = () => calls.filter((c) => c.cmd === 'set_copy').map((c) => c.args.text);

const match = (target: string, score: number, adapted?: string): TmMatch => ({
  source: 'Rainier Cherries, Fresh from Washington',
  target,
  score,
  diff: [
    { kind: 'equal', text: 'Rainier Cherries, Fresh from' },
    { kind: 'delete', text: ' Washington' },
    { kind: 'insert', text: ' Oregon' },
  ],
  ...(adapted === undefined ? {} : { adapted }),
});

describe('Draft', () => {
  it('fills the editor with the draft, shows where it came from, and leaves saving to the autosave', async () => {
    const draft: Draft = {
      handle: 'rainier-cherries',
      field: 'title',
      marketplace: 'tmall-global',
      text: '美国华盛顿州新鲜雷尼尔车厘子 907克',
      units: 34,
      limit: 60,
      unit: 'gbk',
      findings: [],
      sources: [
        { kind: 'glossary', en: 'Rainier Cherries', zh: '雷尼尔车厘子' },
        { kind: 'units', from: '2 lb', to: '907克' },
        { kind: 'tm', source: 'Rainier Cherries 5 lb', target: '雷尼尔车厘子 2.27千克', score: 96, adapted: true },
        { kind: 'template', marketplace: 'tmall-global', id: 'title', variables: {}, dropped: ['brand'] },
      ],
      saved: false,
    };
    answers.draft = () => draft;
    const { target, cmp, box } = editor({ initial: '旧标题' });
    target.querySelector<HTMLButtonElement>('[data-testid="draft-title"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(calls.find((c) => c.cmd === 'draft')!.args).toEqual({ handle: 'rainier-cherries', field: 'title', marketplace: 'tmall-global', mt: false });
    expect(target.querySelector('[data-testid="draft-mt-title"]')).toBeNull();
    expect(box.value).toBe(draft.text);
    const sources = [...target.querySelectorAll<HTMLElement>('[data-testid="draft-source"]')];
    expect(sources.map((s) => s.dataset.kind)).toEqual(['glossary', 'units', 'tm', 'template']);
    expect(sources[0].textContent).toContain('Rainier Cherries');
    expect(sources[0].textContent).toContain('雷尼尔车厘子');
    expect(sources[1].textContent).toContain('907克');
    expect(target.querySelector('[data-testid="draft-source-score"]')!.textContent).toBe('96%');
    expect(sources[2].textContent).toContain('quantities adapted');
    expect(sources[3].textContent).toContain('brand');
    // Not saved by the draft: by the autosave, 400 ms later, like typing.
    expect(saves()).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toEqual([draft.text]);
    unmount(cmp);
  });

  it('with an endpoint set, Machine draft asks it and shows the machine as the source', async () => {
    answers.draft = (a) => ({
      handle: 'rainier-cherries',
      field: 'title',
      marketplace: 'tmall-global',
      text: a.mt ? '美国华盛顿州雷尼尔车厘子 新鲜直达' : '本地草稿',
      units: 30,
      limit: 60,
      unit: 'gbk',
      findings: [],
      sources: a.mt ? [{ kind: 'mt', endpoint: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b' }] : [],
      saved: false,
    });
    const { target, cmp, box } = editor({ machine: true });
    target.querySelector<HTMLButtonElement>('[data-testid="draft-mt-title"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(calls.filter((c) => c.cmd === 'draft').map((c) => c.args.mt)).toEqual([true]);
    expect(box.value).toBe('美国华盛顿州雷尼尔车厘子 新鲜直达');
    const source = target.querySelector<HTMLElement>('[data-testid="draft-source"]')!;
    expect(source.dataset.kind).toBe('mt');
    expect(source.textContent).toContain('qwen2.5:7b');
    unmount(cmp);
  });

  it('a machine that cannot be reached says so and keeps the text', async () => {
    answers.draft = () => {
      throw { code: 'mt-unreachable', message: 'cannot reach http://127.0.0.1:9/v1/chat/completions: connection refused', args: { url: 'http://127.0.0.1:9/v1/chat/completions', reason: 'connection refused' } };
    };
    const { target, cmp, box } = editor({ initial: '我的标题', machine: true });
    target.querySelector<HTMLButtonElement>('[data-testid="draft-mt-title"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(box.value).toBe('我的标题');
    const note = target.querySelector<HTMLElement>('[data-testid="draft-error"]')!;
    expect(note.dataset.code).toBe('mt-unreachable');
    expect(note.textContent).toContain('127.0.0.1:9');
    unmount(cmp);
  });

  it('says why when there is nothing to draft from, and keeps the text', async () => {
    answers.draft = () => {
      throw { code: 'nothing-to-draft', message: 'nothing to draft', args: { handle: 'x', field: 'title' } };
    };
    const { target, cmp, box } = editor({ initial: '我的标题' });
    target.querySelector<HTMLButtonElement>('[data-testid="draft-title"]')!.click();
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(box.value).toBe('我的标题');
    const note = target.querySelector<HTMLElement>('[data-testid="draft-error"]')!;
    expect(note.dataset.code).toBe('nothing-to-draft');
    expect(note.textContent).toContain('glossary');
    unmount(cmp);
  });
});

describe('Alt+D', () => {
  it('drafts the field that has the focus, whatever the layout types for the key', async () => {
    answers.draft = () => ({
      handle: 'rainier-cherries',
      field: 'title',
      marketplace: 'tmall-global',
      text: '美国华盛顿州新鲜雷尼尔车厘子',
      units: 28,
      limit: 60,
      unit: 'gbk',
      findings: [],
      sources: [],
      saved: false,
    });
    const { cmp, box } = editor({ initial: '' });
    const e = new KeyboardEvent('keydown', { key: '∂', code: 'KeyD', altKey: true, bubbles: true, cancelable: true });
    box.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(calls.filter((c) => c.cmd === 'draft')).toHaveLength(1);
    expect(box.value).toBe('美国华盛顿州新鲜雷尼尔车厘子');
    // Ctrl+Alt+D (AltGr on some layouts) types a character; it does not draft.
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', code: 'KeyD', altKey: true, ctrlKey: true, bubbles: true, cancelable: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.filter((c) => c.cmd === 'draft')).toHaveLength(1);
    unmount(cmp);
  });
});

describe('Alt+1..9', () => {
  const matches = [match('华盛顿州雷尼尔车厘子', 81), match('雷尼尔车厘子 2.27千克', 90, '雷尼尔车厘子 907克')];

  it('Alt+2 puts the second match in place of a title (its adapted text when quantities differ)', async () => {
    const { cmp, box } = editor({ initial: '旧', tm: matches });
    box.focus();
    const e = new KeyboardEvent('keydown', { key: '™', code: 'Digit2', altKey: true, bubbles: true, cancelable: true });
    box.dispatchEvent(e);
    flushSync();
    expect(e.defaultPrevented).toBe(true);
    expect(box.value).toBe('雷尼尔车厘子 907克');
    await vi.advanceTimersByTimeAsync(400);
    expect(saves()).toEqual(['雷尼尔车厘子 907克']);
    unmount(cmp);
  });

  it('inserts at the caret in a description, and a key with no match does nothing', async () => {
    const { cmp, box } = editor({ field: 'description', initial: '第一段。\n\n第二段。', tm: matches });
    box.focus();
    box.setSelectionRange(5, 5);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: '1', code: 'Digit1', altKey: true, bubbles: true, cancelable: true }));
    flushSync();
    expect(box.value).toBe('第一段。\n华盛顿州雷尼尔车厘子\n第二段。');
    const none = new KeyboardEvent('keydown', { key: '3', code: 'Digit3', altKey: true, bubbles: true, cancelable: true });
    box.dispatchEvent(none);
    expect(none.defaultPrevented).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    unmount(cmp);
  });
});

describe('one-click fixes', () => {
  it('a fix button writes its replacement into the text, by character offsets', async () => {
    check = (text) => {
      const at = Array.from(text).join('').indexOf('16 oz');
      if (at < 0) return { units: 20, limit: 60, unit: 'gbk', findings: [] };
      const start = Array.from(text.slice(0, at)).length;
      return {
        units: 30,
        limit: 60,
        unit: 'gbk',
        findings: [
          {
            code: 'imperial-unit',
            severity: 'warning',
            start,
            end: start + 5,
            args: { unit: 'oz', suggestion: '454克', value: '16' },
            message: '“oz” is an imperial unit',
            fixes: [{ kind: 'to-metric', start, end: start + 5, replacement: '454克' }],
          },
        ],
      };
    };
    const { target, cmp, box, type } = editor({ draftable: false });
    type('🍒车厘子 16 oz 礼盒');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    const fix = target.querySelector<HTMLButtonElement>('[data-testid="finding"][data-code="imperial-unit"] [data-testid="fix"]')!;
    expect(fix.dataset.kind).toBe('to-metric');
    expect(fix.textContent!.trim()).toBe('Change to 454克');
    expect(fix.disabled).toBe(false);
    fix.click();
    flushSync();
    expect(box.value).toBe('🍒车厘子 454克 礼盒');
    // Until the new text is checked the old findings' offsets are stale: no fix is offered.
    expect(target.querySelector<HTMLButtonElement>('[data-testid="fix"]')!.disabled).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    expect(saves()).toEqual(['🍒车厘子 16 oz 礼盒', '🍒车厘子 454克 礼盒']);
    expect(target.querySelector('[data-testid="finding"]')).toBeNull();
    unmount(cmp);
  });

  it('offers each fix of a banned term: the alternatives and removal', async () => {
    check = (text) => ({
      units: 10,
      limit: 60,
      unit: 'gbk',
      findings: text.startsWith('最好')
        ? [
            {
              code: 'banned-term',
              severity: 'error',
              start: 0,
              end: 2,
              args: { term: '最好', reason: 'r', reason_zh: 'r', law: 'l', law_en: 'l', exception: 'none' },
              message: 'm',
              fixes: [
                { kind: 'replace-term', start: 0, end: 2, replacement: '优质' },
                { kind: 'remove', start: 0, end: 2, replacement: '' },
              ],
            },
          ]
        : [],
    });
    const { target, cmp, box, type } = editor({ draftable: false });
    type('最好的车厘子');
    await vi.advanceTimersByTimeAsync(400);
    flushSync();
    const fixes = [...target.querySelectorAll<HTMLButtonElement>('[data-testid="fix"]')];
    expect(fixes.map((b) => b.textContent!.trim())).toEqual(['Replace it with “优质”', 'Remove it']);
    fixes[1].click();
    flushSync();
    expect(box.value).toBe('的车厘子');
    await vi.advanceTimersByTimeAsync(400);
    unmount(cmp);
  });
});

describe('GlossRow', () => {
  const gloss: Gloss = {
    tokens: [
      { text: '美国', start: 0, end: 2, gloss: ['US', 'United States; USA'], pinyin: 'Měiguó', source: 'glossary' },
      { text: '车厘子', start: 2, end: 5, gloss: ['cherries'], pinyin: 'chēlízi', source: 'dictionary' },
      { text: '907克', start: 6, end: 10, gloss: ['907 g = 2 lb'], pinyin: null, source: 'quantity' },
    ],
  };

  it('renders each token with its first sense, all senses and the reading on focus, and keeps the spaces', async () => {
    answers.gloss = () => gloss;
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(GlossRow, { target, props: { text: '美国车厘子 907克' } });
    await vi.advanceTimersByTimeAsync(0);
    flushSync();
    expect(calls.filter((c) => c.cmd === 'gloss').map((c) => c.args.text)).toEqual(['美国车厘子 907克']);
    const tokens = [...target.querySelectorAll<HTMLElement>('[data-testid="gloss-token"]')];
    expect(tokens.map((t) => t.querySelector('.zh')!.textContent)).toEqual(['美国', '车厘子', '907克']);
    expect(tokens.map((t) => t.querySelector('.en')!.textContent)).toEqual(['US', 'cherries', '907 g = 2 lb']);
    expect(tokens.map((t) => t.dataset.source)).toEqual(['glossary', 'dictionary', 'quantity']);
    const tip = tokens[0].querySelector('[role="tooltip"]')!;
    expect(tip.textContent).toContain('Měiguó');
    expect(tip.textContent).toContain('United States; USA');
    expect(tokens[0].getAttribute('tabindex')).toBe('0');
    expect(target.querySelector('.gap')!.textContent).toBe(' ');
    unmount(cmp);
  });

  it('asks again only after the typing stops', async () => {
    answers.gloss = () => gloss;
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({ text: '美国' });
    const cmp = mount(GlossRow, { target, props });
    await vi.advanceTimersByTimeAsync(0);
    props.text = '美国车';
    flushSync();
    await vi.advanceTimersByTimeAsync(100);
    props.text = '美国车厘子';
    flushSync();
    await vi.advanceTimersByTimeAsync(299);
    expect(calls.filter((c) => c.cmd === 'gloss')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.filter((c) => c.cmd === 'gloss').map((c) => c.args.text)).toEqual(['美国', '美国车厘子']);
    unmount(cmp);
  });
});

describe('SuggestionsPanel', () => {
  it('shows each match with its score, difference and Alt key, marks adapted ones, and uses one on click', () => {
    const suggestions: Suggestions = {
      tm: [match('华盛顿州雷尼尔车厘子', 100), match('雷尼尔车厘子 2.27千克', 88, '雷尼尔车厘子 907克')],
      terms: [
        { en: 'Rainier Cherries', zh: '雷尼尔车厘子', note: 'sold as 车厘子', forbidden: ['雷尼尔樱桃'], start: 0, end: 16, present: true },
        { en: 'Oregon', zh: '俄勒冈州', note: '', forbidden: [], start: 29, end: 35, present: false },
      ],
    };
    const used: [TmMatch, number][] = [];
    const terms: string[] = [];
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(SuggestionsPanel, {
      target,
      props: { label: 'Title', suggestions, loading: false, onuse: (m: TmMatch, n: number) => used.push([m, n]), onterm: (h) => terms.push(h.zh) },
    });
    const matches = [...target.querySelectorAll<HTMLButtonElement>('[data-testid="tm-match"]')];
    expect(matches.map((m) => m.querySelector('[data-testid="tm-score"]')!.textContent)).toEqual(['100%', '88%']);
    expect(matches.map((m) => m.querySelector('kbd')!.textContent)).toEqual(['Alt+1', 'Alt+2']);
    expect(matches[0].querySelector('del')!.textContent).toBe(' Washington');
    expect(matches[0].querySelector('ins')!.textContent).toBe(' Oregon');
    expect(matches[1].querySelector('[data-testid="tm-adapted"]')).not.toBeNull();
    expect(matches[1].textContent).toContain('雷尼尔车厘子 907克');
    matches[1].click();
    expect(used.map(([m, n]) => [m.score, n])).toEqual([[88, 2]]);
    const hits = [...target.querySelectorAll<HTMLElement>('[data-testid="term-hit"]')];
    expect(hits.map((h) => h.dataset.present)).toEqual(['true', 'false']);
    expect(hits[0].textContent).toContain('雷尼尔樱桃');
    hits[1].querySelector<HTMLButtonElement>('button')!.click();
    expect(terms).toEqual(['俄勒冈州']);
    unmount(cmp);
  });

  it('says so when there is nothing to suggest', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(SuggestionsPanel, { target, props: { label: 'Title', suggestions: { tm: [], terms: [] }, loading: false, onuse: () => {} } });
    expect(target.querySelector('[data-testid="tm-empty"]')!.textContent).toContain('No similar English');
    expect(target.textContent).toContain('No glossary term');
    unmount(cmp);
  });
});
