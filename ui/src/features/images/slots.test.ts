import { describe, expect, it } from 'vitest';
import type { ImagePreview, RenderNote, SlotPreview } from '../../ipc/types';
import { findingLevel, formatBytes, laterProgress, orderNotes, slotLevel, slotRefs, stepSlot } from './slots';

const msg = (code: string) => ({ code, args: {}, message: code });
const note = (handle: string, codes: string[], error = false): RenderNote => ({
  handle,
  position: 1,
  slot: 'main',
  label: 'Main image',
  findings: codes.map(msg),
  error: error ? { code: 'corrupt', message: 'bad', args: {} } : null,
});

describe('image finding levels', () => {
  it('over the byte cap is an error, sliced is news, the rest are warnings', () => {
    expect(findingLevel('over-byte-cap')).toBe('error');
    expect(findingLevel('sliced')).toBe('info');
    for (const c of ['source-too-small', 'quality-reduced', 'under-min-bytes', 'not-trimmed', 'background-not-plain', 'colour-profile-ignored', 'new-code'])
      expect(findingLevel(c)).toBe('warning');
  });

  it('a slot takes its worst', () => {
    const s = (codes: string[], error = false): Pick<SlotPreview, 'error' | 'findings'> => ({
      findings: codes.map(msg),
      error: error ? { code: 'corrupt', message: '', args: {} } : null,
    });
    expect(slotLevel(s([]))).toBeNull();
    expect(slotLevel(s(['sliced']))).toBe('info');
    expect(slotLevel(s(['sliced', 'not-trimmed']))).toBe('warning');
    expect(slotLevel(s(['not-trimmed', 'over-byte-cap']))).toBe('error');
    expect(slotLevel(s([], true))).toBe('error');
  });
});

describe('formatBytes', () => {
  it('writes KB under a megabyte and MB above, 1024-based like the caps', () => {
    expect(formatBytes(307200, 'en-US')).toBe('300 KB');
    expect(formatBytes(269_312, 'en-US')).toBe('263 KB');
    expect(formatBytes(12, 'en-US')).toBe('1 KB');
    expect(formatBytes(3145728, 'en-US')).toBe('3 MB');
    expect(formatBytes(1_300_000, 'en-US')).toBe('1.2 MB');
  });
});

describe('laterProgress', () => {
  it('keeps the snapshot with more photos done', () => {
    const p = (done: number) => ({ done, total: 9, rendered: done, cached: 0, failed: 0 });
    expect(laterProgress(null, p(0))).toEqual(p(0));
    expect(laterProgress(p(3), p(2))).toEqual(p(3));
    expect(laterProgress(p(3), p(4))).toEqual(p(4));
  });
});

describe('orderNotes', () => {
  it('puts failures first, then error-level findings, keeping catalog order otherwise', () => {
    const notes = [note('a', ['sliced']), note('b', ['not-trimmed']), note('c', [], true), note('d', ['over-byte-cap']), note('e', ['background-not-plain'])];
    const { errors, findings } = orderNotes(notes);
    expect(errors.map((n) => n.handle)).toEqual(['c']);
    expect(findings.map((n) => n.handle)).toEqual(['d', 'b', 'e', 'a']);
  });
});

describe('moving between slot images', () => {
  const preview = (id: number, slots: number): ImagePreview => ({
    id,
    position: id,
    src: '',
    original: null,
    source_width: null,
    source_height: null,
    error: null,
    slots: Array.from({ length: slots }, (_, i) => ({
      slot: `s${i}`,
      label: '',
      width: 1,
      height: 1,
      parts: 1,
      bytes: 1,
      max_bytes: 1,
      quality: null,
      thumbnail: null,
      findings: [],
      error: null,
    })),
  });

  it('goes photo by photo, skips photos without slots, and stops at the ends', () => {
    const refs = slotRefs([preview(1, 2), preview(2, 0), preview(3, 1)]);
    expect(refs).toEqual([
      { photo: 0, slot: 0 },
      { photo: 0, slot: 1 },
      { photo: 2, slot: 0 },
    ]);
    expect(stepSlot(refs, { photo: 0, slot: 1 }, 1)).toEqual({ photo: 2, slot: 0 });
    expect(stepSlot(refs, { photo: 2, slot: 0 }, 1)).toEqual({ photo: 2, slot: 0 });
    expect(stepSlot(refs, { photo: 0, slot: 0 }, -1)).toEqual({ photo: 0, slot: 0 });
  });
});
