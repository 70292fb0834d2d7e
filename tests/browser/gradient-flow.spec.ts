import { longTasksOfWarmPass, recordLongTasks } from './support/site.ts';
import { expect, test, type Page } from '@playwright/test';
import { flowParams } from '../../src/components/gradient-flow/plan.ts';
import { gradientFlowSchema, type GradientFlowState } from '../../src/lib/state/schemas/gradient-flow.ts';
import { defaultState } from '../../src/lib/state/schema.ts';

// The gradient-flow explorer on /vanishing-gradients/, computing in the worker on SwiftShader.
// Tests use shallow networks (flow.depth in the address) and a small viewport.

const widget = (page: Page) => page.locator('gradient-flow#gradient-flow');

async function openExplorer(page: Page, query: string): Promise<void> {
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`/vanishing-gradients/?debug=runtime&${query}`);
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/** The per-layer table: [layer, plain h, residual h, plain W, residual W]. */
async function layerRows(page: Page): Promise<string[][]> {
  return widget(page)
    .locator('[data-layer-table] tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
}

test('a depth change on WebGL redraws the per-layer plot with one point per layer for both nets', async ({ page }) => {
  await openExplorer(page, 'backend=webgl&flow.depth=6');
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl');
  expect(await layerRows(page)).toHaveLength(5);
  const before = await widget(page).locator('[data-chart="norms"] svg > .gf-plain .lc-line').getAttribute('d');
  const slider = widget(page).locator('[data-input="depth"]');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(widget(page).locator('[data-layer-table] tr')).toHaveCount(6);
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');
  await expect
    .poll(() => widget(page).locator('[data-chart="norms"] svg > .gf-plain .lc-line').getAttribute('d'))
    .not.toBe(before);
  const rows = await layerRows(page);
  for (const row of rows) {
    for (const cell of row) expect(cell).not.toBe('—');
  }
  await expect.poll(() => page.url()).toContain('flow.depth=7');
});

test('dragging the depth slider recomputes with no main-thread long task over 50 ms @longtask', async ({ page }) => {
  await recordLongTasks(page);
  // The backend the site picks here (see skip-lab.spec.ts on forcing WebGL on SwiftShader).
  await openExplorer(page, 'flow.depth=4');
  const slider = widget(page).locator('[data-input="depth"]');
  // Depth 4 → 8 → 4, a key press every 120 ms.
  const drag = async () => {
    await slider.focus();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i < 4 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForTimeout(120);
    }
    await expect(widget(page).locator('[data-layer-table] tr')).toHaveCount(3);
    await expect(widget(page)).toHaveAttribute('data-state', 'ready');
  };
  expect(await longTasksOfWarmPass(page, drag)).toEqual([]);
});

test('repeated gradient-flow and sweep jobs on WebGL leak no tensor in the worker', async ({ page }) => {
  // On the diagnostics page no widget computes in the background while the memory is read.
  await page.goto('/diagnostics/?debug=runtime&backend=webgl');
  await page.locator('runtime-check').scrollIntoViewIfNeeded(); // it starts when seen
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const state: GradientFlowState = { ...defaultState(gradientFlowSchema), depth: 5, bn: true };
  const params = flowParams(state);
  const { before, after } = await page.evaluate(async (p) => {
    const client = window.cnnLineageRuntime!;
    const sweep = { ...p, depths: [2, 4] };
    await client.run('gradient-flow', p).done;
    await client.run('gradient-sweep', sweep).done;
    const before = await client.memory();
    for (let i = 0; i < 10; i++) {
      await client.run('gradient-flow', p).done;
      await client.run('gradient-sweep', sweep).done;
    }
    return { before, after: await client.memory() };
  }, params);
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test('on WASM it plots weight gradients too (the site registers WASM’s Conv2DBackpropFilter)', async ({ page }) => {
  await openExplorer(page, 'backend=wasm&flow.depth=5&flow.norm=both');
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(widget(page).locator('[data-notice]')).toBeHidden();
  await expect(widget(page).locator('[data-chart="norms"] svg > .gf-weight')).toHaveCount(2);
  await expect(widget(page).locator('[data-chart="norms"] svg > .gf-activation')).toHaveCount(2);
  for (const row of await layerRows(page)) {
    expect(row[1]).not.toBe('—');
    expect(row[3]).not.toBe('—');
    expect(row[4]).not.toBe('—');
  }
});

test('on WebGL the weight-gradient view plots ‖∂L/∂W‖ for both nets', async ({ page }) => {
  await openExplorer(page, 'backend=webgl&flow.depth=5&flow.norm=weight');
  await expect(widget(page).locator('[data-notice]')).toBeHidden();
  await expect(widget(page).locator('[data-chart="norms"] svg > .gf-weight')).toHaveCount(2);
  for (const row of await layerRows(page)) expect(row[3]).not.toBe('—');
});

test('the sigmoid preset’s depth sweep finishes on WASM with the depth where the plain ratio drops below 10⁻³', async ({
  page,
}) => {
  await openExplorer(page, 'backend=wasm&flow.depth=8');
  await expect(widget(page).locator('[data-sweep-table] tr')).toHaveCount(15, { timeout: 60_000 });
  await expect(widget(page).locator('[data-summary]')).toContainText(/first drops below 10⁻³ at \d+ layers/);
  await expect(widget(page).locator('[data-chart="ratio"] svg > .gf-plain .lc-dot').first()).toBeVisible();
  await expect(widget(page).locator('[data-chart="shatter"] svg > .gf-residual .lc-dot')).not.toHaveCount(0);
});

test('a preset button sets the whole configuration, marks itself pressed and writes the address', async ({ page }) => {
  await openExplorer(page, 'backend=wasm&flow.depth=4');
  const preset = widget(page).locator('[data-preset="stable"]');
  await preset.focus();
  await page.keyboard.press('Enter');
  await expect(preset).toHaveAttribute('aria-pressed', 'true');
  await expect(widget(page).locator('select[data-control="activation"]')).toHaveValue('relu');
  await expect(widget(page).locator('select[data-control="init"]')).toHaveValue('he');
  await expect(widget(page).locator('[data-input="skips"]')).not.toBeChecked();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');
  await expect(widget(page).locator('[data-chart="norms"] svg > .gf-residual')).toHaveCount(0);
  await expect.poll(() => page.url()).toContain('flow.activation=relu');
  await expect.poll(() => page.url()).toContain('flow.skips=0');
});

test('an impossible depth in the address is clamped with a notice, and markup in a value stays text', async ({
  page,
}) => {
  await openExplorer(page, 'backend=wasm&flow.depth=5000&flow.activation=%3Cimg%20src%3Dx%3E');
  const notices = page.locator('[data-widget="gradient-flow"] [data-widget-notices] li');
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText('Clamped flow.depth=');
  await expect(page.locator('[data-widget="gradient-flow"] img')).toHaveCount(0);
  await expect(widget(page).locator('[data-input="depth"]')).toHaveValue('110');
});
