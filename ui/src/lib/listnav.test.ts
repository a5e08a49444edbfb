import { describe, expect, it } from 'vitest';
import { isNavKey, moveSelection, optionId, reselect, rowsInView, scrollToShow } from './listnav';

describe('moveSelection', () => {
  it('moves down and up and stops at the ends', () => {
    expect(moveSelection(0, 'ArrowDown', 3)).toBe(1);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(2);
    expect(moveSelection(1, 'ArrowUp', 3)).toBe(0);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(0);
  });
  it('starts from nothing selected', () => {
    expect(moveSelection(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(-1, 'ArrowUp', 3)).toBe(2);
  });
  it('jumps with Home, End and pages', () => {
    expect(moveSelection(5, 'Home', 20)).toBe(0);
    expect(moveSelection(5, 'End', 20)).toBe(19);
    expect(moveSelection(5, 'PageDown', 20, 10)).toBe(15);
    expect(moveSelection(15, 'PageDown', 20, 10)).toBe(19);
    expect(moveSelection(5, 'PageUp', 20, 10)).toBe(0);
  });
  it('has nothing to select in an empty list', () => {
    expect(moveSelection(0, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('isNavKey', () => {
  it('knows the keys', () => {
    expect(isNavKey('ArrowDown')).toBe(true);
    expect(isNavKey('Enter')).toBe(false);
  });
});

describe('reselect', () => {
  it('follows the selected item to where it is now', () => {
    expect(reselect(2, 40, 300, true)).toBe(2);
    expect(reselect(250, 7, 300, false)).toBe(250);
  });
  it('stays in place on a refresh of the same search, clamped to the list', () => {
    expect(reselect(-1, 7, 300, true)).toBe(7);
    expect(reselect(-1, 420, 300, true)).toBe(299);
  });
  it('goes to the first row for a new search, and to none in an empty list', () => {
    expect(reselect(-1, 7, 300, false)).toBe(0);
    expect(reselect(-1, -1, 3, true)).toBe(0);
    expect(reselect(-1, 3, 0, true)).toBe(-1);
  });
});

describe('rowsInView and scrollToShow', () => {
  it('draws the rows in view and some to spare, within the list', () => {
    expect(rowsInView(0, 680, 68, 4, 20000, 5)).toEqual({ first: 0, last: 15 });
    expect(rowsInView(68 * 1000 + 4, 680, 68, 4, 20000, 5)).toEqual({ first: 995, last: 1015 });
    expect(rowsInView(68 * 20000, 680, 68, 4, 20000, 5)).toEqual({ first: 19994, last: 19999 });
    expect(rowsInView(0, 680, 68, 4, 3, 5)).toEqual({ first: 0, last: 2 });
    expect(rowsInView(0, 680, 68, 4, 0, 5)).toEqual({ first: 0, last: -1 });
  });
  it('scrolls only as far as shows the row', () => {
    // In view: no scroll.
    expect(scrollToShow(3, 68, 4, 0, 680)).toBe(0);
    // Below the view: its bottom edge at the view's bottom.
    expect(scrollToShow(19999, 68, 4, 0, 680)).toBe(4 + 20000 * 68 - 680);
    // Above it: its top at the view's top (the first row with the list's padding).
    expect(scrollToShow(10, 68, 4, 5000, 680)).toBe(684);
    expect(scrollToShow(0, 68, 4, 5000, 680)).toBe(0);
  });
});

describe('optionId', () => {
  it('makes a safe DOM id', () => {
    expect(optionId('dry roasted/hazelnuts')).toBe('product-option-dry_roasted_hazelnuts');
  });
});
