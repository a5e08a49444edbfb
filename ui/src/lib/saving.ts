// How the editors' autosaves treat a failed save, by the error's code.
import { toAppError } from '../ipc/commands';

/** Someone else saved in between: only the merchant can choose which text to keep. */
export const isConflict = (e: unknown): boolean => toAppError(e).code === 'copy-conflict';

/** Codes that say the request itself is wrong: sending it again cannot help. */
const HOPELESS = new Set(['bad-field', 'bad-hs-code', 'no-product', 'unknown-marketplace', 'bad-shipped-data']);

/** Worth retrying by itself (a busy or full disk, a locked catalog…). */
export const retryable = (e: unknown): boolean => !HOPELESS.has(toAppError(e).code);
