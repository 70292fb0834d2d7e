import { describe, expect, it } from 'vitest';
import { analyze, getModel } from '../../../src/lib/models/index.ts';

describe('analyze(alexnet_original): Krizhevsky et al. 2012, two GPUs', () => {
  const analysis = analyze(getModel('alexnet_original'));
  const layer = (id: string) => analysis.layers.find((l) => l.id === id);

  it("has the paper's map sizes (Fig. 2): 55×55×96, 27×27×256, 13×13×384, 13×13×384, 13×13×256", () => {
    expect(analysis.inputShape).toEqual([227, 227, 3]);
    expect(['conv1', 'conv2', 'conv3', 'conv4', 'conv5'].map((id) => layer(id)?.outputShape)).toEqual([
      [55, 55, 96],
      [27, 27, 256],
      [13, 13, 384],
      [13, 13, 384],
      [13, 13, 256],
    ]);
    expect(layer('conv5.pool')?.outputShape).toEqual([6, 6, 256]);
  });

  it('counts grouped convolutions at half the weights: conv2 = 256·(96/2)·5·5 + 256', () => {
    expect(layer('conv2')?.params).toBe(256 * 48 * 25 + 256);
    expect(layer('conv3')?.params).toBe(384 * 256 * 9 + 384); // conv3 reads both GPUs
    expect(layer('conv4')?.params).toBe(384 * 192 * 9 + 384);
    expect(layer('conv2')?.macs).toBe(27 * 27 * 256 * 48 * 25);
  });

  it('has "60 million parameters" (abstract): 60,965,224 by hand', () => {
    const conv = (out: number, inPerGroup: number, k: number) => out * inPerGroup * k * k + out;
    const fc = (inputs: number, out: number) => inputs * out + out;
    const byHand =
      conv(96, 3, 11) +
      conv(256, 48, 5) +
      conv(384, 256, 3) +
      conv(384, 192, 3) +
      conv(256, 192, 3) +
      fc(6 * 6 * 256, 4096) +
      fc(4096, 4096) +
      fc(4096, 1000);
    expect(byHand).toBe(60_965_224);
    expect(analysis.params).toBe(byHand);
  });

  it('normalises after conv1 and conv2 only, then pools (§3.3–3.4 order: ReLU, LRN, pool)', () => {
    const kinds = analysis.layers.filter((l) => l.id.startsWith('conv1')).map((l) => l.kind);
    expect(kinds).toEqual(['conv', 'activation', 'lrn', 'maxpool']);
    expect(analysis.layers.filter((l) => l.kind === 'lrn').map((l) => l.id)).toEqual(['conv1.norm', 'conv2.norm']);
  });
});
