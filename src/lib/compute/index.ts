/**
 * src/lib/compute: the only code that imports TF.js. Builds runnable networks from specs and
 * runs experiments on them; experiment helpers return plain arrays.
 */
export {
  useBackend,
  useFirstAvailableBackend,
  activeBackend,
  type BackendName,
  type BackendOptions,
} from './backend.ts';
export { mulberry32, deriveSeed, rngFor, type Rng } from '../math/rng.ts';
export { planWeights, planFromAnalysis, countParams, type PlannedWeight, type WeightName } from './weight-plan.ts';
export { initialValues, type InitScheme, type InitOptions } from './init.ts';
export {
  build,
  type BuildOptions,
  type ForwardOptions,
  type ForwardResult,
  type Network,
  type WeightValues,
} from './network.ts';
export type { RunOptions } from './graph.ts';
export type { GradientTarget, GradientOptions, GradientResult, LossFn } from './gradients.ts';
export { shortcutEnabled, residualBlocks, allSkips, type SkipSwitches } from './skips.ts';
export { predict, readActivations, inputGradient, release, type ArrayResult } from './readback.ts';
export { inputGradientOfUnit, type UnitSelector, type UnitGradientOptions } from './receptive-field.ts';
export * as tf from './tf.ts';
