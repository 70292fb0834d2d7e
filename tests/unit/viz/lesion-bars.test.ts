import { describe, expect, test } from 'vitest';
import { lesionBarsSvg, type LesionBarsOptions, type LesionBlock } from '../../../src/lib/viz/lesion-bars.ts';

const blocks: LesionBlock[] = [
  { id: 'b1', label: '1.1', plain: 0.12, residual: 0.97 },
  { id: 'b2', label: '1.2', plain: 0.1, residual: 0.95 },
  { id: 'b3', label: '2.1', plain: null, residual: 0.9 },
];

const options: LesionBarsOptions = {
  blocks,
  baseline: { plain: 0.96, residual: 0.98 },
  title: 'Test accuracy with one block deleted',
  xLabel: 'deleted block',
  yLabel: 'test accuracy',
  labels: { plain: 'plain-20', residual: 'ResNet-20', intact: 'intact' },
};

const bars = (svg: string, net: string): string[] =>
  svg.match(new RegExp(`<rect class="lb-bar lb-${net}" x=[^>]*>`, 'g')) ?? [];
const attr = (tag: string, name: string): number => Number(new RegExp(` ${name}="([-\\d.]+)"`).exec(tag)?.[1]);

describe('lesionBarsSvg', () => {
  test('draws a plain and a residual bar per block, none where the accuracy is null', () => {
    const svg = lesionBarsSvg(options);
    expect(bars(svg, 'plain')).toHaveLength(2);
    expect(bars(svg, 'residual')).toHaveLength(3);
    expect((svg.match(/<g class="lb-block"/g) ?? []).length).toBe(3);
  });

  test('bar heights are proportional to accuracy on a 0–1 axis', () => {
    const [first, second] = bars(lesionBarsSvg(options), 'residual');
    expect(attr(first!, 'height') / attr(second!, 'height')).toBeCloseTo(0.97 / 0.95, 2);
  });

  test('draws a dashed rule at each net’s intact accuracy, level with a bar of that accuracy', () => {
    const svg = lesionBarsSvg({
      ...options,
      blocks: [{ id: 'b', label: 'b', plain: 0.96, residual: 0.98 }],
    });
    for (const net of ['plain', 'residual']) {
      const rule = new RegExp(
        `<path class="lb-rule lb-${net}" d="M[\\d.]+ ([\\d.]+)H[\\d.]+" stroke-dasharray="6 4"/>`,
      ).exec(svg);
      expect(rule, net).not.toBeNull();
      expect(Number(rule![1])).toBeCloseTo(attr(bars(svg, net)[0]!, 'y'), 1);
    }
  });

  test('leaves out the rule of a net without a baseline and clamps values outside the axis', () => {
    const svg = lesionBarsSvg({
      ...options,
      baseline: { plain: null, residual: 0.98 },
      blocks: [{ id: 'b', label: 'b', plain: -0.5, residual: 1.5 }],
    });
    expect(svg).not.toContain('lb-rule lb-plain');
    expect(attr(bars(svg, 'plain')[0]!, 'height')).toBe(0);
    expect(attr(bars(svg, 'residual')[0]!, 'y')).toBe(36);
  });

  test('labels only every n-th block when 27 labels would collide', () => {
    const many = Array.from({ length: 27 }, (_, i) => ({ id: `b${i}`, label: `${i + 1}`, plain: 0.1, residual: 0.9 }));
    const svg = lesionBarsSvg({ ...options, blocks: many, width: 300 });
    const labels = (svg.match(/<text y="17" text-anchor="middle">/g) ?? []).length;
    expect(labels).toBeGreaterThan(3);
    expect(labels).toBeLessThan(27);
  });

  test('adds the caller’s classes to each net’s bars, rule and legend swatch', () => {
    const svg = lesionBarsSvg({ ...options, netClasses: { plain: 'sl-plain', residual: 'sl-residual' } });
    expect((svg.match(/class="lb-bar lb-residual sl-residual"/g) ?? []).length).toBe(3 + 1);
    expect(svg).toContain('class="lb-rule lb-plain sl-plain"');
  });

  test('escapes labels (a <script> block label appears as &lt;script&gt;)', () => {
    const svg = lesionBarsSvg({
      ...options,
      blocks: [{ id: '"x"', label: '<script>', plain: 0.5, residual: 0.5 }],
      labels: { ...options.labels, intact: 'a & b' },
    });
    expect(svg).toContain('>&lt;script&gt;</text>');
    expect(svg).toContain('>a &amp; b</text>');
    expect(svg).not.toContain('<script>');
  });

  test('three blocks render the same markup as before', () => {
    expect(lesionBarsSvg(options)).toMatchSnapshot();
  });
});
