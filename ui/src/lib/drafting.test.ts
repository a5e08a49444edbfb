// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { chineseSpans, descriptionSegments, englishSpans, lineAt, lineBudgets, pieces, segmentAt } from './drafting';
import { replaceChars } from './textedit';

describe('description segments', () => {
  it('cuts paragraphs at blank lines and list items at their markers, as the translation memory does', () => {
    const text = '第一段，\n还是第一段。\n\n- 第一条\n• 第二条\n\n1. 第三条\n最后一段';
    expect(descriptionSegments(text).map((s) => s.text)).toEqual(['第一段，\n还是第一段。', '第一条', '第二条', '第三条', '最后一段']);
    const second = text.indexOf('第二条');
    expect(segmentAt(text, second + 1)!.index).toBe(2);
    expect(segmentAt('', 0)).toBeNull();
  });

  it('finds the caret line of selling points and the units of each', () => {
    expect(lineAt('产地：美国\n品名：车厘子', 7)).toMatchObject({ index: 1, text: '品名：车厘子' });
    expect(lineBudgets('产地：美国\nABC').map((l) => l.units)).toEqual([10, 3]);
  });
});

describe('glossary spans', () => {
  const terms = [{ en: 'Cherries', zh: '车厘子' }, { en: 'Rainier Cherries', zh: '雷尼尔车厘子' }, { en: 'US', zh: '美国' }];

  it('marks whole English words, longest first, and a term in capitals only in capitals', () => {
    const text = 'Rainier cherries for us, cherries from the US; Cherriesque';
    const spans = englishSpans(text, terms);
    expect(spans.map((s) => [text.slice(s.start, s.end), terms[s.term].zh])).toEqual([
      ['Rainier cherries', '雷尼尔车厘子'],
      ['cherries', '车厘子'],
      ['US', '美国'],
    ]);
  });

  it('marks approved Chinese in characters, and cuts text into marked pieces', () => {
    const text = '🍒美国雷尼尔车厘子';
    const spans = chineseSpans(text, terms);
    expect(spans).toEqual([
      { start: 1, end: 3, term: 2 },
      { start: 3, end: 9, term: 1 },
    ]);
    expect(pieces(text, spans)).toEqual([
      { text: '🍒', term: null },
      { text: '美国', term: 2 },
      { text: '雷尼尔车厘子', term: 1 },
    ]);
  });
});

describe('replaceChars', () => {
  it('replaces by character offsets past characters outside the BMP, and tells the box it changed', () => {
    const el = document.createElement('textarea');
    document.body.append(el);
    el.value = '🍒车厘子 16 oz';
    let inputs = 0;
    el.addEventListener('input', () => inputs++);
    expect(replaceChars(el, 5, 10, '454克')).toBe('🍒车厘子 454克');
    expect(inputs).toBe(1);
    expect(el.selectionStart).toBe('🍒车厘子 454克'.length);
    el.remove();
  });
});
