// Shopify descriptions are HTML. We never inject them: they are parsed in an
// inert document (no scripts run, nothing loads) and turned into plain blocks.

export interface Block {
  kind: 'p' | 'h' | 'li';
  text: string;
}

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'UL', 'OL',
  'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'MAIN', 'ASIDE', 'NAV', 'HR',
]);
const HEADING = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'HEAD', 'TITLE', 'META', 'LINK']);

export function htmlToBlocks(html: string, parser: DOMParser = new DOMParser()): Block[] {
  if (!html.trim()) return [];
  if (!/<[a-zA-Z!/]|&[#a-zA-Z0-9]+;/.test(html)) {
    // Plain text: one block per line.
    return html
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l.length > 0)
      .map((text) => ({ kind: 'p' as const, text }));
  }
  const doc = parser.parseFromString(html, 'text/html');
  const blocks: Block[] = [];
  let kind: Block['kind'] = 'p';
  let buf = '';

  const flush = () => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ kind, text });
    buf = '';
    kind = 'p';
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buf += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      const k = kind;
      flush();
      kind = k;
      return;
    }
    if (tag === 'LI' || HEADING.has(tag) || BLOCK.has(tag) || tag === 'TD' || tag === 'TH') {
      if (tag === 'TD' || tag === 'TH') {
        if (buf.trim()) buf += ' · ';
        el.childNodes.forEach(walk);
        return;
      }
      flush();
      const k: Block['kind'] = tag === 'LI' ? 'li' : HEADING.has(tag) ? 'h' : 'p';
      kind = k;
      el.childNodes.forEach(walk);
      // Text left after a nested block still belongs to this one.
      kind = k;
      flush();
      return;
    }
    el.childNodes.forEach(walk);
  };

  doc.body.childNodes.forEach(walk);
  flush();
  return blocks;
}

/** Plain text of some HTML, blocks separated by blank lines. */
export function htmlToText(html: string, parser?: DOMParser): string {
  return htmlToBlocks(html, parser)
    .map((b) => (b.kind === 'li' ? `• ${b.text}` : b.text))
    .join('\n\n');
}
