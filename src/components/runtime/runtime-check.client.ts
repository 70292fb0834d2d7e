/**
 * The interactive part of <runtime-check>, loaded when the widget nears the viewport: starts
 * the page's compute runtime and recomputes on every slider change (the latest value wins).
 */
import type { InputGradientParams, InputGradientResult } from '../../lib/compute/jobs/index.ts';
import { heatmapPixels, rowSums } from '../../lib/viz/heatmap-pixels.ts';
import { JobSuperseded } from '../../lib/worker/client.ts';
import { computeClient } from '../../lib/worker/start.ts';
import type { RuntimeStrings } from '../../i18n/strings.ts';
import { showJobMeta } from './badge.ts';

const SIDE = 24;

/** The job for `blocks` residual blocks: the centre unit of the last block's sum. */
function params(blocks: number, outside = false): InputGradientParams {
  return {
    model: {
      resnetStyle: {
        depth: 2 * blocks + 2,
        width: 4,
        skip: true,
        bn: false,
        activation: 'relu',
        stages: 1,
        downsample: false,
        inputShape: [SIDE, SIDE, 1],
        classes: 10,
      },
    },
    init: 'he',
    seed: 1,
    batch: 4,
    absolute: true,
    unit: { layerId: `stage1.block${blocks - 1}.add`, y: outside ? SIDE * 10 : SIDE / 2, x: SIDE / 2 },
  };
}

/** Wires one <runtime-check> element; its messages in the words of `runtime` (the page's language). */
export async function mountRuntimeCheck(root: HTMLElement, runtime: RuntimeStrings): Promise<void> {
  const slider = root.querySelector<HTMLInputElement>('[data-depth]')!;
  const output = root.querySelector<HTMLOutputElement>('output')!;
  const canvas = root.querySelector<HTMLCanvasElement>('[data-heatmap]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const error = root.querySelector<HTMLElement>('[data-error]')!;
  const table = root.querySelector<HTMLElement>('[data-table]')!;
  const badge = root.querySelector<HTMLElement>('.backend-badge')!;
  const errorButton = root.querySelector<HTMLButtonElement>('[data-trigger-error]')!;
  const client = computeClient();
  const channel = client.channel();

  const draw = (result: InputGradientResult): void => {
    const context = canvas.getContext('2d');
    context?.putImageData(new ImageData(heatmapPixels(result.map), result.width, result.height), 0, 0);
    table.replaceChildren(
      ...rowSums(result.map, result.height, result.width).map((sum, y) => {
        const row = document.createElement('tr');
        const cells = [String(y), sum.toPrecision(4)].map((text) => {
          const cell = document.createElement('td');
          cell.textContent = text;
          return cell;
        });
        row.append(...cells);
        return row;
      }),
    );
  };

  const run = async (outside = false): Promise<void> => {
    const blocks = Number(slider.value);
    output.textContent = String(blocks);
    root.dataset['state'] = 'computing';
    status.textContent = runtime.computing;
    try {
      const { result, meta } = await channel.run('input-gradient', params(blocks, outside));
      draw(result);
      showJobMeta(badge, meta, client.onMainThread, runtime);
      error.hidden = true;
      status.textContent = '';
      root.dataset['state'] = 'ready';
    } catch (e) {
      if (e instanceof JobSuperseded) return;
      error.textContent = runtime.failed(e instanceof Error ? e.message : String(e));
      error.hidden = false;
      status.textContent = '';
      root.dataset['state'] = 'error';
    }
  };

  slider.addEventListener('input', () => void run());
  errorButton.addEventListener('click', () => void run(true));
  await run();
}
