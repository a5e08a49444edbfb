// Changes to a text box made for the merchant (a draft, a suggestion, a one-click fix) that
// Ctrl+Z undoes like typing. `document.execCommand('insertText')` is the one way a script can
// put text into the browser's own undo history of a textarea (WebKit, Chromium and Firefox all
// keep it); where it is missing (jsdom) the text is set directly and an `input` event sent, so
// the box's listeners (autosave, checks) run the same either way.
import { charToUtf16, utf16ToChar } from './text';

/**
 * Replaces UTF-16 `start..end` of the box's value with `replacement`, as if typed: the caret
 * ends after it. Returns the new value.
 */
export function replaceRange(el: HTMLTextAreaElement, start: number, end: number, replacement: string): string {
  const before = el.value;
  const a = Math.max(0, Math.min(before.length, start));
  const b = Math.max(a, Math.min(before.length, end));
  const expected = before.slice(0, a) + replacement + before.slice(b);
  if (expected === before) return before;
  el.focus();
  el.setSelectionRange(a, b);
  let done = false;
  try {
    // An empty insertText is not a deletion everywhere: delete the selection instead.
    done = typeof document.execCommand === 'function' && document.execCommand(replacement ? 'insertText' : 'delete', false, replacement);
  } catch {
    done = false;
  }
  if (!done) {
    el.setRangeText(replacement, a, b, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (el.value !== expected) {
    // The editing command did something else (a browser's smart spacing): say what was meant.
    el.value = expected;
    el.setSelectionRange(a + replacement.length, a + replacement.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return el.value;
}

/** Replaces characters (code points) `start..end` of the box's text, as the Rust side counts them. */
export function replaceChars(el: HTMLTextAreaElement, start: number, end: number, replacement: string): string {
  const text = el.value;
  return replaceRange(el, charToUtf16(text, start), charToUtf16(text, end), replacement);
}

/** Replaces the whole text (a draft, a title from the translation memory). */
export function replaceAll(el: HTMLTextAreaElement, value: string): string {
  return replaceRange(el, 0, el.value.length, value);
}

/** Puts `value` in place of the selection (or at the caret). */
export function insertAtCaret(el: HTMLTextAreaElement, value: string): string {
  return replaceRange(el, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, value);
}

/** The caret's position in characters (code points). */
export function caretChar(el: HTMLTextAreaElement): number {
  return utf16ToChar(el.value, el.selectionStart ?? 0);
}
