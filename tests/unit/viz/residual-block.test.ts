import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { residualBlockSvg, type ResidualBlockLabels } from '../../../src/lib/viz/residual-block.ts';

const labels: ResidualBlockLabels = en.skipLab.blockLabels;

const block = (identity: boolean, overrides: Partial<ResidualBlockLabels> = {}): string =>
  residualBlockSvg({
    identity,
    labels: { ...labels, ...overrides },
    title: 'The residual block',
    description: identity ? 'Shortcut on' : 'Shortcut off',
  });

describe('residualBlockSvg', () => {
  test('residualBlockSvg(identity: true) draws the shortcut solid into ⊕ and says y = F(x) + x', () => {
    const svg = block(true);
    expect(svg).toContain('<g class="rb-identity">');
    expect(svg).not.toContain('is-off');
    expect(svg).not.toContain('stroke-dasharray');
    expect(svg).toContain('>y = F(x) + x</text>');
  });

  test('residualBlockSvg(identity: false) draws the shortcut dashed and says y = F(x)', () => {
    const svg = block(false);
    expect(svg).toContain('<g class="rb-identity is-off">');
    expect(svg).toMatch(/class="rb-shortcut"[^>]*stroke-dasharray="5 4"/);
    expect(svg).toContain('class="rb is-identity-off"');
    expect(svg).toContain('>y = F(x)</text>');
    expect(svg).not.toContain('F(x) + x');
  });

  test('draws x, two weight layers, two ReLUs, ⊕ and y, in that order from the top', () => {
    const svg = block(true);
    expect((svg.match(/class="rb-layer rb-weight"/g) ?? []).length).toBe(2);
    expect((svg.match(/class="rb-layer rb-relu"/g) ?? []).length).toBe(2);
    const order = ['>x</text>', 'rb-weight', 'rb-relu', 'rb-weight', 'rb-add', 'rb-relu', '>y</text>'];
    let at = 0;
    for (const mark of order) {
      at = svg.indexOf(mark, at);
      expect(at, mark).toBeGreaterThan(-1);
    }
  });

  test('is an accessible image with <title> and <desc>, and colours only by class', () => {
    const svg = block(true);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="The residual block"/);
    expect(svg).toContain('<title>The residual block</title><desc>Shortcut on</desc>');
    expect(svg).not.toMatch(/style="|(fill|stroke)="(?!none")/);
  });

  test('escapes every label (a <script> weight label appears as &lt;script&gt;)', () => {
    const svg = block(true, { weight: '<script>', input: 'a&b', withIdentity: '"y"' });
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('>a&amp;b</text>');
    expect(svg).toContain('>&quot;y&quot;</text>');
    expect(svg).not.toContain('<script>');
  });

  test('widens to fit long translated labels', () => {
    const width = (svg: string): number => Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    expect(width(block(true, { weight: 'Faltung 3×3 mit Batch-Normalisierung' }))).toBeGreaterThan(width(block(true)));
  });

  test.each([true, false])('residualBlockSvg(identity: %s) renders the same markup as before', (identity) => {
    expect(block(identity)).toMatchSnapshot();
  });
});
