// @vitest-environment jsdom
// Settings for drafting: the translation-memory threshold and the optional machine-draft
// endpoint, saved through the mock backend (which checks them as the app does).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import DraftingSettings from './DraftingSettings.svelte';
import { getReviewer, getSettings, setInvoker } from '../../ipc/commands';
import { mockInvoke, resetMock } from '../../ipc/mock';
import type { Settings } from '../../ipc/types';

let saved: Settings[];

// Real timers: the mock answers after 40 ms, as a backend would.
beforeEach(() => {
  resetMock();
  saved = [];
  setInvoker(mockInvoke);
});
afterEach(() => {
  setInvoker(null);
  document.body.innerHTML = '';
});

async function shown() {
  const target = document.createElement('div');
  document.body.append(target);
  const settings = await getSettings();
  const cmp = mount(DraftingSettings, { target, props: { open: true, settings, onsaved: (s: Settings) => saved.push(s) } });
  flushSync();
  const $ = <T extends HTMLElement>(id: string) => target.querySelector<T>(`[data-testid="${id}"]`)!;
  const type = (id: string, value: string) => {
    const input = $<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
  };
  const settle = async () => {
    await vi.waitFor(() => expect($<HTMLButtonElement>('mt-save').querySelector('.spinner')).toBeNull());
    await new Promise((r) => setTimeout(r, 80));
    flushSync();
  };
  return { target, cmp, $, type, settle };
}

describe('DraftingSettings', () => {
  it('shows the threshold, refuses one out of range and saves a good one', async () => {
    const { cmp, $, type, settle } = await shown();
    expect($<HTMLInputElement>('tm-threshold').value).toBe('70');
    type('tm-threshold', '0');
    expect($<HTMLButtonElement>('tm-threshold-save').disabled).toBe(true);
    type('tm-threshold', '85');
    $<HTMLButtonElement>('tm-threshold-save').click();
    await settle();
    expect(saved.at(-1)!.tm_threshold).toBe(85);
    expect((await getSettings()).tm_threshold).toBe(85);
    unmount(cmp);
  });

  it('machine drafts are off until an endpoint and model are saved, and can be turned off', async () => {
    const { cmp, $, type, settle } = await shown();
    expect($('mt-state').dataset.on).toBe('false');
    expect($<HTMLButtonElement>('mt-save').disabled).toBe(true);
    type('mt-endpoint', 'http://127.0.0.1:11434/v1/chat/completions');
    type('mt-model', 'qwen2.5:7b');
    $<HTMLButtonElement>('mt-save').click();
    await settle();
    expect(saved.at(-1)!.mt).toEqual({ endpoint: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b', api_key_env: null });
    unmount(cmp);

    const again = await shown();
    expect(again.$('mt-state').dataset.on).toBe('true');
    expect(again.$<HTMLInputElement>('mt-endpoint').value).toBe('http://127.0.0.1:11434/v1');
    again.$<HTMLButtonElement>('mt-off').click();
    await again.settle();
    expect(saved.at(-1)!.mt).toBeNull();
    expect((await getSettings()).mt).toBeNull();
    unmount(again.cmp);
  });

  it('shows the reviewer the catalog records and saves a new name', async () => {
    const { cmp, $, type } = await shown();
    await vi.waitFor(() => expect($<HTMLInputElement>('reviewer-name').value).toBe('demo'));
    type('reviewer-name', '  Li Wei ');
    $<HTMLButtonElement>('reviewer-save').click();
    await vi.waitFor(() => expect($('reviewer-form').querySelector('[role=status]')).not.toBeNull());
    expect(await getReviewer()).toBe('Li Wei');
    unmount(cmp);
  });

  it('an endpoint that is not a URL is refused with the reason, and nothing is stored', async () => {
    const { cmp, $, type, settle } = await shown();
    type('mt-endpoint', 'localhost:11434');
    type('mt-model', 'qwen2.5:7b');
    $<HTMLButtonElement>('mt-save').click();
    await settle();
    expect($('mt-error').dataset.code).toBe('mt-bad-endpoint');
    expect(saved).toEqual([]);
    expect((await getSettings()).mt).toBeNull();
    unmount(cmp);
  });
});
