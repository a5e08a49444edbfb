// For component tests: jsdom has <dialog> but not showModal()/close(). Enough of them for
// Dialog.svelte: the open attribute, and a `close` event as a browser sends it.
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __polyfilled?: boolean };
  if (typeof proto.showModal === 'function' || proto.__polyfilled) return;
  proto.__polyfilled = true;
  if (!('open' in proto)) {
    Object.defineProperty(proto, 'open', {
      get(this: HTMLDialogElement) {
        return this.hasAttribute('open');
      },
      set(this: HTMLDialogElement, v: boolean) {
        this.toggleAttribute('open', v);
      },
    });
  }
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.show = proto.showModal;
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/** Esc on an open modal dialog: the browser fires a cancelable `cancel` event at it. */
export function pressEscape(dialog: Element): void {
  dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
}
