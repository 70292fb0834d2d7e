/**
 * Which of a widget's own controls presenter mode's keys work: Space presses `play` (Train, which
 * turns into Pause and Resume), the arrow keys step `main` (a slider, a number field or a select)
 * or press `less`/`more`, and R presses `reset`. Selectors are relative to the widget's root; a
 * widget without a Reset button goes back to its defaults instead (embed-options.ts,
 * defaultsSearch). Keyed by registry id (src/lib/state/widgets.ts); the browser test checks each
 * selector finds exactly one control on every widget's embed page.
 */

/** CSS selectors of the controls a widget's presenter keys act on. */
export interface PresenterControls {
  readonly play?: string;
  readonly reset?: string;
  /** A range, number or select input: the arrow keys step it. */
  readonly main?: string;
  /** Buttons the arrow keys press, where the widget has no single slider (the diagram's zoom). */
  readonly less?: string;
  readonly more?: string;
}

const TRAIN = '[data-action="train"]';

/** Every widget's presenter controls, by registry id. */
export const presenterControls: Readonly<Record<string, PresenterControls>> = {
  architecture: { less: '[data-zoom="out"]', more: '[data-zoom="in"]', reset: '[data-zoom="fit"]' },
  'receptive-field': { main: 'input[data-control="depth"]' },
  'gradient-flow': { main: '[data-control="depth"] input[type="range"]' },
  'skip-lab': { main: '[data-control="depth"] input[type="range"]', play: TRAIN, reset: '[data-action="reset"]' },
  'lenet-live': { main: 'select[data-control="digit"]', play: TRAIN, reset: '[data-action="reset-training"]' },
  'relu-tanh': { main: 'input[data-input="lr"]', play: TRAIN, reset: '[data-action="reset"]' },
  'batch-norm': { main: 'input[data-input="lr"]', play: TRAIN, reset: '[data-action="reset"]' },
  'inception-cost': { main: '[data-control="reduce"] input[type="range"]', play: '[data-action="time"]' },
  'your-network': { play: '[data-action="erf"]' },
};
