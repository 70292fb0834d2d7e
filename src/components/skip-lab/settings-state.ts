/**
 * The lab's settings as a pure reducer (the reader's change in, the validated URL state and the
 * run configuration it gives out) and what the controls show for them and the run's state
 * (values, locks, notices, the Train / Reset buttons, whether the trained nets can be analysed).
 * settings-panel.ts and skip-lab.client.ts reconcile the DOM with it. No DOM, so it is
 * unit-tested in Node.
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import type { LabConfig } from '../../lib/compute/lab/config.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { skipLabSchema, type SkipLabState } from '../../lib/state/schemas/skip-lab.ts';
import { labConfig } from './plan.ts';

/** The lab's settings: the URL state, and the run configuration and notices it gives (plan.ts's labConfig). */
export interface LabSettings {
  readonly state: SkipLabState;
  readonly config: LabConfig;
  /** Why the configuration differs from the state (an impossible baseline, a warm-up as long as the run). */
  readonly notices: readonly string[];
}

/** The settings of `value` (clamped and completed by the lab's URL schema). */
export function labSettings(t: SkipLabStrings, value: Partial<SkipLabState>): LabSettings {
  const state = stateFromProps(skipLabSchema, value).state;
  return { state, ...labConfig(t, state) };
}

/** The settings after the reader's `change`, and whether the URL state changed (it is written then). */
export function changeSettings(
  t: SkipLabStrings,
  settings: LabSettings,
  change: Partial<SkipLabState>,
): { readonly settings: LabSettings; readonly changed: boolean } {
  const next = labSettings(t, { ...settings.state, ...change });
  return { settings: next, changed: JSON.stringify(settings.state) !== JSON.stringify(next.state) };
}

/** The run's state as the controls need it: a TrainingRun, or its values. */
export interface RunState {
  /** The reader wants it training. */
  readonly running: boolean;
  /** The run the worker holds, or null (before the first Train, after Reset). */
  readonly runId: string | null;
}

/** What the lab's controls show. */
export interface ControlsView {
  /** Settings can't change while a run exists (its nets were built from them). */
  readonly locked: boolean;
  /** The notices in one line; '' hides it. */
  readonly notice: string;
  readonly trainLabel: string;
  readonly trainDisabled: boolean;
  readonly resetDisabled: boolean;
  /** Trained nets exist: the lesion, study and landscape controls are on. */
  readonly trained: boolean;
}

/** The controls for `settings` while the run is in state `run` with `steps` steps trained. */
export function controlsView(t: SkipLabStrings, settings: LabSettings, run: RunState, steps: number): ControlsView {
  const locked = run.runId !== null;
  const trained = locked && steps > 0;
  return {
    locked,
    notice: [...settings.notices, ...(trained ? [t.settingsLocked] : [])].join(' '),
    trainLabel: run.running ? t.pause : steps === 0 ? t.train : t.resume,
    trainDisabled: steps >= settings.config.totalSteps && !run.running,
    resetDisabled: !locked,
    trained,
  };
}
