import { longTasksOfWarmPass, recordLongTasks } from './support/site.ts';
import { expect, test, type Page } from '@playwright/test';
import { erfParamsFor, explorerNets } from '../../src/components/rf-explorer/nets.ts';
import { DEFAULT_RF_STATE, type RfExplorerState } from '../../src/lib/state/rf-explorer.ts';
import type { ComputeClient } from '../../src/lib/worker/client.ts';

// The receptive-field explorer on /receptive-fields/, computing in the worker. The GPU here is
// SwiftShader, so the tests shrink the networks through the element's setState.

declare global {
  interface Window {
    cnnLineageRuntime?: ComputeClient;
    longTasks?: { start: number; duration: number }[];
    rfChanges?: RfExplorerState[];
  }
}

type RfElement = HTMLElement & { setState(next: Partial<RfExplorerState>): void; readonly state: RfExplorerState };

const SMALL: Partial<RfExplorerState> = { depth: 3, inits: 2 };
const widget = (page: Page) => page.locator('rf-explorer#rf-explorer');

async function openExplorer(page: Page, query: string, state: Partial<RfExplorerState> | null = SMALL): Promise<void> {
  await page.goto(`/receptive-fields/?debug=runtime&${query}`);
  if (state !== null) {
    await page.evaluate(async (s) => {
      await customElements.whenDefined('rf-explorer');
      const element = document.querySelector<RfElement>('rf-explorer#rf-explorer')!;
      window.rfChanges = [];
      element.addEventListener('rf-explorer-change', (e) => window.rfChanges!.push((e as CustomEvent).detail));
      element.setState(s);
    }, state);
  }
  await widget(page).scrollIntoViewIfNeeded();
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/** The chosen-unit table: per network [net, layer, unit, theoretical, effective, σ, support]. */
async function unitRows(page: Page): Promise<string[][]> {
  return widget(page)
    .locator('[data-unit-table] tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
}

async function expectMapsDrawn(page: Page): Promise<void> {
  for (const key of ['plain', 'residual']) {
    await expect(widget(page).locator(`[data-map="${key}"] svg image`)).toHaveAttribute(
      'href',
      /^data:image\/bmp;base64,/,
    );
    await expect(widget(page).locator(`[data-map="${key}"] .rfx-effective`)).toHaveCount(1);
  }
  const rows = await unitRows(page);
  expect(rows).toHaveLength(2);
  for (const row of rows) expect(Number(row[4])).toBeGreaterThan(0);
}

test('both heat maps draw on WebGL, with the theoretical box and the measured effective size', async ({ page }) => {
  await openExplorer(page, 'backend=webgl');
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'webgl');
  await expectMapsDrawn(page);
  const rows = await unitRows(page);
  // Depth 3, 3×3: the theoretical field is 7 px; the effective size is inside it.
  for (const row of rows) {
    expect(row[3]).toBe('7');
    expect(Number(row[4])).toBeLessThanOrEqual(7);
  }
  // The growth chart has measured points for both networks, and the Data table the numbers.
  await expect(widget(page).locator('[data-chart] .rfx-series.rfx-plain .rfx-erf-dot')).toHaveCount(3);
  await expect(widget(page).locator('[data-chart] .rfx-series.rfx-residual .rfx-erf-dot')).toHaveCount(2);
  const table = await widget(page)
    .locator('[data-table] tr')
    .evaluateAll((trs) => trs.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
  expect(table.map((r) => [r[0], r[2], r[3]])).toEqual([
    ['plain', '1', '3'],
    ['plain', '2', '5'],
    ['plain', '3', '7'],
    ['residual', '1', '3'],
    ['residual', '3', '7'],
  ]);
  expect(table.every((r) => Number(r[4]) > 0)).toBe(true);
});

test('the default configuration computes on WebGL (time recorded)', async ({ page }) => {
  await openExplorer(page, 'backend=webgl', null);
  await expectMapsDrawn(page);
  const badge = (await widget(page).locator('[data-badge-text]').textContent()) ?? '';
  test
    .info()
    .annotations.push({ type: 'default-config', description: `${JSON.stringify(DEFAULT_RF_STATE)}: ${badge}` });
  expect(badge).toMatch(/WebGL/);
});

test('changing the depth recomputes both maps with no main-thread long task over 50 ms @longtask', async ({ page }) => {
  await recordLongTasks(page);
  // The backend the site picks here (see skip-lab.spec.ts on forcing WebGL on SwiftShader: its
  // emulated GPU runs at a higher priority than the page and starves the main thread).
  await openExplorer(page, '');
  const slider = widget(page).locator('[data-control="depth"]');
  // 3 → 11 → 3 conv layers, a key press every 40 ms.
  const sweep = async () => {
    await slider.focus();
    for (let i = 0; i < 8; i++) {
      await slider.press(i < 4 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForTimeout(40);
    }
    await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await expect(widget(page).locator('[data-depth-value]')).toHaveText(/^3 conv layers$/);
  };
  const longTasks = await longTasksOfWarmPass(page, sweep);
  const rows = await unitRows(page);
  for (const row of rows) expect(row[3]).toBe('7');
  await expectMapsDrawn(page);
  expect(longTasks).toEqual([]);
  const changes = await page.evaluate(() => window.rfChanges!.map((s) => s.depth));
  expect(changes).toEqual([5, 7, 9, 11, 9, 7, 5, 3, 5, 7, 9, 11, 9, 7, 5, 3]);
});

test('repeated erf jobs with the same configuration leak no tensor in the worker', async ({ page }) => {
  await openExplorer(page, 'backend=webgl');
  const state = { ...DEFAULT_RF_STATE, ...SMALL };
  const params = erfParamsFor(state, explorerNets(state));
  const { before, after } = await page.evaluate(async (p) => {
    const client = window.cnnLineageRuntime!;
    await client.run('erf', p).done;
    const before = await client.memory();
    for (let i = 0; i < 10; i++) await client.run('erf', p).done;
    return { before, after: await client.memory() };
  }, params);
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test('forced onto WASM it computes the same effective fields as on WebGL', async ({ page }) => {
  await openExplorer(page, 'backend=webgl');
  const webgl = await unitRows(page);
  await openExplorer(page, 'backend=wasm');
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expectMapsDrawn(page);
  const wasm = await unitRows(page);
  for (let i = 0; i < webgl.length; i++) {
    expect(Number(wasm[i]![4])).toBeCloseTo(Number(webgl[i]![4]), 1);
    expect(Number(wasm[i]![5])).toBeCloseTo(Number(webgl[i]![5]), 1);
  }
});

test('the unit is picked by keyboard (arrow keys on the map) and by click', async ({ page }) => {
  await openExplorer(page, 'backend=webgl');
  expect((await unitRows(page))[0]![2]).toBe('(24, 24)');
  const map = widget(page).locator('[data-map="plain"]');
  await map.focus();
  await map.press('ArrowRight');
  await map.press('ArrowUp');
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect.poll(async () => (await unitRows(page))[0]![2]).toBe('(23, 25)');
  await expect.poll(async () => (await unitRows(page))[1]![2]).toBe('(23, 25)');
  // Top-left corner of the map: the corner unit, whose field is cut by the image border.
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + 2, box.y + 2);
  await expect.poll(async () => (await unitRows(page))[0]![2]).toBe('(0, 0)');
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const changes = await page.evaluate(() => window.rfChanges!.map((s) => [s.unitY, s.unitX]));
  expect(changes.at(-1)).toEqual([0, 0]);
});

test('an invalid value is replaced by a valid one with a visible notice', async ({ page }) => {
  await openExplorer(page, 'backend=webgl');
  await page.evaluate(() => document.querySelector<RfElement>('rf-explorer#rf-explorer')!.setState({ kernel: 4 as 3 }));
  await expect(widget(page).locator('[data-notice]')).toBeVisible();
  await expect(widget(page).locator('[data-notice]')).toContainText('not a valid kernel size; using 3');
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');
});

test('downsampled networks (max pooling, stride-2 residual stages) compute on WebGL', async ({ page }) => {
  await openExplorer(page, 'backend=webgl', { depth: 7, downsample: true, inits: 1 });
  await expectMapsDrawn(page);
  for (const row of await unitRows(page)) expect(Number(row[3])).toBeGreaterThan(7);
});

test('downsampled networks compute on WASM', async ({ page }) => {
  await openExplorer(page, 'backend=wasm', { depth: 7, downsample: true, inits: 1 });
  await expectMapsDrawn(page);
  for (const row of await unitRows(page)) expect(Number(row[3])).toBeGreaterThan(7);
});
