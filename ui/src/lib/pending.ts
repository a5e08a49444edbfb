// Everything that may hold unsaved work registers a flush here, so the app can
// save it before switching product, exporting or leaving.

type Flusher = () => Promise<boolean>;
const flushers = new Set<Flusher>();

export function registerFlush(fn: Flusher): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

/** Save all pending work; true when everything saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((f) => f().catch(() => false)));
  return results.every(Boolean);
}
