import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { formatCount, formatShape } from '../../../src/lib/models/report.ts';
import { regularMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels } from '../../../src/lib/viz/diagram-model.ts';
import { layerRows } from '../../../src/lib/viz/data-table.ts';
import { fieldThumbnail, formatShare, nodeAriaLabel, nodeDetails } from '../../../src/lib/viz/node-details.ts';
import { diagramSpec } from '../../../src/lib/models/diagram-models.ts';

const analysis = analyze(diagramSpec('vgg16'));
const [model] = diagramModels([analysis], regularMetrics);
const indexOf = (id: string): number => model!.nodes.findIndex((n) => n.id === id);

describe('formatShare', () => {
  it.each([
    [1, 4, '25.0%'],
    [0, 10, '0%'],
    [1, 100_000, '<0.1%'],
    [5, 0, '0%'],
  ])('formatShare(%d, %d) is "%s"', (part, total, text) => {
    expect(formatShare(part, total)).toBe(text);
  });
});

describe('nodeDetails', () => {
  it('gives a layer’s shapes, params and MACs with their share of the model, from the analysis', () => {
    const layer = analysis.layers.find((l) => l.id === 'features.10')!;
    const details = nodeDetails(model!, indexOf('features.10'));
    const rows = Object.fromEntries(details.rows);
    expect(details.title).toBe('conv3-256');
    expect(rows['Input']).toBe(formatShape(layer.inputShapes[0]!));
    expect(rows['Output']).toBe(formatShape(layer.outputShape));
    expect(rows['Parameters']).toBe(
      `${formatCount(layer.params)} (${((100 * layer.params) / analysis.params).toFixed(1)}% of the model)`,
    );
    expect(rows['MACs']).toContain(formatCount(layer.macs));
    expect(rows['Receptive field']).toBe(
      `${layer.receptiveField!.size[0]} / ${layer.receptiveField!.jump[0]} px (size / jump)`,
    );
    const node = model!.nodes[indexOf('features.10')]!;
    expect(nodeAriaLabel(node, true)).toBe(`conv3-256 ${formatShape(layer.outputShape)}, features.10`);
    expect(nodeAriaLabel(node, false)).toBe('conv3-256, features.10');
  });

  it('names a concatenation by what it joins, lists all its inputs, and leaves a branch row’s shape out of its name', () => {
    const [googlenet] = diagramModels([analyze(diagramSpec('googlenet'))], regularMetrics);
    const at = (id: string): number => googlenet!.nodes.findIndex((n) => n.id === id);
    const rows = Object.fromEntries(nodeDetails(googlenet!, at('inception3a.concat')).rows);
    expect(rows['Type']).toBe('Channel concatenation of 4 parallel branches');
    expect(rows['Input']).toBe('28×28×64 + 28×28×128 + 28×28×32 + 28×28×32');
    expect(rows['Output']).toBe('28×28×256');
    const branchConv = googlenet!.nodes[at('inception3a.branch2.1.conv')]!;
    expect(nodeAriaLabel(branchConv, true)).toBe('conv3-128, inception3a.branch2.1.conv');
    const [densenet] = diagramModels([analyze(diagramSpec('densenet121'))], regularMetrics);
    const dense = densenet!.nodes.findIndex((n) => n.id === 'features.denseblock1.denselayer1.concat');
    expect(Object.fromEntries(nodeDetails(densenet!, dense).rows)['Type']).toMatch(/^Channel concatenation: .*dense/);
  });

  it('says a flat layer sees the whole input and has no thumbnail', () => {
    const details = nodeDetails(model!, indexOf('classifier.0'));
    expect(Object.fromEntries(details.rows)['Receptive field']).toBe('the whole input (flat)');
    expect(details.thumbnail).toBeNull();
  });
});

describe('fieldThumbnail', () => {
  it('places the central unit’s field where its centre and size say, reaching into the padding', () => {
    for (const layer of analysis.layers.filter((l) => l.receptiveField !== null)) {
      const node = model!.nodes[indexOf(layer.id)]!;
      const thumb = fieldThumbnail(model!, node)!;
      const field = layer.receptiveField!;
      const unit = Math.floor(((layer.outputShape[0] as number) - 1) / 2);
      expect(thumb.height).toBe(field.size[0]);
      expect(thumb.top + (thumb.height - 1) / 2).toBe(field.start[0] + unit * field.jump[0]);
      expect(thumb.inputHeight).toBe(analysis.inputShape[0]);
    }
    // ResNet-50's last block sees more than the 224-pixel input: its field reaches into the padding.
    const [resnet] = diagramModels([analyze(diagramSpec('resnet50'))], regularMetrics);
    const last = fieldThumbnail(
      resnet!,
      resnet!.nodes.find((n) => n.id === 'layer4.2.relu3')!,
    )!;
    expect(last.top).toBeLessThan(0);
    expect(last.top + last.height).toBeGreaterThan(last.inputHeight);
  });
});

describe('layerRows (the Data table)', () => {
  it('has one row per layer with the report’s formatting', () => {
    const rows = layerRows(model!);
    expect(rows.map((r) => r.cells[0])).toEqual(analysis.layers.map((l) => l.id));
    const conv = rows.find((r) => r.cells[0] === 'features.0')!;
    const layer = analysis.layers[0]!;
    expect(conv.cells).toEqual([
      'features.0',
      'features › stage1',
      'conv3-64',
      formatShape(layer.inputShapes[0]!),
      formatShape(layer.outputShape),
      formatCount(layer.params),
      expect.stringMatching(/%$/),
      formatCount(layer.macs),
      expect.stringMatching(/%$/),
      `${layer.receptiveField!.size[0]} / ${layer.receptiveField!.jump[0]}`,
    ]);
  });
});
