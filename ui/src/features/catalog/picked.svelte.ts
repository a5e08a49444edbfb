// The products picked in the list for a bulk edit: some by handle (Ctrl/Cmd-click, Space,
// Shift-click for a range), or every product the list's search and filters match (Ctrl+A).
// Picking is apart from the selected row (the one the keys move and Enter opens).

export class Picked {
  /** Picked by handle (ignored while `all`). */
  handles = $state<ReadonlySet<string>>(new Set());
  /** Every product the list's query matches, loaded or not. */
  all = $state(false);
  /** Where a Shift-click range starts: the last row toggled. */
  #anchor = -1;

  /** How many are picked, out of `total` matching. */
  count(total: number): number {
    return this.all ? total : this.handles.size;
  }

  has(handle: string): boolean {
    return this.all || this.handles.has(handle);
  }

  toggle(handle: string, index: number): void {
    const next = new Set(this.all ? [] : this.handles);
    if (this.all) this.all = false;
    if (next.has(handle)) next.delete(handle);
    else next.add(handle);
    this.handles = next;
    this.#anchor = index;
  }

  /** Picks the rows from the last toggled one to `index` (`handleAt` gives a loaded row's handle). */
  range(index: number, handleAt: (i: number) => string | undefined): void {
    const from = this.#anchor < 0 ? index : this.#anchor;
    const next = new Set(this.all ? [] : this.handles);
    for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
      const h = handleAt(i);
      if (h) next.add(h);
    }
    this.all = false;
    this.handles = next;
    this.#anchor = index;
  }

  selectAll(): void {
    this.all = true;
    this.handles = new Set();
  }

  clear(): void {
    this.all = false;
    this.handles = new Set();
    this.#anchor = -1;
  }
}
