/**
 * Whether a widget is seen: some part of it on screen (an IntersectionObserver with threshold 0
 * and no margin, unlike when-visible.ts, which starts a widget a little before it arrives) in a
 * tab that is shown (`document.visibilityState`). Work a reader cannot see waits for it: a
 * training loop holds (pause-when-unseen.ts), a series of jobs starts no next one (SeenGate).
 */

/** What `watchSeen` observes with: the page's own by default, stand-ins in unit tests. */
export interface SeenEnvironment {
  readonly IntersectionObserver: typeof IntersectionObserver | undefined;
  readonly document: Pick<Document, 'visibilityState' | 'addEventListener'>;
}

const browserEnvironment = (): SeenEnvironment => ({
  IntersectionObserver: typeof IntersectionObserver === 'undefined' ? undefined : IntersectionObserver,
  document,
});

/**
 * Calls `onChange(seen)` at once and whenever `element`'s being seen changes: false while it is
 * wholly off screen or its tab is hidden. Without IntersectionObserver only the tab counts.
 * Lives as long as the page (widgets are not torn down).
 */
export function watchSeen(
  element: Element,
  onChange: (seen: boolean) => void,
  env: SeenEnvironment = browserEnvironment(),
): void {
  let onScreen = true;
  let last: boolean | null = null;
  const report = (): void => {
    const seen = onScreen && env.document.visibilityState !== 'hidden';
    if (seen === last) return;
    last = seen;
    onChange(seen);
  };
  env.document.addEventListener('visibilitychange', report);
  if (env.IntersectionObserver !== undefined) {
    const observer = new env.IntersectionObserver(
      (entries) => {
        // One element observed: its latest entry is where it is now.
        const entry = entries.at(-1);
        if (entry !== undefined) onScreen = entry.isIntersecting;
        report();
      },
      { threshold: 0 },
    );
    observer.observe(element);
  }
  report();
}

/** Whether a widget is seen, for work that should start only then: `await gate.whenSeen()` before each job. */
export class SeenGate {
  #seen = true;
  readonly #waiting: (() => void)[] = [];

  /** Whether the widget is seen now (true until told otherwise). */
  get seen(): boolean {
    return this.#seen;
  }

  /** Records whether the widget is seen (`watchSeen`'s callback); seeing it again lets the waiting go on. */
  set(seen: boolean): void {
    this.#seen = seen;
    if (seen) for (const resolve of this.#waiting.splice(0)) resolve();
  }

  /** Resolves at once while the widget is seen, else when it is seen again. */
  whenSeen(): Promise<void> {
    return this.#seen ? Promise.resolve() : new Promise((resolve) => this.#waiting.push(resolve));
  }
}
