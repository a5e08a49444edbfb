import { describe, expect, it } from 'vitest';
import { charLength, charToUtf16, estimateGbkUnits, excerpt, segments, truncate, utf16ToChar } from './text';

describe('char offsets', () => {
  it('counts code points, not UTF-16 units', () => {
    expect('🍒'.length).toBe(2);
    expect(charLength('🍒')).toBe(1);
    expect(charLength('樱桃🍒cherry')).toBe(9);
  });

  it('converts char offsets to UTF-16 indexes and back', () => {
    const s = 'a🍒樱桃😀b';
    // chars: a 🍒 樱 桃 😀 b
    expect(charToUtf16(s, 0)).toBe(0);
    expect(charToUtf16(s, 1)).toBe(1);
    expect(charToUtf16(s, 2)).toBe(3);
    expect(charToUtf16(s, 4)).toBe(5);
    expect(charToUtf16(s, 5)).toBe(7);
    expect(charToUtf16(s, 99)).toBe(s.length);
    for (let c = 0; c <= 6; c++) expect(utf16ToChar(s, charToUtf16(s, c))).toBe(c);
  });
});

describe('segments', () => {
  it('highlights by char offsets past emoji and CJK', () => {
    const text = '🍒🍒最好的樱桃';
    // "最好" is chars 2..4, although it starts at UTF-16 index 4
    const segs = segments(text, [{ start: 2, end: 4, severity: 'error' }]);
    expect(segs.map((s) => [s.text, s.severity])).toEqual([
      ['🍒🍒', null],
      ['最好', 'error'],
      ['的樱桃', null],
    ]);
    expect(segs[1].start).toBe(2);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('handles an emoji inside the marked span', () => {
    const segs = segments('新鲜🍒樱桃', [{ start: 2, end: 3, severity: 'warning' }]);
    expect(segs.find((s) => s.severity)?.text).toBe('🍒');
  });

  it('splits overlapping spans and takes the worst severity', () => {
    const segs = segments('abcdef', [
      { start: 1, end: 4, severity: 'warning' },
      { start: 3, end: 5, severity: 'error' },
    ]);
    expect(segs.map((s) => [s.text, s.severity, s.marks])).toEqual([
      ['a', null, []],
      ['bc', 'warning', [0]],
      ['d', 'error', [0, 1]],
      ['e', 'error', [1]],
      ['f', null, []],
    ]);
  });

  it('clamps out-of-range spans and ignores empty ones', () => {
    expect(segments('樱桃', [{ start: 1, end: 50, severity: 'error' }]).map((s) => s.text)).toEqual(['樱', '桃']);
    expect(segments('樱桃', [{ start: 1, end: 1, severity: 'error' }])).toEqual([{ text: '樱桃', start: 0, marks: [], severity: null }]);
    expect(segments('', [{ start: 0, end: 3, severity: 'error' }])).toEqual([]);
  });
});

describe('excerpt', () => {
  it('cuts around the match by characters', () => {
    const text = '一二三四五六七八九十🍒甲乙丙丁戊己庚辛壬癸';
    const x = excerpt(text, 10, 11, 3);
    expect(x).toEqual({ before: '八九十', match: '🍒', after: '甲乙丙', cutBefore: true, cutAfter: true });
  });
  it('does not mark cuts at the ends', () => {
    const x = excerpt('最好', 0, 2, 5);
    expect(x.cutBefore).toBe(false);
    expect(x.cutAfter).toBe(false);
    expect(x.match).toBe('最好');
  });
});

describe('estimateGbkUnits', () => {
  it('counts ASCII as 1 and Chinese as 2', () => {
    expect(estimateGbkUnits('abc')).toBe(3);
    expect(estimateGbkUnits('樱桃 2lb')).toBe(8);
  });
});

describe('truncate', () => {
  it('cuts by characters', () => {
    expect(truncate('🍒🍒🍒🍒', 3)).toBe('🍒🍒…');
    expect(truncate('樱桃', 5)).toBe('樱桃');
  });
});
