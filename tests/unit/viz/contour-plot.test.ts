import { describe, expect, test } from 'vitest';
import { contourPlotSvg, logThresholds, type ContourPlotOptions } from '../../../src/lib/viz/contour-plot.ts';

/** α = β = −1 … 1 in steps of 0.2. */
const axis = Array.from({ length: 11 }, (_, i) => Math.round((-1 + i / 5) * 10) / 10);
/** A tilted bowl from 0.05 at (0, 0) to about 20 in the corners, [β][α]. */
const bowl = axis.map((b) => axis.map((a) => 0.05 * Math.exp(2.4 * (a * a + 1.5 * b * b + 0.5 * a * b))));

const options: ContourPlotOptions = {
  title: 'ResNet-20: loss on a 2-D slice (α, β)',
  xLabel: 'α',
  yLabel: 'β',
  alphas: axis,
  betas: axis,
  originLabel: 'trained weights',
  legendLabel: 'loss',
};

const bands = (svg: string): string[] => svg.match(/<path class="cp-band [^>]*>/g) ?? [];

describe('logThresholds', () => {
  test('logThresholds(bowl) spaces 8 band edges evenly in log(loss) from the lowest loss', () => {
    const t = logThresholds(bowl);
    expect(t).toHaveLength(8);
    expect(t[0]).toBe(0.05);
    const top = Math.max(...bowl.flat());
    // Rounded to two significant digits for the legend: within 5% of the exact geometric steps.
    t.forEach((v, i) => expect(Math.abs(v / (0.05 * (top / 0.05) ** (i / 8)) - 1)).toBeLessThan(0.05));
    expect(t.at(-1)).toBeLessThan(Math.max(...bowl.flat()));
  });

  test('keeps enough digits to tell close edges apart on a nearly flat surface', () => {
    const t = logThresholds([[2.3, 2.31, 2.32, 2.35]], 5);
    expect(new Set(t).size).toBe(5);
  });

  test('gives one edge for a flat grid and none without a finite positive loss', () => {
    expect(logThresholds([[1, 1]])).toEqual([1]);
    expect(logThresholds([[NaN, Infinity, 0]])).toEqual([]);
  });
});

describe('contourPlotSvg', () => {
  test('draws one band per threshold, darkest at the lowest loss, and marks the trained weights at (0, 0)', () => {
    const svg = contourPlotSvg(bowl, options);
    const drawn = bands(svg);
    expect(drawn).toHaveLength(logThresholds(bowl).length);
    const opacities = drawn.map((b) => Number(/fill-opacity="([\d.]+)"/.exec(b)?.[1]));
    expect(opacities).toEqual([...opacities].sort((a, b) => b - a));
    expect(drawn[0]).toContain('class="cp-band cp-band-0"');
    expect(svg).toMatch(
      /<circle class="cp-origin" cx="[\d.]+" cy="[\d.]+" r="4"\/><text class="cp-origin-label"[^>]*>trained weights<\/text>/,
    );
  });

  test('the legend shows every threshold', () => {
    const svg = contourPlotSvg(bowl, { ...options, thresholds: [0.05, 0.5, 5] });
    expect(bands(svg)).toHaveLength(3);
    for (const label of ['0.05', '0.5', '5', 'loss']) expect(svg).toContain(`>${label}</text>`);
  });

  test('a diverged loss (NaN, Infinity) is drawn as the highest loss, not as a hole or an error', () => {
    const diverged = bowl.map((row) => [...row]);
    const top = Math.max(...bowl.flat());
    diverged[10]![10] = NaN;
    diverged[10]![9] = Infinity;
    diverged[9]![10] = -Infinity;
    const clamped = bowl.map((row) => [...row]);
    clamped[10]![10] = clamped[10]![9] = clamped[9]![10] = top;
    const svg = contourPlotSvg(diverged, options);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toBe(contourPlotSvg(clamped, options));
  });

  test('an all-NaN grid renders axes and the marker without bands', () => {
    const svg = contourPlotSvg(
      axis.map(() => axis.map(() => NaN)),
      options,
    );
    expect(bands(svg)).toHaveLength(0);
    expect(svg).toContain('trained weights');
    expect(svg).not.toContain('NaN');
  });

  test('escapes the title and labels', () => {
    const svg = contourPlotSvg(bowl, { ...options, title: '<script>', originLabel: 'a & b' });
    expect(svg).toContain('<title>&lt;script&gt;</title>');
    expect(svg).toContain('>a &amp; b</text>');
    expect(svg).not.toContain('<script>');
  });

  test('rejects a grid whose shape does not match [betas.length][alphas.length]', () => {
    expect(() => contourPlotSvg(bowl.slice(1), options)).toThrow(RangeError);
  });

  test('the bowl renders the same markup as before', () => {
    expect(contourPlotSvg(bowl, options)).toMatchSnapshot();
  });
});
