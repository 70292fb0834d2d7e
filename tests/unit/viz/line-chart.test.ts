import { describe, expect, test } from 'vitest';
import { renderLineChart, type LineSeries } from '../../../src/lib/viz/line-chart.ts';
import { powerOfTen, scientific } from '../../../src/lib/viz/scientific.ts';
import { tweenSeries } from '../../../src/lib/viz/tween-series.ts';

const series: LineSeries[] = [
  {
    className: 'a',
    label: 'A <b>',
    points: [
      [1, 1e-6],
      [2, 1e-3],
      [3, 1],
    ],
  },
  {
    className: 'b',
    label: 'B',
    points: [
      [1, 0],
      [2, null],
      [3, 0.5],
    ],
    dots: true,
  },
];

describe('renderLineChart', () => {
  test('draws a log axis in whole decades with 10ᵏ labels and escapes labels', () => {
    const svg = renderLineChart(series, { title: 'T & t', xLabel: 'x', yLabel: 'y', yScale: 'log' });
    expect(svg).toContain('<title>T &amp; t</title>');
    expect(svg).toContain('A &lt;b&gt;');
    expect(svg).not.toContain('<b>');
    for (const label of ['10⁻⁶', '10⁻³', '1']) expect(svg).toContain(`>${label}</text>`);
  });

  test('leaves gaps for points a log axis cannot show (0, null) and dots only the drawable ones', () => {
    const svg = renderLineChart(series, { title: 'T', xLabel: 'x', yLabel: 'y', yScale: 'log' });
    expect((svg.match(/class="lc-dot"/g) ?? []).length).toBe(1);
  });

  test('draws horizontal rules with their labels', () => {
    const svg = renderLineChart(series, {
      title: 'T',
      xLabel: 'x',
      yLabel: 'y',
      yScale: 'log',
      rules: [{ y: 1e-3, label: 'threshold' }],
    });
    expect(svg).toContain('class="lc-rule"');
    expect(svg).toContain('>threshold</text>');
  });
});

describe('scientific notation', () => {
  test('formats mantissa·10ᵉ, carrying a rounded 9.96 into the next decade', () => {
    expect(scientific(2.34e-7)).toBe('2.3·10⁻⁷');
    expect(scientific(9.96e-5)).toBe('1.0·10⁻⁴');
    expect(scientific(1.5e12)).toBe('1.5·10¹²');
    expect(powerOfTen(1e-3)).toBe('10⁻³');
    expect(powerOfTen(1)).toBe('1');
  });
});

describe('tweenSeries', () => {
  const from: LineSeries[] = [
    {
      className: 'a',
      label: 'A',
      points: [
        [1, 1e-8],
        [2, 1],
      ],
    },
  ];
  const to: LineSeries[] = [
    {
      className: 'a',
      label: 'A',
      points: [
        [1, 1],
        [2, 1],
        [3, 1],
      ],
    },
  ];

  test('starts at the old curve resampled onto the new x positions and ends exactly at the new data', () => {
    const start = tweenSeries(from, to, 0, true)[0]!.points;
    expect(start[0]![1]).toBeCloseTo(1e-8, 12);
    expect(start[2]![1]).toBeCloseTo(1, 10);
    expect(tweenSeries(from, to, 1, true)).toEqual(to);
  });

  test('moves log values in log space: halfway between 10⁻⁸ and 1 is 10⁻⁴', () => {
    expect(tweenSeries(from, to, 0.5, true)[0]!.points[0]![1]).toBeCloseTo(1e-4, 10);
  });

  test('shows a series with no old counterpart at once', () => {
    const fresh: LineSeries[] = [{ className: 'new', label: 'N', points: [[1, 5]] }];
    expect(tweenSeries(from, fresh, 0, true)).toEqual(fresh);
  });
});

describe('renderLineChart snapshot', () => {
  test('a seeded two-series log chart with a rule renders the same markup as before', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const points = (decay: number): LineSeries['points'] =>
      Array.from({ length: 20 }, (_, i) => [i + 1, 10 ** (-decay * (20 - i)) * (0.5 + random())] as const);
    const svg = renderLineChart(
      [
        { className: 'plain', label: 'Plain', points: points(0.4) },
        { className: 'residual', label: 'Residual', points: points(0.01), dots: true },
      ],
      { title: 'Norms', xLabel: 'layer', yLabel: 'norm', yScale: 'log', rules: [{ y: 1e-3, label: '10⁻³' }] },
    );
    expect(svg).toMatchSnapshot();
  });
});
