/**
 * The network of the batch-norm experiment as a model spec (kept apart from config.ts, which
 * the page imports, so the page does not load the layer factories).
 */
import { validateSpec } from '../../models/analyze.ts';
import { activation, batchnorm, dense, flatten, named } from '../../models/layer-factories.ts';
import type { Layer, ModelSpec } from '../../models/types.ts';
import type { BatchNormConfig, BatchNormNet } from './config.ts';

/**
 * Ioffe & Szegedy 2015 §4.1's MNIST net: `depth` fully connected layers of `width` sigmoid
 * units, then dense(10); the 'bn' net adds batch norm to each hidden layer's pre-activation,
 * "immediately before the nonlinearity" (§3.2). Input [32, 32, 1] (MNIST digits in LeNet-5's
 * 32×32 field, flattened to 1,024), output [10] logits. Layer ids are shared, so one seed draws
 * both nets' dense weights alike.
 */
export function batchNormSpec(config: BatchNormConfig, net: BatchNormNet): ModelSpec {
  const hidden = (i: number): Layer[] => [
    named(`fc${i}`, dense(config.width), { group: [`hidden${i}`] }),
    ...(net === 'bn' ? [named(`bn${i}`, batchnorm(), { group: [`hidden${i}`] })] : []),
    named(`sigmoid${i}`, activation('sigmoid'), { group: [`hidden${i}`] }),
  ];
  const spec: ModelSpec = {
    id: `mlp${config.depth}x${config.width}_sigmoid${net === 'bn' ? '_bn' : ''}`,
    name: `${config.depth}×${config.width} sigmoid MLP${net === 'bn' ? ' with batch norm' : ''}`,
    inputShape: [32, 32, 1],
    layers: [
      named('flatten', flatten()),
      ...Array.from({ length: config.depth }, (_, i) => hidden(i + 1)).flat(),
      named('fc_out', dense(10), { group: ['classifier'] }),
    ],
    sources: ['ioffe2015'],
  };
  validateSpec(spec);
  return spec;
}
