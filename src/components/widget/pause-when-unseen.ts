/**
 * A training widget pauses while no one sees it (issue 24): when it is wholly off screen or its
 * tab is hidden (seen.ts), its TrainingRun holds (the chunk in flight finishes, no next one is
 * asked for), its root says `data-state="paused"` and a live line says why; seen again, the run
 * goes on by itself if the reader had it training. The hold is not the reader's Pause: a run
 * the reader paused stays paused. The reader may opt out per widget with the "Keep training in
 * the background" checkbox (BackgroundTraining.astro).
 *
 * The checkbox is deliberately not URL state: it changes nothing the widget computes or shows,
 * only when this device spends its time on it, so it is the viewer's preference, not part of the
 * configuration a link shares. In the address it would let a shared link or an embedding page
 * keep someone else's machine training out of sight without their choosing it.
 */
import type { RuntimeStrings } from '../../i18n/strings.ts';
import type { TrainingRun } from './training-run.ts';
import { watchSeen } from './seen.ts';

/** What a run needs to be held (TrainingRun has it). */
export type HoldableRun = Pick<TrainingRun, 'hold' | 'unhold' | 'onHold' | 'onChange'>;

/** The parts of the widget the pause touches (plain objects in unit tests). */
export interface UnseenPauseParts {
  /** The widget's element: its `data-state` is "paused" while the hold keeps it from training. */
  readonly root: { readonly dataset: DOMStringMap };
  /** The live line that says so ("Paused while out of view"); empty otherwise. */
  readonly label: { textContent: string | null };
  /** The reader's opt-out, "Keep training in the background": while checked the run is never held. */
  readonly keep: Pick<HTMLInputElement, 'checked' | 'addEventListener'>;
}

/**
 * Holds `run` while `watch` reports the widget unseen (unless `keep` is checked) and shows it in
 * `parts`. `watch(onChange)` calls back with whether the widget is seen (watchSeen on its root).
 * Leaving the paused display puts back the `data-state` it replaced, unless something else (an
 * error, a finished run, a Reset) has set one meanwhile.
 */
export function pauseWhenUnseen(
  parts: UnseenPauseParts,
  run: HoldableRun,
  pausedText: string,
  watch: (onChange: (seen: boolean) => void) => void,
): void {
  const { root, label, keep } = parts;
  let seen = true;
  let replaced: string | undefined;
  const show = (): void => {
    const state = root.dataset['state'];
    if (run.onHold) {
      if (state !== 'paused') replaced = state;
      root.dataset['state'] = 'paused';
    } else if (state === 'paused') {
      root.dataset['state'] = replaced ?? 'idle';
    }
    const text = run.onHold ? pausedText : '';
    if (label.textContent !== text) label.textContent = text;
  };
  const apply = (): void => {
    if (seen || keep.checked) run.unhold();
    else run.hold();
  };
  run.onChange(show);
  keep.addEventListener('change', apply);
  watch((now) => {
    seen = now;
    apply();
  });
}

/**
 * `pauseWhenUnseen` for a training widget's element `root`, which holds BackgroundTraining.astro's
 * checkbox (`[data-keep-training]`) and line (`[data-paused-unseen]`), in the page's language.
 */
export function pauseTrainingWhenUnseen(root: HTMLElement, run: HoldableRun, runtime: RuntimeStrings): void {
  const keep = root.querySelector<HTMLInputElement>('[data-keep-training]')!;
  const label = root.querySelector<HTMLElement>('[data-paused-unseen]')!;
  pauseWhenUnseen({ root, label, keep }, run, runtime.pausedUnseen, (onChange) => watchSeen(root, onChange));
}
