/**
 * Client-side access to UI strings: each section of each language is its own chunk, loaded on
 * demand, so a Chinese reader downloads only Chinese strings and an English reader only English.
 * (Build-time code uses ./ui.ts instead.)
 */
import type { Lang } from './lang.ts';
import type { UiStrings } from './strings.ts';

/**
 * The sections client code loads. The others are only ever rendered at build time: the share
 * panel's, the load-failure words, the runtime check's, the zoo field figure's and the
 * instructors' catalog's.
 */
export type ClientSection = Extract<
  keyof UiStrings,
  | 'runtime'
  | 'rfExplorer'
  | 'gradientFlow'
  | 'skipLab'
  | 'lenetLive'
  | 'reluTanh'
  | 'batchNorm'
  | 'inceptionCost'
  | 'yourNetwork'
  | 'recordedRun'
  | 'numbers'
>;

/** A section's module: it exports the section under the section's name. */
type SectionModule<K extends ClientSection> = { readonly [P in K]: UiStrings[P] };

// One static import() per file and language, so the bundler can split each into its own chunk.
const loaders: { readonly [K in ClientSection]: Readonly<Record<Lang, () => Promise<SectionModule<K>>>> } = {
  runtime: {
    en: () => import('./en/runtime.ts'),
    'zh-CN': () => import('./zh-CN/runtime.ts'),
  },
  rfExplorer: {
    en: () => import('./en/rf-explorer.ts'),
    'zh-CN': () => import('./zh-CN/rf-explorer.ts'),
  },
  gradientFlow: {
    en: () => import('./en/gradient-flow.ts'),
    'zh-CN': () => import('./zh-CN/gradient-flow.ts'),
  },
  skipLab: {
    en: () => import('./en/skip-lab.ts'),
    'zh-CN': () => import('./zh-CN/skip-lab.ts'),
  },
  lenetLive: {
    en: () => import('./en/lenet-live.ts'),
    'zh-CN': () => import('./zh-CN/lenet-live.ts'),
  },
  reluTanh: {
    en: () => import('./en/relu-tanh.ts'),
    'zh-CN': () => import('./zh-CN/relu-tanh.ts'),
  },
  batchNorm: {
    en: () => import('./en/batch-norm.ts'),
    'zh-CN': () => import('./zh-CN/batch-norm.ts'),
  },
  inceptionCost: {
    en: () => import('./en/inception-cost.ts'),
    'zh-CN': () => import('./zh-CN/inception-cost.ts'),
  },
  yourNetwork: {
    en: () => import('./en/your-network.ts'),
    'zh-CN': () => import('./zh-CN/your-network.ts'),
  },
  recordedRun: {
    en: () => import('./en/recorded-run.ts'),
    'zh-CN': () => import('./zh-CN/recorded-run.ts'),
  },
  numbers: {
    en: () => import('./en/numbers.ts'),
    'zh-CN': () => import('./zh-CN/numbers.ts'),
  },
};

/** The sections `names` of `lang`, e.g. `await loadSections('zh-CN', 'skipLab', 'runtime')`. */
export async function loadSections<K extends ClientSection>(lang: Lang, ...names: K[]): Promise<Pick<UiStrings, K>> {
  const modules = await Promise.all(names.map((name) => loaders[name][lang]()));
  return Object.fromEntries(names.map((name, i) => [name, modules[i]![name]])) as unknown as Pick<UiStrings, K>;
}
