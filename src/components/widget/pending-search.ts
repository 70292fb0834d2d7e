/**
 * Address writes, coalesced. Widgets change their state on every slider input event; writing the
 * address each time cost 2–17 ms per `history.replaceState` on a chapter page (measured on
 * /receptive-fields/), a large part of each event's task. Writes wait here and go out together,
 * once per interval, with each widget's latest state. No schema code: the Share/Embed control
 * imports this to read the address as it is about to be.
 */

/** How long an address write waits for later ones to join it, ms. */
export const URL_WRITE_DELAY_MS = 150;

/** Each widget's latest state waiting to be written, as a function of the address it merges into. */
const pendingWrites = new Map<HTMLElement, (search: string) => string>();
let writeTimer: ReturnType<typeof setTimeout> | undefined;

/** The address's query string with every pending widget state merged in (what it will be). */
export function currentSearch(): string {
  let search = location.search;
  for (const merge of pendingWrites.values()) search = merge(search);
  return search;
}

/** Writes the pending states into the address now (also when the page is hidden or left). */
export function flushUrlState(): void {
  if (writeTimer !== undefined) clearTimeout(writeTimer);
  writeTimer = undefined;
  if (pendingWrites.size === 0) return;
  const search = currentSearch();
  pendingWrites.clear();
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

if (typeof addEventListener === 'function') {
  addEventListener('pagehide', flushUrlState);
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushUrlState());
}

/** Queues `merge` (the widget's latest state merged into a query string) for the next write. */
export function queueUrlWrite(root: HTMLElement, merge: (search: string) => string): void {
  pendingWrites.set(root, merge);
  writeTimer ??= setTimeout(flushUrlState, URL_WRITE_DELAY_MS);
}
