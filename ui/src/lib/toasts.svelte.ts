// Toasts: errors stay until dismissed, notices fade by themselves.
import type { AppError } from '../ipc/types';
import { toAppError } from '../ipc/commands';
import type { Unsaved } from './pending';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  /** for errors: rendered from code + args at display time, so it follows the language */
  error?: AppError;
  /** for notices: a UI message id and args */
  text?: { id: string; args?: Record<string, string | number> };
  /** what could not be saved, listed under the text */
  unsaved?: Unsaved[];
  /** a button beside the text (a UI message id), such as Undo; the toast goes when it is pressed */
  action?: { id: string; run: () => void };
}

export const toasts = $state<Toast[]>([]);
let next = 1;

export function showError(e: unknown): void {
  const error = toAppError(e);
  // Don't stack the same error twice.
  if (toasts.some((t) => t.kind === 'error' && t.error?.code === error.code && t.error?.message === error.message)) return;
  toasts.push({ id: next++, kind: 'error', error });
}

export function showInfo(id: string, args?: Record<string, string | number>, ms = 4000): void {
  const toast: Toast = { id: next++, kind: 'info', text: { id, args } };
  toasts.push(toast);
  setTimeout(() => dismiss(toast.id), ms);
}

/** A notice with a button (Undo) that stays a while longer than a plain notice. */
export function showAction(id: string, args: Record<string, string | number>, action: { id: string; run: () => void }, ms = 12000): void {
  const toast: Toast = { id: next++, kind: 'info', text: { id, args }, action };
  toasts.push(toast);
  setTimeout(() => dismiss(toast.id), ms);
}

/** An error notice (UI message `id`) listing what could not be saved; replaces the previous one. */
export function showUnsaved(id: string, unsaved: Unsaved[]): void {
  const i = toasts.findIndex((t) => t.kind === 'error' && t.text?.id === id);
  if (i >= 0) toasts.splice(i, 1);
  toasts.push({ id: next++, kind: 'error', text: { id }, unsaved });
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
