/**
 * The controls of the analyses of the lab's trained nets: a button per residual block (pressed =
 * deleted), the study and landscape buttons with the landscape's progress and Cancel, and the
 * prompts the analyses replace. The jobs and their drawing (analysis-runs.ts) load with the
 * first Train; everything here answers at once.
 */
import type { NumbersStrings, SkipLabStrings } from '../../i18n/strings.ts';
import type { ComputeClient } from '../../lib/worker/client.ts';
import { fillRows } from '../widget/table-rows.ts';
import type * as AnalysisRuns from './analysis-runs.ts';
import type { AnalysesHost } from './analysis-runs.ts';
import { toggleBlock } from './lesions.ts';
import { labBlocks } from './plan.ts';

/** The analyses' part the widget drives. */
export interface TrainedNetAnalyses {
  /** Measures and draws the gradient flow of the trained nets (nothing before a run has steps). */
  flow(): void;
  /** Draws a button per residual block, none pressed, unless they are there; starts loading the analyses' code. */
  showBlocks(): void;
  /** Turns the analysis controls on once trained nets exist, off when they don't. */
  enable(trained: boolean): void;
  /** The run is gone: no block is deleted, and the block buttons start again. */
  forget(): void;
  /** Cancels every analysis in flight. */
  cancel(): void;
  /** Empties every analysis chart and table, back to their prompts. */
  clear(): void;
}

/** The analyses of the widget `root`, run through `client`'s jobs. */
export function trainedNetAnalyses(
  root: HTMLElement,
  strings: { readonly skipLab: SkipLabStrings; readonly numbers: NumbersStrings },
  client: ComputeClient,
  host: AnalysesHost,
): TrainedNetAnalyses {
  const t = strings.skipLab;
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const studyButton = q<HTMLButtonElement>('[data-action="study"]');
  const landscapeButton = q<HTMLButtonElement>('[data-action="landscape"]');
  const cancelButton = q<HTMLButtonElement>('[data-action="cancel"]');
  const progressBar = q<HTMLProgressElement>('[data-progress]');
  const status = q<HTMLElement>('[data-status]');
  const blocksBox = q<HTMLElement>('[data-blocks]');
  const lesionResult = q<HTMLElement>('[data-lesion-result]');
  const flowNote = q<HTMLElement>('[data-flow-note]');
  const lesion = client.channel();
  const landscape = client.channel();
  const flowChannel = client.channel();
  const parts: AnalysisRuns.AnalysisParts = { root, strings, host, status };
  /** The blocks the reader deleted, in the order they pressed them. */
  let lesions: string[] = [];

  let loading: Promise<typeof AnalysisRuns> | null = null;
  /** Runs `use` with the analyses' code once it is here; a failed load is the widget's error, and is tried again next time. */
  const withRuns = (use: (runs: typeof AnalysisRuns) => Promise<void>): void => {
    loading ??= import('./analysis-runs.ts').catch((error: unknown) => {
      loading = null;
      throw error;
    });
    loading.then(use).catch(host.failed);
  };

  const drawBlocks = (): void => {
    blocksBox.replaceChildren(
      ...labBlocks(host.settings().config).map((block) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'widget-button sl-block-button';
        button.dataset['block'] = block;
        button.textContent = block;
        button.setAttribute('aria-label', t.blockButton(block));
        button.setAttribute('aria-pressed', String(lesions.includes(block)));
        button.addEventListener('click', () => {
          lesions = toggleBlock(lesions, block);
          button.setAttribute('aria-pressed', String(lesions.includes(block)));
          withRuns((runs) => runs.runLesion(parts, lesion, lesions, false));
        });
        return button;
      }),
    );
  };

  /** Hides the landscape's progress and Cancel, says nothing more, and gives the controls back. */
  const endLandscape = (): void => {
    progressBar.hidden = true;
    cancelButton.hidden = true;
    status.textContent = '';
    host.controlsChanged();
  };

  studyButton.addEventListener('click', () => withRuns((runs) => runs.runLesion(parts, lesion, lesions, true)));
  landscapeButton.addEventListener('click', () => {
    progressBar.hidden = false;
    progressBar.value = 0;
    cancelButton.hidden = false;
    landscapeButton.disabled = true;
    withRuns((runs) => runs.runLandscape(parts, landscape, progressBar, endLandscape));
  });
  cancelButton.addEventListener('click', () => {
    landscape.cancel();
    root.dataset['state'] = 'ready';
    endLandscape();
  });

  return {
    flow: () => {
      // Before a run has steps there is nothing to measure, and no reason to load the code.
      if (host.run.runId !== null && host.steps() > 0) withRuns((runs) => runs.runFlow(parts, flowChannel));
    },
    showBlocks: () => {
      if (blocksBox.childElementCount === 0) drawBlocks();
      withRuns(async () => {}); // the code arrives while the first steps train
    },
    enable: (trained) => {
      studyButton.disabled = !trained;
      landscapeButton.disabled = !trained;
      for (const button of blocksBox.querySelectorAll('button')) button.disabled = !trained;
      if (trained && lesionResult.textContent === t.needsTraining) lesionResult.textContent = t.lesionPrompt;
    },
    forget: () => {
      lesions = [];
      drawBlocks();
    },
    cancel: () => {
      lesion.cancel();
      landscape.cancel();
      flowChannel.cancel();
    },
    clear: () => {
      for (const name of ['flow', 'per-block', 'by-k', 'slice', 'contour-plain', 'contour-residual'])
        q(`[data-chart="${name}"]`).replaceChildren();
      for (const table of ['flow', 'per-block', 'by-k', 'slice']) fillRows(q(`[data-${table}-table]`), []);
      lesionResult.textContent = t.needsTraining;
      flowNote.textContent = t.flowPending;
      flowNote.hidden = false;
    },
  };
}
