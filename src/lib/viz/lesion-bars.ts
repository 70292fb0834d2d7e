/**
 * The single-block lesion chart (Veit et al. 2016, Fig. 3): test accuracy after deleting each
 * block on its own, a plain and a residual bar per block, and a dashed rule at each net's
 * intact accuracy. Deleting a block of the residual net leaves its bar near the rule; in the
 * plain net it drops to chance. Pure: data in, SVG markup out; colours come from CSS classes.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { bottomAxis, leftAxis } from './axes.ts';
import { el, num, textEl, textWidth, translate } from './svg.ts';

/** The two networks compared; also their CSS classes (`lb-plain`, `lb-residual`). */
export type LesionNet = 'plain' | 'residual';
const NETS: readonly LesionNet[] = ['plain', 'residual'];

/** One block: test accuracy (0–1) of each net with only this block deleted; null where not measured. */
export interface LesionBlock {
  readonly id: string;
  /** Axis label, e.g. "1" or "2.3". */
  readonly label: string;
  readonly plain: number | null;
  readonly residual: number | null;
}

export interface LesionBarsOptions {
  /** In network order. */
  readonly blocks: readonly LesionBlock[];
  /** Each net's test accuracy with nothing deleted (0–1), drawn as a dashed rule. */
  readonly baseline: Readonly<Record<LesionNet, number | null>>;
  /** The chart's accessible name and `<title>`. */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Legend entries: the two nets' bars and the dashed intact-accuracy rules. */
  readonly labels: Readonly<Record<LesionNet | 'intact', string>>;
  /** Default [0, 1]; bars and rules outside it are clamped. */
  readonly yDomain?: readonly [number, number];
  /** Class on the root `<svg>`. */
  readonly className?: string;
  /** Extra classes on each net's bars, rule and swatch (e.g. the widget's colour classes). */
  readonly netClasses?: Readonly<Record<LesionNet, string>>;
  /** CSS px; the legend row adds to the height. */
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 12, right: 16, bottom: 44, left: 62 };
const LEGEND_ROW = 24;
const FONT = 11;

/** `lb-{net}` and the caller's classes for the net. */
function netClass(net: LesionNet, options: LesionBarsOptions): string {
  const extra = options.netClasses?.[net];
  return extra ? `lb-${net} ${extra}` : `lb-${net}`;
}

/** The legend row: a swatch per net and a dashed line (class `lb-rule` alone) for the rules. */
function legend(options: LesionBarsOptions): string {
  const { labels } = options;
  let x = 0;
  const entry = (mark: string, label: string): string => {
    const at = x;
    x += 28 + textWidth(label, FONT) + 18;
    return el('g', { transform: translate(at, 0) }, mark, textEl('text', { x: 28, dy: '0.32em' }, label));
  };
  return el(
    'g',
    { class: 'lb-legend', transform: translate(MARGIN.left, MARGIN.top + 6) },
    ...NETS.map((net) =>
      entry(el('rect', { class: `lb-bar ${netClass(net, options)}`, y: -6, width: 22, height: 12 }), labels[net]),
    ),
    entry(el('path', { class: 'lb-rule', d: 'M0 0H22', 'stroke-dasharray': '6 4' }), labels.intact),
  );
}

/** The chart as an `<svg>` string with `role="img"` named by its title (the Data table has the numbers). */
export function lesionBarsSvg(options: LesionBarsOptions): string {
  const width = options.width ?? 560;
  const height = (options.height ?? 240) + LEGEND_ROW;
  const top = MARGIN.top + LEGEND_ROW;
  const bottom = height - MARGIN.bottom;
  const right = width - MARGIN.right;
  const [lo, hi] = options.yDomain ?? [0, 1];
  const x = scaleBand()
    .domain(options.blocks.map((b) => b.id))
    .range([MARGIN.left, right])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const inner = scaleBand<LesionNet>().domain(NETS).range([0, x.bandwidth()]).padding(0.06);
  const y = scaleLinear().domain([lo, hi]).range([bottom, top]).clamp(true);

  const bars = options.blocks.map((block) =>
    el(
      'g',
      { class: 'lb-block', transform: translate(x(block.id) ?? 0, 0) },
      ...NETS.flatMap((net) => {
        const value = block[net];
        if (value === null || !Number.isFinite(value)) return [];
        return [
          el('rect', {
            class: `lb-bar ${netClass(net, options)}`,
            x: inner(net) ?? 0,
            y: y(value),
            width: inner.bandwidth(),
            height: bottom - y(value),
          }),
        ];
      }),
    ),
  );
  const rules = NETS.flatMap((net) => {
    const value = options.baseline[net];
    if (value === null || !Number.isFinite(value)) return [];
    return [
      el('path', {
        class: `lb-rule ${netClass(net, options)}`,
        d: `M${MARGIN.left} ${num(y(value))}H${right}`,
        'stroke-dasharray': '6 4',
      }),
    ];
  });

  // Label every block while the labels fit, else every n-th.
  const widest = Math.max(0, ...options.blocks.map((b) => textWidth(b.label, FONT)));
  const every = Math.max(1, Math.ceil((widest + 8) / Math.max(1, x.step())));
  const axisX = bottomAxis({
    ticks: options.blocks.flatMap((b, i) =>
      i % every === 0 ? [{ at: (x(b.id) ?? 0) + x.bandwidth() / 2, label: b.label }] : [],
    ),
    y: bottom,
    from: MARGIN.left,
    to: right,
    label: options.xLabel,
    className: 'lc-axis',
  });
  const axisY = leftAxis({
    ticks: y.ticks(5).map((v) => ({ at: y(v), label: String(Math.round(v * 100) / 100) })),
    x: MARGIN.left,
    bottom,
    top,
    gridWidth: right - MARGIN.left,
    label: options.yLabel,
    labelOffset: 48,
    className: 'lc-axis',
    gridClass: 'lc-grid',
  });

  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      class: `lb-chart lc-chart ${options.className ?? ''}`.trim(),
      role: 'img',
      'aria-label': options.title,
    },
    textEl('title', {}, options.title),
    axisY,
    axisX,
    ...bars,
    ...rules,
    legend(options),
  );
}
