import { describe, expect, it } from 'vitest';
import { buildBundles, chain, messageIds, renderCoded, sourcesByLocale, tryFormat } from './fluent';

const files = {
  '../../../assets/locales/en/copy.ftl': `
finding-banned-term = “{ $term }” is banned: { $reason } ({ $law }).
finding-only-en = Only in English
`,
  '../../../assets/locales/zh-CN/copy.ftl': `
finding-banned-term = 禁用词“{ $term }”：{ $reason_zh }（{ $law }）。
`,
  '../../../assets/locales/en/errors.ftl': `
error-no-rate = Set an exchange rate first.
`,
  '../../../assets/locales/en/ui.ftl': `
ui-count = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
`,
};

const bundles = buildBundles(files);
const finding = {
  code: 'banned-term',
  args: { term: '最好', reason: 'absolute claim', reason_zh: '绝对化用语', law: '广告法第九条' },
  message: 'from rust',
};

describe('sourcesByLocale', () => {
  it('groups files by their language folder', () => {
    const m = sourcesByLocale(files);
    expect([...m.keys()].sort()).toEqual(['en', 'zh-CN']);
    expect(m.get('en')!.map((f) => f.file)).toEqual(['copy.ftl', 'errors.ftl', 'ui.ftl']);
  });
});

describe('renderCoded', () => {
  it('renders a finding from its code and args, per language', () => {
    expect(renderCoded(bundles, chain('en'), ['finding-'], finding)).toBe('“最好” is banned: absolute claim (广告法第九条).');
    expect(renderCoded(bundles, chain('zh-CN'), ['finding-'], finding)).toBe('禁用词“最好”：绝对化用语（广告法第九条）。');
  });

  it('falls back to English when the language lacks the id', () => {
    expect(renderCoded(bundles, chain('zh-CN'), ['finding-'], { code: 'only-en', args: {}, message: 'x' })).toBe('Only in English');
  });

  it('falls back to the message sent when no file has the id', () => {
    expect(renderCoded(bundles, chain('zh-CN'), ['finding-'], { code: 'brand-new', args: {}, message: 'Rust says so' })).toBe('Rust says so');
  });

  it('falls back to the message when an argument is missing', () => {
    expect(renderCoded(bundles, chain('en'), ['finding-'], { code: 'banned-term', args: { term: 'x' }, message: 'Rust message' })).toBe(
      'Rust message',
    );
  });

  it('tries prefixes in order and ends with the code', () => {
    expect(renderCoded(bundles, chain('en'), ['finding-', 'error-'], { code: 'no-rate', args: {}, message: '' })).toBe(
      'Set an exchange rate first.',
    );
    expect(renderCoded(bundles, chain('en'), ['error-'], { code: 'mystery', args: {}, message: '' })).toBe('mystery');
    expect(renderCoded(bundles, chain('en'), ['error-'], { code: 'mystery', args: null, message: null })).toBe('mystery');
  });
});

describe('tryFormat', () => {
  it('selects plurals with numbers', () => {
    expect(tryFormat(bundles, ['en'], 'ui-count', { count: 1 })).toBe('1 product');
    expect(tryFormat(bundles, ['en'], 'ui-count', { count: 3 })).toBe('3 products');
  });
  it('returns null for unknown ids', () => {
    expect(tryFormat(bundles, chain('zh-CN'), 'ui-nope')).toBeNull();
  });
  it('does not wrap arguments in bidi isolation marks', () => {
    expect(tryFormat(bundles, ['en'], 'ui-count', { count: 2 })).not.toMatch(/[\u2068\u2069]/);
  });
});

describe('messageIds', () => {
  it('lists message ids, not terms', () => {
    expect(messageIds('-brand = Kuajing\na = { -brand }\nb = B\n')).toEqual(['a', 'b']);
  });
});
