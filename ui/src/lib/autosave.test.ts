import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createAutosave, debounce, type SaveState } from './autosave';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createAutosave', () => {
  it('saves once, the last value, after the delay', async () => {
    const saved: string[] = [];
    const states: SaveState[] = [];
    const a = createAutosave<string>(async (v) => void saved.push(v), { delay: 400, onState: (s) => states.push(s) });
    a.schedule('樱');
    await vi.advanceTimersByTimeAsync(200);
    a.schedule('樱桃');
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['樱桃']);
    expect(a.state).toBe('saved');
    expect(states).toEqual(['pending', 'saving', 'saved']);
  });

  it('flush saves the last keystroke at once, and only once', async () => {
    const save = vi.fn(async () => {});
    const a = createAutosave<string>(save, { delay: 400 });
    a.schedule('a');
    a.schedule('ab');
    expect(await a.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith('ab');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(a.busy).toBe(false);
  });

  it('keeps saves in order and waits for the one in flight', async () => {
    const calls: { v: string; d: ReturnType<typeof deferred> }[] = [];
    const a = createAutosave<string>(
      (v) => {
        const d = deferred();
        calls.push({ v, d });
        return d.promise;
      },
      { delay: 100 },
    );
    a.schedule('one');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.v)).toEqual(['one']);
    expect(a.state).toBe('saving');

    // Typed while "one" is being saved: must wait, then go out.
    a.schedule('two');
    const flushed = a.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.v)).toEqual(['one']);
    calls[0].d.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.v)).toEqual(['one', 'two']);
    calls[1].d.resolve();
    expect(await flushed).toBe(true);
    expect(a.state).toBe('saved');
  });

  it('keeps the text after a failed save and retries it on flush', async () => {
    let fail = true;
    const saved: string[] = [];
    const errors: unknown[] = [];
    const a = createAutosave<string>(
      async (v) => {
        if (fail) throw { code: 'io', message: 'disk full', args: {} };
        saved.push(v);
      },
      { delay: 400, onState: (s, e) => s === 'error' && errors.push(e) },
    );
    a.schedule('最后一个字');
    expect(await a.flush()).toBe(false);
    expect(a.state).toBe('error');
    expect(a.busy).toBe(true);
    expect(errors).toHaveLength(1);
    fail = false;
    expect(await a.flush()).toBe(true);
    expect(saved).toEqual(['最后一个字']);
    expect(a.state).toBe('saved');
  });

  it('a newer value typed during a failing save wins over the failed one', async () => {
    const d = deferred();
    const saved: string[] = [];
    let first = true;
    const a = createAutosave<string>(
      async (v) => {
        if (first) {
          first = false;
          await d.promise;
          return;
        }
        saved.push(v);
      },
      { delay: 10 },
    );
    a.schedule('old');
    await vi.advanceTimersByTimeAsync(10);
    a.schedule('new');
    d.reject(new Error('nope'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await a.flush()).toBe(true);
    expect(saved).toEqual(['new']);
  });

  it('flush with nothing pending resolves true without saving', async () => {
    const save = vi.fn(async () => {});
    const a = createAutosave<string>(save, { delay: 10 });
    expect(await a.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    expect(a.state).toBe('idle');
  });

  it('cancel forgets an unsaved value', async () => {
    const save = vi.fn(async () => {});
    const a = createAutosave<string>(save, { delay: 10 });
    a.schedule('x');
    a.cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('retrying a failed save', () => {
  const diskFull = { code: 'catalog-query', message: 'database or disk is full', args: {} };
  const conflict = { code: 'copy-conflict', message: 'changed elsewhere', args: { theirs: '他们的' } };

  /** A save that fails while `fail` is true, logging when each attempt came (ms since start). */
  function flaky(start = Date.now()) {
    const o = {
      fail: true as boolean | typeof conflict,
      attempts: [] as number[],
      saved: [] as string[],
      save: async (v: string) => {
        o.attempts.push(Date.now() - start);
        if (o.fail === true) throw diskFull;
        if (o.fail) throw o.fail;
        o.saved.push(v);
      },
    };
    return o;
  }

  it('waits 1 s, 2 s, 4 s… between retries, at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('retries by itself with backoff until a save succeeds, keeping the reason meanwhile', async () => {
    const f = flaky();
    const states: [SaveState, unknown][] = [];
    const a = createAutosave<string>(f.save, { delay: 400, onState: (s, e) => states.push([s, e]) });
    a.schedule('樱桃礼盒');
    await vi.advanceTimersByTimeAsync(400);
    expect(f.attempts).toEqual([400]);
    expect(a.state).toBe('error');
    expect(a.error).toEqual(diskFull);
    expect(a.retryIn).toBe(1000);
    expect(a.busy).toBe(true);

    // 1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s.
    await vi.advanceTimersByTimeAsync(999);
    expect(f.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(2000 + 4000 + 8000 + 16000 + 30000 + 30000);
    const gaps = f.attempts.slice(1).map((t, i) => t - f.attempts[i]);
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(f.saved).toEqual([]);
    // While a retry is in flight the reason is still known.
    expect(states.filter(([s]) => s === 'error').every(([, e]) => e === diskFull)).toBe(true);

    f.fail = false;
    await vi.advanceTimersByTimeAsync(30000);
    expect(f.saved).toEqual(['樱桃礼盒']);
    expect(a.state).toBe('saved');
    expect(a.error).toBeUndefined();
    expect(a.retryIn).toBeNull();
    expect(a.busy).toBe(false);
    // Nothing more is sent once saved.
    await vi.advanceTimersByTimeAsync(120000);
    expect(f.attempts).toHaveLength(9);
  });

  it('starts the backoff over after a success', async () => {
    const f = flaky();
    const a = createAutosave<string>(f.save, { delay: 100 });
    a.schedule('一');
    await vi.advanceTimersByTimeAsync(100 + 1000 + 2000);
    expect(a.retryIn).toBe(4000);
    f.fail = false;
    expect(await a.flush()).toBe(true);
    f.fail = true;
    a.schedule('二');
    await vi.advanceTimersByTimeAsync(100);
    expect(a.retryIn).toBe(1000);
  });

  it('a keystroke while failing saves the newest text after the usual delay, still showing the failure', async () => {
    const f = flaky();
    const a = createAutosave<string>(f.save, { delay: 400 });
    a.schedule('旧');
    await vi.advanceTimersByTimeAsync(400);
    expect(a.state).toBe('error');
    f.fail = false;
    a.schedule('新');
    expect(a.state).toBe('error');
    await vi.advanceTimersByTimeAsync(400);
    expect(f.saved).toEqual(['新']);
    expect(a.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(60000);
    expect(f.saved).toEqual(['新']);
  });

  it('flush tries at once, and a failed flush pushes the next automatic retry further out', async () => {
    const f = flaky();
    const a = createAutosave<string>(f.save, { delay: 400 });
    a.schedule('x');
    await vi.advanceTimersByTimeAsync(400);
    expect(await a.flush()).toBe(false);
    expect(f.attempts).toEqual([400, 400]);
    expect(a.retryIn).toBe(2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(f.attempts).toEqual([400, 400, 2400]);
  });

  it('does not retry by itself what cannot succeed, but a flush still tries', async () => {
    const f = flaky();
    const a = createAutosave<string>(f.save, { delay: 10, retryable: () => false });
    a.schedule('x');
    await vi.advanceTimersByTimeAsync(60000);
    expect(f.attempts).toHaveLength(1);
    expect(a.retryIn).toBeNull();
    expect(a.state).toBe('error');
    f.fail = false;
    expect(await a.flush()).toBe(true);
    expect(f.saved).toEqual(['x']);
  });

  it('a conflict is held, never retried or overwritten, until resumed or cancelled', async () => {
    const f = flaky();
    f.fail = conflict;
    const states: SaveState[] = [];
    const a = createAutosave<string>(f.save, {
      delay: 400,
      isConflict: (e) => (e as { code: string }).code === 'copy-conflict',
      onState: (s) => states.push(s),
    });
    a.schedule('我的');
    await vi.advanceTimersByTimeAsync(400);
    expect(a.state).toBe('conflict');
    expect(a.error).toEqual(conflict);
    expect(a.retryIn).toBeNull();
    // Typing on, waiting, flushing: nothing is sent.
    a.schedule('我的新字');
    await vi.advanceTimersByTimeAsync(120000);
    expect(await a.flush()).toBe(false);
    expect(f.attempts).toEqual([400]);
    expect(a.busy).toBe(true);

    // Resumed (the caller now bases the save on their text): the newest text goes out.
    f.fail = false;
    expect(await a.resume()).toBe(true);
    expect(f.saved).toEqual(['我的新字']);
    expect(a.state).toBe('saved');
    expect(states).toEqual(['pending', 'saving', 'conflict', 'saving', 'saved']);

    // Cancelled (taking their text): dropped, nothing sent.
    f.fail = conflict;
    a.schedule('又一个');
    await vi.advanceTimersByTimeAsync(400);
    expect(a.state).toBe('conflict');
    a.cancel();
    expect(a.state).toBe('saved');
    expect(a.busy).toBe(false);
    expect(await a.flush()).toBe(true);
    await vi.advanceTimersByTimeAsync(60000);
    expect(f.attempts).toHaveLength(3);
  });

  it('flushes waiting on the same failing save make one attempt, not one each', async () => {
    const f = flaky();
    const d = deferred();
    let first = true;
    const a = createAutosave<string>(
      async (v) => {
        if (first) {
          first = false;
          await d.promise;
        }
        return f.save(v);
      },
      { delay: 10 },
    );
    a.schedule('x');
    await vi.advanceTimersByTimeAsync(10);
    const both = Promise.all([a.flush(), a.flush()]);
    d.resolve();
    expect(await both).toEqual([false, false]);
    expect(f.attempts).toHaveLength(1);
  });
});

describe('debounce', () => {
  it('calls once with the last arguments', async () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d('a');
    d('ab');
    await vi.advanceTimersByTimeAsync(149);
    expect(fn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledExactlyOnceWith('ab');
    d('x');
    d.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
