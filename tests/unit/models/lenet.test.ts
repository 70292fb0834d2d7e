import { describe, expect, it } from 'vitest';
import { analyze, getModel, lenetC3Connections } from '../../../src/lib/models/index.ts';

describe('analyze(lenet5): LeCun et al. 1998, §II.B', () => {
  const analysis = analyze(getModel('lenet5'));
  const layer = (id: string) => analysis.layers.find((l) => l.id === id);

  it('has 60,000 trainable parameters and 340,908 connections', () => {
    expect(analysis.trainableParams).toBe(60_000);
    expect(analysis.connections).toBe(340_908);
  });

  // §II.B gives each layer's trainable parameters and connections.
  it.each([
    ['C1', [28, 28, 6], 156, 122_304],
    ['S2', [14, 14, 6], 12, 5_880],
    ['C3', [10, 10, 16], 1_516, 151_600],
    ['S4', [5, 5, 16], 32, 2_000],
    ['C5', [1, 1, 120], 48_120, 48_120],
    ['F6', [84], 10_164, 10_164],
  ])('layer %s: output %j, %d trainable parameters, %d connections', (id, shape, params, connections) => {
    expect(layer(id)?.outputShape).toEqual(shape);
    expect(layer(id)?.trainableParams).toBe(params);
    expect(layer(id)?.connections).toBe(connections);
  });

  it("the RBF output's 84×10 fixed prototypes are connections but not trainable", () => {
    expect(layer('output')).toMatchObject({
      kind: 'rbf',
      outputShape: [10],
      params: 840,
      trainableParams: 0,
      connections: 840,
    });
  });

  it('counts MACs like the rest of the zoo: conv, F6 and the RBF output, not S2 and S4 (pooling)', () => {
    // C1 28²·25·6, C3 10²·25·60 links (Table I), C5 120·400, F6 84·120, RBF 10·84 (one
    // multiply-accumulate per prototype weight on x − w). S2 and S4 sum a window and scale it by
    // one coefficient per channel: pooling plus a per-channel affine, 0 MACs as in every model.
    const byHand = 28 * 28 * 25 * 6 + 10 * 10 * 25 * 60 + 120 * 400 + 84 * 120 + 10 * 84;
    expect(analysis.macs).toBe(byHand);
    expect(analysis.macs).toBe(326_520);
    expect([layer('S2')?.macs, layer('S4')?.macs, layer('output')?.macs]).toEqual([0, 0, 840]);
  });

  it('uses the scaled tanh 1.7159·tanh(2a/3) after every layer up to F6', () => {
    const activations = analysis.layers.filter((l) => l.kind === 'activation').map((l) => l.id);
    expect(activations).toEqual(['C1.act', 'S2.act', 'C3.act', 'S4.act', 'C5.act', 'F6.act']);
    expect(analysis.layers.every((l) => l.layer.kind !== 'activation' || l.layer.activation === 'scaled_tanh')).toBe(
      true,
    );
  });
});

describe('lenetC3Connections', () => {
  // LeCun et al. 1998 Table I, copied row by row: rows are S2 maps 0–5, columns C3 maps 0–15.
  const tableI = [
    'X   XXX  XXXX XX',
    'XX   XXX  XXXX X',
    'XXX   XXX  X XXX',
    ' XXX  XXXX  X XX',
    '  XXX  XXXX XX X',
    '   XXX  XXXX XXX',
  ];

  it('equals Table I of LeCun et al. 1998', () => {
    const fromTable = Array.from({ length: 16 }, (_, c3) => tableI.map((row) => row[c3] === 'X'));
    expect(lenetC3Connections).toEqual(fromTable);
  });

  it('has 60 links, so C3 has 60·25 + 16 = 1,516 parameters', () => {
    expect(lenetC3Connections.flat().filter(Boolean)).toHaveLength(60);
  });
});

describe('analyze(lenet5_modern)', () => {
  it('keeps the topology with full C3, ReLU, max pooling and a dense output: 61,706 parameters', () => {
    const analysis = analyze(getModel('lenet5_modern'));
    const byHand = 156 + (16 * 6 * 25 + 16) + 48_120 + 10_164 + (84 * 10 + 10);
    expect(analysis.params).toBe(byHand);
    expect(analysis.trainableParams).toBe(61_706);
    expect(analysis.outputShape).toEqual([10]);
  });

  it('counts MACs by the same rule as lenet5, so the two differ only in C3 (full vs Table I)', () => {
    const [modern, original] = [analyze(getModel('lenet5_modern')), analyze(getModel('lenet5'))];
    const macs = (a: typeof modern, id: string) => a.layers.find((l) => l.id === id)?.macs;
    expect(modern.macs).toBe(416_520);
    expect(macs(modern, 'C3')).toBe(10 * 10 * 25 * 6 * 16);
    expect(modern.macs - original.macs).toBe((macs(modern, 'C3') ?? NaN) - (macs(original, 'C3') ?? NaN));
    expect([macs(modern, 'S2'), macs(modern, 'S4')]).toEqual([0, 0]);
  });
});
