/**
 * The model zoo: every named spec, keyed by id (torchvision's id where it has the model).
 */
import { alexnet, alexnet_original } from './alexnet.ts';
import { cifarModels, cifarNet } from './cifar.ts';
import { densenet121 } from './densenet.ts';
import { googlenet } from './googlenet.ts';
import { lenet5, lenet5_modern } from './lenet.ts';
import { mobilenet_v2 } from './mobilenet.ts';
import { nin } from './nin.ts';
import { resnetModels, resnetV1Models, resnetVariant } from './resnet.ts';
import { SpecError } from './spec-error.ts';
import { squeezenet1_0 } from './squeezenet.ts';
import type { ModelSpec } from './types.ts';
import { vggModels } from './vgg.ts';

/**
 * In order of first publication (arXiv): LeNet-5 1998, AlexNet 2012, NIN Dec 2013, VGG and
 * GoogLeNet Sep 2014, ResNet Dec 2015 (ImageNet, then its CIFAR nets), SqueezeNet Feb 2016,
 * Wide ResNet May 2016, DenseNet Aug 2016, ResNeXt Nov 2016, MobileNetV2 Jan 2018. Variants of a
 * model stay with it.
 */
const all: readonly ModelSpec[] = [
  lenet5,
  lenet5_modern,
  alexnet,
  alexnet_original,
  nin,
  ...vggModels,
  googlenet,
  ...resnetModels,
  ...resnetV1Models,
  ...cifarModels,
  squeezenet1_0,
  resnetVariant('wide_resnet50_2'),
  densenet121,
  resnetVariant('resnext50_32x4d'),
  mobilenet_v2,
];

/** All zoo specs by id, in chronological display order. */
export const zoo: Readonly<Record<string, ModelSpec>> = Object.fromEntries(all.map((spec) => [spec.id, spec]));

/** The ImageNet ResNets' ids, named when a CIFAR-style `resnetN` has an impossible depth. */
const imagenetResnetIds = [...resnetModels, ...resnetV1Models].map((spec) => spec.id).join(', ');

/** Zoo ids in display order. */
export const modelIds: readonly string[] = all.map((spec) => spec.id);

/**
 * The spec for `id`: a zoo model, or any CIFAR depth 6n + 2 as `resnetN` / `plainN` (e.g.
 * `plain38`). Throws SpecError listing the valid ids for unknown ids, and explaining the 6n + 2
 * rule for CIFAR-like ids of another depth.
 */
export function getModel(id: string): ModelSpec {
  const spec = Object.hasOwn(zoo, id) ? zoo[id] : undefined;
  if (spec !== undefined) return spec;
  const cifar = /^(resnet|plain)([0-9]+)$/.exec(id);
  if (cifar !== null) {
    const depth = Number(cifar[2]);
    try {
      return cifarNet(depth, cifar[1] === 'resnet');
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      throw new SpecError(`unknown model "${id}": ${error.message} (ImageNet ResNets: ${imagenetResnetIds})`);
    }
  }
  throw new SpecError(
    `unknown model "${id}"; valid ids: ${modelIds.join(', ')} (or resnetN / plainN for any CIFAR depth N = 6n + 2)`,
  );
}
