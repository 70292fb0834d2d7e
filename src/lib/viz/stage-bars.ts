/**
 * Where the parameters and the computation sit: per-stage sums of parameters and MACs for a
 * comparison, and their bar chart. Stages are output resolutions (stage-key.ts), so VGG's
 * 102,760,448-weight fc6 shows up in "flat" and ResNet's cost in its 56×56 … 7×7 stages. One
 * stacked bar per model and quantity, on one linear scale per quantity.
 */
import { scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { formatSi } from '../models/report.ts';
import type { DiagramModel } from './diagram-model.ts';
import { compareStageKeys, stageLabel } from './stage-key.ts';
import { diagramStrings as t } from './strings.ts';
import { el, num, textEl, textWidth, translate } from './svg.ts';

/** A model's parameters and MACs in one stage. */
export interface StageTotal {
  readonly stage: number;
  readonly label: string;
  readonly params: number;
  readonly macs: number;
}

/** Per-stage sums over `model`'s layers, in the order the network visits the stages. */
export function stageTotals(model: DiagramModel): StageTotal[] {
  const sums = new Map<number, { params: number; macs: number }>();
  for (const node of model.nodes) {
    if (node.role === 'group' || node.role === 'root') continue;
    const sum = sums.get(node.stage) ?? { params: 0, macs: 0 };
    sums.set(node.stage, { params: sum.params + node.params, macs: sum.macs + node.macs });
  }
  return [...sums.keys()]
    .sort(compareStageKeys)
    .map((stage) => ({ stage, label: stageLabel(stage), ...sums.get(stage)! }));
}

export interface BarsOptions {
  /** Total width in px. */
  readonly width: number;
  readonly font: number;
  readonly rowHeight: number;
  /** The SVG's accessible name. */
  readonly label: string;
}

/** The chart's usual size, named in the diagram strings in force. */
export function defaultBarsOptions(): BarsOptions {
  return { width: 680, font: 11, rowHeight: 20, label: t.bars.label };
}

/** One panel: a title, a stacked bar per model, an axis. Returns the markup and its height. */
function panel(
  models: readonly DiagramModel[],
  totals: readonly StageTotal[][],
  quantity: 'params' | 'macs',
  title: string,
  top: number,
  o: BarsOptions,
): { svg: string; height: number } {
  const nameWidth = Math.ceil(Math.max(...models.map((m) => textWidth(m.name, o.font)))) + 12;
  const totalWidth = 64;
  const x0 = nameWidth;
  const x1 = o.width - totalWidth;
  const stages = [...new Set(totals.flat().map((s) => s.stage))].sort(compareStageKeys);
  const rows = totals.map((list) => Object.fromEntries(list.map((s) => [s.stage, s[quantity]])));
  const series = stack<Record<number, number>, number>()
    .keys(stages)
    .value((row, key) => row[key] ?? 0)(rows);
  const max = Math.max(1, ...models.map((m) => m[quantity]));
  const x = scaleLinear().domain([0, max]).range([x0, x1]).nice();
  const titleHeight = o.font + 10;
  const rowStep = o.rowHeight + 6;
  const barsTop = titleHeight;

  const bars = models.map((model, m) => {
    const y = barsTop + m * rowStep;
    const own = totals[m]!.map((s) => s.stage);
    const segments = series.flatMap((s) => {
      const [a, b] = s[m]!;
      if (b <= a) return [];
      const tone = own.indexOf(s.key) % 4;
      const w = x(b) - x(a);
      const label = stageLabel(s.key);
      return [
        el(
          'rect',
          { class: `bar tone-${tone}`, x: x(a), y, width: w, height: o.rowHeight },
          textEl('title', {}, `${model.name}, ${label}: ${formatSi(b - a, 2)}`),
        ),
        w > textWidth(label, o.font - 1) + 6
          ? textEl(
              'text',
              {
                x: x(a) + w / 2,
                y: y + o.rowHeight / 2,
                dy: '0.35em',
                'text-anchor': 'middle',
                'font-size': o.font - 1,
              },
              label,
            )
          : '',
      ];
    });
    return el(
      'g',
      { class: 'bar-row', 'data-model': model.id },
      textEl('text', { x: 0, y: y + o.rowHeight / 2, dy: '0.35em', 'font-size': o.font }, model.name),
      ...segments,
      el('rect', { class: 'bar-outline', x: x0, y, width: x(model[quantity]) - x0, height: o.rowHeight }),
      textEl(
        'text',
        { class: 'total', x: x(model[quantity]) + 4, y: y + o.rowHeight / 2, dy: '0.35em', 'font-size': o.font },
        formatSi(model[quantity], 1),
      ),
    );
  });

  const axisY = barsTop + models.length * rowStep;
  const ticks = x
    .ticks(5)
    .map((v) =>
      el(
        'g',
        { transform: translate(x(v), axisY) },
        el('line', { y1: 0, y2: 4 }),
        textEl(
          'text',
          { class: 'tick', y: 6 + o.font, 'text-anchor': 'middle', 'font-size': o.font - 1 },
          formatSi(v, 0),
        ),
      ),
    );
  const svg = el(
    'g',
    { class: `bars-panel ${quantity}`, transform: translate(0, top) },
    textEl('text', { x: 0, y: o.font, 'font-size': o.font + 1, 'font-weight': 600 }, title),
    ...bars,
    el('g', { class: 'axis' }, el('line', { x1: x0, x2: x1, y1: axisY, y2: axisY }), ...ticks),
  );
  return { svg, height: axisY + o.font + 12 };
}

/** The bar chart of per-stage parameters and MACs of `models`, as an SVG string. */
export function renderStageBars(models: readonly DiagramModel[], o: BarsOptions = defaultBarsOptions()): string {
  const totals = models.map(stageTotals);
  const params = panel(models, totals, 'params', t.bars.params, 0, o);
  const macs = panel(models, totals, 'macs', t.bars.macs, params.height + 8, o);
  const height = params.height + 8 + macs.height;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${o.width} ${num(height)}`,
      width: o.width,
      height: num(height),
      role: 'img',
      'aria-label': o.label,
    },
    params.svg,
    macs.svg,
  );
}
