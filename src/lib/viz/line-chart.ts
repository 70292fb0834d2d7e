/**
 * A line chart with a linear or logarithmic y axis, a legend and optional horizontal rules:
 * the gradient-flow explorer's three plots. D3 scales and line generators lay it out without a
 * DOM, so the same renderer draws the build-time placeholder and the live widget. Pure: data
 * in, SVG markup out. Points whose y cannot be drawn (null, not finite, or ≤ 0 on a log axis)
 * leave a gap; the widget's Data table says why.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { powerOfTen } from './scientific.ts';
import { bottomAxis, leftAxis } from './axes.ts';
import { el, num, textEl, translate } from './svg.ts';

export interface LineSeries {
  /** Class names on the series group (colour and dash come from CSS). */
  readonly className: string;
  readonly label: string;
  /** [x, y] in data units; y null where not measured. */
  readonly points: readonly (readonly [number, number | null])[];
  /** Draw a dot at every point (sparse series, e.g. a depth sweep). */
  readonly dots?: boolean;
  /** Error bars as [x, low, high] in data units, e.g. min and max over trials. */
  readonly ranges?: readonly (readonly [number, number, number])[];
  /** Listed in the legend (default true); false for a backdrop such as a recorded run. */
  readonly legend?: boolean;
}

export interface LineRule {
  readonly y: number;
  readonly label: string;
}

export interface LineChartOptions {
  /** The chart's accessible name and `<title>`. */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly yScale: 'linear' | 'log';
  /** Fixed y domain; default: the data's (log: whole decades around it). */
  readonly yDomain?: readonly [number, number];
  /** Fixed x domain; default [min x, max x] of the data. */
  readonly xDomain?: readonly [number, number];
  readonly rules?: readonly LineRule[];
  /** Class on the root `<svg>`. */
  readonly className?: string;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 62 };
const LEGEND_ROW = 18;

/** Whether `y` can be drawn on the axis. */
function drawable(y: number | null, log: boolean): y is number {
  return y !== null && Number.isFinite(y) && (!log || y > 0);
}

/** y domain from the data: log axes get whole decades, linear ones a 5% margin. */
function autoDomain(values: readonly number[], log: boolean): [number, number] {
  if (values.length === 0) return log ? [1e-3, 1e1] : [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (log) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.ceil(Math.log10(hi));
    return [10 ** a, 10 ** (b === a ? a + 1 : b)];
  }
  const pad = (hi - lo) * 0.05 || 0.5;
  return [lo - pad, hi + pad];
}

function logTicks(domain: readonly [number, number]): number[] {
  const a = Math.round(Math.log10(domain[0]));
  const b = Math.round(Math.log10(domain[1]));
  const step = Math.max(1, Math.ceil((b - a) / 7));
  const ticks: number[] = [];
  for (let k = a; k <= b; k += step) ticks.push(10 ** k);
  return ticks;
}

/** The chart as an `<svg>` string with `role="img"` named by its title (the Data table has the numbers). */
export function renderLineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const log = options.yScale === 'log';
  const width = options.width ?? 560;
  const legendColumns = 2;
  const listed = series.filter((s) => s.legend !== false);
  const legendHeight = Math.ceil(listed.length / legendColumns) * LEGEND_ROW + 6;
  const height = (options.height ?? 260) + legendHeight;
  const top = MARGIN.top + legendHeight;
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) =>
    [...s.points.map((p) => p[1]), ...(s.ranges ?? []).flatMap((r) => [r[1], r[2]])].filter((v) => drawable(v, log)),
  );
  const xDomain = options.xDomain ?? [Math.min(...xs, 1), Math.max(...xs, 2)];
  const yDomain = options.yDomain ?? autoDomain([...ys, ...(options.rules ?? []).map((r) => r.y)], log);
  const x = scaleLinear()
    .domain([...xDomain])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = (log ? scaleLog() : scaleLinear()).domain([...yDomain]).range([height - MARGIN.bottom, top]);
  const clampY = (v: number): number => Math.min(height - MARGIN.bottom, Math.max(top, y(v)));
  const path = line<readonly [number, number | null]>()
    .defined((p) => drawable(p[1], log))
    .x((p) => x(p[0]))
    .y((p) => clampY(p[1] as number));

  const rangePath = (ranges: NonNullable<LineSeries['ranges']>): string =>
    ranges
      .filter(([, low, high]) => drawable(low, log) && drawable(high, log))
      .map(([at, low, high]) => {
        const [px, a, b] = [num(x(at)), num(clampY(low)), num(clampY(high))];
        return `M${px} ${a}V${b}M${num(x(at) - 3)} ${a}h6M${num(x(at) - 3)} ${b}h6`;
      })
      .join('');

  const xTicks = x.ticks(Math.min(10, Math.max(2, xDomain[1] - xDomain[0]))).filter(Number.isInteger);
  const yTicks = log ? logTicks(yDomain) : y.ticks(6);
  const format = (v: number): string => (log ? powerOfTen(v) : String(Math.round(v * 100) / 100));
  const axisX = bottomAxis({
    ticks: xTicks.map((v) => ({ at: x(v), label: String(v) })),
    y: height - MARGIN.bottom,
    from: MARGIN.left,
    to: width - MARGIN.right,
    label: options.xLabel,
    className: 'lc-axis',
  });
  const axisY = leftAxis({
    ticks: yTicks.map((v) => ({ at: y(v), label: format(v) })),
    x: MARGIN.left,
    bottom: height - MARGIN.bottom,
    top,
    gridWidth: width - MARGIN.right - MARGIN.left,
    label: options.yLabel,
    labelOffset: 48,
    className: 'lc-axis',
    gridClass: 'lc-grid',
  });
  const rules = (options.rules ?? []).map((rule) =>
    el(
      'g',
      { class: 'lc-rule' },
      el('path', { d: `M${num(MARGIN.left)} ${num(clampY(rule.y))}H${num(width - MARGIN.right)}` }),
      textEl('text', { x: width - MARGIN.right - 4, y: clampY(rule.y) - 4, 'text-anchor': 'end' }, rule.label),
    ),
  );
  const curves = series.map((s) =>
    el(
      'g',
      { class: `lc-series ${s.className}` },
      el('path', { class: 'lc-line', d: path(s.points) ?? '' }),
      ...(s.ranges === undefined ? [] : [el('path', { class: 'lc-range', d: rangePath(s.ranges) })]),
      ...(s.dots === true
        ? s.points.flatMap((p) =>
            drawable(p[1], log) ? [el('circle', { class: 'lc-dot', cx: x(p[0]), cy: clampY(p[1]), r: 3 })] : [],
          )
        : []),
    ),
  );
  const columnWidth = (width - MARGIN.left - MARGIN.right) / legendColumns;
  const legend = el(
    'g',
    { class: 'lc-legend', transform: translate(MARGIN.left, MARGIN.top) },
    ...listed.map((s, i) =>
      el(
        'g',
        {
          class: `lc-series ${s.className}`,
          transform: translate((i % legendColumns) * columnWidth, Math.floor(i / legendColumns) * LEGEND_ROW),
        },
        el('path', { class: 'lc-line', d: 'M0 0H22' }),
        textEl('text', { x: 28, dy: '0.32em' }, s.label),
      ),
    ),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      class: `lc-chart ${options.className ?? ''}`.trim(),
      role: 'img',
      'aria-label': options.title,
    },
    textEl('title', {}, options.title),
    axisY,
    axisX,
    ...rules,
    ...curves,
    legend,
  );
}
