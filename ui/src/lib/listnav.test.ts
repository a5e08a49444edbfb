import { describe, expect, it } from 'vitest';
import { isNavKey, moveSelection, optionId, reselect } from './listnav';

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
  const items = [{ h: 'a' }, { h: 'b' }, { h: 'c' }];
  it('follows the selected item to its new index', () => {
    expect(reselect(items, (x) => x.h, 'c', 0)).toBe(2);
  });
  it('clamps when the item is gone', () => {
    expect(reselect(items, (x) => x.h, 'zz', 7)).toBe(2);
    expect(reselect(items, (x) => x.h, null, -1)).toBe(-1);
    expect(reselect([], (x: { h: string }) => x.h, 'a', 1)).toBe(-1);
  });
});

describe('optionId', () => {
  it('makes a safe DOM id', () => {
    expect(optionId('dry roasted/hazelnuts')).toBe('product-option-dry_roasted_hazelnuts');
  });
});
