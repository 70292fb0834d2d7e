import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { erfInput, INPUT_FLOOR } from '../../../src/lib/compute/erf-input.ts';
import { renderGrowthChart } from '../../../src/lib/viz/rf-growth-chart.ts';
import { erfOverlayPixels } from '../../../src/lib/viz/rf-heat.ts';
import { mapDomain, pixelAt, renderRfMap } from '../../../src/lib/viz/rf-map.ts';
import { renderZooFields, zooFieldRows } from '../../../src/lib/viz/rf-zoo.ts';
import { en } from '../../../src/i18n/en.ts';

describe('erfInput', () => {
  test.each(['pattern', 'noise'] as const)('%s: seeded, strictly positive, within [floor, 1]', (kind) => {
    const a = erfInput(kind, 1, 48, 48);
    expect(a).toHaveLength(48 * 48);
    expect(erfInput(kind, 1, 48, 48)).toEqual(a);
    expect(erfInput(kind, 2, 48, 48)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(INPUT_FLOOR);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
  });

  test('the pattern has ink (pen strokes) on a flat ground', () => {
    const a = erfInput('pattern', 1, 48, 48);
    const inked = [...a].filter((v) => v > 0.5).length;
    expect(inked).toBeGreaterThan(48);
    expect(inked).toBeLessThan(48 * 48 * 0.6);
  });
});

describe('rf-map', () => {
  test('mapDomain covers the image and the boxes plus a margin, up to maxScale × the image', () => {
    expect(mapDomain(48, [])).toEqual({ lo: -0.5, hi: 47.5 });
    expect(mapDomain(48, [{ top: -5, left: 0, bottom: 10, right: 50 }])).toEqual({ lo: -6.5, hi: 51.5 });
    const capped = mapDomain(48, [{ top: -500, left: -500, bottom: 500, right: 500 }], 2);
    expect(capped).toEqual({ lo: -24.5, hi: 71.5 });
  });

  test('pixelAt maps a point of the frame to the pixel under it, clamped to the image', () => {
    const domain = { lo: -0.5, hi: 47.5 };
    expect(pixelAt(domain, 48, 0, 0)).toEqual([0, 0]);
    expect(pixelAt(domain, 48, 0.5, 0.999)).toEqual([24, 47]);
    expect(pixelAt({ lo: -24.5, hi: 71.5 }, 48, 0, 1)).toEqual([0, 47]);
  });

  test('renderRfMap draws the image, the field box, the effective square and the unit, escaped', () => {
    const svg = renderRfMap({
      side: 48,
      domain: { lo: -0.5, hi: 47.5 },
      imageHref: 'data:image/png;base64,AAA',
      field: { top: 15, left: 15, bottom: 33, right: 33 },
      effective: { centre: [24, 24], size: 14 },
      unitCentre: [24, 24],
      label: 'Plain <net> & "x"',
    });
    expect(svg).toContain('viewBox="-0.5 -0.5 48 48"');
    expect(svg).toContain('<rect class="rfx-theoretical" x="14.5" y="14.5" width="19" height="19"');
    expect(svg).toContain('<rect class="rfx-effective" x="17" y="17" width="14" height="14"');
    expect(svg).toContain('href="data:image/png;base64,AAA"');
    expect(svg).toContain('aria-label="Plain &lt;net&gt; &amp; &quot;x&quot;"');
    expect(svg).not.toContain('<net>');
  });
});

describe('rf-heat', () => {
  test('erfOverlayPixels: opaque; the input shows where the map is zero, the heat colour at its maximum', () => {
    const px = erfOverlayPixels([0.05, 1, 0.5], [0, 0, 2]);
    expect(px).toHaveLength(12);
    expect([px[3], px[7], px[11]]).toEqual([255, 255, 255]);
    expect(px[0]).toBeGreaterThan(px[4]!); // light ground vs dark ink
    expect([px[8], px[9], px[10]]).toEqual([253, 231, 37]); // heatColor(1)
    expect(() => erfOverlayPixels([1], [1, 2])).toThrow(RangeError);
  });
});

describe('rf-growth-chart', () => {
  const strings = en.rfExplorer.chart;
  test('draws theoretical curves, effective points and the √n reference when given', () => {
    const svg = renderGrowthChart(
      [
        {
          key: 'plain',
          label: 'plain',
          points: [1, 4, 9].map((n) => ({ depth: n, theoretical: 2 * n + 1, effective: 2 * Math.sqrt(n) })),
        },
      ],
      { strings, reference: 2, side: 48 },
    );
    expect(svg).toContain('class="rfx-theory"');
    expect(svg.match(/class="rfx-erf-dot"/g)).toHaveLength(4); // 3 points + the legend's dot
    expect(svg).toContain('class="rfx-reference"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain(strings.title);
  });

  test('without measurements (the build-time placeholder) only the theoretical curves are drawn', () => {
    const svg = renderGrowthChart(
      [
        {
          key: 'residual',
          label: 'residual',
          points: [
            { depth: 1, theoretical: 3, effective: null },
            { depth: 3, theoretical: 7, effective: null },
          ],
        },
      ],
      { strings, reference: null, side: 48 },
    );
    expect(svg).not.toContain('class="rfx-erf"');
    expect(svg).not.toContain('rfx-reference');
    expect(svg).toBe(
      renderGrowthChart(
        [
          {
            key: 'residual',
            label: 'residual',
            points: [
              { depth: 1, theoretical: 3, effective: null },
              { depth: 3, theoretical: 7, effective: null },
            ],
          },
        ],
        { strings, reference: null, side: 48 },
      ),
    );
  });
});

describe('rf-zoo', () => {
  test('zooFieldRows(vgg16) ends at pool5 with 212 px and jump 32 (Araujo et al. 2019)', () => {
    const rows = zooFieldRows(analyze(getModel('vgg16')));
    expect(rows.at(-1)).toMatchObject({ id: 'features.30', kind: 'maxpool', size: 212, jump: 32, output: '7×7' });
    expect(rows.filter((r) => r.kind === 'conv')).toHaveLength(13);
    expect(rows[0]).toMatchObject({
      id: 'features.0',
      kernel: 3,
      stride: 1,
      padding: 1,
      size: 3,
      jump: 1,
      padding0: 1,
    });
  });

  test('zooFieldRows(alexnet) ends at 195 px, jump 32', () => {
    const rows = zooFieldRows(analyze(getModel('alexnet')));
    expect(rows.at(-1)).toMatchObject({ id: 'features.12', size: 195, jump: 32 });
    expect(rows[0]).toMatchObject({ kernel: 11, stride: 4, padding: 2, size: 11, jump: 4 });
  });

  test('zooFieldRows(resnet50) follows the main path: no 1×1 projections, sizes only grow', () => {
    const analysis = analyze(getModel('resnet50'));
    const rows = zooFieldRows(analysis);
    expect(rows.some((r) => r.id.includes('downsample'))).toBe(false);
    expect(rows.every((r, i) => i === 0 || r.size > rows[i - 1]!.size)).toBe(true);
    expect(rows.at(-1)!.size).toBe(analysis.receptiveField.size[0]);
    expect(rows.at(-1)!.jump).toBe(analysis.receptiveField.jump[0]);
  });

  test('renderZooFields: one box per row, the last one labelled, deterministic', () => {
    const rows = zooFieldRows(analyze(getModel('alexnet')));
    const strings = { label: 'AlexNet fields', image: '224×224 input', last: en.rfZoo.last };
    const svg = renderZooFields(rows, 224, strings);
    expect(svg.match(/class="rfz-box/g)).toHaveLength(rows.length);
    expect(svg).toContain('features.12: 195 px');
    expect(renderZooFields(rows, 224, strings)).toBe(svg);
  });
});

describe('rf-bmp', () => {
  test('bmpDataUrl: a 24-bit bottom-up BMP with padded rows, BGR pixels', async () => {
    const { bmpDataUrl } = await import('../../../src/lib/viz/rf-bmp.ts');
    // 2×2: red, green / blue, white.
    const url = bmpDataUrl([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255], 2, 2);
    expect(url.startsWith('data:image/bmp;base64,')).toBe(true);
    const bytes = Buffer.from(url.slice('data:image/bmp;base64,'.length), 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('BM');
    expect(view.getUint32(2, true)).toBe(54 + 16); // rows of 6 bytes padded to 8
    expect([view.getInt32(18, true), view.getInt32(22, true), view.getUint16(28, true)]).toEqual([2, 2, 24]);
    // First stored row is the bottom one: blue (0,0,255 → BGR 255,0,0), white.
    expect([...bytes.subarray(54, 62)]).toEqual([255, 0, 0, 255, 255, 255, 0, 0]);
    expect([...bytes.subarray(62, 70)]).toEqual([0, 0, 255, 0, 255, 0, 0, 0]);
    expect(() => bmpDataUrl([0, 0, 0], 1, 1)).toThrow(RangeError);
  });
});
