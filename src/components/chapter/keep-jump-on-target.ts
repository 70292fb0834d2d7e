/**
 * In-page jumps that stay on their target. Off-screen chapter paragraphs skip rendering
 * (`content-visibility: auto` in site.css) and stand in at an estimated height. A jump (a
 * citation to the reference list, the table of contents, an address with a #fragment) lands where
 * those estimates put the target; then the paragraphs around it render at their real heights and
 * push it out of view. For a few frames after a jump, while the target still moves, it is
 * scrolled back into place. A reader who scrolls, taps or presses a key meanwhile takes over.
 */

/** Frames a jump is watched for at most (~0.5 s at 60 Hz). */
const SETTLE_FRAMES = 30;
/** Frames in a row the target must keep its place before the watch ends. */
const STILL_FRAMES = 3;

/** The watch in progress, if any: aborting it ends the watch and removes its listeners. */
let watch: AbortController | undefined;

function targetOf(hash: string): HTMLElement | null {
  if (hash.length <= 1) return null;
  try {
    return document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return null; // a malformed %-escape in the address
  }
}

/** Re-scrolls `target` into view each frame until it stops moving (or SETTLE_FRAMES pass). */
function settleOn(target: HTMLElement): void {
  watch?.abort();
  const current = new AbortController();
  watch = current;
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const) {
    addEventListener(type, () => current.abort(), { passive: true, capture: true, signal: current.signal });
  }
  let lastTop = Number.NaN;
  let still = 0;
  let frames = 0;
  const check = (): void => {
    if (current.signal.aborted) return;
    const top = target.getBoundingClientRect().top;
    still = Math.abs(top - lastTop) < 1 ? still + 1 : 0;
    if (still >= STILL_FRAMES || ++frames > SETTLE_FRAMES) return current.abort();
    if (!Number.isNaN(lastTop) && still === 0) target.scrollIntoView({ block: 'start' });
    lastTop = target.getBoundingClientRect().top;
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Watches every same-page jump: link clicks, back/forward between fragments, and the first load. */
export function keepJumpsOnTarget(): void {
  addEventListener('hashchange', () => {
    const target = targetOf(location.hash);
    if (target) settleOn(target);
  });
  // A click on a link to the fragment already in the address jumps without a hashchange.
  addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    if (!(link instanceof HTMLAnchorElement) || link.hash !== location.hash) return;
    const target = targetOf(link.hash);
    if (target) settleOn(target);
  });
  const initial = targetOf(location.hash);
  if (initial) settleOn(initial);
}
