import { describe, expect, test } from 'vitest';
import { renderLineChart, type LineChartOptions, type LineSeries } from '../../../src/lib/viz/line-chart.ts';

/** The lesion study's k-random-blocks result: mean, min and max accuracy over the draws per k. */
const byK = {
  plain: [
    { k: 0, mean: 0.96, min: 0.96, max: 0.96 },
    { k: 1, mean: 0.4, min: 0.15, max: 0.7 },
    { k: 2, mean: 0.14, min: 0.1, max: 0.2 },
  ],
  residual: [
    { k: 0, mean: 0.98, min: 0.98, max: 0.98 },
    { k: 1, mean: 0.95, min: 0.93, max: 0.97 },
    { k: 2, mean: 0.91, min: 0.86, max: 0.94 },
  ],
};

const series: LineSeries[] = (['plain', 'residual'] as const).map((net) => ({
  className: `sl-net sl-${net}`,
  label: net,
  points: byK[net].map((p) => [p.k, p.mean] as const),
  ranges: byK[net].map((p) => [p.k, p.min, p.max] as const),
  dots: true,
}));

const options: LineChartOptions = {
  title: 'Test accuracy with k random blocks deleted',
  xLabel: 'blocks deleted, k',
  yLabel: 'test accuracy',
  yScale: 'linear',
  yDomain: [0, 1],
  xDomain: [0, 2],
  width: 420,
};

describe('renderLineChart as the lesion chart (accuracy against k deleted blocks)', () => {
  test('renderLineChart(ranges) draws a min–max error bar with caps at every k of each series', () => {
    const svg = renderLineChart(series, options);
    const ranges = svg.match(/<path class="lc-range" d="([^"]*)"\/>/g) ?? [];
    expect(ranges).toHaveLength(2);
    for (const range of ranges) expect((range.match(/V/g) ?? []).length).toBe(3);
    expect((svg.match(/class="lc-dot"/g) ?? []).length).toBe(6);
  });

  test('the error bar spans min to max on the y axis', () => {
    const svg = renderLineChart(series, options);
    const tickY = (label: string): number =>
      Number(
        new RegExp(
          `translate\\(0,([\\d.]+)\\)"><path d="M0 0H-5"/><path class="lc-grid" d="M0 0H342"/><text[^>]*>${label}<`,
        ).exec(svg)?.[1],
      );
    const y = (v: number): number => Math.round((tickY('0') + (tickY('1') - tickY('0')) * v) * 100) / 100;
    expect(svg).toContain(`M233 ${y(0.15)}V${y(0.7)}`);
  });

  test('an automatic y domain includes the error bars', () => {
    const chart = (ranges?: LineSeries['ranges']): string =>
      renderLineChart(
        [
          {
            className: 'a',
            label: 'a',
            points: [
              [0, 0.5],
              [1, 0.6],
            ],
            ...(ranges ? { ranges } : {}),
          },
        ],
        {
          title: 'T',
          xLabel: 'k',
          yLabel: 'accuracy',
          yScale: 'linear',
        },
      );
    expect(chart()).not.toContain('>0.2</text>');
    expect(chart([[0, 0.1, 0.9]])).toContain('>0.2</text>');
    expect(chart([[0, 0.1, 0.9]])).toContain('>0.8</text>');
  });

  test('series without ranges draw no error bars', () => {
    const { ranges: _ranges, ...bare } = series[0]!;
    expect(renderLineChart([bare], options)).not.toContain('lc-range');
  });

  test('the plain and residual lesion curves render the same markup as before', () => {
    expect(renderLineChart(series, options)).toMatchSnapshot();
  });
});
