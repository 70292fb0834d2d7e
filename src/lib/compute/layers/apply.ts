import type { Layer } from '../../models/types.ts';
import type * as tf from '../tf.ts';
import type { LayerContext } from './context.ts';
import { concatChannels } from './concat.ts';
import { conv } from './conv.ts';
import { activation, dropout } from './elementwise.ts';
import { dense, flatten, globalAvgPool, rbf } from './flat.ts';
import { batchNorm, lrn } from './normalization.ts';
import { pool, subsample } from './pool.ts';
import { addBranches, padShortcut } from './shortcut.ts';

/**
 * Forward computation of one layer. `inputs` are the layer's input activations with the batch
 * first ([batch, h, w, c] or [batch, features]); for `add`, [residual, shortcut], the shortcut
 * absent when switched off; for `concat`, every branch in spec order. Must run inside a tf.tidy (or a gradient scope) owned by the caller.
 */
export function applyLayer(layer: Layer, inputs: readonly tf.Tensor[], ctx: LayerContext): tf.Tensor {
  const x = inputs[0];
  if (x === undefined) throw new Error(`layer "${layer.id}" received no input`);
  const x4 = x as tf.Tensor4D;
  const x2 = x as tf.Tensor2D;
  switch (layer.kind) {
    case 'conv':
      return conv(layer, x4, ctx);
    case 'maxpool':
    case 'avgpool':
      return pool(layer, x4, ctx);
    case 'subsample':
      return subsample(layer, x4, ctx);
    case 'batchnorm':
      return batchNorm(layer, x, ctx);
    case 'activation':
      return activation(layer.activation, x);
    case 'dropout':
      return dropout(layer, x, ctx.training, ctx.dropoutSeed);
    case 'lrn':
      return lrn(layer, x4);
    case 'flatten':
      return flatten(x);
    case 'dense':
      return dense(x2, ctx, layer.bias ?? true);
    case 'rbf':
      return rbf(x2, ctx);
    case 'globalavgpool':
      return globalAvgPool(x4);
    case 'padshortcut':
      return padShortcut(layer, x4);
    case 'add':
      return addBranches(x, ctx.shortcut ? inputs[1] : undefined);
    case 'concat':
      return concatChannels(inputs);
  }
}
