/**
 * The networks of a lab run as model specs (kept apart from config.ts, which the page imports,
 * so the page does not load the model zoo's layer factories).
 */
import { resnetStyle } from '../../models/families.ts';
import type { ModelSpec } from '../../models/types.ts';
import type { LabConfig, LabNet } from './config.ts';

/**
 * The spec a lab network is built from: a residual spec (BN, ReLU, option-A shortcuts) for
 * all three, so each block keeps its `add` and can be lesioned; the plain nets run it with
 * every shortcut off (see LabSession.runOptions). Input [32, 32, 1]: MNIST digits in LeNet-5's
 * 32×32 field, the CIFAR nets' input size. Output [10].
 */
export function labSpec(config: LabConfig, net: LabNet): ModelSpec {
  const depth = net === 'shallow' ? config.shallowDepth : config.depth;
  return resnetStyle({
    depth,
    width: config.width,
    bn: true,
    activation: 'relu',
    skip: true,
    inputShape: [32, 32, 1],
    classes: 10,
    id: `lab_${net}_d${depth}_w${config.width}`,
  });
}
