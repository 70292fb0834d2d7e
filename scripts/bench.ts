/**
 * `npm run bench`: measures the compute runtime in the built site, in Chromium, per backend.
 *
 * For each backend this machine offers (WebGPU, WebGL, WASM, CPU; forced with ?backend=):
 * - the time of a forward pass, an input gradient (the effective-receptive-field job) and one
 *   training step, for resnet20, plain20, resnet56 and plain56, at batch 1 and 32;
 * - training steps/s at batch 32 of plain20, resnet20 and the skip-connection lab's three nets
 *   (on every backend itself, WASM included: src/lib/compute/wasm-training gives it gradients);
 * - achieved GFLOP/s against the same backend's peak from one large conv2d in the same run;
 * - main-thread long tasks (> 50 ms) while the live check's slider is swept through 20 values;
 * - bytes of JS and WASM the page and its worker loaded.
 * Writes bench/results.json and prints a table. Figures compare within one run only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { analyze } from '../src/lib/models/analyze.ts';
import { getModel } from '../src/lib/models/zoo.ts';
import { BACKEND_LADDER } from '../src/lib/worker/backend-ladder.ts';
import { benchTable, flopsPerExample, type BenchResults, type ModelTiming, type TrainingRate } from './bench/report.ts';
import { DEFAULT_LAB_CONFIG } from '../src/lib/compute/lab/config.ts';
import { chromiumLaunchOptions } from './chromium.ts';
import { serveStatic } from './serve/static-server.ts';
import type {} from './browser-globals.d.ts';

const PORT = Number(process.env['BENCH_PORT'] ?? 4420);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const MODELS = ['resnet20', 'plain20', 'resnet56', 'plain56'] as const;
const BATCHES = [1, 32] as const;
/** A measurement whose warm-up run takes longer than this is recorded once, not repeated. */
const SLOW_MS = 8_000;
const REPEATS = 3;
/** A measurement estimated (from batch 1, scaled by the batch) to take longer than this is skipped. */
const SKIP_MS = 45_000;

async function startPreview(): Promise<() => void> {
  const server = await serveStatic('dist', PORT);
  return () => server.close();
}

/** Median of the job's worker-side time over warm runs (ms); one run when it is slow. */
async function timeJob(page: Page, kind: string, params: unknown): Promise<{ ms: number; runs: number }> {
  return guarded(kind, () => timeJobOnce(page, kind, params));
}

/** Runs a measurement; a failure is recorded as NaN and reported, not fatal to the whole run. */
async function guarded(
  what: string,
  measure: () => Promise<{ ms: number; runs: number }>,
): Promise<{ ms: number; runs: number }> {
  try {
    return await measure();
  } catch (error) {
    console.log(`  ${what} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { ms: Number.NaN, runs: 0 };
  }
}

async function timeJobOnce(page: Page, kind: string, params: unknown): Promise<{ ms: number; runs: number }> {
  return page.evaluate(
    async ({ kind, params, slow, repeats }) => {
      const client = window.cnnLineageRuntime!;
      const warm = await client.run(kind, params).done;
      const times = [warm.meta.ms];
      if (warm.meta.ms < slow) {
        times.length = 0;
        for (let i = 0; i < repeats; i++) times.push((await client.run(kind, params).done).meta.ms);
      }
      times.sort((a, b) => a - b);
      return { ms: times[Math.floor(times.length / 2)]!, runs: times.length };
    },
    { kind, params, slow: SLOW_MS, repeats: REPEATS },
  );
}

async function trainStepMs(page: Page, params: unknown): Promise<{ ms: number; runs: number }> {
  return guarded('train-steps', () => trainStepOnce(page, params));
}

async function trainStepOnce(page: Page, params: unknown): Promise<{ ms: number; runs: number }> {
  return page.evaluate(async (params) => {
    const { result } = await window.cnnLineageRuntime!.run('train-steps', params).done;
    const steps = [...(result as { stepMs: number[] }).stepMs].slice(1).sort((a, b) => a - b); // first step warms up
    return { ms: steps[Math.floor(steps.length / 2)]!, runs: steps.length };
  }, params);
}

/** Median of `values` after dropping the first (a warm-up). */
function warmMedian(values: readonly number[]): number {
  const warm = [...values].slice(1).sort((a, b) => a - b);
  return warm[Math.floor(warm.length / 2)] ?? Number.NaN;
}

/**
 * Training steps/s at batch 32 for plain20 and resnet20 (CIFAR-sized input) and for the
 * skip-connection lab's three nets on MNIST. `ranOn` says where the jobs ran (a backend without
 * weight gradients would hand them down the ladder).
 */
async function trainingRates(page: Page): Promise<TrainingRate[]> {
  const rates: TrainingRate[] = [];
  for (const net of ['plain20', 'resnet20']) {
    const run = await page
      .evaluate(
        async (params) => {
          const { result, meta } = await window.cnnLineageRuntime!.run('train-steps', params).done;
          return { stepMs: (result as { stepMs: number[] }).stepMs, ranOn: meta.backend };
        },
        { model: { zoo: net }, seed: 1, batch: 32, steps: 3 },
      )
      .catch((error: unknown) => ({ stepMs: [], ranOn: `failed: ${String(error).split('\n')[0]}` }));
    rates.push({ net, stepsPerSecond: 1000 / warmMedian(run.stepMs), ranOn: run.ranOn });
  }
  const lab = await page
    .evaluate(
      async ({ config, origin }) => {
        const client = window.cnnLineageRuntime!;
        const params = { runId: 'bench', config, data: { base: `${origin}/data/` }, steps: 3, resume: false };
        const { result, meta } = await client.run('lab-train', params).done;
        await client.run('lab-reset', {}).done;
        return { stepMs: (result as { steps: { ms: number }[] }).steps.map((s) => s.ms), ranOn: meta.backend };
      },
      { config: { ...DEFAULT_LAB_CONFIG, batch: 32 }, origin: ORIGIN },
    )
    .catch((error: unknown) => ({ stepMs: [], ranOn: `failed: ${String(error).split('\n')[0]}` }));
  rates.push({ net: 'lab', stepsPerSecond: 1000 / warmMedian(lab.stepMs), ranOn: lab.ranOn });
  for (const r of rates)
    console.log(`  training ${r.net} at batch 32: ${r.stepsPerSecond.toFixed(2)} steps/s on ${r.ranOn}`);
  return rates;
}

async function benchBackend(
  page: Page,
  backend: string,
  bytes: Map<string, number>,
): Promise<BenchResults['backends'][number]> {
  bytes.clear();
  await page.goto(`${ORIGIN}/diagnostics/?debug=runtime&backend=${backend}`);
  await page.locator('runtime-check').scrollIntoViewIfNeeded();
  await page.locator('runtime-check[data-state="ready"]').waitFor({ timeout: 120_000 });
  const actual = await page.evaluate(async () => (await window.cnnLineageRuntime!.ready).backend);
  if (actual !== backend) return { backend, available: false, note: `fell back to ${actual}` };

  const peak = (await page.evaluate(
    async () => (await window.cnnLineageRuntime!.run('peak-conv', { size: 64, channels: 64 }).done).result,
  )) as {
    gflops: number;
  };
  const timings: ModelTiming[] = [];
  for (const id of MODELS) {
    const analysis = analyze(getModel(id));
    const lastSpatial = analysis.receptiveFieldLayer;
    let trainAtBatch1 = 0;
    for (const batch of BATCHES) {
      const params = { model: { zoo: id }, seed: 1, batch };
      const forward = await timeJob(page, 'forward', params);
      const unit = { layerId: lastSpatial, y: 4, x: 4 };
      const inputGradient = await timeJob(page, 'input-gradient', { ...params, unit });
      // A step estimated too slow is skipped.
      const tooSlow = trainAtBatch1 * batch * 2 > SKIP_MS;
      const train = tooSlow ? null : await trainStepMs(page, { ...params, steps: batch === 1 ? 4 : 2 });
      if (batch === 1) trainAtBatch1 = train?.ms ?? 0;
      const trainNote = 'skipped: estimated over 45 s';
      const flops = flopsPerExample(analysis) * batch;
      timings.push({
        model: id,
        batch,
        forwardMs: forward.ms,
        inputGradientMs: inputGradient.ms,
        trainStepMs: train?.ms ?? null,
        ...(train ? {} : { trainStepNote: trainNote }),
        forwardGflops: flops / (forward.ms * 1e6),
        efficiency: flops / (forward.ms * 1e6) / peak.gflops,
      });
      console.log(
        `  ${backend} ${id} batch ${batch}: forward ${forward.ms.toFixed(1)} ms, input gradient ${inputGradient.ms.toFixed(1)} ms, train step ${train ? `${train.ms.toFixed(1)} ms` : `— (${trainNote})`}`,
      );
    }
  }

  const training = await trainingRates(page);

  // Long tasks on the main thread while the slider is swept.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  const slider = page.locator('runtime-check [data-depth]');
  await slider.focus();
  for (let i = 0; i < 20; i++) {
    await slider.press(i < 12 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(30);
  }
  await page.locator('runtime-check[data-state="ready"]').waitFor({ timeout: 120_000 });
  const longTasks = await page.evaluate(() => window.longTasks!.map((t) => t.duration));

  let js = 0;
  let wasm = 0;
  for (const [url, size] of bytes) {
    if (url.endsWith('.wasm')) wasm += size;
    else if (url.endsWith('.js')) js += size;
  }
  return {
    backend,
    available: true,
    peakGflops: peak.gflops,
    timings,
    training,
    longTasksDuringSweep: longTasks,
    jsBytes: js,
    wasmBytes: wasm,
  };
}

async function main(): Promise<void> {
  const stop = await startPreview();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext();
    const bytes = new Map<string, number>();
    context.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(ORIGIN) || !/\.(js|wasm)$/.test(url)) return;
      void response
        .body()
        .then((b) => bytes.set(url, b.byteLength))
        .catch(() => {});
    });
    const page = await context.newPage();
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; GPU: software (SwiftShader) unless a real one is present`,
      browser: `Chromium ${browser.version()}`,
      backends: [],
    };
    for (const backend of BACKEND_LADDER) {
      console.log(`backend ${backend}…`);
      results.backends.push(await benchBackend(page, backend, bytes));
    }
    mkdirSync('bench', { recursive: true });
    writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${benchTable(results)}\n\nwrote bench/results.json`);
  } finally {
    await browser.close();
    stop();
  }
}

await main();
