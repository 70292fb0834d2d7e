/**
 * Chart axes as SVG markup: a bottom axis and a left axis with grid lines, ticks placed by the
 * caller's scale. Shared by the charts so they look and read alike.
 */
import { el, num, textEl, translate } from './svg.ts';

/** A tick at `at` px along the axis, labelled `label`. */
export interface AxisTick {
  readonly at: number;
  readonly label: string;
}

export interface BottomAxisOptions {
  readonly ticks: readonly AxisTick[];
  /** y of the axis line, px. */
  readonly y: number;
  /** x extent of the axis line, px. */
  readonly from: number;
  readonly to: number;
  readonly label: string;
  /** Class of the axis group (strokes and text colours come from CSS). */
  readonly className: string;
}

/** The x axis: line, tick marks, labels below, and the axis title centred under them. */
export function bottomAxis(o: BottomAxisOptions): string {
  return el(
    'g',
    { class: o.className, transform: translate(0, o.y) },
    el('path', { d: `M${num(o.from)} 0H${num(o.to)}` }),
    ...o.ticks.map((tick) =>
      el(
        'g',
        { transform: translate(tick.at, 0) },
        el('path', { d: 'M0 0V5' }),
        textEl('text', { y: 17, 'text-anchor': 'middle' }, tick.label),
      ),
    ),
    textEl('text', { x: (o.from + o.to) / 2, y: 36, 'text-anchor': 'middle' }, o.label),
  );
}

export interface LeftAxisOptions {
  readonly ticks: readonly AxisTick[];
  /** x of the axis line, px. */
  readonly x: number;
  /** y of the axis line's bottom and top, px. */
  readonly bottom: number;
  readonly top: number;
  /** Length of the grid lines to the right, px. */
  readonly gridWidth: number;
  readonly label: string;
  /** Distance of the rotated title left of the axis, px. */
  readonly labelOffset: number;
  readonly className: string;
  readonly gridClass: string;
}

/** The y axis: line, tick marks with grid lines, labels to the left, and the rotated title. */
export function leftAxis(o: LeftAxisOptions): string {
  return el(
    'g',
    { class: o.className, transform: translate(o.x, 0) },
    el('path', { d: `M0 ${num(o.bottom)}V${num(o.top)}` }),
    ...o.ticks.map((tick) =>
      el(
        'g',
        { transform: translate(0, tick.at) },
        el('path', { d: 'M0 0H-5' }),
        el('path', { class: o.gridClass, d: `M0 0H${num(o.gridWidth)}` }),
        textEl('text', { x: -8, dy: '0.32em', 'text-anchor': 'end' }, tick.label),
      ),
    ),
    textEl(
      'text',
      {
        transform: `translate(${num(-o.labelOffset)},${num((o.top + o.bottom) / 2)}) rotate(-90)`,
        'text-anchor': 'middle',
      },
      o.label,
    ),
  );
}
