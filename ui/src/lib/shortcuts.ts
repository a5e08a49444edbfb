// Global keyboard shortcuts.

export type ShortcutAction = 'search' | 'import' | 'export' | 'settings';

export function isMac(platform: string = typeof navigator !== 'undefined' ? navigator.platform : ''): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}

/** The action for a keydown, if any: Ctrl (Cmd on macOS) + K / I / E / comma. */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac = isMac(),
): ShortcutAction | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey || e.shiftKey) return null;
  switch (e.key.toLowerCase()) {
    case 'k':
      return 'search';
    case 'i':
      return 'import';
    case 'e':
      return 'export';
    case ',':
      return 'settings';
    default:
      return null;
  }
}

/** Whether a key press is typing: in a text box, a text area, a select or editable content. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** The keyboard help: `?` anywhere but in a text box, or F1 anywhere. */
export function isHelpKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (e.key === 'F1') return true;
  return e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
}

/** One line of the keyboard help: the keys as written (`mod` is Ctrl, or ⌘ on macOS) and the
 * message id of what they do. */
export interface ShortcutHelp {
  keys: string[];
  what: string;
}

/** The keyboard help, by where the keys work: the one list the help overlay shows. A new
 * shortcut gets a line here and its message in `ui.ftl`. */
export const SHORTCUTS: { group: string; items: ShortcutHelp[] }[] = [
  {
    group: 'ui-keys-everywhere',
    items: [
      { keys: ['mod+K'], what: 'ui-keys-search' },
      { keys: ['mod+I'], what: 'ui-keys-import' },
      { keys: ['mod+E'], what: 'ui-keys-export' },
      { keys: ['mod+,'], what: 'ui-keys-settings' },
      { keys: ['?', 'F1'], what: 'ui-keys-help' },
      { keys: ['Esc'], what: 'ui-keys-escape' },
    ],
  },
  {
    group: 'ui-keys-list',
    items: [
      { keys: ['↑', '↓'], what: 'ui-keys-list-move' },
      { keys: ['PgUp', 'PgDn', 'Home', 'End'], what: 'ui-keys-list-jump' },
      { keys: ['Enter'], what: 'ui-keys-list-open' },
      { keys: ['Space'], what: 'ui-keys-list-pick' },
      { keys: ['mod+A'], what: 'ui-keys-list-pick-all' },
    ],
  },
  {
    group: 'ui-keys-editor',
    items: [
      { keys: ['Alt+D'], what: 'ui-keys-draft' },
      { keys: ['Alt+1…9'], what: 'ui-keys-tm' },
      { keys: ['mod+S'], what: 'ui-keys-save' },
      { keys: ['mod+Z'], what: 'ui-keys-undo' },
    ],
  },
  {
    group: 'ui-keys-review',
    items: [
      { keys: ['mod+Enter'], what: 'ui-keys-review-approve' },
      { keys: ['mod+Shift+Enter'], what: 'ui-keys-review-reject' },
      { keys: ['Alt+↑', 'Alt+↓', 'K', 'J'], what: 'ui-keys-review-move' },
      { keys: ['E'], what: 'ui-keys-review-edit' },
      { keys: ['mod+Z'], what: 'ui-keys-review-undo' },
    ],
  },
  {
    group: 'ui-keys-tables',
    items: [
      { keys: ['Enter'], what: 'ui-keys-table-save' },
      { keys: ['Esc'], what: 'ui-keys-table-undo' },
    ],
  },
];

/** A help line's key as written on this platform: `mod+K` is "Ctrl+K", or "⌘K" on macOS. */
export function keyLabel(key: string, mac = isMac()): string {
  return key.startsWith('mod+') ? shortcutLabel(key.slice(4), mac) : key;
}

/** How to write a shortcut on this platform, e.g. "Ctrl+K" or "⌘K". */
export function shortcutLabel(key: string, mac = isMac()): string {
  // One letter is written in capitals (Ctrl+K); a named key as it is (Ctrl+Enter).
  const k = key.length === 1 ? key.toUpperCase() : key;
  return mac ? `⌘${k}` : `Ctrl+${k}`;
}
