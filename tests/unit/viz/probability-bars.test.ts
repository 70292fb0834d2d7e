import { describe, expect, test } from 'vitest';
import { renderProbabilityBars, type ProbabilityBarsOptions } from '../../../src/lib/viz/probability-bars.ts';

const options: ProbabilityBarsOptions = { title: 'Class probabilities', xLabel: 'digit', yLabel: 'probability' };
const probabilities = [0.01, 0.02, 0.03, 0.04, 0.05, 0.05, 0.05, 0.7, 0.03, 0.02];
const bars = (svg: string): string[] => svg.match(/<rect class="pb-bar"[^>]*>/g) ?? [];
const attr = (tag: string, name: string): number => Number(new RegExp(` ${name}="([-\\d.]+)"`).exec(tag)?.[1]);

describe('renderProbabilityBars', () => {
  test('draws one bar per class, heights proportional to probability', () => {
    const svg = renderProbabilityBars(probabilities, options);
    const rects = bars(svg);
    expect(rects).toHaveLength(10);
    expect(attr(rects[7]!, 'height') / attr(rects[0]!, 'height')).toBeCloseTo(70, 0);
  });

  test('marks the predicted class and writes its percentage', () => {
    const svg = renderProbabilityBars(probabilities, { ...options, predicted: 7 });
    expect(svg.match(/class="pb-class pb-predicted" data-class="7"/)).not.toBeNull();
    expect(svg).toContain('>70.0%</text>');
    expect(svg.match(/pb-predicted/g)).toHaveLength(1);
  });

  test('clamps values outside 0–1, draws no bar for NaN, and an empty array gives the axes alone', () => {
    const rects = bars(renderProbabilityBars([2, -1, Number.NaN], options));
    expect(rects).toHaveLength(2);
    expect(attr(rects[1]!, 'height')).toBe(0);
    const empty = renderProbabilityBars([], { ...options, classLabels: [...'0123456789'] });
    expect(bars(empty)).toHaveLength(0);
    expect(empty.match(/class="pb-tick"/g)).toHaveLength(13);
  });

  test('has an accessible name and escapes its text', () => {
    const svg = renderProbabilityBars([0.5, 0.5], { ...options, title: '<b>"x"</b>', classLabels: ['<i>', 'b'] });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="&lt;b&gt;&quot;x&quot;&lt;\/b&gt;"/);
    expect(svg).not.toContain('<i>');
  });

  test('matches its snapshot', () => {
    expect(renderProbabilityBars(probabilities, { ...options, predicted: 7 })).toMatchSnapshot();
  });
});
