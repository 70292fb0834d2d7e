/**
 * The site's own UI strings in English (Starlight's chrome has its own, in src/content/i18n).
 * Each section lives in its own module under ./en/, so a client script imports only its section
 * (keeping shared chunks such as the backend badge small). A translation is a sibling set of files with the same keys.
 */
import { runtime } from './en/runtime.ts';
import { runtimeCheck } from './en/runtime-check.ts';
import { rfExplorer } from './en/rf-explorer.ts';
import { gradientFlow } from './en/gradient-flow.ts';
import { skipLab } from './en/skip-lab.ts';
import { lenetLive } from './en/lenet-live.ts';
import { reluTanh } from './en/relu-tanh.ts';
import { batchNorm } from './en/batch-norm.ts';
import { inceptionCost } from './en/inception-cost.ts';
import { yourNetwork } from './en/your-network.ts';
import { embed } from './en/embed.ts';
import { recordedRun } from './en/recorded-run.ts';
import { numbers } from './en/numbers.ts';

/** Every section of the English UI strings. */
export const en = {
  runtime,
  runtimeCheck,
  rfExplorer,
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
} as const;

/** The strings type every language implements. */
export type UiStrings = typeof en;
