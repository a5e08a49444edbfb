// The app's language: reactive state plus t() and render helpers over Fluent.
import { buildBundles, chain, renderCoded, tryFormat, tryFormatAttr, type Args, type CodedLike, type Locale, LOCALES } from './fluent';

// Every assets/locales/<lang>/*.ftl: ui.ftl (ours) and copy/import/errors.ftl (the Rust side's).
const files = import.meta.glob('../../../assets/locales/*/*.ftl', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const bundles = buildBundles(files);
if (bundles.problems.length && import.meta.env.DEV) console.warn('Fluent:', bundles.problems);

const STORAGE_KEY = 'kuajing.locale';

export function detectLocale(stored: string | null, languages: readonly string[]): Locale {
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const l of languages) {
    if (/^zh(-|$)/i.test(l)) return 'zh-CN';
    if (/^en(-|$)/i.test(l)) return 'en';
  }
  return 'en';
}

function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  const langs = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  return detectLocale(stored, langs);
}

export const i18n = $state<{ locale: Locale }>({ locale: initialLocale() });

function applyDocumentLang(l: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh-CN' ? 'zh-Hans' : 'en';
}
applyDocumentLang(i18n.locale);

export function setLocale(l: Locale): void {
  i18n.locale = l;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  } catch {
    /* storage may be unavailable */
  }
  applyDocumentLang(l);
}

/** A UI string. Falls back to English, then to the id itself. */
export function t(id: string, args?: Args): string {
  return tryFormat(bundles, chain(i18n.locale), id, args) ?? id;
}

export function tAttr(id: string, attr: string, args?: Args): string {
  return tryFormatAttr(bundles, chain(i18n.locale), id, attr, args) ?? id;
}

/** A copy finding (copy.ftl: finding-<code>). */
export const renderFinding = (f: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['finding-'], f);
/** An import problem (import.ftl: import-<code>). */
export const renderProblem = (p: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['import-', 'error-'], p);
/** An error (errors.ftl: error-<code>). */
export const renderError = (e: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['error-'], e);
/**
 * The Rust message to show beneath a rendered error as its detail (it names the
 * file, row or field), or null when the rendering already is that message.
 */
export function errorDetail(e: CodedLike): string | null {
  const shown = renderError(e);
  return e.message && e.message !== shown ? e.message : null;
}
/** Why an export skipped a product (export.ftl: export-<code>). */
export const renderReason = (r: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['export-', 'error-', 'finding-'], r);
/** A finding on a rendered image (errors.ftl: image-<code>). */
export const renderImageFinding = (f: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['image-', 'import-', 'error-'], f);
/** An image's error. */
export const renderImageError = (e: CodedLike) => renderCoded(bundles, chain(i18n.locale), ['error-', 'import-', 'image-'], e);

/** BCP 47 tag for Intl formatting. */
export function intlLocale(): string {
  return i18n.locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}
