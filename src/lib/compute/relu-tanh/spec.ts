/**
 * The network of the ReLU-vs-tanh experiment as a model spec (kept apart from config.ts, which
 * the page imports, so the page does not load the layer factories).
 */
import { validateSpec } from '../../models/analyze.ts';
import { activation, conv, dense, dropout, flatten, maxpool, named } from '../../models/layer-factories.ts';
import type { Layer, ModelSpec } from '../../models/types.ts';
import { DROPOUT_RATE, type ReluTanhConfig, type ReluTanhNet } from './config.ts';

/**
 * A four-layer convolutional net in the spirit of Krizhevsky et al. 2012 Fig. 1 (their CIFAR-10
 * net had four layers too), sized to train in a browser: 5×5 conv(w) + f + 2×2 max pool,
 * 5×5 conv(2w) + f + 2×2 max pool, [dropout], dense(64) + f, [dropout], dense(10), where f is
 * ReLU or tanh. Padding keeps the conv outputs at their input size. Input [32, 32, 1] (MNIST
 * digits in LeNet-5's 32×32 field), output [10] logits. The two nets have identical weight
 * shapes and ids, so one seed draws both nets' initial weights.
 */
export function reluTanhSpec(config: ReluTanhConfig, net: ReluTanhNet): ModelSpec {
  const w = config.width;
  const f = () => activation(net);
  const drop = (id: string): Layer[] =>
    config.dropout ? [named(id, dropout(DROPOUT_RATE), { group: ['classifier'] })] : [];
  const features = (i: number, body: Parameters<typeof named>[1]) =>
    named(`features.${i}`, body, { group: ['features'] });
  const classifier = (i: number, body: Parameters<typeof named>[1]) =>
    named(`classifier.${i}`, body, { group: ['classifier'] });
  const spec: ModelSpec = {
    id: `relu_tanh_${net}_w${w}${config.dropout ? '_dropout' : ''}`,
    name: `4-layer CNN, ${net}${config.dropout ? ', dropout' : ''}`,
    inputShape: [32, 32, 1],
    layers: [
      features(0, conv(w, 5, { padding: 2 })),
      features(1, f()),
      features(2, maxpool(2)),
      features(3, conv(2 * w, 5, { padding: 2 })),
      features(4, f()),
      features(5, maxpool(2)),
      named('flatten', flatten(), { group: ['classifier'] }),
      ...drop('dropout.0'),
      classifier(0, dense(64)),
      classifier(1, f()),
      ...drop('dropout.1'),
      classifier(2, dense(10)),
    ],
    sources: ['krizhevsky2012'],
  };
  validateSpec(spec);
  return spec;
}
