/**
 * The CIFAR-10 networks of He et al. 2016 §4.2: a 3×3 conv with 16 filters, then three stages
 * of n basic blocks on 32×32, 16×16 and 8×8 maps with 16, 32 and 64 filters, global average
 * pooling and a 10-way dense layer: 6n + 2 weight layers. ResNets use option A shortcuts
 * (identity, or subsample + zero-pad channels where the shape changes: no extra parameters);
 * plain nets are the same stacks without shortcuts. Ids follow the common PyTorch port
 * (`conv1`, `layer1.0.conv1`, `linear` → here `fc`).
 */
import { activation, batchnorm, conv, dense, named } from './layer-factories.ts';
import { residualStages } from './residual-blocks.ts';
import { SpecError } from './spec-error.ts';
import type { ModelSpec } from './types.ts';

/** The depths He et al. 2016 report in Table 6. */
export const cifarDepths = [20, 32, 44, 56, 110] as const;

/**
 * A CIFAR ResNet (`residual`) or plain net of depth 6n + 2: [32, 32, 3] → [10].
 * Throws SpecError when the depth is not 6n + 2 with n ≥ 1.
 */
export function cifarNet(depth: number, residual: boolean): ModelSpec {
  const n = (depth - 2) / 6;
  if (!Number.isInteger(n) || n < 1) {
    const below = Math.max(8, 6 * Math.floor((depth - 2) / 6) + 2);
    throw new SpecError(
      `CIFAR ${residual ? 'ResNet' : 'plain net'} depth must be 6n + 2 (8, 14, 20, 26, 32, …), got ${depth}` +
        (Number.isInteger(depth) && depth > 8 ? `; nearest: ${below} or ${below + 6}` : ''),
    );
  }
  const body = residualStages(
    'relu',
    16,
    [16, 32, 64].map((filters, i) => ({
      name: `layer${i + 1}`,
      blocks: n,
      width: filters,
      outChannels: filters,
      stride: i === 0 ? 1 : 2,
    })),
    { block: 'basic', bn: true, activation: 'relu', shortcut: () => (residual ? 'padding' : 'none') },
  );
  const stem = ['stem'];
  const id = `${residual ? 'resnet' : 'plain'}${depth}`;
  return {
    id,
    name: `${residual ? 'ResNet' : 'Plain'}-${depth} (CIFAR-10)`,
    inputShape: [32, 32, 3],
    sources: ['he2016'],
    layers: [
      named('conv1', conv(16, 3, { padding: 1, bias: false }), { group: stem }),
      named('bn1', batchnorm(), { group: stem }),
      named('relu', activation('relu'), { group: stem }),
      ...body.layers,
      named('avgpool', { kind: 'globalavgpool' }, { group: ['head'] }),
      named('fc', dense(10), { group: ['head'] }),
    ],
  };
}

/** resnet20 … resnet110 and plain20 … plain110. */
export const cifarModels: readonly ModelSpec[] = [
  ...cifarDepths.map((d) => cifarNet(d, true)),
  ...cifarDepths.map((d) => cifarNet(d, false)),
];
