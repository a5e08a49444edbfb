// The real ui.ftl files: both languages define the same messages with the
// same variables, they parse cleanly, and every id the code uses exists.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentResource } from '@fluent/bundle';
import { buildBundles, messageIds } from './fluent';

const root = new URL('../../../assets/locales/', import.meta.url).pathname;
// The UI's own messages: ui.ftl, drafting-ui.ftl for the drafting screens, review-ui.ftl for review.
const read = (lang: string) => ['ui.ftl', 'drafting-ui.ftl', 'review-ui.ftl'].map((f) => readFileSync(join(root, lang, f), 'utf8')).join('\n');
const en = read('en');
const zh = read('zh-CN');

/** Variables ($name) a message uses, by id. */
function variables(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const res = new FluentResource(source);
  for (const m of res.body) {
    const vars = new Set<string>();
    const walk = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (o.type === 'var' && typeof o.name === 'string') vars.add(o.name);
        Object.values(o).forEach(walk);
      }
    };
    walk(m);
    out.set(m.id, [...vars].sort());
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(svelte|ts)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('ui.ftl', () => {
  it('has the same ids in English and Chinese', () => {
    const a = messageIds(en).sort();
    const b = messageIds(zh).sort();
    expect(b.filter((id) => !a.includes(id))).toEqual([]);
    expect(a.filter((id) => !b.includes(id))).toEqual([]);
    expect(a.length).toBeGreaterThan(100);
  });

  it('uses the same variables in both languages', () => {
    const a = variables(en);
    const b = variables(zh);
    for (const [id, vars] of a) expect({ id, vars: b.get(id) }).toEqual({ id, vars });
  });

  it('parses without errors and has no duplicate ids', () => {
    const { problems } = buildBundles({ 'x/en/ui.ftl': en, 'x/zh-CN/ui.ftl': zh });
    expect(problems).toEqual([]);
    for (const src of [en, zh]) {
      const ids = messageIds(src);
      expect(new Set(ids).size).toBe(ids.length);
      // Junk entries (syntax errors) would be missing from the ids.
      expect(src.match(/^[a-z][a-z0-9-]* =/gm)!.length).toBe(ids.length);
    }
  });

  it('only defines ui-* ids, leaving finding-/import-/error- to the other files', () => {
    // Except the errors the app itself returns (src-tauri, not a crate): a second drafting batch.
    const own = ['error-draft-running'];
    expect(messageIds(en).filter((id) => !id.startsWith('ui-') && !own.includes(id))).toEqual([]);
  });

  it('defines every id the code asks for', () => {
    const ids = new Set(messageIds(en));
    const used = new Set<string>();
    for (const f of sourceFiles(new URL('..', import.meta.url).pathname)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`](ui-[a-z0-9-]+)['"`]/g)) used.add(m[1]);
    }
    // Ids built at run time.
    for (const s of ['import', 'edit', 'cli', 'sample', 'draft']) used.add(`ui-source-${s}`);
    for (const f of ['title', 'short-title', 'selling-points', 'description', 'product', 'brand-en', 'brand-zh', 'origin', 'hs-code']) used.add(`ui-field-${f}`);
    for (const k of ['glossary', 'template', 'units', 'tm', 'mt']) used.add(`ui-draft-source-${k}`);
    for (const s of ['draft', 'translated', 'reviewed', 'approved', 'rejected']) used.add(`ui-review-state-${s}`);
    expect([...used].filter((id) => !ids.has(id))).toEqual([]);
  });
});
