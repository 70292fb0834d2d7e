/**
 * Horizontal bars in pairs: one row per item (an Inception branch), a "reference" bar and a
 * "chosen" bar in each, on one linear scale, each bar labelled with its value. Pure: data in,
 * SVG markup out; colours come from CSS classes (`pb-reference`, `pb-chosen`).
 */
import { scaleLinear } from 'd3-scale';
import { bottomAxis } from './axes.ts';
import { el, num, textEl, textWidth, translate } from './svg.ts';

/** Which bar of a pair; also its CSS class suffix. */
export type PairedBar = 'reference' | 'chosen';
const BARS: readonly PairedBar[] = ['reference', 'chosen'];

/** One row: its label and both values (≥ 0, in the chart's unit). */
export interface PairedRow {
  readonly label: string;
  readonly reference: number;
  readonly chosen: number;
}

export interface PairedBarsOptions {
  readonly rows: readonly PairedRow[];
  /** The chart's accessible name and `<title>`. */
  readonly title: string;
  readonly xLabel: string;
  /** Legend entries of the two bars. */
  readonly labels: Readonly<Record<PairedBar, string>>;
  /** Text of a value, for bar labels and ticks (e.g. "120 M"). */
  readonly format: (value: number) => string;
  /** CSS px. */
  readonly width?: number;
}

const MARGIN = { top: 30, right: 64, bottom: 46, left: 92 };
const BAR = 14;
const ROW_GAP = 14;
const FONT = 11;

/** The chart as an `<svg>` string with `role="img"` named by its title (the Data table has the numbers). */
export function pairedBarsSvg(options: PairedBarsOptions): string {
  const width = options.width ?? 560;
  const rowHeight = 2 * BAR + ROW_GAP;
  const height = MARGIN.top + options.rows.length * rowHeight + MARGIN.bottom;
  const right = width - MARGIN.right;
  const max = Math.max(1, ...options.rows.flatMap((r) => [r.reference, r.chosen]));
  const x = scaleLinear().domain([0, max]).range([MARGIN.left, right]).nice();
  const rows = options.rows.map((row, i) =>
    el(
      'g',
      { class: 'pb-row', transform: translate(0, MARGIN.top + i * rowHeight) },
      textEl('text', { class: 'pb-label', x: MARGIN.left - 8, y: BAR, 'text-anchor': 'end', dy: '0.32em' }, row.label),
      ...BARS.map((bar, j) => {
        const value = Math.max(0, row[bar]);
        const end = x(value);
        return el(
          'g',
          { transform: translate(0, j * BAR) },
          el('rect', { class: `pb-bar pb-${bar}`, x: MARGIN.left, y: 1, width: end - MARGIN.left, height: BAR - 2 }),
          textEl('text', { class: 'pb-value', x: end + 4, y: BAR / 2, dy: '0.32em' }, options.format(value)),
        );
      }),
    ),
  );
  let legendX = MARGIN.left;
  const legend = BARS.map((bar) => {
    const at = legendX;
    legendX += 22 + textWidth(options.labels[bar], FONT) + 18;
    return el(
      'g',
      { transform: translate(at, 10) },
      el('rect', { class: `pb-bar pb-${bar}`, y: -6, width: 16, height: 12 }),
      textEl('text', { x: 22, dy: '0.32em' }, options.labels[bar]),
    );
  });
  const axis = bottomAxis({
    ticks: x.ticks(4).map((v) => ({ at: x(v), label: options.format(v) })),
    y: height - MARGIN.bottom + 4,
    from: MARGIN.left,
    to: right,
    label: options.xLabel,
    className: 'lc-axis',
  });
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      class: 'pb-chart lc-chart',
      role: 'img',
      'aria-label': options.title,
      'font-size': FONT,
    },
    textEl('title', {}, options.title),
    el('g', { class: 'pb-legend' }, ...legend),
    ...rows,
    axis,
  );
}
