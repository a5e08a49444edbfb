// The review screen's keys (issue 11). Which action a key press asks for; whether it may
// fire while typing is the screen's decision (J/K/E/Ctrl+Z not in a text box).

export type ReviewKey = 'approve' | 'reject' | 'next' | 'prev' | 'edit' | 'undo' | 'escape';

export function reviewKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, mac = false): ReviewKey | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (e.key === 'Escape') return 'escape';
  if (e.key === 'Enter' && mod && !e.altKey) return e.shiftKey ? 'reject' : 'approve';
  if (e.altKey && !mod && !e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) return e.key === 'ArrowDown' ? 'next' : 'prev';
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') return 'undo';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'J':
      return 'next';
    case 'k':
    case 'K':
      return 'prev';
    case 'e':
    case 'E':
      return 'edit';
    default:
      return null;
  }
}
