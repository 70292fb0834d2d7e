/**
 * The interactive part of <skip-lab>, loaded when the widget nears the viewport. Training runs
 * as a loop of short 'lab-train' jobs (pause = stop asking for the next one, so it takes
 * effect within a chunk), each streaming its steps into the TrainingHistory; the lesion,
 * landscape and gradient-flow jobs (trained-nets.ts) read the trained nets the worker keeps.
 * This composes the settings (settings-state.ts, settings-panel.ts), the curves
 * (curves-view.ts) and the analyses with the run.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { SkipLabState } from '../../lib/state/schemas/skip-lab.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import { curvesView } from './curves-view.ts';
import { TrainingHistory } from './history.ts';
import { CHUNK_STEPS } from './plan.ts';
import { settingsPanel } from './settings-panel.ts';
import { changeSettings, controlsView, labSettings } from './settings-state.ts';
import { trainedNetAnalyses } from './trained-nets.ts';
import { chunkReporting, trainChunk, trainingStatusText } from '../widget/training-loop.ts';
import { loopStateHooks, TrainingRun } from '../widget/training-run.ts';
import { pauseTrainingWhenUnseen } from '../widget/pause-when-unseen.ts';

export interface MountOptions {
  readonly initial: Partial<SkipLabState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: SkipLabState) => void;
}

/** The UI strings this client uses, in the page's language. */
export type SkipLabUi = Pick<UiStrings, 'skipLab' | 'runtime' | 'recordedRun' | 'numbers'>;

/** Wires one <skip-lab> element. Nothing trains until the reader presses Train. */
export function mountSkipLab(root: HTMLElement, options: MountOptions, strings: SkipLabUi): void {
  const { skipLab: t, runtime } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const trainButton = q<HTMLButtonElement>('[data-action="train"]');
  const resetButton = q<HTMLButtonElement>('[data-action="reset"]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const badge = q<HTMLElement>('.backend-badge');
  const client = computeClient();
  const train = client.channel();
  const history = new TrainingHistory();
  let settings = labSettings(t, options.initial);
  /** What the run's jobs read of the settings. */
  const runSettings = () => ({ config: settings.config, identity: settings.state.identity });

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, settings.config.totalSteps, run.running, t);
  };
  const curves = curvesView(root, strings, history, () => settings, renderTrainingStatus);
  /** Controls in line with the settings and the run; settings locked while a run exists. */
  const renderControls = (): void => {
    const view = controlsView(t, settings, run, history.length);
    panel.render(settings, view);
    trainButton.textContent = view.trainLabel;
    trainButton.disabled = view.trainDisabled;
    resetButton.disabled = view.resetDisabled;
    analyses.enable(view.trained);
  };

  // ── training ──
  const loopViews = { root, error, status, loading: t.loadingData, empty: () => history.length === 0 };
  /** The reader's run: chunks of 'lab-train' jobs, Train / Pause / Resume / Reset. */
  const run = new TrainingRun('run', {
    chunk: (runId) =>
      trainChunk(
        {
          channel: train,
          kind: 'lab-train',
          history,
          totalSteps: settings.config.totalSteps,
          chunkSteps: CHUNK_STEPS,
          settings: runSettings,
          ...chunkReporting(status, curves.schedule, badge, () => client.onMainThread, runtime),
        },
        runId,
      ),
    finished: () => history.length >= settings.config.totalSteps,
    ...loopStateHooks(loopViews, () => {
      curves.draw();
      analyses.flow();
    }),
    failed: showError,
    forgotten: () => {
      history.clear();
      analyses.forget();
      curves.draw();
    },
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
    cancel: () => train.cancel(),
    release: () => client.channel().run('lab-reset', {}),
  });

  const analyses = trainedNetAnalyses(root, strings, client, {
    run,
    settings: runSettings,
    steps: () => history.length,
    meta: (meta) => showJobMeta(badge, meta, client.onMainThread, runtime),
    failed: showError,
    controlsChanged: renderControls,
  });

  trainButton.addEventListener('click', () => {
    analyses.showBlocks();
    run.toggle();
  });
  resetButton.addEventListener('click', () => {
    analyses.cancel();
    run.reset();
    analyses.clear();
    root.dataset['state'] = 'idle';
  });

  // ── settings ──
  const panel = settingsPanel(root, t, (change) => {
    const previous = settings;
    const next = changeSettings(t, previous, change);
    settings = next.settings;
    if (next.changed) options.onStateChange?.(settings.state);
    renderControls();
    if (previous.state.identity !== settings.state.identity) {
      curves.draw();
      analyses.flow();
    }
    if (run.runId === null) {
      curves.draw();
      renderTrainingStatus();
    }
  });
  // Last: a hold (the tab is hidden) redraws the controls at once, so they must all be there.
  pauseTrainingWhenUnseen(root, run, runtime);

  renderControls();
}
