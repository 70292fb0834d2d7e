/**
 * The page's print lifecycle: set up what paper needs just before the page is laid out for print,
 * undo it once the page is back on screen.
 */

/**
 * Runs `prepare` when the page is about to print and the undo it returns once the page is on screen
 * again. Two signals start it: `beforeprint` (the print dialog, `window.print()`, Chromium's
 * printToPDF) and the print media query turning on (print emulation, which fires no
 * `beforeprint`). A second start re-prepares, since the widgets may have changed in between.
 * `afterprint` comes while the print query still matches (after a real print until it turns off,
 * and throughout emulation), so the undo waits for the query to turn off.
 */
export function onPrint(prepare: () => () => void): void {
  const print = matchMedia('print');
  let undo: (() => void) | undefined;
  const before = (): void => {
    undo?.();
    undo = prepare();
  };
  const after = (): void => {
    if (print.matches) return;
    undo?.();
    undo = undefined;
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  print.addEventListener('change', () => (print.matches ? before() : after()));
}
