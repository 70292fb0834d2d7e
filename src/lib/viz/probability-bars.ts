/**
 * A classifier's output as a bar chart: one vertical bar per class on a 0–100% axis, the
 * predicted class marked. Pure: probabilities in, SVG markup out; colours come from CSS
 * classes (`pb-*`), text from the caller. The layout is plain arithmetic (no d3-scale), so the
 * drawing pad's first screen stays within the page's script budget.
 */
import { el, num, textEl, translate } from './svg.ts';

export interface ProbabilityBarsOptions {
  /** The chart's accessible name and `<title>`. */
  readonly title: string;
  /** Label under the class axis, e.g. "digit". */
  readonly xLabel: string;
  /** Label of the value axis, e.g. "probability". */
  readonly yLabel: string;
  /** Text of each class; default its index. */
  readonly classLabels?: readonly string[];
  /** The class to mark (`pb-predicted`); default none. */
  readonly predicted?: number | null;
  readonly width?: number;
  readonly height?: number;
  /** Class on the root `<svg>`. */
  readonly className?: string;
}

const MARGIN = { top: 20, right: 8, bottom: 36, left: 44 };

/**
 * `probabilities`: [classes] values in 0…1 (others are clamped; NaN draws no bar). Each bar is
 * `<rect class="pb-bar" data-class="k">` with a `<title>` giving its percentage; an empty
 * array gives the axes alone (the build-time placeholder).
 */
export function renderProbabilityBars(probabilities: ArrayLike<number>, options: ProbabilityBarsOptions): string {
  const width = options.width ?? 360;
  const height = options.height ?? 180;
  const count = Math.max(probabilities.length, options.classLabels?.length ?? 0);
  const labels = Array.from({ length: count }, (_, k) => options.classLabels?.[k] ?? String(k));
  // Bands of equal width with 20% padding between and around them, like d3's scaleBand.
  const padding = 0.2;
  const step = (width - MARGIN.left - MARGIN.right) / Math.max(1, count + padding);
  const bandwidth = step * (1 - padding);
  const x = (k: number): number => MARGIN.left + step * padding + k * step;
  const y = (p: number): number => height - MARGIN.bottom - p * (height - MARGIN.bottom - MARGIN.top);
  const bars = Array.from(probabilities, (raw, k) => {
    if (Number.isNaN(raw)) return '';
    const p = Math.min(1, Math.max(0, raw));
    const predicted = k === options.predicted;
    const percent = `${(100 * p).toFixed(1)}%`;
    return el(
      'g',
      { class: predicted ? 'pb-class pb-predicted' : 'pb-class', 'data-class': k },
      el(
        'rect',
        { class: 'pb-bar', 'data-class': k, x: x(k), y: y(p), width: bandwidth, height: y(0) - y(p) },
        textEl('title', {}, `${labels[k] ?? k}: ${percent}`),
      ),
      predicted
        ? textEl('text', { class: 'pb-value', x: x(k) + bandwidth / 2, y: y(p) - 4, 'text-anchor': 'middle' }, percent)
        : '',
    );
  });
  const classTicks = labels.map((label, k) =>
    textEl(
      'text',
      { class: 'pb-tick', x: x(k) + bandwidth / 2, y: height - MARGIN.bottom + 14, 'text-anchor': 'middle' },
      label,
    ),
  );
  const valueTicks = [0, 0.5, 1].map((v) =>
    el(
      'g',
      { class: 'pb-grid', transform: translate(0, y(v)) },
      el('line', { x1: MARGIN.left, x2: width - MARGIN.right }),
      textEl('text', { class: 'pb-tick', x: MARGIN.left - 6, dy: '0.32em', 'text-anchor': 'end' }, `${100 * v}%`),
    ),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      class: `pb-chart ${options.className ?? ''}`.trim(),
      role: 'img',
      'aria-label': options.title,
    },
    textEl('title', {}, options.title),
    ...valueTicks,
    el('g', { class: 'pb-bars' }, ...bars),
    ...classTicks,
    textEl(
      'text',
      { class: 'pb-label', x: (MARGIN.left + width - MARGIN.right) / 2, y: height - 6, 'text-anchor': 'middle' },
      options.xLabel,
    ),
    textEl(
      'text',
      {
        class: 'pb-label',
        transform: `${translate(12, (MARGIN.top + height - MARGIN.bottom) / 2)} rotate(-90)`,
        'text-anchor': 'middle',
      },
      options.yLabel,
    ),
  );
}
