// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { htmlToBlocks, htmlToText } from './html';

describe('htmlToBlocks', () => {
  it('turns Shopify HTML into paragraphs, headings and list items', () => {
    const html = '<h2>Fresh</h2><p>Hand-picked <strong>Rainier</strong> cherries.</p><ul><li>Sweet</li><li>Cold-packed</li></ul>';
    expect(htmlToBlocks(html)).toEqual([
      { kind: 'h', text: 'Fresh' },
      { kind: 'p', text: 'Hand-picked Rainier cherries.' },
      { kind: 'li', text: 'Sweet' },
      { kind: 'li', text: 'Cold-packed' },
    ]);
  });

  it('drops scripts, styles and event handlers: nothing but text comes out', () => {
    const html = '<p onclick="x()">Hi<script>alert(1)</script><style>p{}</style><img src=x onerror="alert(2)"></p>';
    expect(htmlToBlocks(html)).toEqual([{ kind: 'p', text: 'Hi' }]);
  });

  it('splits on <br> and decodes entities', () => {
    expect(htmlToText('Line one<br>Line &amp; two')).toBe('Line one\n\nLine & two');
  });

  it('keeps plain text lines', () => {
    expect(htmlToBlocks('First line\n\nSecond line')).toEqual([
      { kind: 'p', text: 'First line' },
      { kind: 'p', text: 'Second line' },
    ]);
    expect(htmlToBlocks('  ')).toEqual([]);
  });

  it('joins table cells', () => {
    expect(htmlToText('<table><tr><td>Weight</td><td>2 lb</td></tr></table>')).toBe('Weight · 2 lb');
  });
});
