// Keyboard movement in a list: which index a key moves the selection to.

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

export function isNavKey(key: string): key is NavKey {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';
}

/**
 * The index selected after pressing `key` with `current` selected (-1: none)
 * in a list of `length` rows; `page` rows per PageUp/PageDown. Stops at the
 * ends (no wrapping); -1 for an empty list.
 */
export function moveSelection(current: number, key: NavKey, length: number, page = 10): number {
  if (length <= 0) return -1;
  const last = length - 1;
  const clamp = (n: number) => Math.max(0, Math.min(last, n));
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : clamp(current + 1);
    case 'ArrowUp':
      return current < 0 ? last : clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return current < 0 ? clamp(page - 1) : clamp(current + page);
    case 'PageUp':
      return current < 0 ? 0 : clamp(current - page);
  }
}

/** Keep a selection by key across a new list: its new index, or a clamped fallback. */
export function reselect<T>(items: readonly T[], key: (t: T) => string, selected: string | null, previousIndex: number): number {
  if (items.length === 0) return -1;
  if (selected !== null) {
    const i = items.findIndex((t) => key(t) === selected);
    if (i >= 0) return i;
  }
  if (previousIndex < 0) return -1;
  return Math.min(previousIndex, items.length - 1);
}

/** DOM id of a product row, for aria-activedescendant. */
export function optionId(handle: string): string {
  return `product-option-${handle.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
