import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCloseGuard, type CloseState } from './closing';
import type { Unsaved } from './pending';

const locked: Unsaved = { what: 'ui-copy-title-label', handle: 'cherries', error: { code: 'catalog-query', message: 'database is locked', args: {} } };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(results: Unsaved[][]) {
  const log: string[] = [];
  const states: CloseState['phase'][] = [];
  const guard = createCloseGuard({
    save: async () => {
      log.push('save');
      await new Promise((r) => setTimeout(r, 50));
      return results.shift() ?? [];
    },
    destroy: async () => void log.push('destroy'),
    onChange: (s) => states.push(s.phase),
  });
  return { guard, log, states };
}

describe('closing the window', () => {
  it('saves everything first, then destroys the window', async () => {
    const { guard, log, states } = setup([[]]);
    const done = guard.request();
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['save']);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(log).toEqual(['save', 'destroy']);
    expect(states).toEqual(['saving', 'closing']);
  });

  it('a second close request while saving joins the first: one save, one destroy', async () => {
    const { guard, log } = setup([[]]);
    const a = guard.request();
    const b = guard.request();
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all([a, b]);
    expect(log).toEqual(['save', 'destroy']);
  });

  it('stays open when something is not saved, and says what and why', async () => {
    const { guard, log } = setup([[locked]]);
    await Promise.all([guard.request(), vi.advanceTimersByTimeAsync(100)]);
    expect(log).toEqual(['save']);
    expect(guard.state).toEqual({ phase: 'failed', unsaved: [locked], error: null });
  });

  it('closing again tries again, and closes once all is saved', async () => {
    const { guard, log } = setup([[locked], [locked], []]);
    await Promise.all([guard.request(), vi.advanceTimersByTimeAsync(100)]);
    await Promise.all([guard.request(), vi.advanceTimersByTimeAsync(100)]);
    expect(log).toEqual(['save', 'save']);
    expect(guard.state.phase).toBe('failed');
    await Promise.all([guard.request(), vi.advanceTimersByTimeAsync(100)]);
    expect(log).toEqual(['save', 'save', 'save', 'destroy']);
  });

  it('"Close without saving" closes; "Keep editing" leaves the window as it was', async () => {
    const a = setup([[locked]]);
    await Promise.all([a.guard.request(), vi.advanceTimersByTimeAsync(100)]);
    a.guard.stay();
    expect(a.guard.state).toEqual({ phase: 'open', unsaved: [], error: null });
    expect(a.log).toEqual(['save']);

    const b = setup([[locked]]);
    await Promise.all([b.guard.request(), vi.advanceTimersByTimeAsync(100)]);
    await b.guard.closeAnyway();
    expect(b.log).toEqual(['save', 'destroy']);
  });

  it('a window that will not close says why', async () => {
    const guard = createCloseGuard({
      save: async () => [],
      destroy: async () => {
        throw { code: 'internal', message: 'window.destroy not allowed', args: {} };
      },
    });
    await guard.request();
    expect(guard.state.phase).toBe('failed');
    expect(guard.state.error?.message).toBe('window.destroy not allowed');
  });
});
