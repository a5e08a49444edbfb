// Pure helpers for the image screens: how a finding looks, sizes in KB, the order of a
// batch's notes, and moving through a product's slot images.
import type { ImagePreview, Message, RenderNote, RenderProgress, SlotPreview } from '../../ipc/types';

export type Level = 'error' | 'warning' | 'info';

/** Over the byte cap the marketplace refuses the file; "sliced" is only news; the rest want a look. */
export function findingLevel(code: string): Level {
  if (code === 'over-byte-cap') return 'error';
  if (code === 'sliced') return 'info';
  return 'warning';
}

/** The worst level of a slot image: its error, else its worst finding, else null. */
export function slotLevel(s: Pick<SlotPreview, 'error' | 'findings'>): Level | null {
  if (s.error) return 'error';
  const levels = s.findings.map((f) => findingLevel(f.code));
  if (levels.includes('error')) return 'error';
  if (levels.includes('warning')) return 'warning';
  return levels.length ? 'info' : null;
}

/** Bytes as the marketplaces write their caps: KB under 1 MB (1024-based), else MB. */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

/** Counts only grow: a snapshot sent from a slower worker thread may arrive after a newer one. */
export function laterProgress(have: RenderProgress | null, got: RenderProgress): RenderProgress {
  if (!have) return got;
  return got.done >= have.done ? got : have;
}

/** A batch's notes: failures first, then error-level findings, then the rest, in catalog order. */
export function orderNotes(notes: RenderNote[]): { errors: RenderNote[]; findings: RenderNote[] } {
  const errors = notes.filter((n) => n.error);
  const rank = (n: RenderNote) => (n.findings.some((f: Message) => findingLevel(f.code) === 'error') ? 0 : n.findings.some((f) => findingLevel(f.code) === 'warning') ? 1 : 2);
  const findings = notes
    .filter((n) => !n.error)
    .map((n, i) => ({ n, i }))
    .sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i)
    .map(({ n }) => n);
  return { errors, findings };
}

/** Where a slot image is in a product: its photo's index and its own. */
export interface SlotRef {
  photo: number;
  slot: number;
}

/** Every slot image of a product in reading order (photo by photo, slot by slot). */
export function slotRefs(previews: ImagePreview[]): SlotRef[] {
  return previews.flatMap((p, photo) => p.slots.map((_, slot) => ({ photo, slot })));
}

/** The slot image `step` away from `at` (arrow keys), staying at the ends. */
export function stepSlot(refs: SlotRef[], at: SlotRef, step: number): SlotRef {
  const i = refs.findIndex((r) => r.photo === at.photo && r.slot === at.slot);
  if (i < 0) return refs[0] ?? at;
  return refs[Math.min(refs.length - 1, Math.max(0, i + step))];
}
