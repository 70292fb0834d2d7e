/**
 * The site's own UI strings in English (Starlight's chrome has its own, in src/content/i18n).
 * Each section lives in its own module under ./en/, so a client script loads only its section
 * (keeping shared chunks such as the backend badge small); ./zh-CN/ holds the same sections in
 * Simplified Chinese. Build-time code (Astro components) takes a language's sections from
 * ./ui.ts; client code loads them with ./load.ts.
 */
import type { UiStrings } from './strings.ts';
import { runtime } from './en/runtime.ts';
import { runtimeCheck } from './en/runtime-check.ts';
import { rfExplorer } from './en/rf-explorer.ts';
import { rfZoo } from './en/rf-zoo.ts';
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
import { loadFailure } from './en/load-failure.ts';
import { catalog } from './en/catalog.ts';
import { format } from './en/format.ts';

/** Every section of the English UI strings. */
export const en = {
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
} as const satisfies UiStrings;
