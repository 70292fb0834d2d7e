import { expect, test } from '@playwright/test';
import { readingOrder } from '../../src/lib/content/reading-order.ts';
import { axeViolations, builtPages } from './support/site.ts';
import {
  architectureEmbed,
  chapterPath,
  chapterPaths,
  chineseChapterPath,
  chineseChapters,
  componentsOf,
  darkChapters,
  isChineseChapter,
  sampleChinese,
  sampledArchitectures,
  widgetComponentNames,
} from './support/samples.ts';

/**
 * The built pages axe checks in `theme`: every page but the unsampled architecture embeds (in either
 * language) and Chinese chapters, and, in the dark theme, the unsampled chapters and the Chinese
 * embeds (their colours are their English twins').
 */
function pagesToCheck(theme: 'light' | 'dark'): string[] {
  const sampled = new Set(sampledArchitectures[theme].map(architectureEmbed));
  const chapters = new Set(chapterPaths());
  const dark = new Set(darkChapters.map(chapterPath));
  return sampleChinese(builtPages(), chineseChapters[theme]).filter((path) => {
    if (isChineseChapter(path)) return true;
    const unlocalized = path.replace(/^\/zh-cn(?=\/)/, '');
    if (theme === 'dark' && unlocalized !== path) return false;
    return (
      (!unlocalized.startsWith('/embed/architecture/') || sampled.has(unlocalized)) &&
      (theme === 'light' || !chapters.has(unlocalized) || dark.has(unlocalized))
    );
  });
}

test('every sampled architecture embed and dark-theme chapter exists, so the samples cannot silently shrink', () => {
  const pages = new Set(builtPages());
  for (const theme of ['light', 'dark'] as const)
    for (const id of sampledArchitectures[theme]) expect(pages, id).toContain(architectureEmbed(id));
  for (const slug of darkChapters) expect(pages, slug).toContain(chapterPath(slug));
  for (const theme of ['light', 'dark'] as const)
    for (const slug of chineseChapters[theme]) expect(pages, slug).toContain(chineseChapterPath(slug));
});

test('the dark-theme chapters use every component the chapters use, widgets aside (their embeds are all checked)', () => {
  const chapters = readingOrder('src/content/docs');
  const used = new Set(chapters.flatMap((c) => componentsOf(c.file)));
  const covered = new Set([
    ...chapters.filter((c) => darkChapters.includes(c.slug)).flatMap((c) => componentsOf(c.file)),
    ...widgetComponentNames(),
  ]);
  expect([...used].filter((name) => !covered.has(name))).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const path of pagesToCheck(theme)) {
    test(`${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      // Chapter pages keep the reader's choice in storage; embed pages take ?theme= (no storage).
      await page.addInitScript((t) => window.localStorage.setItem('starlight-theme', t), theme);
      const url = /^\/(zh-cn\/)?embed\//.test(path) ? `${path}?theme=${theme}` : path;
      await page.goto(url, { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Expressive Code makes a code block that scrolls sideways focusable once it has measured it
      // (a ResizeObserver, then an idle callback): on a busy machine that comes after network idle.
      // A block in a closed disclosure (a chapter's code listings) is not rendered, so not measured.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
            (pre) => !pre.checkVisibility() || pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
          ),
        undefined,
        { timeout: 10_000 },
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the axe check fails on a page with an unlabelled button', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Fixture</title></head><body><main><h1>Fixture</h1><button></button></main></body></html>',
  );
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith('button-name:'))).toBe(true);
});
