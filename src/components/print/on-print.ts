/**
 * The page's print lifecycle: set up what paper needs just before the page is laid out for print,
 * undo it once the page is back on screen.
 */

/**
 * Runs `prepare` when the page is about to print and the undo it returns once the page is on screen
 * again. Two signals start it: `beforeprint` (the print dialog, `window.print()`, Chromium's
 * printToPDF) and the print media query turning on (print emulation, which fires no
 * `beforeprint`). A second start re-prepares, since the widgets may have changed in between.
 * The undo comes with `afterprint` unless the print query still matches (print emulation: the page
 * is still on paper), else when the query turns off. The query's change events can arrive late
 * (after Chromium's printToPDF, both come once the page is back on screen), hence each event's
 * own value, and an undo at `afterprint` for a start that came after the print.
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
  print.addEventListener('change', (event) => (event.matches ? before() : after()));
}
