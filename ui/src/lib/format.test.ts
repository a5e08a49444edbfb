import { describe, expect, it } from 'vitest';
import { formatGrams, formatUsd, isIsoDate, parseRate, today } from './format';
import { shortcutFor, shortcutLabel } from './shortcuts';

describe('format', () => {
  it('parses rates', () => {
    expect(parseRate('7.1')).toBe(7.1);
    expect(parseRate(' 7,25 ')).toBe(7.25);
    expect(parseRate('.5')).toBe(0.5);
    expect(parseRate('0')).toBeNull();
    expect(parseRate('-3')).toBeNull();
    expect(parseRate('7.1.2')).toBeNull();
    expect(parseRate('abc')).toBeNull();
    expect(parseRate('')).toBeNull();
  });
  it('checks dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(today(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
  it('formats money and weight', () => {
    expect(formatUsd(4900, 'en-US')).toBe('$49.00');
    expect(formatUsd(null, 'en-US')).toBe('—');
    expect(formatGrams(2268, 'en-US')).toBe('2,268 g');
  });
});

describe('shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('maps Ctrl+K/I/E off macOS and Cmd on macOS', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), false)).toBe('search');
    expect(shortcutFor(key('I', { ctrlKey: true }), false)).toBe('import');
    expect(shortcutFor(key('e', { metaKey: true }), true)).toBe('export');
    expect(shortcutFor(key('e', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('k'), false)).toBeNull();
    expect(shortcutFor(key('k', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });
  it('labels shortcuts', () => {
    expect(shortcutLabel('k', false)).toBe('Ctrl+K');
    expect(shortcutLabel('k', true)).toBe('⌘K');
  });
});
