import { longTasksOfWarmPass, recordLongTasks } from './support/site.ts';
import { expect, test, type Page } from '@playwright/test';
import type {} from '../../scripts/browser-globals.d.ts';
import type { ForwardParams, InputGradientParams } from '../../src/lib/compute/jobs/index.ts';
import type { ModelSource } from '../../src/lib/compute/model-source.ts';

// The compute runtime in a real browser, driven through the live check on /diagnostics/.
// Networks are tiny: the GPU here is software (SwiftShader).

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

async function openCheck(page: Page, query: string): Promise<void> {
  await page.goto(`/diagnostics/?debug=runtime&${query}`);
  await page.locator('runtime-check').scrollIntoViewIfNeeded();
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
}

async function tableValues(page: Page): Promise<number[]> {
  return page
    .locator('runtime-check [data-table] td:nth-child(2)')
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
}

test('WebGPU, WebGL, WASM and CPU, each forced with ?backend=, give matching numbers', async ({ page }) => {
  const results: Record<string, number[]> = {};
  for (const backend of BACKENDS) {
    await openCheck(page, `backend=${backend}`);
    await expect(page.locator('runtime-check .backend-badge')).toHaveAttribute('data-backend', backend);
    results[backend] = await tableValues(page);
  }
  const reference = results['cpu']!;
  expect(reference).toHaveLength(24);
  for (const backend of BACKENDS) {
    const values = results[backend]!;
    for (let i = 0; i < reference.length; i++) {
      // float32 on different hardware paths: agree to 0.1% of the largest row.
      expect(Math.abs(values[i]! - reference[i]!)).toBeLessThanOrEqual(1e-3 * Math.max(...reference));
    }
  }
});

test('with no ?backend=, a software GPU is passed over for WASM for both kinds of work, and the badge says why', async ({
  page,
}) => {
  await openCheck(page, '');
  await expect(page.locator('runtime-check .backend-badge')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.locator('runtime-check [data-badge-note]')).toContainText(
    /WASM: .*emulated on the CPU \(SwiftShader\)/i,
  );
  const ready = await page.evaluate(async () => (await window.cnnLineageRuntime!.ready).choices);
  expect(ready.forward).toEqual({ backend: 'wasm', why: { basis: 'software-gpu', renderer: 'SwiftShader' } });
  expect(ready.train.backend).toBe('wasm');
});

test('an unknown ?backend= value falls back to the ladder', async ({ page }) => {
  await openCheck(page, 'backend=quantum');
  await expect(page.locator('runtime-check .backend-badge')).toHaveAttribute('data-backend', /webgpu|webgl|wasm|cpu/);
});

test('a lost WebGL context is recovered: the backend is rebuilt and the job re-run', async ({ page }) => {
  await openCheck(page, 'backend=webgl');
  const before = await tableValues(page);
  await page.evaluate(() => window.cnnLineageRuntime!.loseContext());
  await page.waitForTimeout(200);
  const slider = page.locator('runtime-check [data-depth]');
  await slider.press('ArrowRight');
  await expect(page.locator('runtime-check [data-badge-note]')).toContainText('GPU context was lost');
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('runtime-check .backend-badge')).toHaveAttribute('data-backend', 'webgl');
  // Back at the first depth, the rebuilt backend gives the numbers it gave before the loss.
  await slider.press('ArrowLeft');
  await expect(page.locator('runtime-check [data-badge-note]')).not.toContainText('GPU context was lost');
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready');
  const after = await tableValues(page);
  for (let i = 0; i < before.length; i++) expect(after[i]).toBeCloseTo(before[i]!, 3);
});

test('100 jobs leak no tensor in the worker', async ({ page }) => {
  await openCheck(page, 'backend=webgl');
  const { before, after } = await page.evaluate(async () => {
    const client = window.cnnLineageRuntime!;
    const params: ForwardParams = {
      model: {
        resnetStyle: {
          depth: 6,
          width: 4,
          skip: true,
          bn: true,
          activation: 'relu',
          stages: 1,
          downsample: false,
          inputShape: [16, 16, 1],
          classes: 10,
        },
      },
      seed: 3,
      batch: 2,
    };
    const unit = { layerId: 'stage1.block1.add', y: 8, x: 8 };
    await client.run('input-gradient', { ...params, unit }).done;
    await client.run('forward', params).done;
    const before = await client.memory();
    for (let i = 0; i < 50; i++) {
      await client.run('input-gradient', { ...params, unit, dataSeed: i }).done;
      await client.run('forward', { ...params, dataSeed: i }).done;
    }
    return { before, after: await client.memory() };
  });
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
});

test('sweeping the slider through 20 values leaves no main-thread long task over 50 ms @longtask', async ({ page }) => {
  await recordLongTasks(page);
  await openCheck(page, 'backend=webgl');
  const slider = page.locator('runtime-check [data-depth]');
  const before = await slider.inputValue();
  // Ten steps up and ten back, a key press every 30 ms.
  const sweep = async () => {
    await slider.focus();
    for (let i = 0; i < 20; i++) {
      await slider.press(i < 10 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForTimeout(30);
    }
    await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
    await expect(slider).toHaveValue(before);
  };
  expect(await longTasksOfWarmPass(page, sweep)).toEqual([]);
});

test('an exception thrown in the worker reaches the widget as a visible error', async ({ page }) => {
  await openCheck(page, 'backend=cpu');
  await page.locator('runtime-check [data-trigger-error]').click();
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'error');
  await expect(page.locator('runtime-check [data-error]')).toBeVisible();
  await expect(page.locator('runtime-check [data-error]')).toContainText('is outside layer');
  // It recovers on the next request.
  await page.locator('runtime-check [data-depth]').press('ArrowRight');
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('runtime-check [data-error]')).toBeHidden();
});

test('an uncaught exception in a working worker restarts the worker: the job in flight says so, later jobs run in the new worker', async ({
  page,
}) => {
  await openCheck(page, 'backend=cpu');
  const outcome = await page.evaluate(async () => {
    const client = window.cnnLineageRuntime!;
    const model: ModelSource = {
      resnetStyle: {
        depth: 8,
        width: 4,
        skip: true,
        bn: true,
        activation: 'relu',
        inputShape: [12, 12, 1],
        classes: 3,
      },
    };
    let step = 0;
    const inFlight = client.run('train-steps', { model, seed: 1, batch: 4, steps: 400 }, { onProgress: () => step++ });
    const code = inFlight.done.then(
      () => 'finished',
      (e: unknown) => (e as { code?: string }).code,
    );
    while (step < 2) await new Promise((r) => setTimeout(r, 20));
    client.crash();
    const rejected = await code;
    const after = await client.run('forward', { model, seed: 1, batch: 1 }).done;
    return { code: rejected, mainThread: client.onMainThread, backend: after.meta.backend };
  });
  expect(outcome).toEqual({ code: 'worker-restarted', mainThread: false, backend: 'cpu' });
  await page.locator('runtime-check [data-depth]').press('ArrowRight');
  await expect(page.locator('runtime-check')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('runtime-check [data-badge-note]')).not.toContainText('No Web Worker');
});

test('without Web Workers the same runtime runs on the main thread and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await openCheck(page, 'backend=cpu');
  await expect(page.locator('runtime-check [data-badge-note]')).toContainText('No Web Worker could start');
  expect((await tableValues(page)).length).toBe(24);
});

test('gradients through option-A shortcuts compile and run on WebGL (no rank-6 pad shader)', async ({ page }) => {
  await openCheck(page, 'backend=webgl');
  const result = await page.evaluate(async () => {
    const params: InputGradientParams = {
      model: {
        resnetStyle: {
          depth: 8,
          width: 4,
          skip: true,
          bn: true,
          activation: 'relu',
          inputShape: [16, 16, 1],
          classes: 10,
        },
      },
      seed: 2,
      unit: { layerId: 'stage3.block0.add', y: 2, x: 2 },
    };
    const { result, meta } = await window.cnnLineageRuntime!.run('input-gradient', params).done;
    return { backend: meta.backend, nonzero: (result as { map: Float32Array }).map.some((v) => v !== 0) };
  });
  expect(result).toEqual({ backend: 'webgl', nonzero: true });
});

test('the ladder skips GPUs emulated in software (SwiftShader) for WASM and says why, and keeps a hardware GPU', async ({
  page,
}) => {
  await openCheck(page, '');
  const { ready, renderer } = await page.evaluate(async () => {
    const gl = document.createElement('canvas').getContext('webgl2')!;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    return {
      ready: await window.cnnLineageRuntime!.ready,
      renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
    };
  });
  if (/swiftshader|llvmpipe/i.test(renderer)) {
    expect(ready.backend).toBe('wasm');
    expect(ready.skipped.map((s) => s.backend)).toEqual(['webgpu', 'webgl']);
    for (const s of ready.skipped) expect(s.reason).toContain('software');
    await expect(page.locator('runtime-check .backend-badge')).toHaveAttribute('data-backend', 'wasm');
  } else {
    // A hardware GPU: the ladder keeps it.
    expect(['webgpu', 'webgl']).toContain(ready.backend);
  }
});
