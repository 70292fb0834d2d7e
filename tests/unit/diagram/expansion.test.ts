/** Which groups of a diagram are expanded: toggling, Expand all / Collapse all, and where a hidden node is drawn. */
import { describe, expect, test } from 'vitest';
import { expandAll, shownNode, toggleGroup } from '../../../src/components/diagram/diagram-expansion.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { diagramSpec } from '../../../src/lib/models/diagram-models.ts';
import { AUTO_ROWS } from '../../../src/lib/viz/diagram-figure.ts';
import { defaultExpansion } from '../../../src/lib/viz/diagram-layout.ts';
import { regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels } from '../../../src/lib/viz/diagram-model.ts';

const models = diagramModels(
  ['resnet18', 'resnet50'].map((id) => analyze(diagramSpec(id))),
  regularMetrics,
);
const indexOf = (c: number, id: string, group = true): number =>
  models[c]!.nodes.findIndex((n) => n.id === id && (n.role === 'group') === group);
const initial = models.map((m) => defaultExpansion(m, AUTO_ROWS));

describe('toggleGroup', () => {
  test('opens a closed group and closes an open one, in its own column only, without touching the given sets', () => {
    const block = indexOf(1, 'layer1.0');
    expect(initial[1]!.has(block)).toBe(false);
    const opened = toggleGroup(initial, { c: 1, i: block });
    expect(opened[1]!.has(block)).toBe(true);
    expect(initial[1]!.has(block)).toBe(false);
    expect(opened[0]).toEqual(initial[0]);
    expect(toggleGroup(opened, { c: 1, i: block })).toEqual(initial);
  });
});

describe('expandAll', () => {
  test("Expand all opens every group of every model, Collapse all none (defaultExpansion's 'all' and 'none')", () => {
    expect(expandAll(models, true)).toEqual(models.map((m) => defaultExpansion(m, 'all')));
    expect(expandAll(models, false)).toEqual(models.map((m) => defaultExpansion(m, 'none')));
  });
});

describe('shownNode', () => {
  test('a visible node is itself; a layer folded away is drawn as its outermost collapsed group', () => {
    const conv = indexOf(1, 'layer1.0.conv1', false);
    const stage = indexOf(1, 'layer1');
    expect(shownNode(models, expandAll(models, true), { c: 1, i: conv })).toEqual({ c: 1, i: conv });
    expect(shownNode(models, initial, { c: 1, i: conv })).toEqual({ c: 1, i: indexOf(1, 'layer1.0') });
    expect(shownNode(models, expandAll(models, false), { c: 1, i: conv })).toEqual({ c: 1, i: stage });
  });
});
