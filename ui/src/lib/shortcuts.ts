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

/** How to write a shortcut on this platform, e.g. "Ctrl+K" or "⌘K". */
export function shortcutLabel(key: string, mac = isMac()): string {
  return mac ? `⌘${key.toUpperCase()}` : `Ctrl+${key.toUpperCase()}`;
}
