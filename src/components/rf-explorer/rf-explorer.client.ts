/**
 * The interactive part of <rf-explorer>, loaded when the widget nears the viewport: the wiring of
 * its parts. One RfModel (rf-reducer.ts) says what the widget shows; every change goes through
 * the reducer, the settings panel (rf-controls.ts) and the figure (rf-view.ts) show the result,
 * changes the reader makes are reported through `onStateChange`, and rf-job.ts measures it in
 * the compute worker (a newer request supersedes the running one).
 */
import type { UiStrings } from '../../i18n/strings.ts';
import { normalizeRfState, type RfExplorerState } from '../../lib/state/rf-explorer.ts';
import { oncePerFrame } from '../widget/redraw.ts';
import { wireRfInput } from './rf-input.ts';
import { rfJobs } from './rf-job.ts';
import { chartOf, type RfMeasurement } from './rf-measurement.ts';
import { rfReadout, type RfShown } from './rf-readout.ts';
import { reduceRf, type RfModel } from './rf-reducer.ts';
import { rfView } from './rf-view.ts';

/** What mountRfExplorer gives the <rf-explorer> element: its state, read and set. */
export interface RfExplorerHandle {
  /** The state the widget shows. */
  readonly state: RfExplorerState;
  /** Shows `next` (merged into the current state and validated); does not call onStateChange. */
  setState(next: Partial<RfExplorerState>): void;
}

/** How an explorer starts: its state (any fields; validated) and who hears of the reader's changes. */
export interface MountOptions {
  readonly initial: Partial<RfExplorerState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: RfExplorerState) => void;
}

/** The UI strings this client uses, in the page's language. */
export type RfExplorerUi = Pick<UiStrings, 'rfExplorer' | 'runtime'>;

/** Wires one <rf-explorer> element and computes its first result. */
export function mountRfExplorer(root: HTMLElement, options: MountOptions, strings: RfExplorerUi): RfExplorerHandle {
  const { rfExplorer: t, runtime } = strings;
  const notice = root.querySelector<HTMLElement>('[data-notice]')!;
  const view = rfView(root, t);
  let model: RfModel | undefined;
  let shown: RfShown;
  /** Messages about values that were replaced; shown until the next change. */
  let replaced: string[] = [];
  const showNotice = (messages: readonly string[]): void => {
    const all = [...replaced, ...messages];
    notice.textContent = all.join(' ');
    notice.hidden = all.length === 0;
  };

  /** Events only change `shown`; it is drawn once in the next frame (redraw.ts). */
  const scheduleDraw = oncePerFrame(() => {
    const readout = rfReadout(model!, shown, chartOf(last, model!.state), t);
    view.draw(model!, readout);
    if (readout.dead) showNotice(readout.dead);
  });
  let last: RfMeasurement | null = null;
  const measure = rfJobs(root, strings, (next, measured) => {
    shown = next;
    last = measured;
    scheduleDraw();
  });

  /** Applies `change`, redraws, recomputes; `byReader` reports the change. */
  const update = (change: Partial<RfExplorerState>, byReader: boolean): void => {
    model = reduceRf(model?.state ?? normalizeRfState(options.initial).state, change);
    replaced = model.notices.map((n) => t.adjusted(t.fieldNames[n.field], String(n.given), String(n.used)));
    showNotice(model.failure === null ? [] : [runtime.failed(model.failure)]);
    view.show(model);
    shown = { maps: [], result: null };
    scheduleDraw();
    if (model.changed && byReader) options.onStateChange?.(model.state);
    if (model.changed) void measure(model);
  };
  wireRfInput(
    root,
    t,
    () => model!,
    (change) => update(change, true),
  );

  update({}, false);
  void measure(model!);
  return {
    get state() {
      return model!.state;
    },
    setState(next) {
      update(next, false);
    },
  };
}
