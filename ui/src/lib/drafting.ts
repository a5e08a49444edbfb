// Pure helpers of the drafting screens: which paragraph the caret is in, where glossary terms
// sit in English, the units of each selling-point line.
import type { CopyField } from '../ipc/types';
import { chars, estimateGbkUnits } from './text';

/** Title-like fields are one line and take a suggestion in place of their text. */
export const isOneLine = (field: CopyField): boolean => field === 'title' || field === 'short_title';

export interface TextSegment {
  /** which segment of the text, from 0 */
  index: number;
  /** character (code point) offsets, end exclusive */
  start: number;
  end: number;
  text: string;
}

const MARKER = /^\s*(?:[-*][ \t\u3000]|[•·●○■□◆◇▪►▶★☆✓✔√\u2460-\u2473]|\d{1,3}[.)][ \t\u3000]|\d{1,3}[、．）])\s*/u;

/**
 * The segments of a description as the translation memory cuts it (kuajing-tm `segments`):
 * paragraphs end at a blank line, and each list item (a line starting with a bullet or a
 * number) is one, without its marker.
 */
export function descriptionSegments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let open: { start: number; end: number } | null = null;
  const cs = chars(text);
  const close = () => {
    if (open) out.push({ index: out.length, start: open.start, end: open.end, text: cs.slice(open.start, open.end).join('') });
    open = null;
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const len = chars(line).length;
    const lead = chars(line).length - chars(line.trimStart()).length;
    const trail = chars(line).length - chars(line.trimEnd()).length;
    const start = at + lead;
    const end = at + len - trail;
    if (start >= end) close();
    else {
      const m = line.match(MARKER);
      if (m) {
        close();
        const s = at + chars(m[0]).length;
        if (s < end) open = { start: s, end };
        close();
      } else if (open) open.end = end;
      else open = { start, end };
    }
    at += len + 1;
  }
  close();
  return out;
}

/** The description segment the caret (a character offset) is in, or the last one before it. */
export function segmentAt(text: string, caret: number): TextSegment | null {
  let found: TextSegment | null = null;
  for (const s of descriptionSegments(text)) {
    if (s.start <= caret) found = s;
    else break;
  }
  return found;
}

/** The line the caret is in: its text and offsets (selling points are glossed one at a time). */
export function lineAt(text: string, caret: number): TextSegment {
  let at = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const len = chars(lines[i]).length;
    if (caret <= at + len || i === lines.length - 1) return { index: i, start: at, end: at + len, text: lines[i] };
    at += len + 1;
  }
  return { index: 0, start: 0, end: 0, text: '' };
}

export interface LineBudget {
  text: string;
  units: number;
}

/** Each line of a multi-line field with its GBK units (an estimate, as the counter's is). */
export function lineBudgets(text: string): LineBudget[] {
  return text.split('\n').map((line) => ({ text: line, units: estimateGbkUnits(line) }));
}

export interface TermSpan {
  start: number;
  end: number;
  /** index into the terms given */
  term: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the given glossary terms occur in English (character offsets): whole words, any case
 * except for a term in capitals (`US`), longest first and never overlapping, as
 * kuajing-draft's `find_en` matches them.
 */
export function englishSpans(text: string, terms: readonly { en: string }[]): TermSpan[] {
  const taken = new Set<number>();
  const spans: TermSpan[] = [];
  const order = terms.map((t, i) => ({ t, i })).sort((a, b) => b.t.en.length - a.t.en.length);
  for (const { t, i } of order) {
    if (!t.en.trim()) continue;
    const acronym = /[A-Z]/.test(t.en) && !/[a-z]/.test(t.en);
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(t.en)}(?![\\p{L}\\p{N}])`, acronym ? 'gu' : 'giu');
    for (const m of text.matchAll(re)) {
      const start = chars(text.slice(0, m.index)).length;
      const end = start + chars(m[0]).length;
      let free = true;
      for (let k = start; k < end && free; k++) free = !taken.has(k);
      if (!free) continue;
      for (let k = start; k < end; k++) taken.add(k);
      spans.push({ start, end, term: i });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Where approved Chinese terms occur in Chinese text (character offsets, longest first). */
export function chineseSpans(text: string, terms: readonly { zh: string }[]): TermSpan[] {
  const taken = new Set<number>();
  const spans: TermSpan[] = [];
  const order = terms.map((t, i) => ({ t, i })).sort((a, b) => chars(b.t.zh).length - chars(a.t.zh).length);
  for (const { t, i } of order) {
    if (!t.zh) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(t.zh, from);
      if (at < 0) break;
      from = at + t.zh.length;
      const start = chars(text.slice(0, at)).length;
      const end = start + chars(t.zh).length;
      let free = true;
      for (let k = start; k < end && free; k++) free = !taken.has(k);
      if (!free) continue;
      for (let k = start; k < end; k++) taken.add(k);
      spans.push({ start, end, term: i });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface Piece {
  text: string;
  /** the span's term, or null for plain text */
  term: number | null;
}

/** Text cut at the spans (character offsets), for marking them. */
export function pieces(text: string, spans: readonly TermSpan[]): Piece[] {
  const cs = chars(text);
  const out: Piece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > cs.length) continue;
    if (s.start > at) out.push({ text: cs.slice(at, s.start).join(''), term: null });
    out.push({ text: cs.slice(s.start, s.end).join(''), term: s.term });
    at = s.end;
  }
  if (at < cs.length) out.push({ text: cs.slice(at).join(''), term: null });
  return out;
}
