/**
 * `npm run bench [-- --backends wasm,cpu] [--no-build]`: builds the site and measures the compute
 * runtime in it, in Chromium.
 *
 * First, which backend the runtime picks by itself (no ?backend=). Then, for each backend asked
 * for (default: WebGPU, WebGL, WASM, CPU; each forced with ?backend=):
 * - the time of a forward pass, an input gradient (the effective-receptive-field job) and one
 *   training step, for resnet20, plain20, resnet56 and plain56, at batch 1 and 32 (a step
 *   estimated over 45 s is skipped and recorded as such, except resnet20's at batch 32, which
 *   the ratios need);
 * - steps/s of each training widget's default run (skip-connection lab, ReLU vs tanh, LeNet-5),
 *   replayed chunk by chunk as the widget sends it, and the backend it ran on;
 * - achieved GFLOP/s against the same backend's peak from one large conv2d in the same run;
 * - main-thread long tasks (> 50 ms) while the live check's slider is swept through 20 values;
 * - bytes of JS and WASM the page and its worker loaded.
 * Writes bench/results.json (a run of some backends replaces only their entries: see
 * mergeResults), prints a table, and regenerates README.md's Performance figures from the JSON.
 * Figures compare within one run only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { format, resolveConfig } from 'prettier';
import { analyze } from '../src/lib/models/analyze.ts';
import { getModel } from '../src/lib/models/zoo.ts';
import { BENCH_USAGE, BenchArgsError, parseBenchArgs, type BenchArgs } from './bench/args.ts';
import { updateReadme } from './bench/readme.ts';
import {
  benchTable,
  flopsPerExample,
  mergeResults,
  RATIO_AT,
  readResults,
  type AutoChoice,
  type BackendResult,
  type BenchResults,
  type InterleavedRatios,
  type ModelTiming,
  type WidgetRate,
} from './bench/report.ts';
import { widgetRuns, type WidgetJob, type WidgetRun } from './bench/widget-runs.ts';
import type { JobKind, JobParams } from '../src/lib/compute/jobs/kinds.ts';
import type { TrainStepsParams } from '../src/lib/compute/jobs/train-steps.ts';
import { chromiumLaunchOptions } from './chromium.ts';
import { serveStatic } from './serve/static-server.ts';
import type {} from './browser-globals.d.ts';

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchArgsError)) throw error;
  console.error(`npm run bench: ${error.message}`);
  process.exit(2);
}

const PORT = Number(process.env['BENCH_PORT'] ?? 4420);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const MODELS = ['resnet20', 'plain20', 'resnet56', 'plain56'] as const;
const BATCHES = [1, 32] as const;
/** A measurement whose warm-up run takes longer than this is recorded once, not repeated. */
const SLOW_MS = 8_000;
const REPEATS = 3;
/** A training step estimated (the batch-1 step × the batch) to take longer than this is skipped. */
const SKIP_MS = 45_000;

async function startPreview(): Promise<() => void> {
  const server = await serveStatic('dist', PORT);
  return () => server.close();
}

/** Median of the job's worker-side time over warm runs (ms); one run when it is slow. */
async function timeJob<K extends JobKind>(
  page: Page,
  kind: K,
  params: JobParams<K>,
): Promise<{ ms: number; runs: number }> {
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

async function timeJobOnce<K extends JobKind>(
  page: Page,
  kind: K,
  params: JobParams<K>,
): Promise<{ ms: number; runs: number }> {
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

async function trainStepMs(page: Page, params: TrainStepsParams): Promise<{ ms: number; runs: number }> {
  return guarded('train-steps', () => trainStepOnce(page, params));
}

async function trainStepOnce(page: Page, params: TrainStepsParams): Promise<{ ms: number; runs: number }> {
  return page.evaluate(async (params) => {
    const { result } = await window.cnnLineageRuntime!.run('train-steps', params).done;
    const steps = [...result.stepMs].slice(1).sort((a, b) => a - b); // first step warms up
    return { ms: steps[Math.floor(steps.length / 2)]!, runs: steps.length };
  }, params);
}

/** Rounds of the interleaved ratio measurement, on a backend whose forward pass there is under RATIO_MAX_MS. */
const RATIO_ROUNDS = 7;
const RATIO_MAX_MS = 1_000;

/**
 * Forward pass, input gradient and one training step of one net, in turn, round after round: a
 * machine whose load changes during the run slows all three alike, so the per-round ratios hold
 * where the separately timed medians of the table drift apart.
 */
async function interleavedRatios(page: Page): Promise<InterleavedRatios | null> {
  const analysis = analyze(getModel(RATIO_AT.model));
  const params = { model: { zoo: RATIO_AT.model }, seed: 1, batch: RATIO_AT.batch };
  const unit = { layerId: analysis.receptiveFieldLayer, y: 4, x: 4 };
  try {
    const rounds = await page.evaluate(
      async ({ params, unit, rounds }) => {
        const client = window.cnnLineageRuntime!;
        const out: { forward: number; inputGradient: number; train: number }[] = [];
        for (let r = 0; r < rounds; r++) {
          const forward = (await client.run('forward', params).done).meta.ms;
          const inputGradient = (await client.run('input-gradient', { ...params, unit }).done).meta.ms;
          const { result } = await client.run('train-steps', { ...params, steps: 2 }).done;
          out.push({ forward, inputGradient, train: result.stepMs[1]! }); // step 1 warms up
        }
        return out;
      },
      { params, unit, rounds: RATIO_ROUNDS },
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratios: InterleavedRatios = {
      ...RATIO_AT,
      rounds: rounds.length,
      forwardMs: median(rounds.map((r) => r.forward)),
      inputGradientMs: median(rounds.map((r) => r.inputGradient)),
      trainStepMs: median(rounds.map((r) => r.train)),
      trainOverForward: median(rounds.map((r) => r.train / r.forward)),
      inputGradientOverForward: median(rounds.map((r) => r.inputGradient / r.forward)),
    };
    console.log(
      `  interleaved ${RATIO_AT.model} batch ${RATIO_AT.batch} over ${ratios.rounds} rounds: training step ÷ forward ${ratios.trainOverForward.toFixed(2)}, input gradient ÷ forward ${ratios.inputGradientOverForward.toFixed(2)}`,
    );
    return ratios;
  } catch (error) {
    console.log(
      `  interleaved ratios failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return null;
  }
}

/** Chunks of a widget's default run are replayed while the run has taken less than this, ms… */
const WIDGET_BUDGET_MS = 15_000;
/** …and at most this many chunks. */
const WIDGET_MAX_CHUNKS = 4;

/**
 * Replays a training widget's default run as its page does (the same job and parameters, chunk
 * after chunk, resuming the run), then frees the run. One chunk on a slow backend, up to four on
 * a fast one.
 */
async function widgetRate(page: Page, run: WidgetRun): Promise<WidgetRate> {
  const measured = await page
    .evaluate(
      async ({ run, budget, maxChunks }) => {
        const client = window.cnnLineageRuntime!;
        const stepMs: number[] = [];
        const chunkMs: number[] = [];
        let ranOn = '';
        const started = performance.now();
        try {
          for (let chunk = 0; chunk < maxChunks; chunk++) {
            if (chunk > 0 && performance.now() - started > budget) break;
            const before = performance.now();
            // The parameters of run.job (widget-runs.ts builds them); a union of jobs cannot pair them here.
            const params = { ...run.firstChunk, resume: chunk > 0 } as JobParams<WidgetJob>;
            const { result, meta } = await client.run(run.job, params).done;
            chunkMs.push(performance.now() - before);
            stepMs.push(...result.steps.map((s) => s.ms));
            ranOn = meta.backend;
          }
        } finally {
          await client.run(run.resetJob, {}).done;
        }
        return { stepMs, chunkMs, ranOn };
      },
      { run, budget: WIDGET_BUDGET_MS, maxChunks: WIDGET_MAX_CHUNKS },
    )
    .catch((error: unknown) => ({
      stepMs: [] as number[],
      chunkMs: [] as number[],
      ranOn: `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    }));
  const warm = measured.stepMs.slice(1); // the run's first step warms up
  const later = measured.chunkMs.slice(1);
  const rate: WidgetRate = {
    widget: run.widget,
    job: run.job,
    setting: run.setting,
    stepsPerSecond: warm.length > 0 ? (1000 * warm.length) / warm.reduce((a, b) => a + b, 0) : Number.NaN,
    steps: warm.length,
    chunkStepsPerSecond:
      later.length > 0 ? (1000 * later.length * run.chunkSteps) / later.reduce((a, b) => a + b, 0) : null,
    firstChunkMs: measured.chunkMs[0] ?? Number.NaN,
    ranOn: measured.ranOn,
  };
  console.log(
    `  ${run.widget} default run (${run.job}): ${rate.stepsPerSecond.toFixed(2)} steps/s over ${rate.steps} steps on ${rate.ranOn}, first chunk ${rate.firstChunkMs.toFixed(0)} ms`,
  );
  return rate;
}

/** Which backend the runtime settles on with no ?backend=, and why (`choices` where the runtime has it). */
async function autoChoice(page: Page): Promise<AutoChoice | null> {
  try {
    await page.goto(`${ORIGIN}/diagnostics/?debug=runtime`);
    await page.locator('runtime-check').scrollIntoViewIfNeeded();
    // The client starts when the widget nears the viewport; ready resolves once the backend is chosen.
    await page.waitForFunction(() => window.cnnLineageRuntime !== undefined, null, { timeout: 120_000 });
    const ready = await page.evaluate(async () => {
      const info = (await window.cnnLineageRuntime!.ready) as unknown as Record<string, unknown>;
      return JSON.parse(JSON.stringify(info)) as Record<string, unknown>;
    });
    const choice: AutoChoice = {
      backend: String(ready['backend']),
      skipped: (ready['skipped'] as AutoChoice['skipped'] | undefined) ?? [],
      ...(ready['choices'] ? { choices: ready['choices'] as NonNullable<AutoChoice['choices']> } : {}),
    };
    console.log(`auto-choice: ${JSON.stringify(choice)}`);
    return choice;
  } catch (error) {
    console.log(`auto-choice failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

async function benchBackend(
  page: Page,
  backend: string,
  bytes: Map<string, number>,
  run: { date: string; browser: string },
): Promise<BackendResult> {
  bytes.clear();
  await page.goto(`${ORIGIN}/diagnostics/?debug=runtime&backend=${backend}`);
  await page.locator('runtime-check').scrollIntoViewIfNeeded();
  await page.locator('runtime-check[data-state="ready"]').waitFor({ timeout: 120_000 });
  const actual = await page.evaluate(async () => (await window.cnnLineageRuntime!.ready).backend);
  if (actual !== backend) return { backend, available: false, ...run, note: `fell back to ${actual}` };

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
      // A step estimated (from batch 1, scaled by the batch) to take too long is skipped; fast ones get more steps.
      // The ratio net's step never is: issue 18 compares WASM's step with every other backend's there.
      const estimate = trainAtBatch1 * batch;
      const ratioNet = id === RATIO_AT.model && batch === RATIO_AT.batch;
      const tooSlow = estimate > SKIP_MS && !ratioNet;
      const steps = batch === 1 || estimate < 2_000 ? 4 : 2;
      const train = tooSlow ? null : await trainStepMs(page, { ...params, steps });
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

  const ratioForward = timings.find((t) => t.model === RATIO_AT.model && t.batch === RATIO_AT.batch)?.forwardMs;
  const interleaved = ratioForward !== undefined && ratioForward < RATIO_MAX_MS ? await interleavedRatios(page) : null;

  const widgets: WidgetRate[] = [];
  for (const run of widgetRuns(ORIGIN)) widgets.push(await widgetRate(page, run));

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
    ...run,
    peakGflops: peak.gflops,
    timings,
    ...(interleaved ? { interleaved } : {}),
    widgets,
    longTasksDuringSweep: longTasks,
    jsBytes: js,
    wasmBytes: wasm,
  };
}

/** The previous bench/results.json, or null when there is none or it cannot be read. */
function previousResults(path: string): BenchResults | null {
  if (!existsSync(path)) return null;
  try {
    return readResults(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    console.log(`${path} unreadable, written fresh: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function main(): Promise<void> {
  if (args.build) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  console.log(`bench: ${args.backends.join(', ')} (${BENCH_USAGE})`);
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
    const run = { date: new Date().toISOString(), browser: `Chromium ${browser.version()}` };
    const auto = await autoChoice(page);
    const backends: BackendResult[] = [];
    for (const backend of args.backends) {
      console.log(`backend ${backend}…`);
      backends.push(await benchBackend(page, backend, bytes, run));
    }
    const fresh: BenchResults = {
      ...run,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; GPU: software (SwiftShader) unless a real one is present`,
      autoChoice: auto,
      backends,
    };
    const path = 'bench/results.json';
    const { results, kept } = mergeResults(previousResults(path), fresh);
    mkdirSync('bench', { recursive: true });
    const style = (await resolveConfig(path)) ?? {};
    writeFileSync(path, await format(JSON.stringify(results, null, 2), { ...style, parser: 'json' }));
    console.log(`\n${benchTable(results)}\n`);
    console.log(`wrote ${path}${kept.length > 0 ? ` (kept the previous entries of ${kept.join(', ')})` : ''}`);
    console.log(updateReadme() ? 'README.md: bench section rewritten' : 'README.md: bench section up to date');
  } finally {
    await browser.close();
    stop();
  }
}

await main();
