import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { compactMetrics, regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels, type DiagramModel } from '../../../src/lib/viz/diagram-model.ts';
import {
  branchPitch,
  defaultExpansion,
  isVisible,
  layoutDiagram,
  representative,
  type DiagramLayout,
} from '../../../src/lib/viz/diagram-layout.ts';
import { AUTO_ROWS } from '../../../src/lib/viz/diagram-figure.ts';
import { diagramSpec } from '../../../src/lib/models/diagram-models.ts';

const modelOf = (id: string): DiagramModel => diagramModels([analyze(diagramSpec(id))], regularMetrics)[0]!;
const find = (model: DiagramModel, id: string, group = false): number =>
  model.nodes.findIndex((n) => n.id === id && (n.role === 'group') === group);
const groupsAt = (model: DiagramModel, open: ReadonlySet<number>): string[] =>
  [...open].map((i) => model.nodes[i]!.id).sort();

describe('defaultExpansion', () => {
  it('shows every VGG-16 layer, ResNet-50’s blocks and ResNet-152’s stages', () => {
    const vgg = modelOf('vgg16');
    const vggOpen = defaultExpansion(vgg, AUTO_ROWS);
    expect(vggOpen.size).toBe(vgg.nodes.filter((n) => n.role === 'group').length);

    const resnet50 = modelOf('resnet50');
    expect(groupsAt(resnet50, defaultExpansion(resnet50, AUTO_ROWS))).toEqual(
      ['head', 'layer1', 'layer2', 'layer3', 'layer4', 'stem'].sort(),
    );
    const resnet152 = modelOf('resnet152');
    expect(defaultExpansion(resnet152, AUTO_ROWS).size).toBe(0);
  });

  it("'all' opens every group and 'none' none", () => {
    const model = modelOf('resnet18');
    expect(defaultExpansion(model, 'all').size).toBe(model.nodes.filter((n) => n.role === 'group').length);
    expect(defaultExpansion(model, 'none').size).toBe(0);
  });
});

describe('layoutDiagram', () => {
  const model = modelOf('resnet50');
  const opened = defaultExpansion(model, AUTO_ROWS);
  const layout = (open: ReadonlySet<number>): DiagramLayout =>
    layoutDiagram([model], [open], { metrics: regularMetrics });
  const visibleTops = (l: DiagramLayout): number[] =>
    l.columns[0]!.nodes.filter((p, i) => i > 0 && p.visible && model.nodes[i]!.lane === 'main').map((p) => p.y);

  it('stacks visible rows top to bottom without overlap, each with an arrow from the row above', () => {
    const l = layout(opened);
    const column = l.columns[0]!;
    const rows = column.nodes
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => i > 0 && p.visible && !p.expanded && model.nodes[i]!.lane === 'main')
      .sort((a, b) => a.p.y - b.p.y);
    rows.forEach(({ p, i }, k) => {
      const arrow = column.arrows[i]!;
      expect(arrow.y2).toBe(p.y);
      if (k > 0) expect(arrow.y1).toBe(rows[k - 1]!.p.y + rows[k - 1]!.p.height);
      if (k > 0) expect(p.y).toBeGreaterThanOrEqual(rows[k - 1]!.p.y + rows[k - 1]!.p.height + regularMetrics.gap);
    });
    expect(l.height).toBeGreaterThan(rows[rows.length - 1]!.p.y);
  });

  it('expanding a block shows its layers and pushes only the rows below it down', () => {
    const block = find(model, 'layer2.1', true);
    const before = layout(opened);
    const after = layout(new Set([...opened, block]));
    const blockTop = before.columns[0]!.nodes[block]!.y;
    const conv = find(model, 'layer2.1.conv1');
    expect(before.columns[0]!.nodes[conv]!.visible).toBe(false);
    expect(after.columns[0]!.nodes[conv]!.visible).toBe(true);
    expect(after.columns[0]!.nodes[block]!.expanded).toBe(true);
    const shift = after.height - before.height;
    expect(shift).toBeGreaterThan(0);
    model.nodes.forEach((_, i) => {
      const a = before.columns[0]!.nodes[i]!;
      const b = after.columns[0]!.nodes[i]!;
      if (!a.visible || !b.visible || i === block) return;
      expect(b.y, model.nodes[i]!.id).toBe(a.y < blockTop ? a.y : a.y + shift);
    });
    expect(visibleTops(after).length).toBeGreaterThan(visibleTops(before).length);
  });

  it('draws a skip arc from below the block input to the sum, with the projection on the lane', () => {
    const block = find(model, 'layer2.0', true);
    const l = layout(new Set([...opened, block]));
    const column = l.columns[0]!;
    const sum = find(model, 'layer2.0.add');
    const arc = column.arcs[sum]!;
    expect(arc).toMatch(/^M/);
    const from = column.nodes[representative(model, new Set([...opened, block]), model.nodes[sum]!.skip!.from)]!;
    const [x0, y0] = arc
      .slice(1)
      .split(/[ ,LC]/)
      .map(Number);
    expect(x0).toBe(column.axis);
    expect(y0).toBe(from.y + from.height + regularMetrics.gap / 2);
    for (const via of model.nodes[sum]!.skip!.via) {
      const p = column.nodes[via]!;
      expect(p.visible).toBe(true);
      expect(p.x).toBe(column.lane);
      expect(p.y).toBeGreaterThan(from.y);
      expect(p.y + p.height).toBeLessThan(column.nodes[sum]!.y + column.nodes[sum]!.height);
    }
    // Collapsed blocks draw no arc.
    expect(layout(opened).columns[0]!.arcs[sum]).toBeNull();
  });

  it('frames an expanded group around all of its visible rows', () => {
    const l = layout(opened);
    const stage = find(model, 'layer3', true);
    const frame = l.columns[0]!.frames[stage]!;
    for (const child of model.nodes[stage]!.children) {
      const p = l.columns[0]!.nodes[child]!;
      expect(p.y).toBeGreaterThanOrEqual(frame.y);
      expect(p.y + p.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
  });

  it('representative and isVisible agree: a hidden layer is drawn as its outermost collapsed group', () => {
    const conv = find(model, 'layer3.2.conv2');
    expect(isVisible(model, opened, conv)).toBe(false);
    expect(model.nodes[representative(model, opened, conv)]!.id).toBe('layer3.2');
    expect(model.nodes[representative(model, new Set(), conv)]!.id).toBe('layer3');
  });

  it('aligns comparison columns by output size: each stage starts at one height in every column', () => {
    const models = diagramModels(
      ['vgg19', 'plain34', 'resnet34'].map((id) => analyze(diagramSpec(id))),
      compactMetrics,
    );
    const expansion = models.map((m) => defaultExpansion(m, AUTO_ROWS));
    const l = layoutDiagram(models, expansion, { metrics: compactMetrics, align: true });
    expect(l.bands.map((b) => b.stage)).toEqual(
      [...l.bands.map((b) => b.stage)].sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : b - a)),
    );
    for (const band of l.bands) {
      models.forEach((m, c) => {
        const tops = l.columns[c]!.nodes.map((p, i) => ({ p, i }))
          .filter(
            ({ p, i }) =>
              i > 0 && p.visible && !p.expanded && m.nodes[i]!.lane === 'main' && m.nodes[i]!.stage === band.stage,
          )
          .map(({ p }) => p.y);
        if (tops.length > 0) expect(Math.min(...tops)).toBeGreaterThanOrEqual(band.y);
      });
    }
    // The 56×56 stage of plain34 and resnet34 starts at the same height.
    const stage56 = 56 * 100_000 + 56;
    const firstAt = (c: number): number =>
      Math.min(
        ...l.columns[c]!.nodes.filter((p, i) => i > 0 && p.visible && models[c]!.nodes[i]!.stage === stage56).map(
          (p) => p.y,
        ),
      );
    expect(firstAt(1)).toBe(firstAt(2));
  });

  it('is deterministic', () => {
    const googlenet = modelOf('googlenet');
    const open = defaultExpansion(googlenet, 'all');
    expect(layoutDiagram([googlenet], [open], { metrics: regularMetrics })).toEqual(
      layoutDiagram([googlenet], [new Set(open)], { metrics: regularMetrics }),
    );
    expect(layout(opened)).toEqual(layout(new Set(opened)));
  });
});

describe('side-by-side branches', () => {
  const googlenet = modelOf('googlenet');
  const branchGroups = ['branch1', 'branch2', 'branch3', 'branch4'].map((b) =>
    find(googlenet, `inception3a.${b}`, true),
  );
  const concat = find(googlenet, 'inception3a.concat');

  it('by default GoogLeNet shows each Inception module as its four branches side by side, collapsed', () => {
    const open = defaultExpansion(googlenet, AUTO_ROWS);
    expect(open.has(find(googlenet, 'inception3a', true))).toBe(true);
    for (const group of branchGroups) expect(open.has(group)).toBe(false);
    const column = layoutDiagram([googlenet], [open], { metrics: regularMetrics }).columns[0]!;
    const placed = branchGroups.map((g) => column.nodes[g]!);
    expect(new Set(placed.map((p) => p.y)).size).toBe(1);
    expect(placed[0]!.x).toBe(column.axis);
    const pitch = branchPitch(googlenet, regularMetrics);
    placed.forEach((p, k) => expect(p.x).toBe(column.axis + k * pitch));
    const join = column.nodes[concat]!;
    expect(join.x).toBe(column.axis);
    expect(join.y).toBe(placed[0]!.y + placed[0]!.height + regularMetrics.gap);
    // No straight arrows into the branches or the join: the links draw them.
    for (const g of branchGroups) expect(column.arrows[g]).toBeNull();
    expect(column.arrows[concat]).toBeNull();
    const links = column.arcs[concat]!;
    for (const p of placed) expect(links).toContain(`M${p.x},${p.y - regularMetrics.gap / 2}V${p.y}`);
    expect(links).toMatch(new RegExp(`H${column.axis}V${join.y}$`));
    expect(column.width).toBeGreaterThan(column.axis + 3 * pitch);
  });

  it('a region is as tall as its longest branch, whose rows push the concat down; shorter branches end early', () => {
    const open = new Set([...defaultExpansion(googlenet, AUTO_ROWS), ...branchGroups]);
    const column = layoutDiagram([googlenet], [open], { metrics: regularMetrics }).columns[0]!;
    const bottom = (id: string) => column.nodes[find(googlenet, id)]!.y + column.nodes[find(googlenet, id)]!.height;
    const longest = Math.max(
      ...['branch1.relu', 'branch2.1.relu', 'branch3.1.relu', 'branch4.1.relu'].map((b) => bottom(`inception3a.${b}`)),
    );
    expect(longest).toBe(bottom('inception3a.branch2.1.relu'));
    expect(bottom('inception3a.branch1.relu')).toBeLessThan(longest);
    // Each branch's frame stays inside its own column and inside the module's frame.
    const module = column.frames[find(googlenet, 'inception3a', true)]!;
    const frames = branchGroups.map((g) => column.frames[g]!);
    expect(column.nodes[concat]!.y).toBe(frames[1]!.y + frames[1]!.height + regularMetrics.gap);
    frames.forEach((f, k) => {
      expect(f.x).toBeGreaterThanOrEqual(module.x);
      expect(f.x + f.width).toBeLessThanOrEqual(module.x + module.width);
      if (k > 0) expect(f.x).toBeGreaterThan(frames[k - 1]!.x + frames[k - 1]!.width);
    });
    // Within a branch, rows are linked by straight arrows on the branch's axis.
    const conv = find(googlenet, 'inception3a.branch2.1.conv');
    expect(column.arrows[conv]).toMatchObject({ x: column.nodes[conv]!.x, y2: column.nodes[conv]!.y });
  });

  it('default expansion counts a region as its longest branch (SqueezeNet: 49 rows with every Fire open)', () => {
    const squeezenet = modelOf('squeezenet1_0');
    const open = defaultExpansion(squeezenet, 'all');
    expect(defaultExpansion(squeezenet, 49)).toEqual(open);
    expect(defaultExpansion(squeezenet, 48).size).toBe(0);
  });
});
