// Everything that may hold unsaved work registers a flush here, so the app can save it before
// switching product, exporting or closing the window, and say what could not be saved.
import type { AppError } from '../ipc/types';
import { toAppError } from '../ipc/commands';

/** Work that is still not saved after a flush. */
export interface Unsaved {
  /** A ui.ftl id naming the field (e.g. ui-copy-title-label). */
  what: string;
  /** The product it belongs to. */
  handle: string;
  /** Why: the last save's error (a copy-conflict waits for the merchant to choose). */
  error: AppError;
}

/** Saves what it holds; resolves with what is still not saved (empty: all saved). */
export type Flusher = () => Promise<Unsaved[]>;
const flushers = new Set<Flusher>();

export function registerFlush(fn: Flusher): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

/** Save all pending work; resolves with what could not be saved (empty when all is saved). */
export async function saveAll(): Promise<Unsaved[]> {
  const results = await Promise.all(
    [...flushers].map((f) =>
      f().catch((e): Unsaved[] => [{ what: 'ui-unsaved-something', handle: '', error: toAppError(e) }]),
    ),
  );
  return results.flat();
}

/** Save all pending work; true when everything is saved. */
export async function flushAll(): Promise<boolean> {
  return (await saveAll()).length === 0;
}

/** An Unsaved entry for an autosave's failure (a generic one when there is no error yet). */
export function unsaved(what: string, handle: string, error: unknown): Unsaved {
  return {
    what,
    handle,
    error: error === undefined ? { code: 'unexpected', message: '', args: {} } : toAppError(error),
  };
}
