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

/**
 * The selection once the list was fetched again: where the selected item is now (`found`: its
 * index, -1 when it is not among the rows fetched); else, for the same search fetched again
 * (after an import), the same place clamped to the list; else the first row. -1 for an empty list.
 */
export function reselect(found: number, previous: number, total: number, sameSearch: boolean): number {
  if (total <= 0) return -1;
  if (found >= 0) return found;
  if (sameSearch && previous >= 0) return Math.min(previous, total - 1);
  return 0;
}

/**
 * The scroll position that shows row `index` of height `row` (rows start `pad` px down) in a
 * view `height` px tall scrolled to `top`: `top` itself when the row is in view already.
 */
export function scrollToShow(index: number, row: number, pad: number, top: number, height: number): number {
  const rowTop = pad + index * row;
  if (rowTop < top) return index === 0 ? 0 : rowTop;
  if (rowTop + row > top + height) return rowTop + row - height;
  return top;
}

/** The rows to draw for a view scrolled to `top`, `height` px tall: those in view and `spare` each side. */
export function rowsInView(top: number, height: number, row: number, pad: number, total: number, spare: number): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.min(total - 1, Math.floor((top - pad) / row) - spare));
  const last = Math.max(first, Math.min(total - 1, Math.ceil((top - pad + height) / row) + spare));
  return { first, last };
}

/** DOM id of a product row, for aria-activedescendant. */
export function optionId(handle: string): string {
  return `product-option-${handle.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
