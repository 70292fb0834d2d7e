import { expect, test, type Page } from '@playwright/test';
import { openTrainingWidget, pauseAndCheck, stepShown as stepsIn } from './support/training.ts';

// The ReLU-vs-tanh experiment on /alexnet/, training in the worker (WebGL on SwiftShader, or
// WASM). Tests use a tiny network (rt.* values in the address).

const widget = (page: Page) => page.locator('relu-tanh#relu-tanh');
const TINY = 'rt.width=2&rt.batch=8';

const openExperiment = (page: Page, query: string) => openTrainingWidget(page, widget(page), '/alexnet/', query);
const stepShown = (page: Page) => stepsIn(widget(page));

/** The path data of a net's training-error curve. */
const curve = (page: Page, net: string) =>
  widget(page).locator(`[data-chart="error"] svg > .rt-${net} .lc-line`).getAttribute('d');

test('the ReLU and tanh nets train a few steps on WebGL and their curves update; pause stops, resume continues', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openExperiment(page, `backend=webgl&${TINY}&rt.steps=100`);
  const train = widget(page).locator('[data-action="train"]');
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  const early = { relu: await curve(page, 'relu'), tanh: await curve(page, 'tanh') };
  for (const d of Object.values(early)) expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl');
  await expect(widget(page).locator('[data-input="width"]')).toBeDisabled();

  const paused = await pauseAndCheck(page, widget(page));

  await train.click(); // resume
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThan(paused);
  // Pause and Train again at once, inside one chunk: the loop in flight goes on (no second loop
  // that cancels its chunk and falls out of step with the run in the worker).
  await train.click();
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBe(100);
  await expect(widget(page).locator('[data-error]')).toBeHidden();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await curve(page, 'relu')).not.toBe(early.relu);
  expect(await curve(page, 'tanh')).not.toBe(early.tanh);
  await expect(widget(page).locator('[data-history-table] tr')).toHaveCount(10);
  await expect(widget(page).locator('[data-summary-table] tr')).toHaveCount(2);
  await expect(widget(page).locator('[data-summary]')).toContainText(/10% training error/);

  await widget(page).locator('[data-action="reset"]').click();
  await expect(widget(page).locator('[data-history-table] tr')).toHaveCount(0);
  await expect(widget(page).locator('[data-input="width"]')).toBeEnabled();
});

test('on WASM training runs on WASM itself, with dropout on, and the badge says so', async ({ page }) => {
  test.setTimeout(180_000);
  await openExperiment(page, `backend=wasm&${TINY}&rt.steps=10`);
  const dropout = widget(page).locator('[data-input="dropout"]');
  await dropout.check();
  await expect.poll(() => page.url()).toContain('rt.dropout=1');
  await widget(page).locator('[data-action="train"]').click();
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBe(10);
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(widget(page).locator('[data-badge-text]')).toContainText(/WASM/);
  await expect(widget(page).locator('[data-badge-note]')).toHaveText('WASM, as the address asks (backend=).'); // no move to another backend
  await expect(widget(page).locator('[data-chart="error"] .lc-legend')).toContainText('ReLU + dropout');
});

test('bad address values are ignored or clamped with notices, and markup stays text', async ({ page }) => {
  await openExperiment(page, 'backend=wasm&rt.width=999&rt.dropout=%3Cimg%20src%3Dx%3E&rt.target=abc');
  const notices = page.locator('[data-widget="relu-tanh"] [data-widget-notices] li');
  await expect(notices).toHaveCount(3);
  await expect(notices.first()).toContainText('rt.width');
  await expect(widget(page).locator('[data-input="width"]')).toHaveValue('16');
  await expect(widget(page).locator('[data-input="target"]')).toHaveValue('10');
  await expect(widget(page).locator('[data-input="dropout"]')).not.toBeChecked();
  await expect(page.locator('[data-widget="relu-tanh"] img')).toHaveCount(0);
});
