// Closing the window without losing typed text. The window's close request (its close button,
// Alt+F4, the window manager, close() from the window API) is held; everything pending is saved;
// then the window is destroyed. When something cannot be saved, the window stays open and says
// what and why, and the merchant chooses: try again, keep editing, or close without saving.
import type { AppError } from '../ipc/types';
import { toAppError } from '../ipc/commands';
import type { Unsaved } from './pending';

export type ClosePhase = 'open' | 'saving' | 'failed' | 'closing';

export interface CloseState {
  phase: ClosePhase;
  /** What could not be saved (phase `failed`). */
  unsaved: Unsaved[];
  /** Destroying the window itself failed. */
  error: AppError | null;
}

export interface CloseGuard {
  /** A close request: save everything, then close. A request while saving joins that one. */
  request(): Promise<void>;
  /** The merchant chose to close although something is not saved. */
  closeAnyway(): Promise<void>;
  /** The merchant chose to keep editing. */
  stay(): void;
  readonly state: CloseState;
}

export function createCloseGuard(deps: {
  /** Saves everything pending; resolves with what is still not saved. */
  save: () => Promise<Unsaved[]>;
  /** Closes the window for good (no further close request). */
  destroy: () => Promise<void>;
  onChange?: (s: CloseState) => void;
}): CloseGuard {
  let state: CloseState = { phase: 'open', unsaved: [], error: null };
  let running: Promise<void> | null = null;
  const set = (s: Partial<CloseState>) => {
    state = { ...state, ...s };
    deps.onChange?.(state);
  };

  const destroy = async () => {
    set({ phase: 'closing', error: null });
    try {
      await deps.destroy();
    } catch (e) {
      set({ phase: 'failed', error: toAppError(e) });
    }
  };

  const attempt = async () => {
    set({ phase: 'saving', error: null });
    let unsaved: Unsaved[];
    try {
      unsaved = await deps.save();
    } catch (e) {
      unsaved = [{ what: 'ui-unsaved-something', handle: '', error: toAppError(e) }];
    }
    if (unsaved.length === 0) await destroy();
    else set({ phase: 'failed', unsaved });
  };

  return {
    request() {
      // Pressing close again while saving must not start a second save or close early.
      if (!running) running = attempt().finally(() => (running = null));
      return running;
    },
    closeAnyway: destroy,
    stay() {
      if (state.phase === 'failed') set({ phase: 'open', unsaved: [], error: null });
    },
    get state() {
      return state;
    },
  };
}

/** The part of Tauri's window API the guard uses (tests pass their own). */
export interface ClosableWindow {
  onCloseRequested(handler: (event: { preventDefault(): void }) => void | Promise<void>): Promise<() => void>;
  destroy(): Promise<void>;
}
