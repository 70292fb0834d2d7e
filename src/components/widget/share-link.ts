/**
 * The address that opens a widget in its current state, shared by the Share/Embed panel and the
 * printed page.
 */
import { currentSearch } from './pending-search.ts';

/**
 * This page's address with its query as it is about to be written (every widget's pending state
 * merged in) and `root`'s id as the fragment, so the link scrolls to the widget it shares.
 */
export function shareLink(root: HTMLElement): string {
  return `${location.origin}${location.pathname}${currentSearch()}#${root.id}`;
}
