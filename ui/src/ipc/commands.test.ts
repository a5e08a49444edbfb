import { afterEach, describe, expect, it } from 'vitest';
import { bulkSetFields, call, checkCopy, countPhotos, exportBundle, getProduct, loadSample, previewImport, productsPage, setCopy, setInvoker, setRate, toAppError, undoBulk } from './commands';
import { mockCheck, resetMock } from './mock';

afterEach(() => {
  setInvoker(null);
  resetMock();
});

describe('toAppError', () => {
  it('keeps the AppError shape and stringifies args', () => {
    expect(toAppError({ code: 'no-rate', message: 'm', args: { n: 3 } })).toEqual({ code: 'no-rate', message: 'm', args: { n: '3' } });
  });
  it('wraps strings and Errors', () => {
    expect(toAppError('command x not found')).toEqual({ code: 'internal', message: 'command x not found', args: {} });
    expect(toAppError(new Error('boom')).message).toBe('boom');
  });
});

describe('call', () => {
  it('passes the arguments as given and rejects with AppError', async () => {
    const seen: unknown[] = [];
    setInvoker(async (cmd, args) => {
      seen.push([cmd, args]);
      throw 'plain string rejection';
    });
    await expect(call('set_copy', { handle: 'h', field: 'title', locale: 'zh-CN', text: 't', base: '', marketplace: 'tmall-global' })).rejects.toEqual({
      code: 'internal',
      message: 'plain string rejection',
      args: {},
    });
    expect(seen).toEqual([['set_copy', { handle: 'h', field: 'title', locale: 'zh-CN', text: 't', base: '', marketplace: 'tmall-global' }]]);
  });

  it('sends the base an edit started from with set_copy', async () => {
    const seen: unknown[] = [];
    setInvoker(async (cmd, args) => {
      seen.push([cmd, args]);
      return null;
    });
    await setCopy('h', 'title', '新', '旧', 'tmall-global');
    await setCopy('h', 'description', '新', '', 'tmall-global');
    expect(seen).toEqual([
      ['set_copy', { handle: 'h', field: 'title', locale: 'zh-CN', text: '新', base: '旧', marketplace: 'tmall-global' }],
      ['set_copy', { handle: 'h', field: 'description', locale: 'zh-CN', text: '新', base: '', marketplace: 'tmall-global' }],
    ]);
  });

  it('sends the UI language with export_bundle', async () => {
    const seen: unknown[] = [];
    setInvoker(async (cmd, args) => {
      seen.push([cmd, args]);
      return null;
    });
    await exportBundle('tmall-global', '/tmp/b.zip', 'zh-CN');
    expect(seen).toEqual([['export_bundle', { marketplace: 'tmall-global', path: '/tmp/b.zip', lang: 'zh-CN' }]]);
  });
});

describe('the mock (used outside Tauri)', () => {
  it('starts empty and loads three sample products', async () => {
    expect(await productsPage('', 0, 100)).toEqual({ total: 0, offset: 0, items: [] });
    const r = await loadSample();
    expect(r.products).toBe(3);
    expect((await productsPage('', 0, 100)).items.map((p) => p.vendor)).toHaveLength(3);
    expect((await productsPage('樱桃', 0, 100)).items.map((p) => p.handle)).toEqual(['rainier-cherries-gift-box']);
  });

  it('answers the product list by pages, thumbnails only when asked', async () => {
    await loadSample();
    const first = await productsPage('', 0, 2);
    expect([first.total, first.offset, first.items.length]).toEqual([3, 0, 2]);
    expect(first.items.every((p) => p.thumbnail === null)).toBe(true);
    const rest = await productsPage('', 2, 2, true);
    expect([rest.total, rest.offset, rest.items.length]).toEqual([3, 2, 1]);
    expect(rest.items[0].thumbnail).toMatch(/^data:/);
    expect(new Set([...first.items, ...rest.items].map((p) => p.handle)).size).toBe(3);
  });

  it('sets a field on every product a search picks, and one undo puts them back', async () => {
    await loadSample();
    const cherries = (await productsPage('cherr', 0, 100)).items.map((p) => p.handle);
    expect(cherries.length).toBeGreaterThan(0);
    const edit = await bulkSetFields({ kind: 'matching', query: { search: 'cherr', order: 'vendor', stale: false, incomplete: false, errors: false } }, { origin: '加拿大' });
    expect([edit.products, edit.changed]).toEqual([cherries.length, cherries.length]);
    expect((await getProduct(cherries[0])).origin).toBe('加拿大');
    const undone = await undoBulk(edit.batch);
    expect(undone.kept).toEqual([]);
    expect((await getProduct(cherries[0])).origin).not.toBe('加拿大');
    await expect(undoBulk(999)).rejects.toMatchObject({ code: 'no-batch' });
  });

  it('counts the photos a page at a time', async () => {
    const asked: unknown[] = [];
    const offsets: number[] = [];
    setInvoker(async (cmd, args) => {
      asked.push([cmd, (args.query as { search: string }).search, args.thumbnails]);
      const offset = Number(args.offset);
      offsets.push(offset);
      const items = Array.from({ length: Math.max(0, Math.min(500, 1200 - offset)) }, (_, i) => ({ handle: `p${offset + i}`, images: 2 }));
      return { total: 1200, offset, items };
    });
    const partial: number[] = [];
    expect(await countPhotos((n) => partial.push(n))).toBe(2400);
    expect(asked).toEqual(Array(3).fill(['products_page', '', false]));
    expect(offsets).toEqual([0, 500, 1000]);
    expect(partial).toEqual([1000, 2000]);
  });

  it('tells new, changed and unchanged products apart', async () => {
    const first = await loadSample();
    expect([first.added.length, first.updated, first.unchanged]).toEqual([3, [], []]);
    const again = await previewImport('/home/demo/products_export.csv');
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual(['dry-roasted-hazelnuts']);
    expect(again.unchanged).toEqual(['rainier-cherries-gift-box', 'wild-sockeye-salmon-fillets']);
  });

  it('exports one row per variant and notes products exported with something missing', async () => {
    await loadSample();
    await setRate(7.1, '2025-06-01');
    const r = await exportBundle('tmall-global', '/tmp/b.zip', 'zh-CN');
    // Only the cherries are ready: the salmon has no Chinese title, the hazelnuts a banned term.
    expect([r.products, r.rows, r.images]).toEqual([1, 2, 2]);
    expect(r.skipped.map((s) => s.handle)).toEqual(['wild-sockeye-salmon-fillets', 'dry-roasted-hazelnuts']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].handle).toBe('rainier-cherries-gift-box');
    expect(r.warnings[0].reasons[0].code).toBe('image-left-out');
    expect(r.warnings[0].reasons[0].args.reason).toContain('等待网络');
  });

  it('reports findings at char offsets', async () => {
    const c = await checkCopy('tmall-global', 'title', '🍒🍒最好的樱桃');
    const f = c.findings.find((x) => x.code === 'banned-term')!;
    expect([f.start, f.end]).toEqual([2, 4]);
    expect(f.args.term).toBe('最好');
  });

  it('flags titles over the limit', () => {
    const c = mockCheck('title', '樱'.repeat(31));
    expect(c.units).toBe(62);
    expect(c.limit).toBe(60);
    expect(c.findings.some((f) => f.code === 'title-too-long' && f.start === 30 && f.end === 31)).toBe(true);
  });
});
