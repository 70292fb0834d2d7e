import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import {
  budgetFor,
  COMPUTE_BUDGET_BYTES,
  formatBudget,
  JS_BUDGET_BYTES,
  measureBudget,
} from '../../scripts/checks/js-budget.ts';
import { builtPages, scriptsLoadedBeforeScroll } from './support/site.ts';
import { architectureEmbed, chineseChapters, sampleChinese, sampledArchitectures } from './support/samples.ts';

// Every architecture embed loads the same scripts (one template, the model drawn at build time): a sample covers them,
// in each language (/zh-cn/embed/architecture/… is the same template in Chinese).
// A Chinese chapter loads its English twin's scripts (plus the widgets' Chinese strings): one stands for them.
const architectureSample = new Set(sampledArchitectures.light.map(architectureEmbed));
const budgetedPages = sampleChinese(builtPages(), chineseChapters.budget).filter((path) => {
  const unlocalized = path.replace(/^\/zh-cn(?=\/)/, '');
  return !unlocalized.startsWith('/embed/architecture/') || architectureSample.has(unlocalized);
});

for (const path of budgetedPages) {
  test(`${path} loads at most ${budgetFor(path) / 1024} KB gzip of JS before the reader scrolls`, async ({ page }) => {
    const report = measureBudget(path, (await scriptsLoadedBeforeScroll(page, path)).page, budgetFor(path));
    test.info().annotations.push({ type: 'js-budget', description: formatBudget(report) });
    expect(report.withinBudget, formatBudget(report)).toBe(true);
  });
}

test('the budget check fails on a page with an oversized script and names the file', async ({ page, baseURL }) => {
  // Random bytes do not compress: 48 KB of them is over budget on its own.
  const oversized = `/* ${randomBytes(48 * 1024).toString('base64')} */`;
  await page.route(`${baseURL}/__fixture/oversized.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: oversized }),
  );
  await page.route(`${baseURL}/__fixture/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Fixture</title><script type="module" src="/__fixture/oversized.js"></script>',
    }),
  );
  const report = measureBudget('/__fixture/', (await scriptsLoadedBeforeScroll(page, '/__fixture/')).page);
  expect(report.withinBudget).toBe(false);
  expect(report.totalGzipBytes).toBeGreaterThan(JS_BUDGET_BYTES);
  expect(formatBudget(report)).toContain('/__fixture/oversized.js');
  expect(formatBudget(report)).toContain('OVER BUDGET');
});

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const) {
  test(`the compute chunk for ${backend} (TF.js core + one backend, in the worker) is at most ${COMPUTE_BUDGET_BYTES / 1024} KB gzip`, async ({
    page,
  }) => {
    // Counted once the check has computed: on a busy machine the page can be idle before the worker starts.
    const scripts = await scriptsLoadedBeforeScroll(page, `/diagnostics/?backend=${backend}`, async () => {
      await page.locator('runtime-check').scrollIntoViewIfNeeded(); // it starts when seen
      await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
    });
    const report = measureBudget(`worker on ${backend}`, scripts.workers, COMPUTE_BUDGET_BYTES);
    test.info().annotations.push({ type: 'compute-budget', description: formatBudget(report) });
    expect(report.scripts.length).toBeGreaterThan(0);
    expect(report.withinBudget, formatBudget(report)).toBe(true);
  });
}
