import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, debounce, type SaveState } from './autosave';

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
    expect(states).toEqual(['pending', 'pending', 'saving', 'saved']);
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
