/** The site's own UI strings in Simplified Chinese: the sections of ./en.ts, translated (docs/terminology.zh-CN.md). */
import type { UiStrings } from './strings.ts';
import { runtime } from './zh-CN/runtime.ts';
import { runtimeCheck } from './zh-CN/runtime-check.ts';
import { rfExplorer } from './zh-CN/rf-explorer.ts';
import { rfZoo } from './zh-CN/rf-zoo.ts';
import { gradientFlow } from './zh-CN/gradient-flow.ts';
import { skipLab } from './zh-CN/skip-lab.ts';
import { lenetLive } from './zh-CN/lenet-live.ts';
import { reluTanh } from './zh-CN/relu-tanh.ts';
import { batchNorm } from './zh-CN/batch-norm.ts';
import { inceptionCost } from './zh-CN/inception-cost.ts';
import { yourNetwork } from './zh-CN/your-network.ts';
import { embed } from './zh-CN/embed.ts';
import { recordedRun } from './zh-CN/recorded-run.ts';
import { numbers } from './zh-CN/numbers.ts';
import { loadFailure } from './zh-CN/load-failure.ts';
import { catalog } from './zh-CN/catalog.ts';
import { format } from './zh-CN/format.ts';

/** Every section of the Simplified Chinese UI strings. */
export const zhCN: UiStrings = {
  runtime,
  runtimeCheck,
  rfExplorer,
  rfZoo,
  gradientFlow,
  skipLab,
  lenetLive,
  reluTanh,
  batchNorm,
  inceptionCost,
  yourNetwork,
  embed,
  recordedRun,
  numbers,
  loadFailure,
  catalog,
  format,
};
