import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { lenet5, lenetC3Connections } from '../../../src/lib/models/lenet.ts';
import { groupBoundaries, renderC3Table, type C3TableOptions } from '../../../src/lib/viz/c3-table.ts';

const options: C3TableOptions = {
  title: 'LeNet-5: which S2 maps each C3 map reads',
  description: 'Table I of LeCun et al. 1998: an X where a C3 map (column) reads an S2 map (row).',
  rowLabel: 'S2 map',
  columnLabel: 'C3 map',
};

const marks = (svg: string): number => svg.match(/<path class="c3-mark"/g)?.length ?? 0;

describe('renderC3Table(lenetC3Connections)', () => {
  const svg = renderC3Table(lenetC3Connections, options);

  test('marks 60 cells, the connection count of Table I and of the C3 layer analyze() counts', () => {
    const links = lenetC3Connections.flat().filter(Boolean).length;
    expect(links).toBe(60);
    expect(marks(svg)).toBe(links);
    expect(svg.match(/<g class="c3-cell c3-on"/g)).toHaveLength(links);
    // 60 links of 5×5 weights plus 16 biases: C3's 1,516 parameters.
    expect(analyze(lenet5).layers.find((l) => l.id === 'C3')?.params).toBe(links * 25 + 16);
  });

  test('draws 6 rows (S2 maps) × 16 columns (C3 maps), X exactly where the table is true', () => {
    const cells = [...svg.matchAll(/<g class="(c3-cell[^"]*)" [^>]*data-row="(\d+)" data-column="(\d+)"/g)];
    expect(cells).toHaveLength(96);
    for (const [, classes, row, column] of cells) {
      const on = lenetC3Connections[Number(column)]?.[Number(row)];
      expect(classes?.includes('c3-on'), `S2 ${row} → C3 ${column}`).toBe(on);
    }
  });

  test('has an accessible name, a <title> and a <desc>, with text escaped', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="LeNet-5: which S2 maps each C3 map reads"/);
    expect(svg).toContain('<title>LeNet-5: which S2 maps each C3 map reads</title>');
    expect(svg).toContain('<desc>Table I of LeCun et al. 1998');
    const hostile = renderC3Table(lenetC3Connections, { ...options, title: '<script>"x"</script>' });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;&quot;x&quot;&lt;/script&gt;');
  });

  test('separates the paper’s column groups (3 contiguous, 4 contiguous, 4 non-contiguous, all 6)', () => {
    expect(groupBoundaries(lenetC3Connections)).toEqual([6, 12, 15]);
    expect(svg.match(/class="c3-group"/g)).toHaveLength(3);
  });

  test('highlights the active column only and rejects a ragged table', () => {
    const active = renderC3Table(lenetC3Connections, { ...options, activeColumn: 12 });
    const highlighted = [...active.matchAll(/<g class="[^"]*c3-active" [^>]*data-column="(\d+)"/g)];
    expect(highlighted.map((m) => m[1])).toEqual(Array(6).fill('12'));
    expect(() => renderC3Table([[true], [true, false]], options)).toThrow(/same positive number/);
    expect(() => renderC3Table([], options)).toThrow(/same positive number/);
  });

  test('matches its snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/c3-table-lenet5.svg');
  });
});
