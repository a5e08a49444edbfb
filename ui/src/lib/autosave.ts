// Debounced autosave that never drops the last value: saves run one at a time, in order, and
// flush() waits for everything typed so far to be saved.
//
// A failed save keeps its value. It is retried by itself after 1 s, 2 s, 4 s… (at most 30 s
// apart) until one succeeds; a keystroke, a blur or flush() tries at once. A conflict (someone
// else saved in between) is not retried: the value is held until the caller resolves it with
// resume() (save it anyway) or cancel() (drop it), so nothing is overwritten behind anyone's back.

/**
 * - `pending`: a value waits for the delay; `saving`: a save is in flight;
 * - `error`: the last save failed and will be retried (the value is kept);
 * - `conflict`: the last save was refused as a conflict; nothing is saved until resolved.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** The waits between automatic retries: `first`, doubled after each failure, at most `max`. */
export interface Backoff {
  first: number;
  max: number;
}

export const DEFAULT_BACKOFF: Backoff = { first: 1000, max: 30_000 };

/** The wait before retry number `failures` (1 after the first failure). */
export function backoffDelay(failures: number, b: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(b.max, b.first * 2 ** Math.max(0, failures - 1));
}

export interface AutosaveOptions {
  delay: number;
  /** Every state change; `error` is the failure while in `error` or `conflict` (else undefined). */
  onState?: (state: SaveState, error?: unknown) => void;
  timers?: Timers;
  backoff?: Backoff;
  /** A failure only a person can resolve: held, never retried (default: none). */
  isConflict?: (e: unknown) => boolean;
  /** A failure worth retrying by itself (default: all); the others wait for a new value or flush(). */
  retryable?: (e: unknown) => boolean;
}

export interface Autosave<T> {
  /** Remember a new value; it is saved `delay` ms after the last call (held during a conflict). */
  schedule(value: T): void;
  /** Save now whatever is waiting (and wait for a save in flight). Resolves true when all is saved. */
  flush(): Promise<boolean>;
  /** After a conflict: save the waiting value again (its caller has updated what it is based on). */
  resume(): Promise<boolean>;
  /** Forget a value not yet saved (and a conflict). */
  cancel(): void;
  readonly state: SaveState;
  /** Why the last save failed, until one succeeds (also while a retry is in flight). */
  readonly error: unknown;
  /** a value is waiting, held or being saved */
  readonly busy: boolean;
  /** The wait before the automatic retry that is armed, in ms, or null. */
  readonly retryIn: number | null;
}

export function createAutosave<T>(save: (value: T) => Promise<unknown>, opts: AutosaveOptions): Autosave<T> {
  const timers = opts.timers ?? realTimers;
  const backoff = opts.backoff ?? DEFAULT_BACKOFF;
  const isConflict = opts.isConflict ?? (() => false);
  const retryable = opts.retryable ?? (() => true);
  let timer: unknown = null;
  let retryTimer: unknown = null;
  let retryIn: number | null = null;
  let hasPending = false;
  let pending: T | undefined;
  let inflight: Promise<void> | null = null;
  let state: SaveState = 'idle';
  let error: unknown = undefined;
  let failures = 0;
  let held = false;

  const setState = (s: SaveState) => {
    state = s;
    opts.onState?.(s, s === 'error' || s === 'conflict' ? error : undefined);
  };

  const clearTimers = () => {
    if (timer !== null) timers.clearTimeout(timer);
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    timer = retryTimer = null;
    retryIn = null;
  };

  const armRetry = () => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryIn = backoffDelay(failures, backoff);
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      retryIn = null;
      void flush();
    }, retryIn);
  };

  const startOne = (): Promise<void> => {
    const value = pending as T;
    hasPending = false;
    pending = undefined;
    const p = (async () => {
      // Start once `inflight` is set, so every state below is seen with the save in flight.
      await null;
      try {
        await save(value);
        inflight = null;
        failures = 0;
        error = undefined;
        setState(hasPending ? 'pending' : 'saved');
      } catch (e) {
        inflight = null;
        error = e;
        // Keep the value, unless a newer one was typed meanwhile (that one wins).
        if (!hasPending) {
          pending = value;
          hasPending = true;
        }
        if (isConflict(e)) {
          held = true;
          clearTimers();
          setState('conflict');
        } else {
          failures++;
          if (retryable(e)) armRetry();
          setState('error');
        }
      }
    })();
    inflight = p;
    setState('saving');
    return p;
  };

  const flush = async (): Promise<boolean> => {
    if (!held) clearTimers();
    if (inflight) {
      while (inflight) await inflight;
      // That save was ours to wait for: if it failed, so did this flush (its retry is armed).
      if (error !== undefined) return false;
    }
    while (hasPending && !held) {
      clearTimers();
      await startOne();
      while (inflight) await inflight;
      if (error !== undefined) return false;
    }
    return !held && !hasPending;
  };

  return {
    schedule(value: T) {
      pending = value;
      hasPending = true;
      if (held) return;
      if (timer !== null) timers.clearTimeout(timer);
      // A failed save stays "error" until one succeeds: the reason stays on screen.
      if (state === 'idle' || state === 'saved') setState('pending');
      timer = timers.setTimeout(() => {
        timer = null;
        void flush();
      }, opts.delay);
    },
    flush,
    resume() {
      held = false;
      return flush();
    },
    cancel() {
      clearTimers();
      hasPending = false;
      pending = undefined;
      held = false;
      failures = 0;
      error = undefined;
      if (!inflight) setState(state === 'idle' ? 'idle' : 'saved');
    },
    get state() {
      return state;
    },
    get error() {
      return error;
    },
    get busy() {
      return hasPending || inflight !== null;
    },
    get retryIn() {
      return retryIn;
    },
  };
}

/** A plain trailing debounce. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, timers: Timers = realTimers) {
  let id: unknown = null;
  const d = (...args: A) => {
    if (id !== null) timers.clearTimeout(id);
    id = timers.setTimeout(() => {
      id = null;
      fn(...args);
    }, ms);
  };
  d.cancel = () => {
    if (id !== null) timers.clearTimeout(id);
    id = null;
  };
  return d;
}
