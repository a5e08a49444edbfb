import { afterEach, describe, expect, it } from 'vitest';
import { call, checkCopy, listProducts, loadSample, setInvoker, toAppError } from './commands';
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
    await expect(call('set_copy', { handle: 'h', field: 'title', locale: 'zh-CN', text: 't', marketplace: 'tmall-global' })).rejects.toEqual({
      code: 'internal',
      message: 'plain string rejection',
      args: {},
    });
    expect(seen).toEqual([['set_copy', { handle: 'h', field: 'title', locale: 'zh-CN', text: 't', marketplace: 'tmall-global' }]]);
  });
});

describe('the mock (used outside Tauri)', () => {
  it('starts empty and loads three sample products', async () => {
    expect(await listProducts('')).toEqual([]);
    const r = await loadSample();
    expect(r.products).toBe(3);
    expect((await listProducts('')).map((p) => p.vendor)).toHaveLength(3);
    expect((await listProducts('樱桃')).map((p) => p.handle)).toEqual(['rainier-cherries-gift-box']);
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
