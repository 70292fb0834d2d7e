/**
 * The analyses of the lab's trained nets as worker jobs, and their drawing: the gradient flow
 * through the layers, deleting residual blocks (one set, or the random-k study), and the loss
 * landscape around the trained weights. Each pauses training first. Loaded with the first Train
 * (trained-nets.ts), since there is nothing to analyse before: the page's first load stays
 * within its JS budget.
 */
import type { NumbersStrings, SkipLabStrings } from '../../i18n/strings.ts';
import type { JobParams, JobProgress, JobResult } from '../../lib/compute/jobs/index.ts';
import type { LabConfig } from '../../lib/compute/lab/config.ts';
import { renderLineChart } from '../../lib/viz/line-chart.ts';
import { JobSuperseded, type JobChannel } from '../../lib/worker/client.ts';
import type { JobMeta } from '../../lib/worker/protocol.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { fillRows } from '../widget/table-rows.ts';
import type { TrainingRun } from '../widget/training-run.ts';
import {
  byKChartOptions,
  byKSeries,
  contourOptions,
  flowChartOptions,
  flowSeries,
  lesionBarsOptions,
  sliceChartOptions,
  sliceSeries,
} from './analysis-charts.ts';
import { lesionSummary } from './lesions.ts';
import {
  byKRows,
  FLOW_SAMPLES,
  flowRows,
  LANDSCAPE,
  labBlocks,
  LESION_MAX_K,
  LESION_TRIALS,
  netLabels,
  perBlockRows,
  sliceRows,
} from './plan.ts';

/** What the analyses ask of the rest of the widget. */
export interface AnalysesHost {
  /** The reader's run (its id names the trained nets; a running one is paused first). */
  readonly run: TrainingRun;
  /** The run's configuration, and whether the residual net's identity shortcut is on. */
  settings(): { readonly config: LabConfig; readonly identity: boolean };
  /** Steps trained so far. */
  steps(): number;
  /** A job's backend and timing, for the badge. */
  meta(meta: JobMeta): void;
  /** A job failed (a superseded one too: the widget ignores it). */
  failed(error: unknown): void;
  /** The controls may have changed (the landscape button is free again): redraw them. */
  controlsChanged(): void;
}

/** The widget as the analyses draw into it. */
export interface AnalysisParts {
  /** The widget's root: its `data-state`, and the charts, tables and lines the analyses fill. */
  readonly root: HTMLElement;
  readonly strings: { readonly skipLab: SkipLabStrings; readonly numbers: NumbersStrings };
  readonly host: AnalysesHost;
  /** The live status line (progress of the study and the landscape). */
  readonly status: HTMLElement;
}

const q = <E extends Element>(parts: AnalysisParts, selector: string): E => parts.root.querySelector<E>(selector)!;
const chart = (parts: AnalysisParts, name: string): HTMLElement => q(parts, `[data-chart="${name}"]`);

/** Runs analysis `kind` on the run's trained nets (pausing training first); null when there are none or it failed. */
async function analysing<K extends 'lab-flow' | 'lab-lesion' | 'lab-landscape'>(
  parts: AnalysisParts,
  channel: JobChannel,
  kind: K,
  params: Omit<JobParams<K>, 'runId'>,
  onProgress?: (p: JobProgress<K>) => void,
): Promise<JobResult<K> | null> {
  const { root, host } = parts;
  const { run } = host;
  const runId = run.runId;
  if (runId === null) return null;
  if (run.running) run.pause();
  root.dataset['state'] = 'computing';
  q<HTMLElement>(parts, '[data-error]').hidden = true;
  try {
    // Every analysis takes the run's id besides its own parameters (spread loses K's type).
    const withRun = { runId, ...params } as JobParams<K>;
    const { result, meta } = await channel.run(kind, withRun, onProgress ? { onProgress } : {});
    host.meta(meta);
    root.dataset['state'] = run.running ? 'computing' : 'ready';
    return result;
  } catch (e) {
    host.failed(e);
    if (e instanceof JobSuperseded) root.dataset['state'] = 'ready';
    return null;
  }
}

/** Measures and draws the trained nets' gradient flow (nothing before a run has steps). */
export async function runFlow(parts: AnalysisParts, channel: JobChannel): Promise<void> {
  const { host } = parts;
  const { skipLab: t, numbers } = parts.strings;
  if (host.run.runId === null || host.steps() === 0) return;
  const { config, identity } = host.settings();
  const result = await analysing(parts, channel, 'lab-flow', { identity, sampleCount: FLOW_SAMPLES });
  if (result === null) return;
  patchMarkup(
    chart(parts, 'flow'),
    renderLineChart(flowSeries(t, config, identity, result), flowChartOptions(t, result.nets.plain.layers.length)),
  );
  fillRows(q(parts, '[data-flow-table]'), flowRows(numbers, result));
  q<HTMLElement>(parts, '[data-flow-note]').hidden = true;
}

/** Measures the twins with the blocks `lesions` deleted, and with `study` the random-k study too, and draws them. */
export async function runLesion(
  parts: AnalysisParts,
  channel: JobChannel,
  lesions: readonly string[],
  study: boolean,
): Promise<void> {
  const { status } = parts;
  const t = parts.strings.skipLab;
  const { config } = parts.host.settings();
  const maxK = Math.min(LESION_MAX_K, labBlocks(config).length);
  if (study) status.textContent = t.studyProgress(0, 1);
  const result = await analysing(
    parts,
    channel,
    'lab-lesion',
    { lesions, ...(study ? { study: { maxK, trials: LESION_TRIALS, seed: 1 } } : {}) },
    study ? (p) => (status.textContent = t.studyProgress(p.done, p.total)) : undefined,
  );
  status.textContent = '';
  if (result === null) return;
  q(parts, '[data-lesion-result]').textContent = lesionSummary(t, lesions, result);
  if (result.study === null) return;
  // The bar chart's code loads with its first result, like the contours'.
  const { lesionBarsSvg } = await import('../../lib/viz/lesion-bars.ts');
  patchMarkup(chart(parts, 'per-block'), lesionBarsSvg(lesionBarsOptions(t, result, netLabels(t, config))));
  patchMarkup(chart(parts, 'by-k'), renderLineChart(byKSeries(t, config, result.study), byKChartOptions(t, maxK)));
  fillRows(q(parts, '[data-per-block-table]'), perBlockRows(result));
  fillRows(q(parts, '[data-by-k-table]'), byKRows(result));
}

/**
 * Measures the loss landscape around the trained weights, showing its progress on `progress`
 * (0–1), calls `ended` once the job is over (done, failed or cancelled), then draws the slice and
 * the contours.
 */
export async function runLandscape(
  parts: AnalysisParts,
  channel: JobChannel,
  progress: HTMLProgressElement,
  ended: () => void,
): Promise<void> {
  const t = parts.strings.skipLab;
  const result = await analysing(parts, channel, 'lab-landscape', LANDSCAPE, (p) => {
    progress.value = p.done / p.total;
    parts.status.textContent = t.landscapeProgress(p.done, p.total);
  });
  ended();
  if (result === null) return;
  const { config } = parts.host.settings();
  const names = netLabels(t, config);
  patchMarkup(
    chart(parts, 'slice'),
    renderLineChart(sliceSeries(t, config, result), sliceChartOptions(t, LANDSCAPE.span)),
  );
  const { contourPlotSvg } = await import('../../lib/viz/contour-plot.ts');
  for (const twin of ['plain', 'residual'] as const) {
    const grid = result.nets[twin].grid;
    if (grid)
      patchMarkup(
        chart(parts, `contour-${twin}`),
        contourPlotSvg(grid, contourOptions(t, result, names[twin], `sl-contour-${twin}`)),
      );
  }
  fillRows(q(parts, '[data-slice-table]'), sliceRows(result));
}
