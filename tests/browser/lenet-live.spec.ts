import { expect, test, type Page } from '@playwright/test';
import { mnistSplit } from '../../scripts/mnist-asset.ts';
import { MNIST_PIXELS, MNIST_SIDE } from '../../src/lib/data/mnist.ts';
import { axeViolations, longTasksOfWarmPass, recordLongTasks, recordPageErrors } from './support/site.ts';

// The LeNet-5 drawing pad on /lenet5/, classifying in the worker (WebGL on SwiftShader).

const widget = (page: Page) => page.locator('lenet-live#lenet-live');

async function openPad(page: Page, query = ''): Promise<void> {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`/lenet5/?debug=runtime&${query}`);
  await widget(page).scrollIntoViewIfNeeded();
  // Clear is enabled once the interactive part has loaded; the starting test digit is then classified.
  await expect(widget(page).locator('[data-action="clear"]')).toBeEnabled({ timeout: 30_000 });
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/**
 * Draws a 28×28 digit's ink with the mouse: every run of ink pixels (> 127) along each row
 * becomes one stroke, scaled to the pad on screen.
 */
async function drawDigit(page: Page, pixels: Uint8Array): Promise<number> {
  const box = (await widget(page).locator('[data-pad]').boundingBox())!;
  const cell = box.width / MNIST_SIDE;
  const at = (x: number, y: number): [number, number] => [box.x + (x + 0.5) * cell, box.y + (y + 0.5) * cell];
  let strokes = 0;
  for (let y = 0; y < MNIST_SIDE; y++) {
    let x = 0;
    while (x < MNIST_SIDE) {
      if ((pixels[y * MNIST_SIDE + x] as number) <= 127) {
        x++;
        continue;
      }
      const start = x;
      while (x < MNIST_SIDE && (pixels[y * MNIST_SIDE + x] as number) > 127) x++;
      await page.mouse.move(...at(start, y));
      await page.mouse.down();
      await page.mouse.move(...at(x - 1, y), { steps: Math.max(1, x - 1 - start) });
      await page.mouse.up();
      strokes++;
    }
  }
  return strokes;
}

test('strokes drawn from held-out test digits are classified as their labels', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = recordPageErrors(page);
  const { test: digits } = mnistSplit();
  await openPad(page);
  // Digits past the picker's (which are the first of each class), one of several classes.
  for (const index of [200, 201, 202]) {
    const label = digits.labels[index] as number;
    await widget(page).locator('[data-action="clear"]').click();
    await expect(widget(page).locator('[data-prediction]')).toHaveText(/Draw a digit/);
    await expect(widget(page)).toHaveAttribute('data-state', 'idle');
    const strokes = await drawDigit(page, digits.images.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS));
    expect(strokes).toBeGreaterThan(5);
    await expect(widget(page).locator('[data-prediction]')).toHaveText(new RegExp(`reads a ${label} \\(`), {
      timeout: 30_000,
    });
    await expect(widget(page)).toHaveAttribute('data-state', 'ready');
    await expect(widget(page).locator('.pb-predicted')).toHaveAttribute('data-class', String(label));
  }
  await expect(widget(page).locator('[data-probability-table] tr')).toHaveCount(10);
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', /webgl|webgpu|wasm|cpu/);
  expect(errors).toEqual([]);
});

test('every feature map renders, and a focused map shows its receptive field and its C3 column', async ({ page }) => {
  await openPad(page);
  const maps = widget(page).locator('.ll-map canvas');
  await expect(maps).toHaveCount(6 + 6 + 16 + 16 + 2);
  const blank = await maps.evaluateAll(
    (canvases) =>
      (canvases as HTMLCanvasElement[]).filter((canvas) => {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        return !data.some((v, i) => i % 4 === 3 && v > 0);
      }).length,
  );
  expect(blank).toBe(0);
  // Each stage's maps differ from one another: the images come from the values.
  const distinct = await widget(page)
    .locator('.ll-map[data-stage="C1"] canvas')
    .evaluateAll(
      (canvases) =>
        new Set(
          (canvases as HTMLCanvasElement[]).map((c) =>
            Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(','),
          ),
        ).size,
    );
  expect(distinct).toBe(6);

  // Keyboard: Tab from the previous map reaches C3 map 4.
  await widget(page).locator('.ll-map[data-stage="C3"][data-map="3"]').focus();
  await page.keyboard.press('Tab');
  const map = widget(page).locator('.ll-map[data-stage="C3"][data-map="4"]');
  await expect(map).toBeFocused();
  const rf = widget(page).locator('[data-rf]');
  await expect(rf).toBeVisible();
  // A C3 unit sees a 14×14 window of the 32×32 input.
  await expect(rf).toHaveAttribute('data-window', /^\d+,\d+,14,14$/);
  await expect(widget(page).locator('[data-unit-info]')).toContainText(/C3 map 4, unit \(\d, \d\) = -?\d\.\d{3}/);
  await expect(widget(page).locator('.c3-active')).toHaveCount(6);
  await expect(widget(page).locator('.c3-active.c3-on')).toHaveCount(3);
  await expect(widget(page).locator('.c3-active').first()).toHaveAttribute('data-column', '4');
  // The arrow keys move to the neighbouring unit: its window moves by C3's stride on the input (2 px).
  await map.press('ArrowUp'); // away from the bottom edge, so the next two moves both change the unit
  await map.press('ArrowLeft');
  const [top, left] = ((await rf.getAttribute('data-window')) ?? '').split(',').map(Number);
  await map.press('ArrowRight');
  await expect(rf).toHaveAttribute('data-window', `${top},${left! + 2},14,14`);
  await map.press('ArrowDown');
  await expect(rf).toHaveAttribute('data-window', `${top! + 2},${left! + 2},14,14`);

  // Hovering a pixel of a C1 map shows that unit's 5×5 field.
  const c1 = widget(page).locator('.ll-map[data-stage="C1"][data-map="0"] canvas');
  await c1.hover({ position: { x: 1, y: 1 } });
  await expect(rf).toHaveAttribute('data-window', '0,0,5,5');
  await expect(widget(page).locator('.c3-active')).toHaveCount(0);
  // C5's units each see the whole input.
  await widget(page).locator('.ll-map[data-stage="C5"]').focus();
  await expect(rf).toHaveAttribute('data-window', '0,0,32,32');

  expect(await axeViolations(page)).toEqual([]);
});

test('picking a test digit with the keyboard draws and classifies it and writes the address', async ({ page }) => {
  await openPad(page);
  const select = widget(page).locator('select[data-control="digit"]');
  await select.focus();
  for (let i = 0; i < 14; i++) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('14');
  const label = /a (\d)$/.exec((await select.locator('option:checked').textContent()) ?? '')?.[1];
  expect(label).toBe('7');
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/reads a 7 \(/, { timeout: 30_000 });
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => page.url()).toContain('lenet.digit=14');
  // The other network reads it too.
  await widget(page).locator('select[data-control="model"]').selectOption('lenet5_modern');
  await expect(widget(page).locator('[data-c3-note]')).toBeVisible();
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/reads a 7 \(/, { timeout: 30_000 });
  await expect.poll(() => page.url()).toContain('lenet.model=lenet5_modern');
});

test('bad address values give a notice and a safe default, and markup stays text', async ({ page }) => {
  await openPad(page, 'lenet.model=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lenet.digit=99');
  const notices = page.locator('[data-widget="lenet-live"] [data-widget-notices] li');
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText('Ignored lenet.model=');
  await expect(notices.nth(1)).toContainText('Clamped lenet.digit=');
  await expect(widget(page).locator('select[data-control="model"]')).toHaveValue('lenet5');
  await expect(widget(page).locator('select[data-control="digit"]')).toHaveValue('19');
  await expect(page.locator('[data-widget="lenet-live"] img')).toHaveCount(0);
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/reads a 9 \(/);
});

test('train it yourself: a few steps run with live curves, pause holds, and the trained weights read the pad', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openPad(page, 'lenet.model=lenet5_modern');
  const train = widget(page).locator('[data-action="train"]');
  const use = widget(page).locator('[data-action="use-trained"]');
  await expect(use).toBeDisabled();
  await train.click();
  await expect(train).toHaveText('Pause');
  await expect(widget(page).locator('[data-training-status]')).toContainText(
    /Step (10|20|30) of 600; test accuracy \d+\.\d%/,
    {
      timeout: 120_000,
    },
  );
  await train.click(); // pause: the chunk in flight finishes, then training stops
  await expect(train).toHaveText('Resume', { timeout: 60_000 });
  await expect(train).toBeEnabled();
  await expect(widget(page).locator('[data-training-status]')).toContainText('Paused', { timeout: 60_000 });
  const rows = await widget(page).locator('[data-training-table] tr').count();
  expect(rows).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(1500);
  await expect(widget(page).locator('[data-training-table] tr')).toHaveCount(rows);
  expect(await widget(page).locator('[data-chart="train-loss"] svg > .ll-series .lc-line').getAttribute('d')).toMatch(
    /^M[\d.]+,[\d.]+L/,
  );

  await expect(use).toBeEnabled();
  await use.click();
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  await expect(widget(page).locator('[data-weights-note]')).toContainText(/your weights \(after step \d+\)/);
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/^Your LeNet-5 reads a \d/, { timeout: 30_000 });
  await expect(widget(page)).toHaveAttribute('data-state', 'ready');

  await widget(page).locator('[data-action="reset-training"]').click();
  await expect(use).toBeDisabled();
  await expect(train).toHaveText('Train');
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/^LeNet-5 reads a \d/, { timeout: 30_000 });
  await expect(widget(page).locator('[data-training-table] tr')).toHaveCount(0);
});

test('on WASM training runs on WASM itself, and the pad reads with the trained weights', async ({ page }) => {
  test.setTimeout(240_000);
  await openPad(page, 'backend=wasm&lenet.model=lenet5_modern');
  const train = widget(page).locator('[data-action="train"]');
  await train.click();
  await expect(widget(page).locator('[data-training-status]')).toContainText(/Step \d+ of 600/, { timeout: 120_000 });
  await train.click();
  await expect(train).toHaveText('Resume', { timeout: 60_000 });
  await expect(widget(page).locator('.backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(widget(page).locator('.backend-badge [data-badge-text]')).toContainText(/WASM/);
  await expect(widget(page).locator('.backend-badge [data-badge-note]')).toHaveText(
    'WASM, as the address asks (backend=).',
  ); // no move to another backend
  await widget(page).locator('[data-action="use-trained"]').click();
  await expect(widget(page).locator('[data-prediction]')).toHaveText(/^Your LeNet-5 reads a \d/, { timeout: 30_000 });
  await expect(widget(page).locator('[data-error]')).toBeHidden();
});

test('training and reading with the trained weights leak no tensor in the worker', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/diagnostics/?debug=runtime&backend=webgl');
  await page.locator('runtime-check').scrollIntoViewIfNeeded(); // it starts when seen
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  const { before, after } = await page.evaluate(async () => {
    const client = window.cnnLineageRuntime!;
    const runId = 'leak-test';
    const data = { base: `${location.origin}/data/` };
    const pixels = new Uint8Array(784).fill(0).map((_, i) => (i % 28 > 10 && i % 28 < 16 ? 255 : 0));
    const cycle = async (resume: boolean) => {
      await client.run('lenet-train', { runId, model: 'lenet5', data, steps: 2, resume, testCount: 20 }).done;
      await client.run('lenet-infer', {
        model: 'lenet5',
        weightsUrl: `${location.origin}/weights/`,
        pixels,
        trained: runId,
      }).done;
    };
    await cycle(false);
    const before = await client.memory();
    for (let i = 0; i < 3; i++) await cycle(true);
    const after = await client.memory();
    await client.run('lenet-train-reset', {}).done;
    return { before, after };
  });
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test('classifying picked digits and drawing strokes runs without a main-thread long task over 50 ms @longtask', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await recordLongTasks(page);
  await openPad(page);
  const { test: digits } = mnistSplit();
  const select = widget(page).locator('select[data-control="digit"]');
  const pickAndDraw = async () => {
    for (const value of ['3', '8', '15']) {
      await select.selectOption(value);
      await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    }
    await widget(page).locator('[data-action="clear"]').click();
    await drawDigit(page, digits.images.subarray(300 * MNIST_PIXELS, 301 * MNIST_PIXELS));
    await expect(widget(page).locator('[data-prediction]')).toHaveText(/reads a \d/, { timeout: 30_000 });
    await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  };
  expect(await longTasksOfWarmPass(page, pickAndDraw)).toEqual([]);
});
