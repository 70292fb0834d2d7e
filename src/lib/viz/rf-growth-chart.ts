/**
 * The explorer's growth chart: receptive-field size against depth, theoretical (a straight line
 * for stride-1 stacks) and effective (Luo et al. 2016: like √n), one pair of curves per network,
 * with a fitted c·√n reference curve and the image side for scale. D3 scales and line
 * generators lay it out without a DOM, so it renders at build time (theoretical curves only, as
 * the placeholder) and in the widget alike. Pure: data in, SVG markup out.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { bottomAxis, leftAxis } from './axes.ts';
import { el, num, textEl, translate } from './svg.ts';

export interface GrowthPoint {
  /** Convolutions from the input to the measured layer. */
  readonly depth: number;
  /** Side of the theoretical field, px. */
  readonly theoretical: number;
  /** Effective size (centred square holding 95% of the gradient), px; null when not measured. */
  readonly effective: number | null;
}

export interface GrowthSeries {
  readonly key: 'plain' | 'residual';
  readonly label: string;
  readonly points: readonly GrowthPoint[];
}

export interface GrowthChartStrings {
  readonly title: string;
  readonly xAxis: string;
  readonly yAxis: string;
  readonly theoretical: (net: string) => string;
  readonly effective: (net: string) => string;
  readonly reference: string;
  readonly imageSide: (side: number) => string;
}

export interface GrowthChartOptions {
  readonly strings: GrowthChartStrings;
  /** c of the reference curve c·√n; null to leave it out. */
  readonly reference: number | null;
  /** Side of the input image, drawn as a horizontal rule. */
  readonly side: number;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 14, right: 18, bottom: 44, left: 52 };
const LEGEND_ROW = 18;

/** Points of `sqrt` reference c·√n sampled over [1, maxDepth]. */
function referencePoints(c: number, maxDepth: number): [number, number][] {
  const steps = 48;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const n = 1 + ((maxDepth - 1) * i) / steps;
    return [n, c * Math.sqrt(n)];
  });
}

/** The chart as an `<svg>` string; `role="img"` named by its title (the Data table has the numbers). */
export function renderGrowthChart(series: readonly GrowthSeries[], options: GrowthChartOptions): string {
  const t = options.strings;
  const width = options.width ?? 560;
  const legendItems = [
    ...series.flatMap((s) => [
      { cls: `rfx-${s.key} rfx-theory`, text: t.theoretical(s.label), dot: false },
      { cls: `rfx-${s.key} rfx-erf`, text: t.effective(s.label), dot: true },
    ]),
    ...(options.reference === null ? [] : [{ cls: 'rfx-reference', text: t.reference, dot: false }]),
  ];
  const legendColumns = 2;
  const legendHeight = Math.ceil(legendItems.length / legendColumns) * LEGEND_ROW + 6;
  const height = (options.height ?? 280) + legendHeight;
  const top = MARGIN.top + legendHeight;
  const all = series.flatMap((s) => s.points);
  const maxDepth = Math.max(2, ...all.map((p) => p.depth));
  const maxSize = Math.max(options.side, ...all.map((p) => Math.max(p.theoretical, p.effective ?? 0)));
  const x = scaleLinear()
    .domain([0, maxDepth])
    .range([MARGIN.left, width - MARGIN.right])
    .nice();
  const y = scaleLinear()
    .domain([0, maxSize * 1.05])
    .range([height - MARGIN.bottom, top])
    .nice();
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const d = (points: [number, number][]): string => path(points) ?? '';

  const xTicks = x.ticks(Math.min(10, maxDepth)).filter(Number.isInteger);
  const yTicks = y.ticks(6);
  const axisX = bottomAxis({
    ticks: xTicks.map((v) => ({ at: x(v), label: String(v) })),
    y: height - MARGIN.bottom,
    from: x.range()[0]!,
    to: x.range()[1]!,
    label: t.xAxis,
    className: 'rfx-axis',
  });
  const axisY = leftAxis({
    ticks: yTicks.map((v) => ({ at: y(v), label: String(v) })),
    x: MARGIN.left,
    bottom: y.range()[0]!,
    top: y.range()[1]!,
    gridWidth: width - MARGIN.right - MARGIN.left,
    label: t.yAxis,
    labelOffset: 38,
    className: 'rfx-axis',
    gridClass: 'rfx-grid',
  });
  const sideRule = el(
    'g',
    { class: 'rfx-side' },
    el('path', { d: `M${num(MARGIN.left)} ${num(y(options.side))}H${num(width - MARGIN.right)}` }),
    textEl(
      'text',
      { x: width - MARGIN.right - 4, y: y(options.side) - 4, 'text-anchor': 'end' },
      t.imageSide(options.side),
    ),
  );
  const curves = series.map((s) => {
    const theory = s.points.map((p): [number, number] => [p.depth, p.theoretical]);
    const measured = s.points.flatMap((p): [number, number][] =>
      p.effective === null ? [] : [[p.depth, p.effective]],
    );
    return el(
      'g',
      { class: `rfx-series rfx-${s.key}` },
      el('path', { class: 'rfx-theory', d: d(theory) }),
      measured.length > 1 ? el('path', { class: 'rfx-erf', d: d(measured) }) : '',
      ...measured.map(([n, v]) => el('circle', { class: 'rfx-erf-dot', cx: x(n), cy: y(v), r: 3.5 })),
    );
  });
  const reference =
    options.reference === null
      ? ''
      : el('path', { class: 'rfx-reference', d: d(referencePoints(options.reference, maxDepth)) });
  const columnWidth = (width - MARGIN.left - MARGIN.right) / legendColumns;
  const legend = el(
    'g',
    { class: 'rfx-legend', transform: translate(MARGIN.left, MARGIN.top) },
    ...legendItems.map((item, i) =>
      el(
        'g',
        {
          class: item.cls,
          transform: translate((i % legendColumns) * columnWidth, Math.floor(i / legendColumns) * LEGEND_ROW),
        },
        el('path', { class: 'rfx-swatch', d: 'M0 0H22' }),
        item.dot ? el('circle', { class: 'rfx-erf-dot', cx: 11, cy: 0, r: 3.5 }) : '',
        textEl('text', { x: 28, dy: '0.32em' }, item.text),
      ),
    ),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      class: 'rfx-chart',
      role: 'img',
      'aria-label': t.title,
    },
    textEl('title', {}, t.title),
    axisY,
    axisX,
    sideRule,
    reference,
    ...curves,
    legend,
  );
}
