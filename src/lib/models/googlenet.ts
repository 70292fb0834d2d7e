/**
 * GoogLeNet (Szegedy et al. 2015, "Inception v1") exactly as torchvision builds it
 * (`torchvision/models/googlenet.py`, `GoogLeNet_Weights.IMAGENET1K_V1`, weights ported from
 * TensorFlow). Ids follow torchvision's module names (`conv1.conv`, `inception3a.branch2.1.bn`,
 * `fc`); each module's `torch.cat` is `inception3a.concat`, ours. Inception modules are grouped
 * `['inception3a', 'inception3a.branch2']`, so a diagram collapses a module or one branch.
 *
 * Where torchvision's network differs from the paper's Table 1, the spec follows torchvision:
 * - the third branch's "5×5" conv is a 3×3 conv (a known torchvision bug, pytorch/vision#906),
 *   so each module has fewer parameters and MACs than the paper's;
 * - every conv is torchvision's BasicConv2d: conv without bias → batch norm (ε = 0.001) → ReLU;
 *   the paper has no batch norm but has LRN after the first pooling and after conv3, which
 *   torchvision omits;
 * - max pooling rounds its output size up (`ceil_mode=True`), and the pool before inception5a
 *   is 2×2 (the paper's is 3×3, stride 2), both as in the TensorFlow port;
 * - the two auxiliary classifiers are left out, as torchvision drops them when it loads the
 *   weights: its published `num_params` (6,624,904) counts the network without them;
 * - dropout before the classifier is 0.2 (the paper's is 40 %); `transform_input`, a fixed
 *   per-channel rescaling of the input, has no parameters and is not modelled.
 */
import { chain, convNormAct, dense, dropout, maxpool, named, outputOf, type Entry } from './layer-factories.ts';
import { inceptionModule, TORCHVISION_FORM } from './inception-module.ts';
import { inceptionConfigs, inceptionNames, type InceptionName } from './inception-widths.ts';
import type { Layer, ModelSpec, Pair } from './types.ts';

/** torchvision's BasicConv2d named `prefix`: `prefix.conv` (no bias), `prefix.bn` (ε = 0.001), `prefix.relu`. */
function basicConv(
  prefix: string,
  filters: number,
  kernel: Pair,
  options: { stride?: Pair; padding?: Pair } = {},
): Entry[] {
  return convNormAct([`${prefix}.conv`, `${prefix}.bn`, `${prefix}.relu`], filters, kernel, {
    ...options,
    activation: 'relu',
    epsilon: 0.001,
  });
}

/** torchvision's ceil-mode max pools between the stages: id and kernel (stride 2), by the module after them. */
const poolsBefore: Partial<Record<InceptionName, readonly [string, number]>> = {
  inception4a: ['maxpool3', 3],
  inception5a: ['maxpool4', 2],
};

/** The nine modules in order, reading maxpool2, with the pools between the stages. */
function body(): Layer[] {
  const layers: Layer[] = [];
  for (const name of inceptionNames) {
    const pool = poolsBefore[name];
    if (pool !== undefined) layers.push(named(pool[0], maxpool(pool[1], 2, undefined, true)));
    layers.push(
      ...inceptionModule(
        name,
        layers.length === 0 ? 'maxpool2' : outputOf(layers),
        inceptionConfigs[name],
        TORCHVISION_FORM,
      ),
    );
  }
  return layers;
}

/** torchvision's googlenet without auxiliary classifiers: [224, 224, 3] → [1000]; inception5b outputs [7, 7, 1024]. */
export const googlenet: ModelSpec = {
  id: 'googlenet',
  name: 'GoogLeNet (Inception v1)',
  inputShape: [224, 224, 3],
  sources: ['szegedy2015', 'torchvision'],
  layers: [
    ...chain(basicConv('conv1', 64, 7, { stride: 2, padding: 3 }), ['conv1']),
    named('maxpool1', maxpool(3, 2, undefined, true)),
    ...chain(basicConv('conv2', 64, 1), ['conv2']),
    ...chain(basicConv('conv3', 192, 3, { padding: 1 }), ['conv3']),
    named('maxpool2', maxpool(3, 2, undefined, true)),
    ...body(),
    named('avgpool', { kind: 'globalavgpool' }, { group: ['head'] }),
    named('dropout', dropout(0.2), { group: ['head'] }),
    named('fc', dense(1000), { group: ['head'] }),
  ],
};
