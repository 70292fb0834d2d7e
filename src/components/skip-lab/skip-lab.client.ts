/**
 * The interactive part of <skip-lab>, loaded when the widget nears the viewport. Training runs
 * as a loop of short 'lab-train' jobs (pause = stop asking for the next one, so it takes
 * effect within a chunk), each streaming its steps into the TrainingHistory; the lesion,
 * landscape and gradient-flow jobs read the trained nets the worker keeps. All numbers come
 * from the jobs; plan.ts words and tabulates them, the renderers in src/lib/viz draw them.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { JobParams, JobProgress, JobResult } from '../../lib/compute/jobs/index.ts';
import { LAB_NETS, type LabConfig } from '../../lib/compute/lab/config.ts';
import { skipLabSchema, type SkipLabState } from '../../lib/state/schemas/skip-lab.ts';
import { stateFromProps } from '../../lib/state/schema.ts';
import { renderLineChart, type LineSeries } from '../../lib/viz/line-chart.ts';
import { RecordedRunSlot } from '../widget/recorded-run.ts';
import { residualBlockSvg } from '../../lib/viz/residual-block.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import { showJobMeta } from '../runtime/badge.ts';
import {
  blockDiagramOptions,
  byKChartOptions,
  contourOptions,
  curveChart,
  type CurveMetric,
  flowChartOptions,
  lesionBarsOptions,
  sliceChartOptions,
} from './charts.ts';
import { TrainingHistory } from './history.ts';
import {
  byKRows,
  CHUNK_STEPS,
  degradationSummary,
  FLOW_SAMPLES,
  flowRows,
  formatPercent,
  historyRows,
  LANDSCAPE,
  labBlocks,
  labConfig,
  LESION_MAX_K,
  LESION_TRIALS,
  netLabels,
  perBlockRows,
  recordedNote,
  showsRecording,
  sliceRows,
} from './plan.ts';
import { fillRows } from '../widget/table-rows.ts';
import { chunkReporting, TRAINING_REDRAW_MS, trainChunk, trainingStatusText } from '../widget/training-loop.ts';
import { loopStateHooks, TrainingRun } from '../widget/training-run.ts';
import { pauseTrainingWhenUnseen } from '../widget/pause-when-unseen.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { atMostEvery } from '../widget/redraw.ts';

export interface MountOptions {
  readonly initial: Partial<SkipLabState>;
  /** Called with the whole new state after every change the reader makes. */
  readonly onStateChange?: (state: SkipLabState) => void;
}

const SETTINGS = ['depth', 'width', 'batch', 'lr', 'momentum', 'decay', 'warmup', 'steps'] as const;

/** The UI strings this client uses, in the page's language. */
export type SkipLabUi = Pick<UiStrings, 'skipLab' | 'runtime' | 'recordedRun' | 'numbers'>;

/** Wires one <skip-lab> element. Nothing trains until the reader presses Train. */
export function mountSkipLab(root: HTMLElement, options: MountOptions, strings: SkipLabUi): void {
  const { skipLab: t, runtime, recordedRun, numbers } = strings;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
  const selects = (['shallow', 'schedule'] as const).map(
    (key) => [key, q<HTMLSelectElement>(`select[data-control="${key}"]`)] as const,
  );
  const trainButton = q<HTMLButtonElement>('[data-action="train"]');
  const resetButton = q<HTMLButtonElement>('[data-action="reset"]');
  const identityButton = q<HTMLButtonElement>('[data-action="identity"]');
  const studyButton = q<HTMLButtonElement>('[data-action="study"]');
  const landscapeButton = q<HTMLButtonElement>('[data-action="landscape"]');
  const cancelButton = q<HTMLButtonElement>('[data-action="cancel"]');
  const progressBar = q<HTMLProgressElement>('[data-progress]');
  const trainingStatus = q<HTMLElement>('[data-training-status]');
  const verdict = q<HTMLElement>('[data-verdict]');
  const status = q<HTMLElement>('[data-status]');
  const error = q<HTMLElement>('[data-error]');
  const notice = q<HTMLElement>('[data-notice]');
  const badge = q<HTMLElement>('.backend-badge');
  const chart = (name: string) => q<HTMLElement>(`[data-chart="${name}"]`);
  const blocksBox = q<HTMLElement>('[data-blocks]');
  const lesionResult = q<HTMLElement>('[data-lesion-result]');
  const flowNote = q<HTMLElement>('[data-flow-note]');
  const client = computeClient();
  const train = client.channel();
  const lesion = client.channel();
  const landscape = client.channel();
  const flow = client.channel();
  const history = new TrainingHistory();
  const recordedNoteText = q<HTMLElement>('[data-recorded-note]');
  /** The recorded reference run, once fetched; or why it could not be. */
  const recorded = new RecordedRunSlot('degradation', LAB_NETS);

  const validate = (value: Partial<SkipLabState>): SkipLabState => stateFromProps(skipLabSchema, value).state;
  let state = validate(options.initial);
  let config: LabConfig = labConfig(t, state).config;
  let lesions: string[] = [];

  const showError = (e: unknown): void => {
    if (e instanceof JobSuperseded) return;
    error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
    error.hidden = false;
    root.dataset['state'] = 'error';
    run.forgetIfLost(e); // reset elsewhere, lost with the GPU, a restarted worker
  };
  const showMeta = (meta: Parameters<typeof showJobMeta>[1]): void =>
    showJobMeta(badge, meta, client.onMainThread, runtime);

  const shownRecording = (): typeof recorded.recording =>
    showsRecording(recorded.recording, state, config) ? recorded.recording : null;
  const drawChart = (metric: CurveMetric): void =>
    patchMarkup(chart(metric), curveChart(t, metric, history, shownRecording(), config, state.identity));
  const drawSummary = (): void => {
    recordedNoteText.textContent =
      recorded.note((r) => recordedNote(t, recordedRun, r, state, config), recordedRun) ?? recordedNoteText.textContent;
    verdict.textContent = degradationSummary(t, history, config);
    fillRows(q('[data-history-table]'), historyRows(history));
  };
  const drawCurves = (): void => {
    drawChart('loss');
    drawChart('accuracy');
    drawSummary();
  };
  /** Curves, tables and status line, redrawn a few times a second however fast steps stream in: a frame for each chart, then one for the rest. */
  const scheduleRedraw = atMostEvery(
    TRAINING_REDRAW_MS,
    () => drawChart('loss'),
    () => drawChart('accuracy'),
    () => {
      drawSummary();
      renderTrainingStatus();
    },
  );

  const drawBlock = (): void => {
    patchMarkup(q<HTMLElement>('[data-block-diagram]'), residualBlockSvg(blockDiagramOptions(t, state.identity)));
    identityButton.setAttribute('aria-pressed', String(state.identity));
    identityButton.textContent = state.identity ? t.identityOn : t.identityOff;
  };

  /** Controls in line with the state; settings locked while a run exists. */
  const renderControls = (): void => {
    for (const [key, input] of inputs) {
      input.value = String(state[key]);
      input.disabled = run.runId !== null;
    }
    q<HTMLElement>('[data-depth-value]').textContent = t.depthValue(state.depth);
    inputs[0]?.[1].setAttribute('aria-valuetext', t.depthValue(state.depth));
    q<HTMLElement>('[data-width-value]').textContent = String(state.width);
    for (const [key, select] of selects) {
      select.value = key === 'shallow' ? String(config.shallowDepth) : state.schedule;
      select.disabled = run.runId !== null;
    }
    const notices = labConfig(t, state).notices;
    if (run.runId !== null && history.length > 0) notices.push(t.settingsLocked);
    notice.textContent = notices.join(' ');
    notice.hidden = notices.length === 0;
    const done = history.length >= config.totalSteps;
    trainButton.textContent = run.running ? t.pause : history.length === 0 ? t.train : t.resume;
    trainButton.disabled = done && !run.running;
    resetButton.disabled = run.runId === null;
    const trained = run.runId !== null && history.length > 0;
    studyButton.disabled = !trained;
    landscapeButton.disabled = !trained;
    for (const button of blocksBox.querySelectorAll('button')) button.disabled = !trained;
    if (trained && lesionResult.textContent === t.needsTraining) lesionResult.textContent = t.lesionPrompt;
    drawBlock();
  };

  const renderTrainingStatus = (): void => {
    trainingStatus.textContent = trainingStatusText(history, config.totalSteps, run.running, t);
  };

  const drawBlockButtons = (): void => {
    blocksBox.replaceChildren(
      ...labBlocks(config).map((block) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'widget-button sl-block-button';
        button.dataset['block'] = block;
        button.textContent = block;
        button.setAttribute('aria-label', t.blockButton(block));
        button.setAttribute('aria-pressed', String(lesions.includes(block)));
        button.addEventListener('click', () => {
          lesions = lesions.includes(block) ? lesions.filter((b) => b !== block) : [...lesions, block];
          button.setAttribute('aria-pressed', String(lesions.includes(block)));
          void runLesion(false);
        });
        return button;
      }),
    );
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
          totalSteps: config.totalSteps,
          chunkSteps: CHUNK_STEPS,
          settings: () => ({ config, identity: state.identity }),
          ...chunkReporting(status, scheduleRedraw, badge, () => client.onMainThread, runtime),
        },
        runId,
      ),
    finished: () => history.length >= config.totalSteps,
    ...loopStateHooks(loopViews, () => {
      drawCurves();
      void runFlow();
    }),
    failed: showError,
    forgotten: () => {
      history.clear();
      lesions = [];
      drawBlockButtons();
      drawCurves();
    },
    changed: () => {
      renderControls();
      renderTrainingStatus();
    },
    cancel: () => train.cancel(),
    release: () => client.channel().run('lab-reset', {}),
  });
  pauseTrainingWhenUnseen(root, run, runtime);

  const pause = (): void => run.pause();
  trainButton.addEventListener('click', () => {
    if (blocksBox.childElementCount === 0) drawBlockButtons();
    run.toggle();
  });

  resetButton.addEventListener('click', () => {
    lesion.cancel();
    landscape.cancel();
    flow.cancel();
    run.reset();
    for (const name of ['flow', 'per-block', 'by-k', 'slice', 'contour-plain', 'contour-residual'])
      chart(name).replaceChildren();
    for (const table of ['flow', 'per-block', 'by-k', 'slice']) fillRows(q(`[data-${table}-table]`), []);
    lesionResult.textContent = t.needsTraining;
    flowNote.textContent = t.flowPending;
    flowNote.hidden = false;
    root.dataset['state'] = 'idle';
  });

  // ── analyses of the trained nets (each pauses training first) ──
  const analysing = async <K extends 'lab-flow' | 'lab-lesion' | 'lab-landscape'>(
    channel: typeof lesion,
    kind: K,
    params: Omit<JobParams<K>, 'runId'>,
    onProgress?: (p: JobProgress<K>) => void,
  ): Promise<JobResult<K> | null> => {
    const runId = run.runId;
    if (runId === null) return null;
    if (run.running) pause();
    root.dataset['state'] = 'computing';
    error.hidden = true;
    try {
      // Every analysis takes the run's id besides its own parameters (spread loses K's type).
      const withRun = { runId, ...params } as JobParams<K>;
      const { result, meta } = await channel.run(kind, withRun, onProgress ? { onProgress } : {});
      showMeta(meta);
      root.dataset['state'] = run.running ? 'computing' : 'ready';
      return result;
    } catch (e) {
      showError(e);
      if (e instanceof JobSuperseded) root.dataset['state'] = 'ready';
      return null;
    }
  };

  const runFlow = async (): Promise<void> => {
    if (run.runId === null || history.length === 0) return;
    const result = await analysing(flow, 'lab-flow', {
      identity: state.identity,
      sampleCount: FLOW_SAMPLES,
    });
    if (result === null) return;
    const names = netLabels(t, config);
    const series: LineSeries[] = (['plain', 'residual'] as const).map((twin) => ({
      className: `sl-net sl-${twin}`,
      label: twin === 'residual' && !state.identity ? t.residualNoIdentity(config.depth) : names[twin],
      points: result.nets[twin].layers.map(
        (layer, i) => [layer, result.nets[twin].activation[i] ?? null] as [number, number | null],
      ),
    }));
    patchMarkup(chart('flow'), renderLineChart(series, flowChartOptions(t, result.nets.plain.layers.length)));
    fillRows(q('[data-flow-table]'), flowRows(numbers, result));
    flowNote.hidden = true;
  };

  const runLesion = async (study: boolean): Promise<void> => {
    const maxK = Math.min(LESION_MAX_K, labBlocks(config).length);
    if (study) status.textContent = t.studyProgress(0, 1);
    const result = await analysing(
      lesion,
      'lab-lesion',
      { lesions, ...(study ? { study: { maxK, trials: LESION_TRIALS, seed: 1 } } : {}) },
      study ? (p) => (status.textContent = t.studyProgress(p.done, p.total)) : undefined,
    );
    status.textContent = '';
    if (result === null) return;
    lesionResult.textContent =
      lesions.length === 0
        ? t.lesionIntact(formatPercent(result.intact.plain), formatPercent(result.intact.residual))
        : `${t.lesionResult(formatPercent(result.lesioned.plain), formatPercent(result.lesioned.residual))} ${t.lesionIntact(formatPercent(result.intact.plain), formatPercent(result.intact.residual))}`;
    if (result.study === null) return;
    const studied = result.study;
    // The analysis charts' code loads with their first result: the page's first load stays within its JS budget.
    const { lesionBarsSvg } = await import('../../lib/viz/lesion-bars.ts');
    patchMarkup(chart('per-block'), lesionBarsSvg(lesionBarsOptions(t, result, netLabels(t, config))));
    const series: LineSeries[] = (['plain', 'residual'] as const).map((twin) => ({
      className: `sl-net sl-${twin}`,
      label: netLabels(t, config)[twin],
      points: studied[twin].byK.map((p) => [p.k, p.mean] as [number, number]),
      ranges: studied[twin].byK.map((p) => [p.k, p.min, p.max] as [number, number, number]),
      dots: true,
    }));
    patchMarkup(chart('by-k'), renderLineChart(series, byKChartOptions(t, maxK)));
    fillRows(q('[data-per-block-table]'), perBlockRows(result));
    fillRows(q('[data-by-k-table]'), byKRows(result));
  };

  studyButton.addEventListener('click', () => void runLesion(true).catch(showError));

  landscapeButton.addEventListener('click', () => {
    progressBar.hidden = false;
    progressBar.value = 0;
    cancelButton.hidden = false;
    landscapeButton.disabled = true;
    void analysing(landscape, 'lab-landscape', LANDSCAPE, (p) => {
      progressBar.value = p.done / p.total;
      status.textContent = t.landscapeProgress(p.done, p.total);
    })
      .then(async (result) => {
        progressBar.hidden = true;
        cancelButton.hidden = true;
        status.textContent = '';
        renderControls();
        if (result === null) return;
        const names = netLabels(t, config);
        const series: LineSeries[] = (['plain', 'residual'] as const).map((twin) => ({
          className: `sl-net sl-${twin}`,
          label: names[twin],
          points: result.alphas.map((a, i) => [a, result.nets[twin].line[i] ?? null] as [number, number | null]),
        }));
        patchMarkup(chart('slice'), renderLineChart(series, sliceChartOptions(t, LANDSCAPE.span)));
        const { contourPlotSvg } = await import('../../lib/viz/contour-plot.ts');
        for (const twin of ['plain', 'residual'] as const) {
          const grid = result.nets[twin].grid;
          if (grid)
            patchMarkup(
              chart(`contour-${twin}`),
              contourPlotSvg(grid, contourOptions(t, result, names[twin], `sl-contour-${twin}`)),
            );
        }
        fillRows(q('[data-slice-table]'), sliceRows(result));
      })
      .catch(showError);
  });

  cancelButton.addEventListener('click', () => {
    landscape.cancel();
    progressBar.hidden = true;
    cancelButton.hidden = true;
    status.textContent = '';
    root.dataset['state'] = 'ready';
    renderControls();
  });

  // ── settings ──
  const update = (next: Partial<SkipLabState>): void => {
    const previous = state;
    state = validate({ ...state, ...next });
    config = labConfig(t, state).config;
    if (JSON.stringify(previous) !== JSON.stringify(state)) options.onStateChange?.(state);
    renderControls();
    if (previous.identity !== state.identity) {
      drawCurves();
      void runFlow();
    }
    if (run.runId === null) {
      drawCurves();
      renderTrainingStatus();
    }
  };
  for (const [key, input] of inputs) {
    input.addEventListener('change', () => update({ [key]: Number(input.value) } as Partial<SkipLabState>));
  }
  q<HTMLInputElement>('[data-input="depth"]').addEventListener('input', (event) => {
    const value = Number((event.target as HTMLInputElement).value);
    q<HTMLElement>('[data-depth-value]').textContent = t.depthValue(value);
  });
  for (const [key, select] of selects) {
    select.addEventListener('change', () =>
      update(
        key === 'shallow' ? { shallow: Number(select.value) } : { schedule: select.value as SkipLabState['schedule'] },
      ),
    );
  }
  identityButton.addEventListener('click', () => update({ identity: !state.identity }));
  // The shortcut in the diagram is a pointer shortcut for the same switch (the button is the keyboard's).
  q<HTMLElement>('[data-block-diagram]').addEventListener('click', (event) => {
    if ((event.target as Element).closest('.rb-identity, .rb-identity-hit')) update({ identity: !state.identity });
  });

  renderControls();
  // The page's first paint already drew the recorded run; redraw once it is here (or is not).
  void recorded.load().then(drawCurves);
}
