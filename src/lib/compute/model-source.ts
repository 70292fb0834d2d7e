/**
 * Which network a job runs, as plain data that can cross to the worker: a zoo id, or a
 * parametric family with its options. Built into a spec on the worker side. The zoo (every
 * ImageNet and CIFAR spec) is loaded only when a job names a zoo model, keeping the worker's
 * first download small.
 */
import { resnetStyle, vggStyle, type ResnetStyleOptions, type VggStyleOptions } from '../models/families.ts';
import type { GradientFlowNetOptions } from '../models/gradient-flow-net.ts';
import type { InceptionChoice } from '../models/inception-cost.ts';
import type { ModelSpec } from '../models/types.ts';

/**
 * A network by zoo id, by family options, one of GoogLeNet's Inception modules alone, or a whole
 * spec (a reader's own model, parsed on the page; build() validates it again, as it does every spec).
 */
export type ModelSource =
  | { readonly zoo: string }
  | { readonly spec: ModelSpec }
  | { readonly inception: InceptionChoice }
  | { readonly vggStyle: VggStyleOptions }
  | { readonly resnetStyle: ResnetStyleOptions }
  | { readonly gradientFlowNet: GradientFlowNetOptions };

/** The spec a source describes; throws the zoo's or the family's own error for bad values. */
export async function specFromSource(source: ModelSource): Promise<ModelSpec> {
  if ('zoo' in source) return (await import('../models/zoo.ts')).getModel(source.zoo);
  if ('spec' in source) return source.spec;
  if ('vggStyle' in source) return vggStyle(source.vggStyle);
  if ('inception' in source) return (await import('../models/inception-cost.ts')).inceptionChoiceSpec(source.inception);
  if ('gradientFlowNet' in source) {
    return (await import('../models/gradient-flow-net.ts')).gradientFlowNet(source.gradientFlowNet);
  }
  return resnetStyle(source.resnetStyle);
}
