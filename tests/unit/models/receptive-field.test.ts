import { describe, expect, it } from 'vitest';
import {
  analyze,
  effectivePadding,
  fieldBounds,
  getModel,
  inputField,
  mergeFields,
  throughWindow,
  type ModelSpec,
} from '../../../src/lib/models/index.ts';
import { residualBlock } from '../../../src/lib/models/residual-blocks.ts';
import type { Layer } from '../../../src/lib/models/types.ts';

/** Receptive field size, jump and effective padding (height axis; all these nets are square). */
function fieldAt(spec: ModelSpec, id: string): [number, number, number] {
  const field = analyze(spec).layers.find((l) => l.id === id)?.receptiveField;
  if (field == null) throw new Error(`no field at ${id}`);
  return [field.size[0], field.jump[0], effectivePadding(field)[0]];
}

describe('receptive fields vs Araujo, Norris & Sim (Distill 2019)', () => {
  // google-research/receptive_field, receptive_field/RECEPTIVE_FIELD_TABLE.md, rows "vgg_16":
  // end-point, RF, effective stride, effective padding. torchvision's vgg16 has the same layout.
  it.each([
    ['conv1_1', 'features.0', 3, 1, 1],
    ['pool1', 'features.4', 6, 2, 2],
    ['conv2_1', 'features.5', 10, 2, 4],
    ['pool2', 'features.9', 16, 4, 6],
    ['conv3_1', 'features.10', 24, 4, 10],
    ['conv3_2', 'features.12', 32, 4, 14],
    ['pool3', 'features.16', 44, 8, 18],
    ['conv4_1', 'features.17', 60, 8, 26],
    ['conv4_2', 'features.19', 76, 8, 34],
    ['pool4', 'features.23', 100, 16, 42],
    ['conv5_1', 'features.24', 132, 16, 58],
    ['conv5_2', 'features.26', 164, 16, 74],
    ['pool5', 'features.30', 212, 32, 90],
  ])('analyze(vgg16) at %s (%s): RF %d, jump %d, effective padding %d', (_paper, id, size, jump, padding) => {
    expect(fieldAt(getModel('vgg16'), id)).toEqual([size, jump, padding]);
  });

  it("analyze(vgg11) at pool5 matches the table's vgg_a row: 150, jump 32, padding 59", () => {
    expect(fieldAt(getModel('vgg11'), 'features.20')).toEqual([150, 32, 59]);
  });

  it("analyze(vgg16).receptiveField is pool5's: 212, jump 32", () => {
    const a = analyze(getModel('vgg16'));
    expect(a.receptiveFieldLayer).toBe('features.30');
    expect(a.receptiveField).toMatchObject({ size: [212, 212], jump: [32, 32] });
  });

  // The table's alexnet_v2 (TF-slim) has torchvision's kernels and strides, so the same sizes and
  // jumps: 11/4, 19/8, 51/8, 99/16, 131/16, 163/16, 195/32. Its padding differs (slim's conv1 is
  // VALID, torchvision pads by 2): by hand 2 + 2·8 (conv2) + (1+1+1)·16 (conv3–5) = 66.
  it('analyze(alexnet) grows 11, 19, 51, 99, 131, 163, 195 with jumps 4 … 32 (table: alexnet_v2)', () => {
    const spec = getModel('alexnet');
    const ids = ['features.0', 'features.2', 'features.3', 'features.6', 'features.8', 'features.10', 'features.12'];
    expect(ids.map((id) => fieldAt(spec, id).slice(0, 2))).toEqual([
      [11, 4],
      [19, 8],
      [51, 8],
      [99, 16],
      [131, 16],
      [163, 16],
      [195, 32],
    ]);
    expect(fieldAt(spec, 'features.12')[2]).toBe(2 + 2 * 8 + 3 * 16);
  });

  it('analyze(resnet50) (torchvision v1.5) ends with 427, jump 32, by hand', () => {
    // Stem: 7×7/2 conv then 3×3/2 pool → r = 7 + 2·2 = 11, jump 4. Each bottleneck adds 2·j_in
    // through its 3×3 conv (1×1 convs add nothing; the stride is on the 3×3, so a stage's first
    // block grows with the previous jump): layer1 3 blocks at j=4; layer2 1 at j=4 + 3 at j=8;
    // layer3 1 at j=8 + 5 at j=16; layer4 1 at j=16 + 2 at j=32. Shortcuts (1×1) are smaller.
    const byHand = 11 + 2 * (3 * 4 + (4 + 3 * 8) + (8 + 5 * 16) + (16 + 2 * 32));
    expect(byHand).toBe(427);
    const a = analyze(getModel('resnet50'));
    expect(a.receptiveField).toMatchObject({ size: [427, 427], jump: [32, 32] });
    expect(a.receptiveFieldLayer).toBe('layer4.2.relu3');
  });

  it("a TF-slim resnet_v1_50 layout built from the same blocks gives the table's 35/8, 99/16, 291/32, 483/32", () => {
    // TF-slim resnet_v1_50 puts each stride on the LAST unit of blocks 1–3 (blocks of 3, 4, 6, 3).
    const layers: Layer[] = [
      { id: 'conv1', kind: 'conv', filters: 64, kernel: 7, stride: 2, padding: 3 },
      { id: 'pool1', kind: 'maxpool', kernel: 3, stride: 2, padding: 1 },
    ];
    let input = 'pool1';
    let channels = 64;
    const ends: string[] = [];
    [3, 4, 6, 3].forEach((units, b) => {
      const width = 64 * 2 ** b;
      for (let u = 0; u < units; u++) {
        const block = residualBlock('bottleneck', {
          prefix: `block${b + 1}.unit${u + 1}`,
          group: [],
          input,
          inChannels: channels,
          width,
          outChannels: 4 * width,
          stride: b < 3 && u === units - 1 ? 2 : 1,
          bn: false,
          activation: 'relu',
          shortcut: 'projection',
        });
        layers.push(...block);
        input = block[block.length - 1]?.id ?? '';
        channels = 4 * width;
      }
      ends.push(input);
    });
    const spec: ModelSpec = {
      id: 'slim_resnet_v1_50',
      name: 'TF-slim layout',
      inputShape: [224, 224, 3],
      layers,
      sources: [],
    };
    expect(ends.map((id) => fieldAt(spec, id).slice(0, 2))).toEqual([
      [35, 8],
      [99, 16],
      [291, 32],
      [483, 32],
    ]);
  });

  // Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks" (Distill
  // 2019), table of modern networks (google-research/receptive_field, RECEPTIVE_FIELD_TABLE.md):
  // resnet_v1_50 483, resnet_v1_101 1027, resnet_v1_152 1507, all with effective stride 32. Those
  // are v1 ResNets. torchvision's resnet.py (the comment on class Bottleneck) puts the downsampling
  // stride on the 3×3 conv instead, "also known as ResNet V1.5", which narrows the field: its
  // numbers are not in the table, so they are checked by hand here.
  it.each([
    ['resnet50_v1', 483],
    ['resnet101_v1', 1027],
    ['resnet152_v1', 1507],
  ])("analyze(%s) (stride on the first 1×1) ends with the table's %d, jump 32", (id, size) => {
    const a = analyze(getModel(id));
    expect(a.receptiveField).toMatchObject({ size: [size, size], jump: [32, 32] });
    expect(a.receptiveFieldLayer).toBe('layer4.2.relu3');
  });

  it('v1 by hand: every 3×3 of a stage works at that stage’s jump, so it adds 2·j per block', () => {
    // Stem 11 at jump 4; stages of n1…n4 blocks at jumps 4, 8, 16, 32 each add 2·j per block.
    const v1 = (blocks: readonly number[]) => 11 + 2 * blocks.reduce((sum, n, i) => sum + n * 4 * 2 ** i, 0);
    expect([v1([3, 4, 6, 3]), v1([3, 4, 23, 3]), v1([3, 8, 36, 3])]).toEqual([483, 1027, 1507]);
  });

  it('torchvision v1.5: ResNet-101 and ResNet-152 end with 971 and 1451 (by hand), jump 32', () => {
    // v1.5: a stage's first 3×3 still works at the previous stage's jump (see resnet50 above).
    const v15 = (blocks: readonly number[]) =>
      11 + 2 * blocks.reduce((sum, n, i) => sum + (i === 0 ? 4 : 2 ** (i + 1)) + (n - 1) * 4 * 2 ** i, 0);
    expect(v15([3, 4, 6, 3])).toBe(427);
    const sizes = ['resnet101', 'resnet152'].map((id) => analyze(getModel(id)).receptiveField?.size[0]);
    expect(sizes).toEqual([v15([3, 4, 23, 3]), v15([3, 8, 36, 3])]);
    expect(sizes).toEqual([971, 1451]);
  });

  it('analyze(resnet20) by hand: 3×3 stem, 9 blocks of two 3×3 convs, strides at layer2.0 and layer3.0', () => {
    // Each 3×3 conv adds 2·j_in. layer1: 6 convs at j=1; layer2: conv1 (stride 2) at j=1, then
    // 5 convs at j=2; layer3: conv1 at j=2, then 5 at j=4.
    const byHand = 3 + 2 * (6 * 1 + (1 + 5 * 2) + (2 + 5 * 4));
    expect(byHand).toBe(81);
    expect(analyze(getModel('resnet20')).receptiveField).toMatchObject({ size: [byHand, byHand], jump: [4, 4] });
  });
});

describe('receptive-field primitives', () => {
  it('throughWindow applies r += (k−1)·d·j, j *= s, start += ((k−1)·d/2 − p)·j', () => {
    const f1 = throughWindow(inputField(), [3, 5], [2, 1], [0, 2], [1, 2]);
    expect(f1).toEqual({ size: [3, 9], jump: [2, 1], start: [1, 2] });
    const f2 = throughWindow(f1, [2, 2], [2, 2], [0, 0]);
    expect(f2).toEqual({ size: [5, 10], jump: [4, 2], start: [2, 2.5] });
  });

  it('fieldBounds gives the input pixels of a unit, reaching into the padding at the border', () => {
    const conv3 = throughWindow(inputField(), [3, 3], [1, 1], [1, 1]);
    expect(fieldBounds(conv3, [0, 0])).toEqual({ top: -1, left: -1, bottom: 1, right: 1 });
    expect(fieldBounds(conv3, [4, 2])).toEqual({ top: 3, left: 1, bottom: 5, right: 3 });
  });

  it('mergeFields takes the bounding box of both branches (the larger field when centred alike)', () => {
    const big = {
      size: [7, 7] as [number, number],
      jump: [2, 2] as [number, number],
      start: [0, 0] as [number, number],
    };
    const small = {
      size: [3, 3] as [number, number],
      jump: [2, 2] as [number, number],
      start: [0, 0] as [number, number],
    };
    expect(mergeFields(big, small)).toEqual(big);
    const shifted = { ...small, start: [4, 0] as [number, number] };
    expect(mergeFields(big, shifted)).toEqual({ size: [9, 7], jump: [2, 2], start: [1, 0] });
  });

  it('mergeFields of three or more branches is their bounding box too', () => {
    const at = (size: number, start: number) => ({
      size: [size, size] as [number, number],
      jump: [1, 1] as [number, number],
      start: [start, start] as [number, number],
    });
    expect(mergeFields(at(3, 0), at(5, 0), at(1, 0))).toEqual(at(5, 0));
    expect(mergeFields(at(3, 0), at(3, 2), at(3, 4))).toEqual(at(7, 2));
  });

  it("a concat's field is its largest branch's, as an add's is: googlenet's inception3a is its 3×3 branches'", () => {
    const a = analyze(getModel('googlenet'));
    const field = (id: string) => a.layers.find((l) => l.id === id)?.receptiveField;
    const branches = ['branch1.relu', 'branch2.1.relu', 'branch3.1.relu', 'branch4.1.relu'].map((b) =>
      field(`inception3a.${b}`),
    );
    const largest = Math.max(...branches.map((f) => f?.size[0] ?? 0));
    expect(field('inception3a.concat')?.size).toEqual([largest, largest]);
    expect(field('inception3a.concat')).toEqual(field('inception3a.branch2.1.relu'));
    expect(largest).toBeGreaterThan(field('inception3a.branch1.relu')?.size[0] ?? Infinity);
  });

  it('mergeFields refuses branches with different jumps', () => {
    expect(mergeFields(inputField(), throughWindow(inputField(), [1, 1], [2, 2], [0, 0]))).toBeNull();
  });

  it('flattened and globally pooled layers have no receptive field', () => {
    const a = analyze(getModel('resnet18'));
    expect(a.layers.find((l) => l.id === 'avgpool')?.receptiveField).toBeNull();
    expect(a.layers.find((l) => l.id === 'fc')?.receptiveField).toBeNull();
  });
});
