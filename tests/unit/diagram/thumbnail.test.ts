/** The details panel's receptive-field thumbnail, in its 100×100 viewBox. */
import { expect, test } from 'vitest';
import { thumbnailRects } from '../../../src/components/diagram/diagram-thumbnail.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { diagramSpec } from '../../../src/lib/models/diagram-models.ts';
import { regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels } from '../../../src/lib/viz/diagram-model.ts';
import { fieldThumbnail } from '../../../src/lib/viz/node-details.ts';

test('a square input fills the middle 80 units; a field inside it is drawn whole, centred on its unit', () => {
  const rects = thumbnailRects({ inputHeight: 32, inputWidth: 32, top: 8, left: 12, height: 5, width: 5 });
  expect(rects.input).toEqual({ x: 10, y: 10, width: 80, height: 80 });
  expect(rects.reach).toEqual({ x: 10 + 12 * 2.5, y: 10 + 8 * 2.5, width: 12.5, height: 12.5 });
  expect(rects.field).toEqual(rects.reach);
  expect(rects.unit).toEqual({ x: 10 + 14.5 * 2.5 - 1.5, y: 10 + 10.5 * 2.5 - 1.5, width: 3, height: 3 });
});

test('a field reaching into the padding: the reach goes past the input, the field is clipped to it', () => {
  const rects = thumbnailRects({ inputHeight: 20, inputWidth: 40, top: -5, left: -5, height: 11, width: 11 });
  expect(rects.input).toEqual({ x: 10, y: 30, width: 80, height: 40 });
  expect(rects.reach).toEqual({ x: 0, y: 20, width: 22, height: 22 });
  expect(rects.field).toEqual({ x: 10, y: 30, width: 12, height: 12 });
});

test('a field wholly outside the input has an empty (zero-size, never negative) field rectangle', () => {
  const rects = thumbnailRects({ inputHeight: 10, inputWidth: 10, top: -30, left: 2, height: 3, width: 3 });
  expect(rects.field.height).toBe(0);
  expect(rects.field.width).toBeGreaterThan(0);
});

test("VGG-16's last conv: the reach is its 196-px field at the 224-px input's scale, the field clipped to the input", () => {
  const analysis = analyze(diagramSpec('vgg16'));
  const model = diagramModels([analysis], regularMetrics)[0]!;
  const node = model.nodes.find((n) => n.id === 'features.28')!;
  const field = analysis.layers.find((l) => l.id === 'features.28')!.receptiveField!.size[1];
  expect(field).toBe(196);
  const rects = thumbnailRects(fieldThumbnail(model, node)!);
  expect(rects.input).toEqual({ x: 10, y: 10, width: 80, height: 80 });
  expect(rects.reach.width).toBeCloseTo((field * 80) / 224);
  expect(rects.field.x).toBeGreaterThanOrEqual(10);
  expect(rects.field.x + rects.field.width).toBeLessThanOrEqual(90);
});
