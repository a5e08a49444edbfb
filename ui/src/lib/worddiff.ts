// A word-level diff, for the English under a stale translation (issue 11): what the
// translation was made from against the English now.

export interface DiffPart {
  kind: 'same' | 'del' | 'add';
  text: string;
}

/** Words with the spaces before them kept; a CJK character is a word of its own (no spaces). */
export function words(text: string): string[] {
  return text.match(/\s*(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)|\s+$/gu) ?? [];
}

/** The parts that turn `old` into `nu`, word by word (longest common subsequence). Words are
 * compared without the spaces before them; a kept word shows the new spacing. Texts of more
 * than 2,000 words each are compared as one deleted and one added part. */
export function wordDiff(old: string, nu: string): DiffPart[] {
  const a = words(old);
  const b = words(nu);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length * b.length > 4_000_000) {
    push('del', old);
    push('add', nu);
    return parts;
  }
  const key = (w: string) => w.trim();
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = key(a[i]) === key(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (key(a[i]) === key(b[j])) {
      push('same', b[j]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('del', a[i++]);
    else push('add', b[j++]);
  }
  while (i < n) push('del', a[i++]);
  while (j < m) push('add', b[j++]);
  return parts;
}
