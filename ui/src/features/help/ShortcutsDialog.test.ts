// @vitest-environment jsdom
// The keyboard help: `?` opens it except while typing, F1 always; it lists every shortcut of
// lib/shortcuts.ts with a message in both UI languages.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ShortcutsDialog from './ShortcutsDialog.svelte';
import { polyfillDialog } from '../../lib/jsdom-dialog';
import { SHORTCUTS, isHelpKey, isTyping, keyLabel } from '../../lib/shortcuts';

beforeAll(polyfillDialog);
afterEach(() => {
  document.body.innerHTML = '';
});

const press = (key: string, target: EventTarget | null, mods: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('the help key', () => {
  it('is ? outside text boxes and F1 anywhere', () => {
    const box = document.createElement('textarea');
    const input = document.createElement('input');
    const check = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const button = document.createElement('button');
    document.body.append(box, input, check, button);
    expect(isHelpKey(press('?', document.body))).toBe(true);
    expect(isHelpKey(press('?', button))).toBe(true);
    expect(isHelpKey(press('?', check))).toBe(true);
    // In a text box ? is a character the translator types.
    expect(isHelpKey(press('?', box))).toBe(false);
    expect(isHelpKey(press('?', input))).toBe(false);
    expect(isHelpKey(press('?', document.body, { ctrlKey: true }))).toBe(false);
    expect(isHelpKey(press('F1', box))).toBe(true);
    expect(isTyping(box) && isTyping(input) && !isTyping(check) && !isTyping(null)).toBe(true);
  });

  it('writes mod as Ctrl, or ⌘ on macOS', () => {
    expect(keyLabel('mod+K', false)).toBe('Ctrl+K');
    expect(keyLabel('mod+K', true)).toBe('⌘K');
    expect(keyLabel('Alt+D', true)).toBe('Alt+D');
  });
});

describe('ShortcutsDialog', () => {
  it('lists every shortcut by group', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const cmp = mount(ShortcutsDialog, { target, props: { open: true, onclose: () => {} } });
    flushSync();
    const groups = [...target.querySelectorAll<HTMLElement>('[data-testid="shortcut-group"]')];
    expect(groups.map((g) => g.dataset.group)).toEqual(SHORTCUTS.map((g) => g.group));
    const rows = [...target.querySelectorAll<HTMLElement>('[data-testid="shortcut"]')];
    expect(rows).toHaveLength(SHORTCUTS.reduce((n, g) => n + g.items.length, 0));
    const draft = rows.find((r) => r.dataset.what === 'ui-keys-draft')!;
    expect(draft.querySelector('kbd')!.textContent).toBe('Alt+D');
    unmount(cmp);
  });

  it('every line has its message in both UI languages', () => {
    const ids = SHORTCUTS.flatMap((g) => [g.group, ...g.items.map((i) => i.what)]);
    for (const locale of ['en', 'zh-CN']) {
      const dir = join(__dirname, '../../../../assets/locales', locale);
      const text = readdirSync(dir)
        .filter((f) => f.endsWith('.ftl'))
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n');
      for (const id of ids) expect(text, `${locale}: ${id}`).toMatch(new RegExp(`^${id} =`, 'm'));
    }
  });
});
