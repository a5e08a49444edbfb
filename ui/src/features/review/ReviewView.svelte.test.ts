// @vitest-environment jsdom
// The review screen against the mock backend: the queue, the filters and one test per key
// (issue 11: the translator never touches the mouse).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ReviewView from './ReviewView.svelte';
import { reviewQueue, setInvoker } from '../../ipc/commands';
import { mockInvoke, resetMock } from '../../ipc/mock';
import { SHORTCUTS } from '../../lib/shortcuts';
import { polyfillDialog } from '../../lib/jsdom-dialog';
import { reviewKey } from './keys';

// Real timers: the mock answers after 40 ms, as a backend would.
beforeEach(() => {
  polyfillDialog();
  resetMock();
  setInvoker(mockInvoke);
});
afterEach(() => {
  setInvoker(null);
  document.body.innerHTML = '';
});

async function shown(sample = true, pageSize?: number) {
  if (sample) await mockInvoke('load_sample');
  const target = document.createElement('div');
  document.body.append(target);
  const onchanged = vi.fn();
  const cmp = mount(ReviewView, { target, props: { marketplace: 'tmall-global', pageSize, onchanged } });
  flushSync();
  const q = <T extends HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`);
  const rows = () => [...target.querySelectorAll<HTMLElement>('[data-testid="review-item"]')];
  const current = () => {
    const r = target.querySelector<HTMLElement>('[data-testid="review-item"][aria-selected="true"]');
    return r ? `${r.dataset.handle}/${r.dataset.field}` : null;
  };
  const key = (init: KeyboardEventInit, on: EventTarget = document.body) => {
    on.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    flushSync();
  };
  /** Waits for the commands in flight (the mock answers in 40 ms each). */
  const settle = async (ms = 200) => {
    await new Promise((r) => setTimeout(r, ms));
    flushSync();
  };
  await vi.waitFor(() => expect(rows().length + (q('review-empty') ? 1 : 0)).toBeGreaterThan(0));
  return { target, cmp, q, rows, current, key, settle, onchanged };
}

const stateOf = async (handle: string, field: string) => (await reviewQueue({})).items.find((i) => i.handle === handle && i.field === field)?.state;

describe('ReviewView', () => {
  it('shows the queue, the progress and the current item side by side', async () => {
    const { cmp, q, rows, current } = await shown();
    expect(rows().map((r) => r.dataset.state)).toEqual(Array(6).fill('translated'));
    expect(current()).toBe('dry-roasted-hazelnuts/title');
    expect(q('review-progress')!.textContent).toContain('0 of 6 fields approved');
    expect(q('review-english')!.textContent).toBe('Dry Roasted Oregon Hazelnuts, 1 lb Bag');
    expect(q('review-chinese')!.textContent).toContain('榛子');
    // 最好 is a banned term: the finding is shown.
    await vi.waitFor(() => expect(q('review-findings')?.textContent).toContain('最好'));
    // Glossary terms of the English, with their Chinese; and the gloss under the Chinese.
    expect(q('review-terms')!.textContent).toContain('Hazelnuts → 榛子');
    expect(q('gloss-row')).not.toBeNull();
    unmount(cmp);
  });

  it('says when there is nothing to review, and when no field matches', async () => {
    const empty = await shown(false);
    expect(empty.q('review-empty')!.textContent).toContain('Nothing to review');
    unmount(empty.cmp);
    document.body.innerHTML = '';
    const { cmp, q, settle } = await shown();
    const stale = q<HTMLInputElement>('review-filter-stale')!;
    stale.click();
    await settle(400);
    expect(q('review-empty')!.textContent).toContain('No field matches these filters');
    unmount(cmp);
  });

  it('fetches the queue a page at a time and moves across pages with J and K', async () => {
    const { cmp, q, rows, current, key, settle } = await shown(true, 2);
    expect(rows()).toHaveLength(2);
    expect(q('review-position')!.textContent).toBe('Item 1 of 6');
    // The progress counts the whole queue, not the page.
    expect(q('review-progress')!.textContent).toContain('0 of 6 fields approved');
    key({ key: 'j' });
    const second = current();
    key({ key: 'j' });
    await settle();
    expect(q('review-position')!.textContent).toBe('Item 3 of 6');
    expect(current()).not.toBe(second);
    expect(rows().length).toBeLessThanOrEqual(2);
    key({ key: 'k' });
    await settle();
    expect(q('review-position')!.textContent).toBe('Item 2 of 6');
    expect(current()).toBe(second);
    // Approving the last item of a page goes on to the first of the next.
    key({ key: 'Enter', ctrlKey: true });
    await settle(400);
    expect(q('review-position')!.textContent).toBe('Item 3 of 6');
    expect(await stateOf(second!.split('/')[0], second!.split('/')[1])).toBe('approved');
    unmount(cmp);
  });

  it('Ctrl+Enter approves and goes to the next item', async () => {
    const { cmp, q, current, key, settle, onchanged } = await shown();
    key({ key: 'Enter', ctrlKey: true });
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'title')).toBe('approved');
    expect(current()).toBe('dry-roasted-hazelnuts/description');
    expect(q('review-progress')!.textContent).toContain('1 of 6 fields approved');
    // The app hears of it: the product list's dots follow.
    expect(onchanged).toHaveBeenCalledTimes(1);
    unmount(cmp);
  });

  it('Ctrl+Shift+Enter rejects with a comment: Enter submits, Esc cancels', async () => {
    const { cmp, q, current, key, settle } = await shown();
    key({ key: 'Enter', ctrlKey: true, shiftKey: true });
    await settle(50);
    const input = q<HTMLInputElement>('review-comment-input')!;
    expect(document.activeElement).toBe(input);
    // Esc cancels: nothing changes.
    key({ key: 'Escape' }, input);
    expect(q('review-comment-input')).toBeNull();
    expect(await stateOf('dry-roasted-hazelnuts', 'title')).toBe('translated');
    key({ key: 'Enter', ctrlKey: true, shiftKey: true });
    await settle(50);
    const again = q<HTMLInputElement>('review-comment-input')!;
    again.value = '最好 is an absolute claim';
    again.dispatchEvent(new Event('input', { bubbles: true }));
    key({ key: 'Enter' }, again);
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'title')).toBe('rejected');
    expect(current()).toBe('dry-roasted-hazelnuts/title');
    expect(q('review-thread')!.textContent).toContain('最好 is an absolute claim');
    expect(q('review-comment-input')).toBeNull();
    unmount(cmp);
  });

  it('Alt+↓/↑ and J/K move through the queue, J not while typing', async () => {
    const { cmp, q, current, key } = await shown();
    key({ key: 'ArrowDown', altKey: true });
    expect(current()).toBe('dry-roasted-hazelnuts/description');
    key({ key: 'j' });
    expect(current()).toBe('rainier-cherries-gift-box/title');
    key({ key: 'k' });
    key({ key: 'ArrowUp', altKey: true });
    expect(current()).toBe('dry-roasted-hazelnuts/title');
    key({ key: 'k' });
    expect(current()).toBe('dry-roasted-hazelnuts/title');
    key({ key: 'j' }, q('review-filter-text')!);
    expect(current()).toBe('dry-roasted-hazelnuts/title');
    unmount(cmp);
  });

  it('E edits the Chinese in place, saving makes it translated, Esc leaves', async () => {
    const { cmp, q, key, settle } = await shown();
    await mockInvoke('review_set', { handle: 'dry-roasted-hazelnuts', field: 'title', to: 'reviewed', comment: null });
    key({ key: 'e' }, q('review-filter-vendor')!);
    expect(q('review-editor')).toBeNull();
    key({ key: 'e' });
    await settle(50);
    const box = q<HTMLTextAreaElement>('review-editor')!;
    expect(box.value).toContain('榛子');
    box.value = '美国俄勒冈干烘榛子 无油无盐 454克';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    // E while typing is a letter, not the shortcut; Esc saves and leaves.
    key({ key: 'e' }, box);
    key({ key: 'Escape' }, box);
    await settle(300);
    expect(q('review-editor')).toBeNull();
    expect(q('review-chinese')!.textContent).toBe('美国俄勒冈干烘榛子 无油无盐 454克');
    expect(await stateOf('dry-roasted-hazelnuts', 'title')).toBe('translated');
    unmount(cmp);
  });

  it('Ctrl+Z undoes the last state changes, one by one, not while typing', async () => {
    const { cmp, q, current, key, settle } = await shown();
    key({ key: 'Enter', ctrlKey: true });
    await settle();
    key({ key: 'Enter', ctrlKey: true });
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'description')).toBe('approved');
    key({ key: 'z', ctrlKey: true }, q('review-filter-text')!);
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'description')).toBe('approved');
    key({ key: 'z', ctrlKey: true });
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'description')).toBe('translated');
    expect(current()).toBe('dry-roasted-hazelnuts/description');
    key({ key: 'z', ctrlKey: true });
    await settle();
    expect(await stateOf('dry-roasted-hazelnuts', 'title')).toBe('translated');
    expect(q('review-progress')!.textContent).toContain('0 of 6 fields approved');
    unmount(cmp);
  });

  it('shows the word diff of the English under a stale translation', async () => {
    await mockInvoke('load_sample');
    await mockInvoke('review_set', { handle: 'rainier-cherries-gift-box', field: 'title', to: 'approved', comment: null });
    await mockInvoke('import_file', { path: '/tmp/retitled.csv' });
    const { cmp, q, rows, settle } = await shown(false);
    q<HTMLInputElement>('review-filter-stale')!.click();
    await settle(400);
    expect(rows().map((r) => r.dataset.field)).toEqual(['title', 'short_title', 'selling_points']);
    expect(rows()[0].dataset.stale).toBe('true');
    expect(rows()[0].dataset.state).toBe('translated');
    const diff = q('review-diff')!;
    expect([...diff.querySelectorAll('del')].map((e) => e.textContent)).toEqual([' Box']);
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent)).toEqual([' Box, 2 lb']);
    unmount(cmp);
  });

  it('reloads when the catalog changed elsewhere: an import makes fields stale', async () => {
    await mockInvoke('load_sample');
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({ marketplace: 'tmall-global', version: 0 });
    const cmp = mount(ReviewView, { target, props });
    await vi.waitFor(() => expect(target.querySelectorAll('[data-testid="review-item"]').length).toBe(6));
    await mockInvoke('import_file', { path: '/tmp/retitled.csv' });
    props.version++;
    await vi.waitFor(() => expect(target.querySelectorAll('[data-testid="review-item"][data-stale="true"]').length).toBe(3));
    unmount(cmp);
  });

  it('an error from the backend is shown in words', async () => {
    const { cmp, q, key, settle } = await shown();
    key({ key: 'Enter', ctrlKey: true });
    await settle();
    // Back on the approved title: approving it again is refused.
    key({ key: 'k' });
    key({ key: 'Enter', ctrlKey: true });
    await settle();
    expect(q('review-error')!.dataset.code).toBe('review-transition');
    expect(q('review-error')!.textContent).toContain('cannot go from approved to approved');
    unmount(cmp);
  });
});

describe('batch approval', () => {
  it('approves the fields without findings after asking, and Undo sets them back', async () => {
    const { cmp, q, settle } = await shown();
    const clean = (await reviewQueue({ has_findings: false })).items.map((i) => `${i.handle}/${i.field}`);
    expect(clean).not.toContain('dry-roasted-hazelnuts/title');
    expect(clean.length).toBeGreaterThan(0);
    q<HTMLButtonElement>('review-batch-approve')!.click();
    await settle(150);
    expect(q('review-batch-dialog')!.textContent).toContain(`Approve the ${clean.length} translated or reviewed fields`);
    // Cancel changes nothing.
    q<HTMLButtonElement>('review-batch-cancel')!.click();
    await settle(50);
    expect((await reviewQueue({ state: 'approved' })).items).toHaveLength(0);
    q<HTMLButtonElement>('review-batch-approve')!.click();
    await settle(150);
    q<HTMLButtonElement>('review-batch-yes')!.click();
    await vi.waitFor(() => expect(q('review-batch-done')).not.toBeNull(), { timeout: 3000 });
    await settle();
    const approved = (await reviewQueue({ state: 'approved' })).items.map((i) => `${i.handle}/${i.field}`);
    expect(approved).toEqual(clean);
    expect(q('review-progress')!.textContent).toContain(`${clean.length} of 6 fields approved`);
    q<HTMLButtonElement>('review-undo')!.click();
    await vi.waitFor(() => expect(q('review-batch-done')).toBeNull(), { timeout: 3000 });
    await settle();
    expect((await reviewQueue({ state: 'approved' })).items).toHaveLength(0);
    unmount(cmp);
  });
});

describe('review keys', () => {
  it('maps each listed key to its action', () => {
    expect(reviewKey({ key: 'Enter', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe('approve');
    expect(reviewKey({ key: 'Enter', ctrlKey: false, metaKey: true, altKey: false, shiftKey: true }, true)).toBe('reject');
    expect(reviewKey({ key: 'j', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBeNull();
    expect(reviewKey({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBeNull();
    const group = SHORTCUTS.find((g) => g.group === 'ui-keys-review')!;
    expect(group.items.map((i) => i.what)).toEqual(['ui-keys-review-approve', 'ui-keys-review-reject', 'ui-keys-review-move', 'ui-keys-review-edit', 'ui-keys-review-undo']);
  });
});
