import { afterEach, describe, expect, it } from 'vitest';
import { mockInvoke, mockTiming, resetMock } from './mock';
import type { ReviewItem, ReviewQueue, ReviewState } from './types';

afterEach(() => resetMock());

const queue = (filter: Record<string, unknown> = {}) => mockInvoke('review_queue', { filter }) as Promise<ReviewQueue>;
const set = (to: ReviewState, comment: string | null = null, handle = 'rainier-cherries-gift-box', field = 'title') =>
  mockInvoke('review_set', { handle, field, to, comment }) as Promise<ReviewItem>;
const refused = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code: string; args: Record<string, string> };
  }
  throw new Error('not refused');
};

describe('the review mock', () => {
  it('queues every field with Chinese text as translated, by handle then field', async () => {
    await mockInvoke('load_sample');
    const q = await queue();
    // The cherries have all four fields, the hazelnuts a title and a description.
    expect(q.items.map((i) => `${i.handle}/${i.field}`)).toEqual([
      'dry-roasted-hazelnuts/title',
      'dry-roasted-hazelnuts/description',
      'rainier-cherries-gift-box/title',
      'rainier-cherries-gift-box/short_title',
      'rainier-cherries-gift-box/selling_points',
      'rainier-cherries-gift-box/description',
    ]);
    expect(q.items.every((i) => i.state === 'translated' && !i.stale)).toBe(true);
    expect(q.progress).toMatchObject({ total: 6, translated: 6, approved: 0 });
  });

  it('allows exactly the transitions of docs/review.md', async () => {
    await mockInvoke('load_sample');
    const allowed: Record<ReviewState, ReviewState[]> = {
      draft: ['translated'],
      translated: ['translated', 'reviewed', 'approved', 'rejected'],
      reviewed: ['translated', 'approved', 'rejected'],
      approved: ['translated', 'reviewed'],
      rejected: ['translated'],
    };
    const all: ReviewState[] = ['draft', 'translated', 'reviewed', 'approved', 'rejected'];
    let yes = 0;
    mockTiming.photoMs = 0;
    for (const from of all) {
      for (const to of all) {
        // Bring a title into `from`: the salmon's is drafted ("draft all empty fields").
        let handle = 'rainier-cherries-gift-box';
        if (from === 'draft') {
          handle = 'wild-sockeye-salmon-fillets';
          await mockInvoke('set_copy', { handle, field: 'title', locale: 'zh-CN', text: '', base: null, marketplace: 'tmall-global' });
          await mockInvoke('draft_empty_fields', { marketplace: 'tmall-global', handles: [handle] });
        } else await set('translated', null, handle);
        const path: Record<ReviewState, ReviewState[]> = { draft: [], translated: [], reviewed: ['reviewed'], approved: ['approved'], rejected: ['rejected'] };
        for (const s of path[from]) await set(s, 'why', handle);
        const before = (await queue()).items.find((i) => i.handle === handle && i.field === 'title')!;
        expect(before.state).toBe(from);
        if (allowed[from].includes(to)) {
          expect((await set(to, 'a reason', handle)).state).toBe(to);
          yes++;
        } else {
          const e = await refused(set(to, 'a reason', handle));
          expect(e.code).toBe('review-transition');
          expect(e.args).toMatchObject({ from, to });
        }
      }
    }
    mockTiming.photoMs = 400;
    // 11 of the 25 pairs are allowed (docs/review.md).
    expect(yes).toBe(11);
  }, 30_000);

  it('needs a comment to reject, and keeps the comments as a thread', async () => {
    await mockInvoke('load_sample');
    expect((await refused(set('rejected', '  '))).code).toBe('review-needs-comment');
    await set('rejected', '黄樱桃 should be 车厘子');
    await mockInvoke('set_copy', { handle: 'rainier-cherries-gift-box', field: 'title', locale: 'zh-CN', text: '美国华盛顿州雷尼尔车厘子礼盒', base: null, marketplace: 'tmall-global' });
    const item = await set('approved', 'better');
    expect(item.comments.map((c) => [c.state, c.comment])).toEqual([
      ['rejected', '黄樱桃 should be 车厘子'],
      ['approved', 'better'],
    ]);
    expect(item.by).toBe('demo');
  });

  it('a person saving makes any state translated', async () => {
    await mockInvoke('load_sample');
    await set('approved');
    await mockInvoke('set_copy', { handle: 'rainier-cherries-gift-box', field: 'title', locale: 'zh-CN', text: '雷尼尔车厘子礼盒', base: null, marketplace: 'tmall-global' });
    const q = await queue({ state: 'translated' });
    expect(q.items.some((i) => i.handle === 'rainier-cherries-gift-box' && i.field === 'title')).toBe(true);
  });

  it('a field without Chinese has nothing to review', async () => {
    await mockInvoke('load_sample');
    expect((await refused(set('approved', null, 'wild-sockeye-salmon-fillets'))).code).toBe('nothing-to-review');
  });

  it('a changed English title makes exactly the fields made from it stale, with the diff', async () => {
    await mockInvoke('load_sample');
    await set('approved');
    await set('approved', null, 'rainier-cherries-gift-box', 'description');
    await mockInvoke('import_file', { path: '/tmp/retitled.csv' });
    const q = await queue({ stale: true });
    expect(q.items.map((i) => i.field)).toEqual(['title', 'short_title', 'selling_points']);
    const title = q.items[0];
    expect(title.state).toBe('translated');
    expect(title.source_diff).toEqual({ old: 'Rainier Cherries Gift Box — Fresh from Washington', new: 'Rainier Cherries Gift Box, 2 lb — Fresh from Washington' });
    const all = await queue();
    expect(all.items.find((i) => i.handle === 'rainier-cherries-gift-box' && i.field === 'description')?.state).toBe('approved');
    expect(all.progress.stale).toBe(3);
    // A review action clears the flag.
    expect((await set('approved')).stale).toBe(false);
  });

  it('filters by state, findings, vendor and text; progress keeps the scope', async () => {
    await mockInvoke('load_sample');
    await set('approved');
    expect((await queue({ state: 'approved' })).items).toHaveLength(1);
    expect((await queue({ state: 'approved' })).progress).toMatchObject({ total: 6, approved: 1 });
    // 最好 in the hazelnuts title is a banned term.
    expect((await queue({ has_findings: true })).items.map((i) => `${i.handle}/${i.field}`)).toContain('dry-roasted-hazelnuts/title');
    const v = await queue({ vendor: 'willamette hazelnut farm' });
    expect(v.progress.total).toBe(2);
    expect((await queue({ text: '车厘子' })).items.map((i) => i.field)).toEqual(['short_title', 'selling_points']);
  });

  it('keeps the reviewer name', async () => {
    expect(await mockInvoke('reviewer')).toBe('demo');
    expect(await mockInvoke('set_reviewer', { name: 'Li Wei' })).toBe('Li Wei');
    expect(await mockInvoke('reviewer')).toBe('Li Wei');
    expect((await refused(mockInvoke('set_reviewer', { name: ' ' }))).code).toBe('reviewer-blank');
    expect(await mockInvoke('set_reviewer', { name: null })).toBe('demo');
  });
});
