import { describe, expect, it } from 'vitest';
import {
  analyze,
  formatCount,
  formatField,
  formatShape,
  formatSi,
  getModel,
  layerTable,
  modelIds,
  toRecord,
  zooTable,
} from '../../../src/lib/models/index.ts';

describe('report formatters', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [138_357_544, '138,357,544'],
  ])('formatCount(%d) is %s', (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    [15_470_264_320, '15.470 G'],
    [40_551_424, '40.551 M'],
    [332_824, '332.824 k'],
    [12, '12'],
  ])('formatSi(%d) is %s', (n, text) => expect(formatSi(n)).toBe(text));

  it('formatShape and formatField write shapes as h×w×c and fields as size / jump', () => {
    expect(formatShape([224, 224, 3])).toBe('224×224×3');
    expect(formatShape([1000])).toBe('1000');
    expect(formatField({ size: [212, 212], jump: [32, 32], start: [15.5, 15.5] })).toBe('212 / 32');
    expect(formatField({ size: [5, 3], jump: [2, 1], start: [0, 0] })).toBe('5×3 / 2×1');
    expect(formatField(null)).toBe('—');
  });
});

describe('zooTable', () => {
  const analyses = modelIds.map((id) => analyze(getModel(id)));
  const lines = zooTable(analyses).split('\n');

  it('has a header, a rule and one row per model', () => {
    expect(lines).toHaveLength(2 + modelIds.length);
    expect(lines[0]).toMatch(/^model\s+input\s+output\s+params\s+trainable\s+MACs\s+FLOPs\s+RF \/ jump\s+at layer$/);
  });

  it("shows vgg16's row as 138,357,544 params, 15.470 G MACs, 30.941 G FLOPs, 212 / 32 at features.30", () => {
    const row = lines.find((l) => l.startsWith('vgg16 '));
    expect(row?.split(/\s{2,}/)).toEqual([
      'vgg16',
      '224×224×3',
      '1000',
      '138,357,544',
      '138,357,544',
      '15.470 G',
      '30.941 G',
      '212 / 32',
      'features.30',
    ]);
  });

  it("shows lenet5's 60,840 parameters of which 60,000 trainable", () => {
    expect(
      lines
        .find((l) => l.startsWith('lenet5 '))
        ?.split(/\s{2,}/)
        .slice(3, 5),
    ).toEqual(['60,840', '60,000']);
  });
});

describe('layerTable', () => {
  const text = layerTable(analyze(getModel('vgg16')));

  it('lists every layer with output shape, params and MACs, like torchinfo', () => {
    expect(text).toMatch(/features\.0\s+conv\s+224×224×64\s+1,792\s+86,704,128\s+3 \/ 1/);
    expect(text).toMatch(/classifier\.6\s+dense\s+1000\s+4,097,000\s+4,096,000\s+—/);
    expect(text.split('\n').filter((l) => /^\s+(features|classifier)\.\d+\s/.test(l))).toHaveLength(31 + 7);
  });

  it('ends with totals: params, trainable, MACs, FLOPs and the field at pool5', () => {
    expect(text).toContain('Total params: 138,357,544');
    expect(text).toContain('Trainable params: 138,357,544');
    expect(text).toContain('MACs: 15,470,264,320 (15.470 G)');
    expect(text).toContain('FLOPs (2 × MACs): 30,940,528,640 (30.941 G)');
    expect(text).toContain('Receptive field at features.30: 212 / 32 px');
  });
});

describe('toRecord', () => {
  it('gives plain JSON data with the fields the CLI promises', () => {
    const record = toRecord(analyze(getModel('resnet18')));
    const roundTrip = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(roundTrip).toEqual(record);
    expect(record).toMatchObject({
      id: 'resnet18',
      params: 11_689_512,
      macs: 1_814_073_344,
      flops: 3_628_146_688,
      inputShape: [224, 224, 3],
      outputShape: [1000],
      receptiveField: { size: [435, 435], jump: [32, 32], layer: 'layer4.1.relu2' },
    });
    expect(record.layers.find((l) => l.id === 'layer1.0.add')).toMatchObject({
      kind: 'add',
      inputs: ['layer1.0.bn2', 'maxpool'],
      outputShape: [56, 56, 64],
    });
  });
});
