import { beforeAll, describe, expect, test } from 'vitest';
import { layerGradientNorms } from '../../../src/lib/compute/gradient-flow/norms.ts';
import { flowBatch, flowNetwork, type FlowSettings } from '../../../src/lib/compute/gradient-flow/setup.ts';
import { firstLastRatio } from '../../../src/lib/compute/gradient-flow/stats.ts';
import { softmaxCrossEntropy } from '../../../src/lib/compute/cross-entropy.ts';
import { evaluate } from '../../../src/lib/compute/graph.ts';
import { allSkips } from '../../../src/lib/compute/skips.ts';
import type { Network } from '../../../src/lib/compute/network.ts';
import { flowLayers } from '../../../src/lib/models/gradient-flow-net.ts';
import { tensorsLeftBy, tf, useCpu } from '../compute/helpers.ts';

beforeAll(useCpu);

const explorer = (overrides: Partial<FlowSettings>): FlowSettings => ({
  width: 16,
  activation: 'relu',
  bn: false,
  skipEvery: 2,
  init: 'he',
  inputShape: [16, 16, 3],
  stemStride: 2,
  classes: 10,
  ...overrides,
});

/** ‖∂L/∂h_1‖ / ‖∂L/∂h_L‖ of both twins of a network of `depth` layers on a seeded batch of 8. */
async function ratios(settings: FlowSettings, depth: number): Promise<{ plain: number; residual: number }> {
  const net = flowNetwork(settings, depth);
  const { x, labels } = flowBatch(settings, { batch: 8 });
  try {
    const plain = await layerGradientNorms(net, x, labels, {
      weights: false,
      training: true,
      skips: allSkips(net.spec, false),
    });
    const residual = await layerGradientNorms(net, x, labels, { weights: false, training: true });
    return { plain: firstLastRatio(plain.activation), residual: firstLastRatio(residual.activation) };
  } finally {
    x.dispose();
    net.dispose();
  }
}

describe('gradient flow at initialisation (layerGradientNorms)', () => {
  test('sigmoid with naive N(0, 0.01²) init: a 20-layer plain net’s first/last gradient ratio is below 1e-4, its residual twin’s above 1e-1', async () => {
    const { plain, residual } = await ratios(explorer({ activation: 'sigmoid', init: 'normal' }), 20);
    expect(plain).toBeLessThan(1e-4);
    expect(residual).toBeGreaterThan(1e-1);
  });

  test('ReLU with He init: a 20-layer plain net’s first/last gradient ratio stays within 1e-1…1e1', async () => {
    const { plain } = await ratios(explorer({ activation: 'relu', init: 'he' }), 20);
    expect(plain).toBeGreaterThan(1e-1);
    expect(plain).toBeLessThan(1e1);
  });

  test('returns one activation and one weight norm per convolution, and leaks no tensors', async () => {
    const settings = explorer({ bn: true });
    const left = await tensorsLeftBy(async () => {
      const net = flowNetwork(settings, 9);
      const { x, labels } = flowBatch(settings, { batch: 4 });
      const norms = await layerGradientNorms(net, x, labels, { weights: true, training: true });
      expect(norms.layers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(norms.activation).toHaveLength(8);
      expect(norms.weight).toHaveLength(8);
      expect(norms.activation.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
      expect(norms.loss).toBeGreaterThan(0);
      x.dispose();
      net.dispose();
    });
    expect(left).toBe(0);
  });
});

describe('gradient norms match finite differences on a 3-layer net', () => {
  // conv1 → [tanh → conv2] + shortcut → tanh → pool → fc: layers h_1 = conv1, h_2 = unit1.add.
  const settings: FlowSettings = {
    width: 2,
    activation: 'tanh',
    bn: false,
    skipEvery: 1,
    init: 'glorot',
    inputShape: [4, 4, 1],
    classes: 3,
    seed: 3,
  };
  const eps = 1e-2;

  /** The loss with `delta` added to one activation or one weight (float32, so central differences). */
  function lossWith(
    net: Network,
    x: tf.Tensor4D,
    targets: tf.Tensor2D,
    plain: boolean,
    probe?: Map<string, tf.Tensor>,
  ) {
    return tf.tidy(() => {
      const graph = { analysis: net.analysis, weights: net.weights, masks: new Map<string, tf.Tensor>() };
      const out = evaluate(graph, x, [net.outputId], {
        training: true,
        ...(plain ? { skips: allSkips(net.spec, false) } : {}),
        ...(probe ? { probes: probe } : {}),
      });
      return softmaxCrossEntropy(out[net.outputId] as tf.Tensor2D, targets).dataSync()[0] as number;
    });
  }

  for (const plain of [true, false]) {
    test(`${plain ? 'plain' : 'residual'} twin: ‖∂L/∂h_l‖ and ‖∂L/∂W_l‖ equal the norms of central differences`, async () => {
      const net = flowNetwork(settings, 3);
      const { x, labels } = flowBatch(settings, { batch: 2 });
      const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), 'float32') as tf.Tensor2D);
      try {
        const norms = await layerGradientNorms(net, x, labels, {
          weights: true,
          training: true,
          ...(plain ? { skips: allSkips(net.spec, false) } : {}),
        });
        for (const [i, layer] of flowLayers(net.spec).entries()) {
          const shape = [2, ...(net.analysis.layers.find((l) => l.id === layer.output)?.outputShape ?? [])];
          const size = shape.reduce((a, b) => a * b, 1);
          let activationSq = 0;
          for (let k = 0; k < size; k++) {
            const at = (delta: number) => {
              const values = new Float32Array(size);
              values[k] = delta;
              const probe = tf.tensor(values, shape);
              try {
                return lossWith(net, x, targets, plain, new Map([[layer.output, probe]]));
              } finally {
                probe.dispose();
              }
            };
            activationSq += ((at(eps) - at(-eps)) / (2 * eps)) ** 2;
          }
          expect(norms.activation[i]).toBeCloseTo(Math.sqrt(activationSq), 3);

          const kernel = net.weights.get(`${layer.conv}/kernel`) as tf.Variable;
          const original = kernel.dataSync().slice();
          let weightSq = 0;
          for (let k = 0; k < original.length; k++) {
            const at = (delta: number) => {
              const values = original.slice();
              values[k] = (values[k] as number) + delta;
              tf.tidy(() => kernel.assign(tf.tensor(values, kernel.shape)));
              return lossWith(net, x, targets, plain);
            };
            weightSq += ((at(eps) - at(-eps)) / (2 * eps)) ** 2;
          }
          tf.tidy(() => kernel.assign(tf.tensor(original, kernel.shape)));
          expect(norms.weight?.[i]).toBeCloseTo(Math.sqrt(weightSq), 3);
        }
      } finally {
        targets.dispose();
        x.dispose();
        net.dispose();
      }
    });
  }
});
