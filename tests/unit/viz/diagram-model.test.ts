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

  it('the four branches of an Inception module are columns 0–3 above its concat; the module itself is not', () => {
    const model = modelOf('googlenet');
    const concat = model.nodes[nodeIndex(model, 'inception3a.concat')]!;
    expect(concat.role).toBe('concat');
    expect(concat.columns).toBe(4);
    const module = nodeIndex(model, 'inception3a', 'group');
    expect(model.nodes[module]!.branch).toBeUndefined();
    const columnOf = (id: string, role?: string) => model.nodes[nodeIndex(model, id, role)]!.branch;
    expect(['branch1', 'branch2', 'branch3', 'branch4'].map((b) => columnOf(`inception3a.${b}`, 'group'))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(columnOf('inception3a.branch3.1.conv')).toBe(2);
    expect(columnOf('inception3a.branch4.0')).toBe(3);
    expect(columnOf('maxpool3')).toBeUndefined();
    // Inside its module a branch group is named by its last part.
    expect(model.nodes[nodeIndex(model, 'inception3a.branch2', 'group')]!.label).toBe('branch2 · 6 layers');
    expect(model.maxColumns).toBe(4);
    expect(model.branchLabelWidth).toBeGreaterThan(0);
  });

  it("a Fire module's expand paths are two columns of layers, its squeeze above them", () => {
    const model = modelOf('squeezenet1_0');
    const columnOf = (id: string) => model.nodes[nodeIndex(model, id)]!.branch;
    expect(columnOf('features.3.squeeze_activation')).toBeUndefined();
    expect([columnOf('features.3.expand1x1'), columnOf('features.3.expand1x1_activation')]).toEqual([0, 0]);
    expect([columnOf('features.3.expand3x3'), columnOf('features.3.expand3x3_activation')]).toEqual([1, 1]);
    expect(model.nodes[nodeIndex(model, 'features.3.concat')]!.columns).toBe(2);
  });

  it("a DenseNet layer's concatenation of its input with its new maps is drawn as a skip, like a sum", () => {
    const model = modelOf('densenet121');
    const concat = model.nodes[nodeIndex(model, 'features.denseblock1.denselayer2.concat')]!;
    expect(concat.columns).toBeUndefined();
    expect(concat.skip).toEqual({
      from: nodeIndex(model, 'features.denseblock1.denselayer1.concat'),
      via: [],
      style: 'identity',
    });
    expect(model.nodes[nodeIndex(model, 'features.denseblock1.denselayer1', 'group')]!.residual).toBe('identity');
    expect(model.hasSkips).toBe(true);
    expect(model.maxColumns).toBe(1);
  });

  it('MobileNetV2 blocks with a sum are residual groups; the others are not', () => {
    const model = modelOf('mobilenet_v2');
    expect(model.nodes[nodeIndex(model, 'features.3', 'group')]!.residual).toBe('identity');
    expect(model.nodes[nodeIndex(model, 'features.2', 'group')]!.residual).toBeUndefined();
  });

  it('groups say how many blocks or layers they hold', () => {
    const model = modelOf('resnet50');
    expect(model.nodes[nodeIndex(model, 'layer3', 'group')]!.label).toBe('layer3 · 6 blocks');
    expect(model.nodes[nodeIndex(model, 'layer3.1', 'group')]!.label).toBe('layer3.1 · 10 layers');
  });
});
