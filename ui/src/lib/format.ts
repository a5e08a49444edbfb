// Small formatting helpers.

export function formatUsd(cents: number | null, locale: string): string {
  if (cents === null || cents === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
}

export function formatNumber(n: number, locale: string, maxFraction = 4): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction }).format(n);
}

export function formatGrams(g: number | null, locale: string): string {
  if (g === null || g === undefined) return '—';
  return `${new Intl.NumberFormat(locale).format(g)} g`;
}

export function formatDateTime(rfc3339: string, locale: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Today as YYYY-MM-DD in local time. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A rate typed by the user: a finite number > 0, or null. Accepts a decimal comma. */
export function parseRate(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && n > 0 ? n : null;
}
