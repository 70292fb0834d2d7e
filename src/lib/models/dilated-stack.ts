/**
 * A stack of 3×3 convolutions with growing dilation, as in Yu & Koltun 2016 (§2, Fig. 1): each
 * layer's padding equals its dilation, so every map keeps the input's height and width while the
 * receptive field grows. Not a zoo model (no network in the zoo dilates); the page analyses it with
 * the zoo's own `analyze` to show dilation's arithmetic on real figures.
 */
import { conv, named } from './layer-factories.ts';
import type { ModelSpec } from './types.ts';

/**
 * Spec of `dilations.length` 3×3 convolutions, `channels` in and out, layer i dilated by
 * `dilations[i]` with padding `dilations[i]` ('same' size), on a `side`×`side`×`channels` input.
 * Layer ids are `conv1`, `conv2`, …
 */
export function dilatedStack(dilations: readonly number[], channels: number, side: number): ModelSpec {
  return {
    id: `dilated_stack_${dilations.join('_')}`,
    name: `3×3 convolutions dilated ${dilations.join(', ')}`,
    inputShape: [side, side, channels],
    layers: dilations.map((d, i) => named(`conv${i + 1}`, conv(channels, 3, { padding: d, dilation: d }))),
    sources: ['yu2016'],
  };
}
