import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { modelIds } from '../../../src/lib/models/zoo.ts';
import { regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels, type DiagramModel } from '../../../src/lib/viz/diagram-model.ts';
import { diagramSpec, extraDiagramIds } from '../../../src/lib/models/diagram-models.ts';

const modelOf = (id: string): DiagramModel => diagramModels([analyze(diagramSpec(id))], regularMetrics)[0]!;
const nodeIndex = (model: DiagramModel, id: string, role?: string): number =>
  model.nodes.findIndex((n) => n.id === id && (role === undefined || n.role === role));

describe('diagramModels', () => {
  it.each([...modelIds, ...extraDiagramIds])(
    'diagramModels(%s) has one node per layer, and every group sums the params and MACs of its layers',
    (id) => {
      const analysis = analyze(diagramSpec(id));
      const model = diagramModels([analysis], regularMetrics)[0]!;
      const layers = model.nodes.filter((n) => n.role !== 'group' && n.role !== 'root');
      expect(layers.map((n) => n.id)).toEqual(analysis.layers.map((l) => l.id));
      expect(model.nodes[0]!.params).toBe(analysis.params);
      expect(model.nodes[0]!.macs).toBe(analysis.macs);
      model.nodes.forEach((node, i) => {
        if (node.children.length === 0) return;
        const sum = (key: 'params' | 'macs'): number =>
          node.children.reduce((total, c) => total + model.nodes[c]![key], 0);
        expect(node.params, `params of ${node.id}`).toBe(sum('params'));
        expect(node.macs, `MACs of ${node.id}`).toBe(sum('macs'));
        for (const c of node.children) expect(model.nodes[c]!.parent).toBe(i);
      });
    },
  );

  it('a layer keeps the shapes and receptive field analyze() gives it', () => {
    const analysis = analyze(diagramSpec('vgg16'));
    const model = diagramModels([analysis], regularMetrics)[0]!;
    for (const layer of analysis.layers) {
      const node = model.nodes[nodeIndex(model, layer.id)]!;
      expect(node.output).toEqual(layer.outputShape);
      expect(node.inputs).toEqual(layer.inputShapes);
      expect(node.field).toEqual(layer.receptiveField);
    }
  });

  it('a ResNet-50 block is a group whose input is its first layer’s and output its last layer’s', () => {
    const analysis = analyze(diagramSpec('resnet50'));
    const model = modelOf('resnet50');
    const block = model.nodes[nodeIndex(model, 'layer2.0', 'group')]!;
    const byId = new Map(analysis.layers.map((l) => [l.id, l]));
    expect(block.inputs).toEqual(byId.get('layer2.0.conv1')!.inputShapes);
    expect(block.output).toEqual(byId.get('layer2.0.relu3')!.outputShape);
    expect(block.residual).toBe('projection');
    expect(model.nodes[nodeIndex(model, 'layer2.1', 'group')]!.residual).toBe('identity');
  });

  it('projection layers sit in the shortcut lane, and the sum knows where its shortcut starts', () => {
    const model = modelOf('resnet50');
    const sum = model.nodes[nodeIndex(model, 'layer2.0.add')]!;
    expect(sum.skip?.style).toBe('projection');
    expect(model.nodes[sum.skip!.from]!.id).toBe('layer1.2.relu3');
    expect(sum.skip!.via.map((i) => model.nodes[i]!.id)).toEqual(['layer2.0.downsample.0', 'layer2.0.downsample.1']);
    for (const i of sum.skip!.via) expect(model.nodes[i]!.lane).toBe('shortcut');
    const identity = model.nodes[nodeIndex(model, 'layer2.1.add')]!;
    expect(identity.skip).toEqual({ from: nodeIndex(model, 'layer2.0.relu3'), via: [], style: 'identity' });
  });

  it('CIFAR ResNets draw option-A padding shortcuts; plain nets have no skips', () => {
    const resnet20 = modelOf('resnet20');
    const styles = resnet20.nodes.flatMap((n) => (n.skip ? [n.skip.style] : []));
    expect(styles.filter((s) => s === 'padding')).toHaveLength(2);
    expect(resnet20.nodes.find((n) => n.kind === 'padshortcut')?.lane).toBe('shortcut');
    expect(modelOf('plain20').hasSkips).toBe(false);
    expect(modelOf('plain34').hasSkips).toBe(false);
    expect(modelOf('resnet34').hasSkips).toBe(true);
  });

  it('box widths grow with the encoded value and share one scale across compared models', () => {
    const [vgg, resnet] = diagramModels(
      [analyze(diagramSpec('vgg16')), analyze(diagramSpec('resnet50'))],
      regularMetrics,
    );
    const all = [...vgg!.nodes.slice(1), ...resnet!.nodes.slice(1)];
    for (const e of [0, 1, 2] as const) {
      const value = (n: (typeof all)[number]): number => [n.output.reduce((a, b) => a * b, 1), n.params, n.macs][e]!;
      const sorted = [...all].sort((a, b) => value(a) - value(b));
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.widths[e]).toBeGreaterThanOrEqual(sorted[i - 1]!.widths[e]);
      expect(Math.max(...all.map((n) => n.widths[e]))).toBe(regularMetrics.boxMaxWidth);
      expect(Math.min(...all.map((n) => n.widths[e]))).toBeGreaterThanOrEqual(regularMetrics.boxMinWidth);
    }
  });

  it('groups say how many blocks or layers they hold', () => {
    const model = modelOf('resnet50');
    expect(model.nodes[nodeIndex(model, 'layer3', 'group')]!.label).toBe('layer3 · 6 blocks');
    expect(model.nodes[nodeIndex(model, 'layer3.1', 'group')]!.label).toBe('layer3.1 · 10 layers');
  });
});
