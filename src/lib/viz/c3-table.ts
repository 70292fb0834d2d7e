/**
 * LeNet-5's C3 connection table as LeCun et al. 1998 print it (Table I): one row per S2 map,
 * one column per C3 map, an X where the C3 map reads the S2 map. Columns whose reading pattern
 * changes (three contiguous maps, four contiguous, four non-contiguous, all six) are separated
 * by a rule, as the paper's text groups them. Pure: a connection table in, SVG markup out;
 * colours come from CSS classes (`c3-*`).
 */
import { el, num, textEl, translate } from './svg.ts';

/** The table's text: every string a reader sees, from the caller's language file. */
export interface C3TableOptions {
  /** The figure's accessible name and `<title>`. */
  readonly title: string;
  /** The `<desc>`: what the table shows, in a sentence or two. */
  readonly description: string;
  /** Label of the rows (the input maps), e.g. "S2 map". */
  readonly rowLabel: string;
  /** Label of the columns (the output maps), e.g. "C3 map". */
  readonly columnLabel: string;
  /** An output map whose column is highlighted (class `c3-active`), e.g. the hovered C3 map. */
  readonly activeColumn?: number | null;
  /** Side of one cell in px. Default 22. */
  readonly cell?: number;
  /** Class on the root `<svg>`. */
  readonly className?: string;
}

const FONT = 11;
const LABEL = 16;
const NUMBERS = 18;

/**
 * `connections[o][i]` is true where output map o (a C3 map) reads input map i (an S2 map), as
 * `lenetC3Connections` gives it: [16][6] for LeNet-5. Drawn transposed, inputs as rows, like
 * Table I. Each cell is a `<g class="c3-cell">` with `data-row` (input map) and `data-column`
 * (output map); connected cells add `c3-on` and an X (`path.c3-mark`). Throws for a ragged or
 * empty table.
 */
export function renderC3Table(connections: readonly (readonly boolean[])[], options: C3TableOptions): string {
  const columns = connections.length;
  const rows = connections[0]?.length ?? 0;
  if (rows === 0 || connections.some((reads) => reads.length !== rows)) {
    throw new Error('a connection table needs the same positive number of inputs for every output map');
  }
  const cell = options.cell ?? 22;
  const left = LABEL + NUMBERS;
  const top = LABEL + NUMBERS;
  const width = left + columns * cell + 1;
  const height = top + rows * cell + 1;
  const inset = cell * 0.25;

  const cells = connections.flatMap((reads, column) =>
    reads.map((on, row) => {
      const classes = ['c3-cell', on ? 'c3-on' : '', column === options.activeColumn ? 'c3-active' : ''];
      const mark = `M${num(inset)} ${num(inset)}L${num(cell - inset)} ${num(cell - inset)}M${num(cell - inset)} ${num(inset)}L${num(inset)} ${num(cell - inset)}`;
      return el(
        'g',
        {
          class: classes.filter(Boolean).join(' '),
          transform: translate(left + column * cell, top + row * cell),
          'data-row': row,
          'data-column': column,
        },
        el('rect', { width: cell, height: cell }),
        on ? el('path', { class: 'c3-mark', d: mark }) : '',
      );
    }),
  );
  const columnNumbers = connections.map((_, column) =>
    textEl(
      'text',
      { x: left + (column + 0.5) * cell, y: top - 6, 'text-anchor': 'middle', class: 'c3-number' },
      String(column),
    ),
  );
  const rowNumbers = Array.from({ length: rows }, (_, row) =>
    textEl(
      'text',
      { x: left - 6, y: top + (row + 0.5) * cell, dy: '0.32em', 'text-anchor': 'end', class: 'c3-number' },
      String(row),
    ),
  );
  const groups = groupBoundaries(connections).map((column) =>
    el('path', { class: 'c3-group', d: `M${num(left + column * cell)} ${num(top - 2)}V${num(height)}` }),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      class: `c3-table ${options.className ?? ''}`.trim(),
      role: 'img',
      'aria-label': options.title,
      'font-size': FONT,
    },
    textEl('title', {}, options.title),
    textEl('desc', {}, options.description),
    textEl(
      'text',
      { x: left + (columns * cell) / 2, y: LABEL - 4, 'text-anchor': 'middle', class: 'c3-label' },
      options.columnLabel,
    ),
    textEl(
      'text',
      {
        transform: `${translate(LABEL - 4, top + (rows * cell) / 2)} rotate(-90)`,
        'text-anchor': 'middle',
        class: 'c3-label',
      },
      options.rowLabel,
    ),
    ...columnNumbers,
    ...rowNumbers,
    el('g', { class: 'c3-cells' }, ...cells),
    ...groups,
  );
}

/**
 * Columns (1…n−1) where the reading pattern changes from the previous column: the number of
 * inputs read, or whether they are cyclically contiguous. For Table I: 6, 12 and 15.
 */
export function groupBoundaries(connections: readonly (readonly boolean[])[]): number[] {
  const pattern = (reads: readonly boolean[]): string => {
    const count = reads.filter(Boolean).length;
    // Cyclically contiguous: exactly one run of connected inputs, counting around the end.
    const runs = reads.filter((on, i) => on && !reads[(i + reads.length - 1) % reads.length]).length;
    return `${count}:${runs <= 1}`;
  };
  const patterns = connections.map(pattern);
  return patterns.flatMap((p, column) => (column > 0 && p !== patterns[column - 1] ? [column] : []));
}
