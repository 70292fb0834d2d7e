/**
 * The run of a side-by-side training widget (ReLU vs tanh, batch norm): a TrainingRun whose
 * chunks are one chunked training job, wired to the widget's Train and Reset buttons, its status
 * and error lines and its backend badge; it pauses while out of view (pause-when-unseen.ts). The widget supplies the job, its settings and the drawing.
 */
import type { JobKind, JobParams } from '../../lib/compute/jobs/index.ts';
import { JobSuperseded, type ComputeClient } from '../../lib/worker/client.ts';
import type { RuntimeStrings } from '../../i18n/strings.ts';
import { chunkReporting, trainChunk, type ChunkedTraining, type ChunkedTrainingKind } from './training-loop.ts';
import { loopStateHooks, TrainingRun } from './training-run.ts';
import { pauseTrainingWhenUnseen } from './pause-when-unseen.ts';

/** The jobs that free a run: no parameters. */
type ResetKind = {
  [K in JobKind]: JobParams<K> extends Record<string, never> ? K : never;
}[JobKind];

export interface SideBySideRunOptions<K extends ChunkedTrainingKind> {
  /** The widget's element: it holds [data-action="train"|"reset"], [data-status], [data-error] and the badge. */
  readonly root: HTMLElement;
  readonly client: ComputeClient;
  /** The chunked training job, e.g. 'batch-norm-train', and the job that frees its run. */
  readonly kind: K;
  readonly resetKind: ResetKind;
  /** Where streamed steps go; its length is the page's step count. */
  readonly history: ChunkedTraining<K>['history'] & { clear(): void };
  /** Steps per job. */
  readonly chunkSteps: number;
  /** The run's length and the job's own parameters, read as each chunk starts. */
  run(): { readonly totalSteps: number; readonly settings: ReturnType<ChunkedTraining<K>['settings']> };
  /** Shown in the status line while the first chunk loads the digits. */
  readonly loading: string;
  /** Redraws a few times a second while steps stream in (atMostEvery). */
  readonly redraw: () => void;
  /** Redraws everything at once (a loop stopped, the run was forgotten). */
  readonly drawAll: () => void;
  /** The run or its running state changed: redraw the controls and the status line. */
  readonly changed: () => void;
  /** The badge's and the error line's words, in the page's language. */
  readonly runtime: RuntimeStrings;
}

/** The widget's run; its Train button toggles it, its Reset button resets it to idle. */
export function sideBySideRun<K extends ChunkedTrainingKind>(options: SideBySideRunOptions<K>): TrainingRun {
  const { root, client, history } = options;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const badge = q<HTMLElement>('.backend-badge');
  const train = client.channel();
  const views = { root, error, status, loading: options.loading, empty: () => history.length === 0 };

  const run: TrainingRun = new TrainingRun('run', {
    chunk: (runId) => {
      const { totalSteps, settings } = options.run();
      return trainChunk(
        {
          channel: train,
          kind: options.kind,
          history,
          totalSteps,
          chunkSteps: options.chunkSteps,
          settings: () => settings,
          ...chunkReporting(status, options.redraw, badge, () => client.onMainThread, options.runtime),
        },
        runId,
      );
    },
    finished: () => history.length >= options.run().totalSteps,
    ...loopStateHooks(views, options.drawAll),
    failed: (e) => {
      if (e instanceof JobSuperseded) return;
      error.textContent = options.runtime.failed(e instanceof Error ? e.message : String(e));
      error.hidden = false;
      root.dataset['state'] = 'error';
      run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
    },
    forgotten: () => {
      history.clear();
      options.drawAll();
    },
    changed: options.changed,
    cancel: () => train.cancel(),
    release: () => client.channel().run(options.resetKind, {}),
  });

  q<HTMLButtonElement>('[data-action="train"]').addEventListener('click', () => run.toggle());
  q<HTMLButtonElement>('[data-action="reset"]').addEventListener('click', () => {
    run.reset();
    root.dataset['state'] = 'idle';
  });
  pauseTrainingWhenUnseen(root, run, options.runtime);
  return run;
}

/** The words of a run's buttons and of the notice shown while its settings are locked. */
export interface RunControlStrings {
  readonly train: string;
  readonly pause: string;
  readonly resume: string;
  readonly settingsLocked: string;
}

/**
 * Train / Pause / Resume and Reset in line with `run` after `done` of `total` steps; the run's
 * `settings` inputs disabled, with a notice saying why, while a run exists.
 */
export function renderRunControls(
  root: HTMLElement,
  run: TrainingRun,
  done: number,
  total: number,
  settings: readonly HTMLInputElement[],
  t: RunControlStrings,
): void {
  for (const input of settings) input.disabled = run.runId !== null;
  const notice = root.querySelector<HTMLElement>('[data-notice]')!;
  const locked = run.runId !== null && done > 0;
  notice.textContent = locked ? t.settingsLocked : '';
  notice.hidden = !locked;
  const trainButton = root.querySelector<HTMLButtonElement>('[data-action="train"]')!;
  trainButton.textContent = run.running ? t.pause : done === 0 ? t.train : t.resume;
  trainButton.disabled = done >= total && !run.running;
  root.querySelector<HTMLButtonElement>('[data-action="reset"]')!.disabled = run.runId === null;
}
