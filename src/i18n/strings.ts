/**
 * The shape a translation of a UI-string section must have: the English section's keys, with its
 * literal texts widened to `string` (a translation says something else) and its functions' argument
 * types kept. Each section's type is named here, so code that receives strings takes any language.
 */
import type { batchNorm } from './en/batch-norm.ts';
import type { embed } from './en/embed.ts';
import type { gradientFlow } from './en/gradient-flow.ts';
import type { inceptionCost } from './en/inception-cost.ts';
import type { lenetLive } from './en/lenet-live.ts';
import type { numbers } from './en/numbers.ts';
import type { recordedRun } from './en/recorded-run.ts';
import type { reluTanh } from './en/relu-tanh.ts';
import type { rfExplorer } from './en/rf-explorer.ts';
import type { rfZoo } from './en/rf-zoo.ts';
import type { runtimeCheck } from './en/runtime-check.ts';
import type { runtime } from './en/runtime.ts';
import type { skipLab } from './en/skip-lab.ts';
import type { loadFailure } from './en/load-failure.ts';
import type { catalog } from './en/catalog.ts';
import type { format } from './en/format.ts';
import type { yourNetwork } from './en/your-network.ts';

/** `T` with every string literal widened to string, recursively (tuples keep their length). */
export type Strings<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Strings<R>
    : T extends object
      ? { readonly [K in keyof T]: Strings<T[K]> }
      : T;

export type BatchNormStrings = Strings<typeof batchNorm>;
export type EmbedStrings = Strings<typeof embed>;
export type GradientFlowStrings = Strings<typeof gradientFlow>;
export type InceptionCostStrings = Strings<typeof inceptionCost>;
export type LenetLiveStrings = Strings<typeof lenetLive>;
export type NumbersStrings = Strings<typeof numbers>;
export type RecordedRunStrings = Strings<typeof recordedRun>;
export type ReluTanhStrings = Strings<typeof reluTanh>;
export type RfExplorerStrings = Strings<typeof rfExplorer>;
export type RfZooStrings = Strings<typeof rfZoo>;
export type RuntimeCheckStrings = Strings<typeof runtimeCheck>;
export type RuntimeStrings = Strings<typeof runtime>;
export type SkipLabStrings = Strings<typeof skipLab>;
export type LoadFailureStrings = Strings<typeof loadFailure>;
export type CatalogStrings = Strings<typeof catalog>;
export type FormatStrings = Strings<typeof format>;
export type YourNetworkStrings = Strings<typeof yourNetwork>;

/** Every section, by the name its module exports. */
export interface UiStrings {
  readonly runtime: RuntimeStrings;
  readonly runtimeCheck: RuntimeCheckStrings;
  readonly rfExplorer: RfExplorerStrings;
  readonly rfZoo: RfZooStrings;
  readonly gradientFlow: GradientFlowStrings;
  readonly skipLab: SkipLabStrings;
  readonly lenetLive: LenetLiveStrings;
  readonly reluTanh: ReluTanhStrings;
  readonly batchNorm: BatchNormStrings;
  readonly inceptionCost: InceptionCostStrings;
  readonly yourNetwork: YourNetworkStrings;
  readonly embed: EmbedStrings;
  readonly recordedRun: RecordedRunStrings;
  readonly numbers: NumbersStrings;
  readonly loadFailure: LoadFailureStrings;
  readonly catalog: CatalogStrings;
  readonly format: FormatStrings;
}
