// Text helpers that work in code points (what the Rust side calls characters),
// never in UTF-16 units: "🍒" is one character here, two UTF-16 units in JS.
import type { Severity } from '../ipc/types';

export function chars(text: string): string[] {
  return Array.from(text);
}

export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** UTF-16 index of the given code-point offset (clamped), e.g. for setSelectionRange. */
export function charToUtf16(text: string, charOffset: number): number {
  if (charOffset <= 0) return 0;
  let i = 0;
  let n = 0;
  for (const c of text) {
    if (n >= charOffset) break;
    i += c.length;
    n++;
  }
  return i;
}

/** Code-point offset of the given UTF-16 index. */
export function utf16ToChar(text: string, index: number): number {
  return charLength(text.slice(0, Math.max(0, index)));
}

/** A rough GBK unit count (ASCII 1, anything else 2), shown until the real check answers. */
export function estimateGbkUnits(text: string): number {
  let n = 0;
  for (const c of text) n += c.codePointAt(0)! < 0x80 ? 1 : 2;
  return n;
}

export interface Span {
  start: number;
  end: number;
  severity: Severity;
}

export interface Segment {
  text: string;
  /** char offset of the segment in the whole text */
  start: number;
  /** indexes into the spans given, of those covering this segment */
  marks: number[];
  /** the worst severity among them, or null when unmarked */
  severity: Severity | null;
}

/**
 * Split text into segments at every span boundary (char offsets), so each
 * segment is covered by a fixed set of spans. Out-of-range offsets are clamped;
 * empty or inverted spans are ignored.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const cs = chars(text);
  const len = cs.length;
  const clamp = (n: number) => Math.max(0, Math.min(len, Math.floor(n)));
  const valid = spans
    .map((s, i) => ({ i, start: clamp(s.start), end: clamp(s.end), severity: s.severity }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, len]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (b <= a) continue;
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    const severity: Severity | null = covering.length === 0 ? null : covering.some((s) => s.severity === 'error') ? 'error' : 'warning';
    const seg: Segment = { text: cs.slice(a, b).join(''), start: a, marks: covering.map((s) => s.i), severity };
    const prev = out[out.length - 1];
    // Merge neighbours with the same marks so the output stays small.
    if (prev && sameMarks(prev.marks, seg.marks)) prev.text += seg.text;
    else out.push(seg);
  }
  return out;
}

function sameMarks(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
  /** text was cut before / after */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The span [start, end) of text with up to `context` characters either side. */
export function excerpt(text: string, start: number, end: number, context = 16): Excerpt {
  const cs = chars(text);
  const len = cs.length;
  const a = Math.max(0, Math.min(len, start));
  const b = Math.max(a, Math.min(len, end));
  const from = Math.max(0, a - context);
  const to = Math.min(len, b + context);
  return {
    before: cs.slice(from, a).join('').replace(/\s+/g, ' '),
    match: cs.slice(a, b).join(''),
    after: cs.slice(b, to).join('').replace(/\s+/g, ' '),
    cutBefore: from > 0,
    cutAfter: to < len,
  };
}

/** Shorten to at most `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const cs = chars(text);
  return cs.length <= max ? text : cs.slice(0, Math.max(0, max - 1)).join('') + '…';
}
