import { describe, expect, it } from 'vitest';
import { wordDiff, words } from './worddiff';

const render = (old: string, nu: string) => wordDiff(old, nu).map((p) => (p.kind === 'same' ? p.text : p.kind === 'add' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('');

describe('wordDiff', () => {
  it('marks the words added to a title', () => {
    // docs/review.md: the test catalog's changed title.
    expect(render('Yellow Wool Jumper', 'Mustard Yellow Wool Jumper')).toBe('{+Mustard+} Yellow Wool Jumper');
  });

  it('marks whole words, not letters', () => {
    expect(render('Rainier Cherries Gift Box — Fresh from Washington', 'Rainier Cherries Gift Box, 2 lb — Fresh from Oregon')).toBe(
      'Rainier Cherries Gift[- Box-]{+ Box, 2 lb+} — Fresh from[- Washington-]{+ Oregon+}',
    );
  });

  it('gives back both texts whole from its parts', () => {
    const old = 'Line-caught in Bristol Bay.\nSkin-on portions, 6–8 oz each.';
    const nu = 'Hook-and-line caught in Bristol Bay.\nSkin-on, pin-bone-out portions, 8 oz each.';
    const parts = wordDiff(old, nu);
    expect(parts.filter((p) => p.kind !== 'add').map((p) => p.text).join('').replace(/\s+/g, ' ')).toBe(old.replace(/\s+/g, ' '));
    expect(parts.filter((p) => p.kind !== 'del').map((p) => p.text).join('')).toBe(nu);
  });

  it('splits Chinese into characters, as it has no spaces', () => {
    expect(words('雷尼尔车厘子 gift')).toEqual(['雷', '尼', '尔', '车', '厘', '子', ' gift']);
    expect(render('黄樱桃礼盒', '车厘子礼盒')).toBe('[-黄樱桃-]{+车厘子+}礼盒');
  });

  it('has no parts for two empty texts, and one for a text from nothing', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'Fresh')).toEqual([{ kind: 'add', text: 'Fresh' }]);
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
  });
});
