/**
 * Theoretical receptive fields of a zoo model layer by layer (Araujo, Norris, Sim 2019), as
 * table rows and as boxes on the input grid: every layer that widens the field or its jump,
 * with the field of its first (top-left) unit, which reaches past the image into the zero
 * padding by Araujo et al.'s "effective padding". Everything comes from analyze(); nothing is
 * typed by hand. Pure: analysis in, rows and SVG markup out (rendered at build time).
 */
import type { Analysis } from '../models/analyze.ts';
import { pair } from '../models/pair.ts';
import { effectivePadding } from '../models/receptive-field.ts';
import type { Layer } from '../models/types.ts';
import { heatColor } from './heatmap-pixels.ts';
import { el, num, textEl, translate } from './svg.ts';

/** One row: a layer on the field's main path. Numbers in input pixels (height axis). */
export interface ZooFieldRow {
  readonly id: string;
  readonly kind: Layer['kind'];
  /** Kernel, stride and padding of the layer itself. */
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  /** Output map, e.g. "55×55". */
  readonly output: string;
  readonly size: number;
  readonly jump: number;
  /** Centre of unit 0's field (may be fractional). */
  readonly start: number;
  /** How far unit 0's field reaches past the top/left edge: (size − 1)/2 − start. */
  readonly padding0: number;
}

function windowOf(layer: Layer): { kernel: number; stride: number; padding: number } | null {
  switch (layer.kind) {
    case 'conv':
      return {
        kernel: pair(layer.dilation ?? 1)[0] * (pair(layer.kernel)[0] - 1) + 1,
        stride: pair(layer.stride ?? 1)[0],
        padding: pair(layer.padding ?? 0)[0],
      };
    case 'maxpool':
    case 'avgpool':
      return {
        kernel: pair(layer.kernel)[0],
        stride: pair(layer.stride ?? layer.kernel)[0],
        padding: pair(layer.padding ?? 0)[0],
      };
    case 'subsample':
      return { kernel: pair(layer.kernel)[0], stride: pair(layer.stride ?? layer.kernel)[0], padding: 0 };
    default:
      return null;
  }
}

/**
 * The layers where the field of the main path grows or its jump does, in order: window layers
 * whose field is larger, or whose jump is larger, than the last row's. Side branches (a
 * ResNet's 1×1 projection shortcut, whose field is smaller) and 1×1 convolutions drop out.
 */
export function zooFieldRows(analysis: Analysis): ZooFieldRow[] {
  const rows: ZooFieldRow[] = [];
  let size = 1;
  let jump = 1;
  for (const entry of analysis.layers) {
    const field = entry.receptiveField;
    const window = windowOf(entry.layer);
    if (field === null || window === null || entry.outputShape.length !== 3) continue;
    if (!(field.size[0] > size || (field.jump[0] > jump && field.size[0] >= size))) continue;
    size = field.size[0];
    jump = field.jump[0];
    rows.push({
      id: entry.id,
      kind: entry.kind,
      ...window,
      output: `${entry.outputShape[0]}×${entry.outputShape[1]}`,
      size,
      jump,
      start: field.start[0],
      padding0: effectivePadding(field)[0],
    });
  }
  return rows;
}

export interface ZooFigureStrings {
  /** Accessible name of the figure. */
  readonly label: string;
  /** "224×224 input". */
  readonly image: string;
  /** Label of the last box, e.g. "features.30: 212 px". */
  readonly last: (id: string, size: number) => string;
}

/**
 * Boxes of unit 0's field for every row on the `side`×`side` input, drawn at `width` px. The
 * frame covers the image and every box; the image carries a grid with the last row's jump.
 */
export function renderZooFields(
  rows: readonly ZooFieldRow[],
  side: number,
  strings: ZooFigureStrings,
  width = 360,
): string {
  let lo = -0.5;
  let hi = side - 0.5;
  for (const r of rows) {
    lo = Math.min(lo, r.start - r.size / 2);
    hi = Math.max(hi, r.start + r.size / 2);
  }
  const margin = 22;
  const scale = (width - 2 * margin) / (hi - lo);
  const at = (v: number): number => margin + (v - lo) * scale;
  const lastJump = rows[rows.length - 1]?.jump ?? side;
  const gridLines: string[] = [];
  for (let g = lastJump; g < side; g += lastJump) {
    gridLines.push(`M${num(at(g - 0.5))} ${num(at(-0.5))}V${num(at(side - 0.5))}`);
    gridLines.push(`M${num(at(-0.5))} ${num(at(g - 0.5))}H${num(at(side - 0.5))}`);
  }
  const boxes = rows.map((r, i) => {
    // Purple to green: the palest stops would vanish on a light page.
    const colour = heatColor(rows.length === 1 ? 0.7 : 0.05 + (0.65 * i) / (rows.length - 1));
    const x0 = at(r.start - r.size / 2);
    return el(
      'g',
      { class: 'rfz-layer' },
      el('rect', {
        x: x0,
        y: x0,
        width: r.size * scale,
        height: r.size * scale,
        stroke: `rgb(${colour.join(',')})`,
        class: i === rows.length - 1 ? 'rfz-box rfz-last' : 'rfz-box',
      }),
      el('circle', { cx: at(r.start), cy: at(r.start), r: 2, fill: `rgb(${colour.join(',')})` }),
    );
  });
  const last = rows[rows.length - 1];
  const lastLabel =
    last === undefined
      ? ''
      : textEl(
          'text',
          {
            class: 'rfz-label',
            x: at(last.start + last.size / 2) - 4,
            y: at(last.start + last.size / 2) - 6,
            'text-anchor': 'end',
          },
          strings.last(last.id, last.size),
        );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${width}`,
      class: 'rfz-figure',
      role: 'img',
      'aria-label': strings.label,
    },
    textEl('title', {}, strings.label),
    el('rect', { class: 'rfz-padding', x: at(lo), y: at(lo), width: (hi - lo) * scale, height: (hi - lo) * scale }),
    el('rect', { class: 'rfz-image', x: at(-0.5), y: at(-0.5), width: side * scale, height: side * scale }),
    el('path', { class: 'rfz-grid', d: gridLines.join('') }),
    textEl(
      'text',
      { class: 'rfz-label', transform: translate(at(side - 0.5) - 4, at(side - 0.5) - 6), 'text-anchor': 'end' },
      strings.image,
    ),
    ...boxes,
    lastLabel,
  );
}
