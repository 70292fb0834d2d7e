/** The diagram's roving tab stop: visible order, and what each key does (no DOM). */
import { describe, expect, test } from 'vitest';
import { keyAction, sameNode, visibleOrder, ZOOM_STEP } from '../../../src/components/diagram/diagram-focus.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { diagramSpec } from '../../../src/lib/models/diagram-models.ts';
import { AUTO_ROWS } from '../../../src/lib/viz/diagram-figure.ts';
import { defaultExpansion, layoutDiagram, type DiagramLayout } from '../../../src/lib/viz/diagram-layout.ts';
import { regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels, type DiagramModel } from '../../../src/lib/viz/diagram-model.ts';

/** The models of `ids` and their layout at the default expansion (aligned, as a comparison is). */
function drawn(...ids: string[]): { models: DiagramModel[]; layout: DiagramLayout } {
  const models = diagramModels(
    ids.map((id) => analyze(diagramSpec(id))),
    regularMetrics,
  );
  const expansion = models.map((m) => defaultExpansion(m, AUTO_ROWS));
  return { models, layout: layoutDiagram(models, expansion, { metrics: regularMetrics, align: ids.length > 1 }) };
}

describe('visibleOrder', () => {
  test('VGG-16: every visible node but the input row, top to bottom, from the features group to the classifier', () => {
    const { models, layout } = drawn('vgg16');
    const order = visibleOrder(layout, 0);
    const nodes = layout.columns[0]!.nodes;
    expect(order).not.toContain(0);
    expect(order.every((i) => nodes[i]!.visible)).toBe(true);
    expect(order).toHaveLength(nodes.filter((p, i) => i > 0 && p.visible).length);
    expect(order.map((i) => nodes[i]!.y)).toEqual(order.map((i) => nodes[i]!.y).sort((a, b) => a - b));
    expect(models[0]!.nodes[order[0]!]!.id).toBe('features');
  });

  test('ResNet-50 with collapsed blocks: a hidden layer is not a stop', () => {
    const { models, layout } = drawn('resnet50');
    const conv = models[0]!.nodes.findIndex((n) => n.id === 'layer1.0.conv1');
    expect(layout.columns[0]!.nodes[conv]!.visible).toBe(false);
    expect(visibleOrder(layout, 0)).not.toContain(conv);
  });
});

describe('keyAction', () => {
  const { layout } = drawn('vgg16');
  const order = visibleOrder(layout, 0);
  const at = (k: number) => ({ c: 0, i: order[k]! });

  test('down and up move one visible node; Home and End go to the ends; one column: right and left as down and up', () => {
    expect(keyAction(layout, at(0), 'ArrowDown')).toEqual({ focus: at(1) });
    expect(keyAction(layout, at(2), 'ArrowUp')).toEqual({ focus: at(1) });
    expect(keyAction(layout, at(0), 'ArrowRight')).toEqual({ focus: at(1) });
    expect(keyAction(layout, at(2), 'ArrowLeft')).toEqual({ focus: at(1) });
    expect(keyAction(layout, at(3), 'Home')).toEqual({ focus: at(0) });
    expect(keyAction(layout, at(0), 'End')).toEqual({ focus: at(order.length - 1) });
  });

  test('past either end the key is still the diagram’s, with nowhere to go', () => {
    expect(keyAction(layout, at(0), 'ArrowUp')).toEqual({ focus: null });
    expect(keyAction(layout, at(order.length - 1), 'ArrowDown')).toEqual({ focus: null });
  });

  test('Enter and Space activate, + and = zoom in, − zooms out; other keys are left alone', () => {
    expect(keyAction(layout, at(0), 'Enter')).toBe('activate');
    expect(keyAction(layout, at(0), ' ')).toBe('activate');
    expect(keyAction(layout, at(0), '+')).toEqual({ zoom: ZOOM_STEP });
    expect(keyAction(layout, at(0), '=')).toEqual({ zoom: ZOOM_STEP });
    expect(keyAction(layout, at(0), '-')).toEqual({ zoom: 1 / ZOOM_STEP });
    expect(keyAction(layout, at(0), 'a')).toBeUndefined();
    expect(keyAction(layout, at(0), 'Tab')).toBeUndefined();
  });

  test('comparison: right and left move to the nearest node in height of the next column, not past the last', () => {
    const pair = drawn('vgg19', 'plain34', 'resnet34');
    const from = { c: 0, i: visibleOrder(pair.layout, 0)[4]! };
    const y = pair.layout.columns[0]!.nodes[from.i]!.y;
    const action = keyAction(pair.layout, from, 'ArrowRight');
    expect(action).toMatchObject({ focus: { c: 1 } });
    const to = (action as { focus: { c: number; i: number } }).focus;
    const gap = (i: number): number => Math.abs(pair.layout.columns[1]!.nodes[i]!.y - y);
    expect(visibleOrder(pair.layout, 1).every((i) => gap(i) >= gap(to.i))).toBe(true);
    expect(keyAction(pair.layout, from, 'ArrowLeft')).toEqual({ focus: null });
    expect(keyAction(pair.layout, { c: 2, i: visibleOrder(pair.layout, 2)[0]! }, 'ArrowRight')).toEqual({
      focus: null,
    });
  });
});

test('sameNode compares column and index; null is no node', () => {
  expect(sameNode({ c: 1, i: 2 }, { c: 1, i: 2 })).toBe(true);
  expect(sameNode({ c: 1, i: 2 }, { c: 0, i: 2 })).toBe(false);
  expect(sameNode(null, { c: 0, i: 0 })).toBe(false);
  expect(sameNode(null, null)).toBe(false);
});
