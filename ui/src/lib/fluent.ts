// Pure Fluent plumbing: bundles from .ftl sources, formatting with fallbacks.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export type Args = Record<string, FluentVariable>;

/** Group `{ '<anything>/<lang>/<file>.ftl': source }` by language. */
export function sourcesByLocale(files: Record<string, string>): Map<string, { file: string; source: string }[]> {
  const out = new Map<string, { file: string; source: string }[]>();
  for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const m = /([^/\\]+)[/\\]([^/\\]+\.ftl)$/.exec(path);
    if (!m) continue;
    const [, lang, file] = m;
    if (!out.has(lang)) out.set(lang, []);
    out.get(lang)!.push({ file, source });
  }
  return out;
}

export interface Bundles {
  get(locale: string): FluentBundle | undefined;
  /** parse problems, for the console */
  problems: string[];
}

export function buildBundles(files: Record<string, string>): Bundles {
  const map = new Map<string, FluentBundle>();
  const problems: string[] = [];
  for (const [lang, list] of sourcesByLocale(files)) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    for (const { file, source } of list) {
      const res = new FluentResource(source);
      const errs = bundle.addResource(res, { allowOverrides: false });
      for (const e of errs) problems.push(`${lang}/${file}: ${e.message}`);
    }
    map.set(lang, bundle);
  }
  return { get: (l) => map.get(l), problems };
}

/** The message ids a source defines (messages only, not -terms). */
export function messageIds(source: string): string[] {
  const res = new FluentResource(source);
  return res.body.map((m) => m.id).filter((id) => !id.startsWith('-'));
}

/** The languages to try for a locale: itself, then English. */
export function chain(locale: string): string[] {
  return locale === 'en' ? ['en'] : [locale, 'en'];
}

/**
 * Format message `id` in the first bundle of the chain that has it. Returns
 * null when no bundle has it, or when formatting hit errors (e.g. a missing
 * argument) in every bundle that has it.
 */
export function tryFormat(bundles: Bundles, locales: string[], id: string, args?: Args): string | null {
  for (const l of locales) {
    const b = bundles.get(l);
    if (!b) continue;
    const msg = b.getMessage(id);
    if (!msg?.value) continue;
    const errors: Error[] = [];
    const out = b.formatPattern(msg.value, args, errors);
    if (errors.length === 0) return out;
  }
  return null;
}

/** Format an attribute `id.attr`. */
export function tryFormatAttr(bundles: Bundles, locales: string[], id: string, attr: string, args?: Args): string | null {
  for (const l of locales) {
    const b = bundles.get(l);
    const p = b?.getMessage(id)?.attributes[attr];
    if (!b || !p) continue;
    const errors: Error[] = [];
    const out = b.formatPattern(p, args, errors);
    if (errors.length === 0) return out;
  }
  return null;
}

export interface CodedLike {
  code: string;
  args?: Record<string, string> | null;
  message?: string | null;
}

/**
 * Render something the Rust side sent with a code: the first of
 * `<prefix><code>` that formats, else the message it sent, else the code.
 */
export function renderCoded(bundles: Bundles, locales: string[], prefixes: readonly string[], item: CodedLike): string {
  const args: Args = { ...(item.args ?? {}) };
  for (const p of prefixes) {
    const out = tryFormat(bundles, locales, `${p}${item.code}`, args);
    if (out !== null) return out;
  }
  if (item.message) return item.message;
  return item.code;
}
