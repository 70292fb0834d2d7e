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

test('the recorded run is drawn behind the curves at the defaults, at any target, and hidden for other settings', async ({
  page,
}) => {
  await openExperiment(page, 'backend=wasm&rt.target=25');
  const recorded = widget(page).locator('[data-chart="error"] .lc-recorded');
  const note = widget(page).locator('[data-recorded-note]');
  await expect(recorded).toHaveCount(2);
  await expect(note).toContainText(
    /^Faint lines: .*1200 steps on WASM.* The recorded run: Reproduced: ReLU reached 25% training error at step \d+, tanh at step \d+/,
  );
  await widget(page).locator('[data-input="dropout"]').check();
  await expect(recorded).toHaveCount(0);
  await expect(note).toHaveText('The faint recorded run is of the default settings, so it is hidden for these.');
  await widget(page).locator('[data-input="dropout"]').uncheck();
  await expect(recorded).toHaveCount(2);
});

test('a recorded run that cannot be fetched is left out with a message, and the widget still trains', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.route('**/runs/relu-tanh.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await openExperiment(page, `backend=wasm&rt.steps=10`);
  await expect(widget(page).locator('[data-recorded-note]')).toHaveText(
    'No recorded run to show: the recorded relu-tanh run could not be loaded (404).',
  );
  await expect(widget(page).locator('[data-chart="error"] .lc-recorded')).toHaveCount(0);
  await widget(page).locator('[data-action="train"]').click();
  await expect.poll(() => stepShown(page), { timeout: 90_000 }).toBe(10);
  await expect(widget(page).locator('[data-error]')).toBeHidden();
});
