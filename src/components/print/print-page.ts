/**
 * A page on paper (loaded by every widget and diagram, runs once): at print time every widget
 * shows its current state as static content — canvases as image snapshots, its Data disclosures
 * open (a closed <details> prints only its summary), and the address that opens the same state
 * written out in its print link ([data-print-link], PrintLink.astro) — and all of it is undone
 * once the page is back on screen.
 */
import { onPrint } from './on-print.ts';
import { snapshotCanvases } from './canvas-snapshot.ts';
import { shareLink } from '../widget/share-link.ts';

onPrint(() => {
  const undoSnapshots = snapshotCanvases(document);
  const opened = [...document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])')];
  for (const details of opened) details.open = true;
  for (const address of document.querySelectorAll('[data-print-link] > span')) {
    const root = address.closest<HTMLElement>('[data-widget]');
    if (root) address.textContent = shareLink(root);
  }
  return () => {
    undoSnapshots();
    for (const details of opened) details.open = false;
  };
});
