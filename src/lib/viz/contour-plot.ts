/**
 * A 2-D slice of a loss surface as filled contour bands over the (α, β) plane, with the trained
 * weights at (0, 0) marked: the loss-landscape plots of Li et al. 2018. Marching squares
 * (d3-contour) finds the band edges. Losses span decades (0.05 in the basin, 20 where training
 * diverges), so the default bands are log-spaced and the basin gets most of them. Colours come
 * from CSS: every band is one class with a `fill-opacity` ramp, darkest at the lowest loss.
 * Pure: grid in, SVG markup out.
 */
import { contours } from 'd3-contour';
import { scaleLinear } from 'd3-scale';
import { bottomAxis, leftAxis } from './axes.ts';
import { scientific } from './scientific.ts';
import { el, num, textEl, translate } from './svg.ts';

/** Losses: grid[j][i] at (alphas[i], betas[j]), i.e. [betas.length][alphas.length]. */
export type LossGrid = readonly (readonly number[])[];

export interface ContourPlotOptions {
  /** The plot's accessible name, `<title>` and heading. */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** α of each column and β of each row of the grid, ascending (step units along the directions). */
  readonly alphas: readonly number[];
  readonly betas: readonly number[];
  /** Label of the marker at (0, 0), e.g. "trained weights". */
  readonly originLabel: string;
  /** Lower edges of the bands, ascending; default {@link logThresholds} of the grid. */
  readonly thresholds?: readonly number[];
  /** Title of the legend's colour bar, e.g. "loss". */
  readonly legendLabel?: string;
  /** Width in CSS px (the plot area is square); default 340. */
  readonly size?: number;
  /** Class on the root `<svg>`. */
  readonly className?: string;
}

const MARGIN = { top: 36, right: 76, bottom: 44, left: 52 };
const LEGEND_BAR = 12;

/** The fewest significant digits (at least 2) that keep `values` apart. */
function roundDistinct(values: readonly number[]): number[] {
  for (let digits = 2; digits < 7; digits++) {
    const rounded = values.map((v) => Number(v.toPrecision(digits)));
    if (new Set(rounded).size === rounded.length) return rounded;
  }
  return [...values];
}

/**
 * Lower edges of `count` log-spaced bands from the grid's smallest finite positive loss to its
 * largest finite one, rounded for the legend; the top band holds everything above the last
 * edge. One edge when the grid is flat, none when it has no finite positive value.
 */
export function logThresholds(grid: LossGrid, count = 8): number[] {
  const values = grid.flat().filter((v) => Number.isFinite(v) && v > 0);
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi <= lo * 1.001) return roundDistinct([lo]);
  return roundDistinct(Array.from({ length: count }, (_, i) => lo * (hi / lo) ** (i / count)));
}

/** A legend or table value: 0.047, 2.3, 15, or 1.2·10⁻⁵ far from 1. */
function formatLoss(value: number): string {
  return value >= 1e-3 && value < 1e4 ? String(value) : scientific(value);
}

/**
 * From d3-contour's grid units (sample i at u = i + 0.5, the edges at 0 and n) to axis values,
 * linear between samples and beyond the outer ones.
 */
function gridToAxis(values: readonly number[]): (u: number) => number {
  const first = values[0] ?? 0;
  if (values.length < 2) return (u) => first + u - 0.5;
  return scaleLinear()
    .domain(values.map((_, i) => i + 0.5))
    .range([...values]);
}

/**
 * The plot as an `<svg>` string (`role="img"`). `grid` is [betas.length][alphas.length]
 * positive losses (nats); values that are not finite (a diverged loss) are drawn in the top
 * band, values below the first threshold in the lowest. Each band is
 * `<path class="cp-band cp-band-{i}" fill-opacity="…">`, i = 0 for the lowest loss.
 */
export function contourPlotSvg(grid: LossGrid, options: ContourPlotOptions): string {
  const { alphas, betas } = options;
  if (grid.length !== betas.length || grid.some((row) => row.length !== alphas.length)) {
    throw new RangeError(`contourPlotSvg: grid must be [${betas.length}][${alphas.length}] (betas × alphas)`);
  }
  const width = options.size ?? 340;
  const side = width - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + side + MARGIN.bottom;
  const bottom = MARGIN.top + side;
  const right = MARGIN.left + side;
  const thresholds = [...(options.thresholds ?? logThresholds(grid))].sort((a, b) => a - b);

  const columns = alphas.length;
  const rows = betas.length;
  const finite = grid.flat().filter(Number.isFinite);
  const ceiling = Math.max(...finite, ...thresholds.slice(-1));
  const values = grid.flatMap((row) => row.map((v) => (Number.isFinite(v) ? v : ceiling)));
  const alphaAt = gridToAxis(alphas);
  const betaAt = gridToAxis(betas);
  const x = scaleLinear()
    .domain([alphaAt(0), alphaAt(columns)])
    .range([MARGIN.left, right]);
  const y = scaleLinear()
    .domain([betaAt(0), betaAt(rows)])
    .range([bottom, MARGIN.top]);

  // Region where loss ≥ thresholds[i], as path data; region 0 is the whole plot.
  const ringPath = (ring: readonly (readonly number[])[]): string =>
    `M${ring.map(([u = 0, v = 0]) => `${num(x(alphaAt(u)))} ${num(y(betaAt(v)))}`).join('L')}Z`;
  const regions =
    columns === 0 || rows === 0 || thresholds.length === 0
      ? []
      : [
          `M${MARGIN.left} ${bottom}H${right}V${MARGIN.top}H${MARGIN.left}Z`,
          ...contours()
            .size([columns, rows])
            .thresholds(thresholds.slice(1))(values)
            .map((region) => region.coordinates.flatMap((polygon) => polygon.map(ringPath)).join('')),
        ];
  // Each region contains the next one, so the even-odd rule leaves exactly the band between them.
  const opacity = (i: number): number => 0.9 - (0.8 * i) / Math.max(1, regions.length - 1);
  const bands = regions.map((d, i) =>
    el('path', {
      class: `cp-band cp-band-${i}`,
      d: d + (regions[i + 1] ?? ''),
      'fill-rule': 'evenodd',
      'fill-opacity': opacity(i),
    }),
  );

  const step = regions.length === 0 ? 0 : side / regions.length;
  const labelEvery = Math.max(1, Math.ceil(12 / (step || 12)));
  const legend = el(
    'g',
    { class: 'cp-legend', transform: translate(right + 14, 0) },
    ...(options.legendLabel === undefined ? [] : [textEl('text', { y: MARGIN.top - 8 }, options.legendLabel)]),
    ...thresholds.map((t, i) => {
      const top = bottom - (i + 1) * step;
      return el(
        'g',
        {},
        el('rect', {
          class: `cp-band cp-band-${i}`,
          y: top,
          width: LEGEND_BAR,
          height: step,
          'fill-opacity': opacity(i),
        }),
        i % labelEvery === 0 ? textEl('text', { x: LEGEND_BAR + 4, y: top + step, dy: '0.32em' }, formatLoss(t)) : '',
      );
    }),
  );

  const ticks = (scale: typeof x): { at: number; label: string }[] =>
    scale.ticks(5).map((v) => ({ at: scale(v), label: String(Math.round(v * 100) / 100) }));
  const [x0, x1] = x.domain() as [number, number];
  const [y0, y1] = y.domain() as [number, number];
  const showOrigin = x0 <= 0 && 0 <= x1 && y0 <= 0 && 0 <= y1;
  const labelLeft = x(0) > (MARGIN.left + right) / 2;
  const origin = showOrigin
    ? el('circle', { class: 'cp-origin', cx: x(0), cy: y(0), r: 4 }) +
      textEl(
        'text',
        {
          class: 'cp-origin-label',
          x: x(0) + (labelLeft ? -7 : 7),
          y: y(0) - 7,
          'text-anchor': labelLeft ? 'end' : 'start',
        },
        options.originLabel,
      )
    : '';

  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      class: `cp lc-chart ${options.className ?? ''}`.trim(),
      role: 'img',
      'aria-label': options.title,
    },
    textEl('title', {}, options.title),
    textEl('text', { class: 'cp-title', x: MARGIN.left, y: 16 }, options.title),
    el('g', { class: 'cp-bands' }, ...bands),
    bottomAxis({
      ticks: ticks(x),
      y: bottom,
      from: MARGIN.left,
      to: right,
      label: options.xLabel,
      className: 'lc-axis',
    }),
    leftAxis({
      ticks: ticks(y),
      x: MARGIN.left,
      bottom,
      top: MARGIN.top,
      gridWidth: 0,
      label: options.yLabel,
      labelOffset: 38,
      className: 'lc-axis',
      gridClass: 'lc-grid',
    }),
    origin,
    legend,
  );
}
