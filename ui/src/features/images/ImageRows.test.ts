// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import ImageRows from './ImageRows.svelte';
import { getProduct, listMarketplaces, loadSample, setInvoker } from '../../ipc/commands';
import { mockInvoke, resetMock } from '../../ipc/mock';
import { polyfillDialog, pressEscape } from '../../lib/jsdom-dialog';

let calls: { cmd: string; args: Record<string, unknown> }[];

beforeAll(polyfillDialog);
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  calls = [];
  setInvoker(async (cmd, args) => {
    calls.push({ cmd, args });
    return mockInvoke(cmd, args);
  });
});
afterEach(() => {
  setInvoker(null);
  resetMock();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

async function settle<T>(p: Promise<T>, ms = 700): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return p;
}

async function setup(handle = 'rainier-cherries-gift-box') {
  await settle(loadSample());
  const marketplaces = await settle(listMarketplaces(), 50);
  const product = await settle(getProduct(handle), 50);
  const target = document.createElement('div');
  document.body.append(target);
  const cmp = mount(ImageRows, { target, props: { handle, images: product.images, marketplaces } });
  flushSync();
  const q = <T extends HTMLElement = HTMLElement>(css: string) => target.querySelector<T>(css);
  const all = (css: string) => [...target.querySelectorAll<HTMLElement>(css)];
  const choose = async (value: string) => {
    const select = q<HTMLSelectElement>('[data-testid="images-marketplace"]')!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    await vi.advanceTimersByTimeAsync(700);
  };
  const slot = (position: number, id: string) => q(`[data-testid="image"][data-position="${position}"] [data-testid="slot"][data-slot="${id}"]`);
  return { target, cmp, q, all, choose, slot };
}

describe('ImageRows (product page images)', () => {
  it('shows each photo beside its slot images once they are rendered', async () => {
    const { cmp, q, all, slot } = await setup();
    // At once: the photos, and a loading state where their slot images will be.
    expect(all('[data-testid="image"]').map((r) => r.dataset.position)).toEqual(['1', '2', '3']);
    expect(all('[data-testid="slots-loading"]')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(700);
    expect(all('[data-testid="slots-loading"]')).toHaveLength(0);
    expect(q('[data-testid="image"][data-position="1"] [data-testid="image-size"]')!.textContent).toBe('4032×3024');
    const main = slot(1, 'main')!;
    expect(main.textContent).toContain('Main image');
    expect(main.textContent).toContain('800×800');
    expect(main.querySelector('[data-testid="slot-bytes"]')!.textContent).toBe('263 KB / 1 MB');
    expect(main.dataset.level).toBe('ok');
    // The 640×640 gift box photo is too small for the 750-wide detail image: a warning badge.
    const detail = slot(2, 'detail')!;
    const badge = detail.querySelector<HTMLElement>('[data-testid="slot-finding"]')!;
    expect([badge.dataset.code, badge.dataset.severity]).toEqual(['source-too-small', 'warning']);
    expect(badge.textContent).toContain('Too small');
    // The not-downloaded photo says why it has no slot images.
    expect(q('[data-testid="image"][data-position="3"] [data-testid="image-error"]')!.textContent).toContain('not been downloaded');
    expect(calls.find((c) => c.cmd === 'image_previews')!.args).toEqual({ handle: 'rainier-cherries-gift-box', marketplace: 'tmall-global', lang: 'en' });
    unmount(cmp);
  });

  it('renders for the marketplace chosen on the page and remembers it', async () => {
    const { cmp, choose, slot, all } = await setup();
    await vi.advanceTimersByTimeAsync(700);
    await choose('taobao');
    expect(localStorage.getItem('kuajing.imageMarketplace')).toBe('taobao');
    expect(all('[data-testid="image"][data-position="1"] [data-testid="slot"]').map((s) => s.dataset.slot)).toEqual(['main', 'white', 'main34', 'detail']);
    // The white-background image: a warning badge whose full text is in an accessible list
    // that the slot's button points at, and in the tooltip shown on hover and focus.
    const white = slot(1, 'white')!;
    expect(white.dataset.level).toBe('warning');
    const badge = white.querySelector<HTMLElement>('[data-testid="slot-finding"]')!;
    expect([badge.dataset.code, badge.dataset.severity]).toEqual(['background-not-plain', 'warning']);
    expect(badge.textContent).toContain('Background not plain');
    const button = white.querySelector<HTMLElement>('[data-testid="slot-open"]')!;
    const list = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(list.tagName).toBe('UL');
    expect(list.getAttribute('aria-label')).toBe('Findings for White-background image');
    expect(list.querySelector('.sr-only')!.textContent).toContain('#E8D9C4');
    expect(white.querySelector('.tip')!.textContent).toContain('Shoot the product on #FFFFFF');
    expect(white.querySelector('[data-testid="slot-bytes"]')!.textContent).toBe('263 KB / 300 KB');

    // Pinduoduo's 100 KB home image is too small a budget for the busy cherry photo: an error.
    await choose('pinduoduo');
    const home = slot(1, 'home')!;
    expect(home.dataset.level).toBe('error');
    const over = home.querySelector<HTMLElement>('[data-testid="slot-finding"]')!;
    expect([over.dataset.code, over.dataset.severity]).toEqual(['over-byte-cap', 'error']);
    expect(over.classList.contains('error')).toBe(true);
    expect(home.querySelector('[data-testid="slot-bytes"]')!.classList.contains('over')).toBe(true);
    unmount(cmp);

    // A new page starts on the remembered marketplace.
    const again = await setup('dry-roasted-hazelnuts');
    await vi.advanceTimersByTimeAsync(700);
    expect(calls.filter((c) => c.cmd === 'image_previews').at(-1)!.args.marketplace).toBe('pinduoduo');
    // A tall photo becomes a sliced detail image.
    const detail = again.slot(1, 'detail')!;
    expect(detail.querySelector('[data-testid="slot-parts"]')!.textContent).toBe('2 slices');
    expect(detail.querySelector('[data-testid="slot-bytes"]')!.textContent).toMatch(/≤1 MB each/);
    expect(detail.querySelector<HTMLElement>('[data-code="sliced"]')!.dataset.severity).toBe('info');
    unmount(again.cmp);
  });

  it('opens the compare view: side by side, flip, arrow keys between slots, Esc closes', async () => {
    const { cmp, q, choose, slot } = await setup();
    await vi.advanceTimersByTimeAsync(700);
    await choose('taobao');
    slot(1, 'white')!.querySelector<HTMLElement>('[data-testid="slot-open"]')!.click();
    flushSync();
    const dialog = q('[data-testid="compare"]')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    const view = () => q('[data-testid="compare-slot"]')!;
    expect([view().dataset.photo, view().dataset.slot, view().dataset.mode]).toEqual(['1', 'white', 'side']);
    expect(q('[data-testid="compare-position"]')!.textContent).toBe('2 / 7');
    expect(dialog.querySelector('h2')!.textContent).toBe('White-background image · photo 1');
    // Loading, then the original and the rendered image side by side.
    expect(q('[data-testid="compare-after"] [role="status"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(q('[data-testid="compare-before"] [data-testid="compare-original"]')).not.toBeNull();
    expect(q('[data-testid="compare-after"] [data-testid="compare-slice"]')).not.toBeNull();
    expect(q('[data-testid="compare-findings"]')!.textContent).toContain('#E8D9C4');
    expect(calls.filter((c) => c.cmd === 'image_view').map((c) => c.args)).toEqual([
      { imageId: 1, marketplace: 'taobao', slot: null, part: 0 },
      { imageId: 1, marketplace: 'taobao', slot: 'white', part: 0 },
    ]);

    // Flip: one at a time, toggled.
    q('[data-testid="compare-mode-flip"]')!.click();
    flushSync();
    expect(q('[data-testid="compare-before"]')).toBeNull();
    expect(q('[data-testid="compare-after"]')).not.toBeNull();
    q('[data-testid="compare-flip"]')!.click();
    flushSync();
    expect(q('[data-testid="compare-before"]')).not.toBeNull();
    expect(q('[data-testid="compare-after"]')).toBeNull();
    q('[data-testid="compare-mode-side"]')!.click();
    flushSync();

    // → and ← move between slot images, across photos, and stop at the ends.
    const key = (k: string) => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      flushSync();
    };
    key('ArrowRight');
    expect(view().dataset.slot).toBe('main34');
    key('ArrowRight');
    key('ArrowRight');
    expect([view().dataset.photo, view().dataset.slot]).toEqual(['2', 'main']);
    key('ArrowLeft');
    expect([view().dataset.photo, view().dataset.slot]).toEqual(['1', 'detail']);
    for (let i = 0; i < 10; i++) key('ArrowLeft');
    expect([view().dataset.photo, view().dataset.slot]).toEqual(['1', 'main']);
    expect(q<HTMLButtonElement>('[data-testid="compare-prev"]')!.disabled).toBe(true);

    pressEscape(dialog);
    flushSync();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(q('[data-testid="compare-slot"]')).toBeNull();
    unmount(cmp);
  });

  it('stacks the slices of a long detail image', async () => {
    const { cmp, q, slot } = await setup('dry-roasted-hazelnuts');
    await vi.advanceTimersByTimeAsync(700);
    slot(1, 'detail')!.querySelector<HTMLElement>('[data-testid="slot-open"]')!.click();
    flushSync();
    await vi.advanceTimersByTimeAsync(100);
    const after = q('[data-testid="compare-after"]')!;
    expect(after.dataset.parts).toBe('2');
    expect(after.querySelectorAll('[data-testid="compare-slice"]')).toHaveLength(2);
    expect(calls.filter((c) => c.cmd === 'image_view' && c.args.slot === 'detail').map((c) => c.args.part)).toEqual([0, 1]);
    unmount(cmp);
  });
});
