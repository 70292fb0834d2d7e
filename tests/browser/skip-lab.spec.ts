import { longTasksOfWarmPass, recordLongTasks } from './support/site.ts';
import { expect, test, type Page } from '@playwright/test';
import { openTrainingWidget, pauseAndCheck, stepShown as stepsIn } from './support/training.ts';
import { DEFAULT_LAB_CONFIG, type LabConfig } from '../../src/lib/compute/lab/config.ts';

// The skip-connection lab on /skip-connections/, training in the worker (WebGL on SwiftShader,
// or WASM). Tests use tiny networks (lab.* values in the address).

const widget = (page: Page) => page.locator('skip-lab#skip-lab');
const TINY = 'lab.depth=14&lab.shallow=8&lab.width=2&lab.batch=8';

const openLab = (page: Page, query: string) => openTrainingWidget(page, widget(page), '/skip-connections/', query);
const stepShown = (page: Page) => stepsIn(widget(page));

test('training on WebGL streams steps into the curves; pause stops, resume continues, and a block can be lesioned', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await openLab(page, `backend=webgl&${TINY}&lab.steps=30`);
  const train = widget(page).locator('[data-action="train"]');
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(6);
  for (const net of ['shallow', 'plain', 'residual']) {
    const d = await widget(page).locator(`[data-chart="loss"] svg > .sl-${net} .lc-line`).getAttribute('d');
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
  }
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl');
  await expect(widget(page).locator('[data-input="depth"]')).toBeDisabled();

  const paused = await pauseAndCheck(page, widget(page));

  await train.click(); // resume
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThan(paused);
  // Pause and Train again at once, inside one chunk: the loop in flight goes on (no second loop
  // that cancels its chunk and falls out of step with the run in the worker).
  await train.click();
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(page), { timeout: 180_000 }).toBe(30);
  await expect(widget(page).locator('[data-error]')).toBeHidden();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(widget(page).locator('[data-history-table] tr')).toHaveCount(3);
  await expect(widget(page).locator('[data-verdict]')).toContainText(/plain-14/);
  await expect(widget(page).locator('[data-flow-table] tr')).toHaveCount(13, { timeout: 60_000 });

  const block = widget(page).locator('[data-block="stage2.block1"]');
  await block.focus();
  await page.keyboard.press('Enter');
  await expect(block).toHaveAttribute('aria-pressed', 'true');
  await expect(widget(page).locator('[data-lesion-result]')).toContainText(
    /Test accuracy with the deleted blocks: plain \d+\.\d%, residual \d+\.\d%\. Intact: plain \d+\.\d%/,
    { timeout: 120_000 },
  );
});

test('the identity switch redraws the block as y = F(x) and writes the address', async ({ page }) => {
  await openLab(page, `backend=wasm&${TINY}`);
  const identity = widget(page).locator('[data-action="identity"]');
  await expect(identity).toHaveAttribute('aria-pressed', 'true');
  await identity.click();
  await expect(identity).toHaveAttribute('aria-pressed', 'false');
  await expect(widget(page).locator('.rb-identity')).toHaveClass(/is-off/);
  await expect(widget(page).locator('.rb-equation')).toHaveText('y = F(x)');
  await expect.poll(() => page.url()).toContain('lab.identity=0');
});

test('on WASM training runs on WASM itself (no move to another backend), and the badge says so', async ({ page }) => {
  test.setTimeout(180_000);
  await openLab(page, `backend=wasm&${TINY}&lab.steps=10`);
  await widget(page).locator('[data-action="train"]').click();
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBe(10);
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(widget(page).locator('[data-badge-text]')).toContainText(/WASM/);
  await expect(widget(page).locator('[data-badge-note]')).toHaveText('WASM, as the address asks (backend=).'); // no move
});

// On the backend the site picks here. Forcing WebGL on this machine measures SwiftShader, a GPU
// emulated on the same two cores: it starves the main thread (a frame's 17–20 ms of main-thread
// CPU took 52–63 ms of wall time in a Chromium trace), and a reader without a GPU never gets it.
test('training draws each frame without a main-thread long task over 50 ms @longtask', async ({ page }) => {
  test.setTimeout(240_000);
  await recordLongTasks(page);
  await openLab(page, `${TINY}&lab.steps=15`);
  const train = widget(page).locator('[data-action="train"]');
  // Train 15 steps to the end, then Reset.
  const trainAndReset = async () => {
    await train.click();
    await expect.poll(() => stepShown(page), { timeout: 180_000 }).toBe(15);
    await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await widget(page).locator('[data-action="reset"]').click();
    await expect(widget(page)).toHaveAttribute('data-state', 'idle');
    await expect(train).toBeEnabled();
  };
  expect(await longTasksOfWarmPass(page, trainAndReset)).toEqual([]);
});

test('training, lesion, landscape and flow jobs leak no tensor in the worker', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/diagnostics/?debug=runtime&backend=webgl');
  await page.locator('runtime-check').scrollIntoViewIfNeeded(); // it starts when seen
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const config: LabConfig = { ...DEFAULT_LAB_CONFIG, depth: 14, shallowDepth: 8, width: 2, batch: 8 };
  const { before, after } = await page.evaluate(async (labConfig) => {
    const client = window.cnnLineageRuntime!;
    const runId = 'leak-test';
    const data = { base: `${location.origin}/data/` };
    const cycle = async (resume: boolean) => {
      await client.run('lab-train', { runId, config: labConfig, data, testCount: 50, steps: 2, resume }).done;
      await client.run('lab-lesion', { runId, lesions: ['stage1.block0'] }).done;
      await client.run('lab-flow', { runId, identity: false, sampleCount: 8 }).done;
      await client.run('lab-landscape', { runId, points: 3, grid: 3, span: 0.5, seed: 1, sampleCount: 16 }).done;
    };
    await cycle(false);
    const before = await client.memory();
    for (let i = 0; i < 3; i++) await cycle(true);
    const after = await client.memory();
    await client.run('lab-reset', {}).done;
    return { before, after };
  }, config);
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test('a depth off the 6n + 2 grid snaps with a notice, an impossible baseline says so, and markup stays text', async ({
  page,
}) => {
  await openLab(page, 'backend=wasm&lab.depth=15&lab.shallow=26&lab.schedule=%3Cimg%20src%3Dx%3E');
  const notices = page.locator('[data-widget="skip-lab"] [data-widget-notices] li');
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText('Clamped lab.depth=');
  await expect(widget(page).locator('[data-input="depth"]')).toHaveValue('14');
  await expect(widget(page).locator('[data-notice]')).toContainText('fewer layers than the deep nets');
  await expect(widget(page).locator('select[data-control="shallow"]')).toHaveValue('8');
  await expect(page.locator('[data-widget="skip-lab"] img')).toHaveCount(0);
});

test('after a lost WebGL context the lab says its run is gone and offers a fresh start', async ({ page }) => {
  test.setTimeout(240_000);
  await openLab(page, `backend=webgl&${TINY}&lab.steps=40`);
  const train = widget(page).locator('[data-action="train"]');
  await train.click();
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  await train.click(); // pause
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.evaluate(() => window.cnnLineageRuntime!.loseContext());
  await page.waitForTimeout(200);
  await train.click(); // resume: the rebuilt backend no longer holds the run
  await expect(widget(page).locator('[data-error]')).toContainText('lost with the GPU context', { timeout: 60_000 });
  await expect(train).toHaveText('Train');
  await expect(train).toBeEnabled();
  await expect(widget(page).locator('[data-input="depth"]')).toBeEnabled();
  await train.click(); // a fresh run trains on the rebuilt backend
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await expect(widget(page).locator('[data-error]')).toBeHidden();
});

test('a widget whose code fails to load says so, and loads when the reader presses Retry', async ({ page }) => {
  const chunk = /\/skip-lab\.client\.[^/]*\.js$/;
  await page.route(chunk, (route) => route.abort('connectionfailed'));
  await page.goto(`/skip-connections/?${TINY}`);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-state', 'error');
  await expect(widget(page).locator('[data-load-error]')).toContainText('could not be loaded');
  await page.unroute(chunk);
  await widget(page).locator('[data-load-error] button').click();
  await expect(widget(page).locator('[data-action="train"]')).toBeEnabled();
  await expect(widget(page).locator('[data-load-error]')).toHaveCount(0);
});

test('at the defaults on WASM the recorded run is drawn from the first paint, and the live run reproduces degradation over it', async ({
  page,
}) => {
  test.setTimeout(420_000);
  // The first paint, before any script: the recorded curves are in the page's markup.
  const html = await (await page.request.get('/skip-connections/')).text();
  expect(html.match(/lc-series sl-net sl-\w+ lc-recorded/g)).toHaveLength(6); // loss and accuracy, three nets each
  await openLab(page, 'backend=wasm');
  const recorded = widget(page).locator('[data-chart="loss"] .lc-recorded');
  const note = widget(page).locator('[data-recorded-note]');
  await expect(recorded).toHaveCount(3);
  await expect(note).toContainText(/^Faint lines: .*300 steps on WASM.* Reproduced at step 300: plain-56 ends/);
  // Another setting is another run: the recorded one is hidden, and says why.
  const lr = widget(page).locator('[data-input="lr"]');
  await lr.fill('0.05');
  await lr.press('Tab');
  await expect(recorded).toHaveCount(0);
  await expect(note).toHaveText('The faint recorded run is of the default settings, so it is hidden for these.');
  await lr.fill('0.02');
  await lr.press('Tab');
  await expect(recorded).toHaveCount(3);

  const started = Date.now();
  await widget(page).locator('[data-action="train"]').click();
  await expect
    .poll(() => stepShown(page), { timeout: 360_000, intervals: [2_000] })
    .toBe(DEFAULT_LAB_CONFIG.totalSteps);
  test.info().annotations.push({ type: 'default run', description: `${(Date.now() - started) / 1000} s` });
  await expect(widget(page).locator('[data-verdict]')).toContainText(
    /^Reproduced at step 150: plain-56 ends [\d.]+ nats above plain-20/,
  );
  await expect(recorded).toHaveCount(3);
  await expect(widget(page).locator('[data-chart="loss"] svg > .sl-plain:not(.lc-recorded) .lc-line')).toHaveAttribute(
    'd',
    /^M[\d.]+,[\d.]+L/,
  );
});

test('after a short run on WASM the lesion study and the loss landscape draw their charts (their code loads on demand)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab(page, `backend=wasm&${TINY}&lab.steps=10`);
  await widget(page).locator('[data-action="train"]').click();
  await expect.poll(() => stepShown(page), { timeout: 120_000 }).toBe(10);
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

  const study = widget(page).locator('[data-action="study"]');
  await expect(study).toBeEnabled();
  await study.click();
  await expect(widget(page).locator('[data-chart="per-block"] svg .lb-bar').first()).toBeAttached({ timeout: 120_000 });
  await expect(widget(page).locator('[data-per-block-table] tr').first()).toBeAttached();

  const landscape = widget(page).locator('[data-action="landscape"]');
  await expect(landscape).toBeEnabled({ timeout: 60_000 });
  await landscape.click();
  for (const twin of ['plain', 'residual'])
    await expect(widget(page).locator(`[data-chart="contour-${twin}"] svg`)).toBeAttached({ timeout: 120_000 });
  await expect(widget(page).locator('[data-error]')).toBeHidden();
  expect(errors).toEqual([]);
});
