import { describe, expect, it } from 'vitest';
import { analyze, getModel } from '../../../src/lib/models/index.ts';

/**
 * Network in Network for CIFAR-10 (Lin, Chen & Yan 2014, §4.1–4.2) with the layer sizes of the
 * first author's released definition, NIN/cifar-10_def in mavenlin/cuda-convnet (commit 9f9e7072).
 * There is no torchvision model to compare with, so the counts are derived by hand here:
 *
 *   layer   kernel × in → out   weights + biases          output    MACs = h·w·weights
 *   conv1   5·5 ×   3 → 192      14,400 + 192 =  14,592   32×32     14,745,600
 *   cccp1   1·1 × 192 → 160      30,720 + 160 =  30,880   32×32     31,457,280
 *   cccp2   1·1 × 160 →  96      15,360 +  96 =  15,456   32×32     15,728,640
 *   pool1   3×3/2 max, ceil                                16×16
 *   conv2   5·5 ×  96 → 192     460,800 + 192 = 460,992   16×16    117,964,800
 *   cccp3   1·1 × 192 → 192      36,864 + 192 =  37,056   16×16      9,437,184
 *   cccp4   1·1 × 192 → 192      36,864 + 192 =  37,056   16×16      9,437,184
 *   pool2   3×3/2 max, ceil                                 8×8
 *   conv3   3·3 × 192 → 192     331,776 + 192 = 331,968    8×8      21,233,664
 *   cccp5   1·1 × 192 → 192      36,864 + 192 =  37,056    8×8       2,359,296
 *   cccp6   1·1 × 192 →  10       1,920 +  10 =   1,930    8×8         122,880
 *   poolg   global average → 10 scores
 *   total                                        966,986            222,486,528
 */
describe('nin (Lin et al. 2014, CIFAR-10)', () => {
  const analysis = analyze(getModel('nin'));
  const layer = (id: string) => analysis.layers.find((l) => l.id === id);

  it('has 966,986 parameters and 222,486,528 MACs, as derived by hand above', () => {
    expect(analysis.params).toBe(966_986);
    expect(analysis.trainableParams).toBe(966_986);
    expect(analysis.macs).toBe(222_486_528);
  });

  it.each([
    ['conv1', 14_592, [32, 32, 192]],
    ['cccp2', 15_456, [32, 32, 96]],
    ['conv2', 460_992, [16, 16, 192]],
    ['conv3', 331_968, [8, 8, 192]],
    ['cccp6', 1_930, [8, 8, 10]],
  ] as const)('%s has %d parameters and outputs %j', (id, params, shape) => {
    expect(layer(id)?.params).toBe(params);
    expect(layer(id)?.outputShape).toEqual(shape);
  });

  it('pools 32 → 16 → 8 with cuda-convnet’s rounding up, then averages each of the 10 maps: no fully connected layer', () => {
    expect(layer('pool1')?.layer).toMatchObject({ kind: 'maxpool', kernel: 3, stride: 2, ceil: true });
    expect(layer('pool2')?.outputShape).toEqual([8, 8, 192]);
    expect(analysis.layers.filter((l) => l.kind === 'dense')).toEqual([]);
    expect(analysis.layers.filter((l) => l.kind === 'dropout').map((l) => l.id)).toEqual(['dropout1', 'dropout2']);
    expect(layer('poolg')?.kind).toBe('globalavgpool');
    expect(analysis.outputShape).toEqual([10]);
  });

  it('has three mlpconv layers of a spatial conv and two 1×1 convs, each conv followed by a ReLU', () => {
    const groups = [...new Set(analysis.layers.flatMap((l) => l.layer.group ?? []))];
    expect(groups).toEqual(['mlpconv1', 'mlpconv2', 'mlpconv3']);
    for (const group of groups) {
      const kernels = analysis.layers
        .filter((l) => l.layer.group?.[0] === group && l.layer.kind === 'conv')
        .map((l) => (l.layer.kind === 'conv' ? l.layer.kernel : 0));
      expect(kernels.slice(1)).toEqual([1, 1]);
    }
    const convs = analysis.layers.filter((l) => l.kind === 'conv');
    for (const conv of convs) expect(layer(`${conv.id}.relu`)?.inputIds).toEqual([conv.id]);
  });

  it('sees 27×27 pixels at cccp6 (5, +2 at pool1, +8 at conv2, +4 at pool2, +8 at conv3), jump 4', () => {
    expect(analysis.receptiveFieldLayer).toBe('cccp6.relu');
    expect(analysis.receptiveField.size).toEqual([27, 27]);
    expect(analysis.receptiveField.jump).toEqual([4, 4]);
  });
});
