/**
 * Where the browser suite samples instead of sweeping every page, and why each sample is enough.
 * CI runs close to its 30-minute limit; these pages repeat a template or a theme, and each sample
 * comes with a check that it still covers what it stands for (see accessibility.spec.ts).
 */
import { readFileSync } from 'node:fs';
import { readingOrder } from '../../../src/lib/content/reading-order.ts';

/**
 * The architecture embeds are one template drawn for every zoo model (39 pages): one model of each
 * structural kind the diagram draws (LeNet's partial connections and subsampling, AlexNet's towers
 * and LRN, VGG with BN, bottleneck and CIFAR option-A residual blocks, Inception and Fire
 * branches, dense and inverted-residual blocks) in the light theme, and four of them in the dark
 * one. The JS budget uses the light sample: every architecture embed loads the same scripts.
 */
export const sampledArchitectures: Record<'light' | 'dark', readonly string[]> = {
  light: [
    '',
    'lenet5',
    'alexnet_original',
    'vgg16_bn',
    'resnet50',
    'resnet20',
    'googlenet',
    'squeezenet1_0',
    'densenet121',
    'mobilenet_v2',
  ],
  dark: ['', 'lenet5', 'resnet50', 'googlenet'],
};

/**
 * Chapters axe checks in the dark theme (slugs; '' is the overview). Together they use every
 * component any chapter uses, apart from the widgets, whose embed pages are checked in both
 * themes; `componentsOf` and the test beside the sweep keep it so. Every chapter is checked in the
 * light theme.
 */
export const darkChapters: readonly string[] = [
  '',
  'lenet5',
  'inception',
  'skip-connections',
  'after-resnet',
  'conv-arithmetic',
  'diagnostics',
  'embedding',
  'references',
];

/**
 * The Chinese chapters (src/content/docs/zh-cn, served under /zh-cn/) the browser suite loads. A
 * Chinese chapter is its English twin's MDX with translated text (tests/unit/site/zh-twins.test.ts
 * checks that they use the same components, widgets and zoo figures), so what can break in Chinese
 * is what the language changes: the components' strings and lang markup, the CJK font stack, the
 * language picker. axe checks, in the light theme, the chapters that together use every component
 * (`darkChapters`), and two in the dark theme; the render check loads the light sample; the JS
 * budget one chapter with widgets (the widgets load their Chinese strings).
 */
export const chineseChapters = {
  light: darkChapters,
  dark: ['', 'vgg'],
  budget: ['receptive-fields'],
} as const satisfies Record<string, readonly string[]>;

/** The path prefix of the Chinese pages. */
export const CHINESE_PREFIX = '/zh-cn';

/** The page path of Chinese chapter `slug` ('/zh-cn/', '/zh-cn/vgg/'). */
export function chineseChapterPath(slug: string): string {
  return `${CHINESE_PREFIX}${chapterPath(slug)}`;
}

/** Whether `path` is a Chinese chapter page (one per English chapter, translated or Starlight's fallback). */
export function isChineseChapter(path: string, docsDir = 'src/content/docs'): boolean {
  return chapterPaths(docsDir).some((p) => `${CHINESE_PREFIX}${p}` === path);
}

/** `pages` without the Chinese chapters outside `sample` (slugs): the sampling the browser tests share. */
export function sampleChinese(pages: readonly string[], sample: readonly string[]): string[] {
  const kept = new Set(sample.map(chineseChapterPath));
  return pages.filter((path) => !isChineseChapter(path) || kept.has(path));
}

/** The page path of architecture embed `id` ('' for the default model's page). */
export function architectureEmbed(id: string): string {
  return `/embed/architecture/${id === '' ? '' : `${id}/`}`;
}

/** The page path of chapter `slug`. */
export function chapterPath(slug: string): string {
  return slug === '' ? '/' : `/${slug}/`;
}

/** Page paths of every chapter, in reading order. */
export function chapterPaths(docsDir = 'src/content/docs'): string[] {
  return readingOrder(docsDir).map((c) => chapterPath(c.slug));
}

/** The components an MDX chapter imports from the components barrel. */
export function componentsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const list = /import\s*\{([^}]*)\}\s*from\s*'\.\.\/\.\.\/components\/index\.ts'/.exec(source)?.[1] ?? '';
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The widget components (src/components/widget/widget-components.ts), whose embeds are all checked. */
export function widgetComponentNames(file = 'src/components/widget/widget-components.ts'): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^import (\w+) from '/gm)].map((m) => m[1]!);
}
