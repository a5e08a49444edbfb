// Debounced autosave that never drops the last value: saves run one at a
// time, in order, and flush() waits for everything typed so far to be saved.

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface AutosaveOptions {
  delay: number;
  onState?: (state: SaveState, error?: unknown) => void;
  timers?: Timers;
}

export interface Autosave<T> {
  /** Remember a new value; it is saved `delay` ms after the last call. */
  schedule(value: T): void;
  /** Save now whatever is waiting (and wait for a save in flight). Resolves true when all is saved. */
  flush(): Promise<boolean>;
  /** Forget a value not yet saved. */
  cancel(): void;
  readonly state: SaveState;
  /** a value is waiting or being saved */
  readonly busy: boolean;
}

export function createAutosave<T>(save: (value: T) => Promise<unknown>, opts: AutosaveOptions): Autosave<T> {
  const timers = opts.timers ?? realTimers;
  let timer: unknown = null;
  let hasPending = false;
  let pending: T | undefined;
  let inflight: Promise<void> | null = null;
  let state: SaveState = 'idle';
  let lastOk = true;

  const setState = (s: SaveState, err?: unknown) => {
    state = s;
    opts.onState?.(s, err);
  };

  const clearTimer = () => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
  };

  const startOne = (): Promise<void> => {
    const value = pending as T;
    hasPending = false;
    pending = undefined;
    setState('saving');
    const p = (async () => {
      try {
        await save(value);
        lastOk = true;
        inflight = null;
        setState(hasPending ? 'pending' : 'saved');
      } catch (e) {
        lastOk = false;
        inflight = null;
        // Keep the text so a later flush or keystroke retries it.
        if (!hasPending) {
          pending = value;
          hasPending = true;
        }
        setState('error', e);
      }
    })();
    inflight = p;
    return p;
  };

  const flush = async (): Promise<boolean> => {
    clearTimer();
    while (inflight) await inflight;
    if (!hasPending) return lastOk;
    await startOne();
    return lastOk;
  };

  return {
    schedule(value: T) {
      pending = value;
      hasPending = true;
      clearTimer();
      if (state !== 'saving') setState('pending');
      timer = timers.setTimeout(() => {
        timer = null;
        void flush();
      }, opts.delay);
    },
    flush,
    cancel() {
      clearTimer();
      hasPending = false;
      pending = undefined;
      if (!inflight) setState(lastOk ? (state === 'idle' ? 'idle' : 'saved') : 'idle');
    },
    get state() {
      return state;
    },
    get busy() {
      return hasPending || inflight !== null;
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
