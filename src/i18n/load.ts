/**
 * Client-side access to UI strings: each section of each language is its own chunk, loaded on
 * demand, so a Chinese reader downloads only Chinese strings and an English reader only English.
 * (Build-time code uses ./ui.ts instead.)
 */
import type { Lang } from './lang.ts';
import type { UiStrings } from './strings.ts';

/** The sections client code loads (the share panel's and the load-failure strings are rendered at build time or bundled). */
export type ClientSection = Exclude<keyof UiStrings, 'loadFailure' | 'embed'>;

// One static import() per file and language, so the bundler can split each into its own chunk.
const loaders: { readonly [K in ClientSection]: Readonly<Record<Lang, () => Promise<UiStrings[K]>>> } = {
  runtime: {
    en: async () => (await import('./en/runtime.ts')).runtime,
    'zh-CN': async () => (await import('./zh-CN/runtime.ts')).runtime,
  },
  runtimeCheck: {
    en: async () => (await import('./en/runtime-check.ts')).runtimeCheck,
    'zh-CN': async () => (await import('./zh-CN/runtime-check.ts')).runtimeCheck,
  },
  rfExplorer: {
    en: async () => (await import('./en/rf-explorer.ts')).rfExplorer,
    'zh-CN': async () => (await import('./zh-CN/rf-explorer.ts')).rfExplorer,
  },
  gradientFlow: {
    en: async () => (await import('./en/gradient-flow.ts')).gradientFlow,
    'zh-CN': async () => (await import('./zh-CN/gradient-flow.ts')).gradientFlow,
  },
  skipLab: {
    en: async () => (await import('./en/skip-lab.ts')).skipLab,
    'zh-CN': async () => (await import('./zh-CN/skip-lab.ts')).skipLab,
  },
  lenetLive: {
    en: async () => (await import('./en/lenet-live.ts')).lenetLive,
    'zh-CN': async () => (await import('./zh-CN/lenet-live.ts')).lenetLive,
  },
  reluTanh: {
    en: async () => (await import('./en/relu-tanh.ts')).reluTanh,
    'zh-CN': async () => (await import('./zh-CN/relu-tanh.ts')).reluTanh,
  },
  batchNorm: {
    en: async () => (await import('./en/batch-norm.ts')).batchNorm,
    'zh-CN': async () => (await import('./zh-CN/batch-norm.ts')).batchNorm,
  },
  inceptionCost: {
    en: async () => (await import('./en/inception-cost.ts')).inceptionCost,
    'zh-CN': async () => (await import('./zh-CN/inception-cost.ts')).inceptionCost,
  },
  recordedRun: {
    en: async () => (await import('./en/recorded-run.ts')).recordedRun,
    'zh-CN': async () => (await import('./zh-CN/recorded-run.ts')).recordedRun,
  },
  numbers: {
    en: async () => (await import('./en/numbers.ts')).numbers,
    'zh-CN': async () => (await import('./zh-CN/numbers.ts')).numbers,
  },
};

/** The sections `names` of `lang`, e.g. `await loadSections('zh-CN', 'skipLab', 'runtime')`. */
export async function loadSections<K extends ClientSection>(lang: Lang, ...names: K[]): Promise<Pick<UiStrings, K>> {
  const loaded = await Promise.all(names.map((name) => loaders[name][lang]()));
  return Object.fromEntries(names.map((name, i) => [name, loaded[i]])) as unknown as Pick<UiStrings, K>;
}
