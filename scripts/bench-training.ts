/**
 * `npm run bench:training`: WASM training speed in Node, single-threaded, in one run.
 *
 * For one zoo model (default resnet20, CIFAR 32×32×3) at one batch size (default 32), on TF.js's
 * WASM backend (src/lib/compute/wasm-training registered, as in the site's worker):
 * - the 'forward' job (inference) and the 'input-gradient' job (the effective-receptive-field
 *   map of a unit in the last spatial layer), as the browser bench runs them;
 * - one training step (forward in training mode, backward, SGD update) of a network that keeps
 *   training, as the training widgets run them;
 * then the same training step on the CPU backend with its fast filter gradient (the backend WASM
 * training used to move to). The WASM measurements are interleaved round by round, so a busy
 * machine slows all of them alike; medians and minima are printed, and the ratios the issue's
 * targets name (training step ≤ 4× forward, input gradient ≤ 2.5× forward, ≥ 20× faster than CPU),
 * by wall time and by this process's CPU time (which a machine shared with other jobs distorts less).
 *
 *   npm run bench:training                       resnet20, batch 32, 9 rounds, 2 CPU steps
 *   node scripts/bench-training.ts plain20 --batch 8 --rounds 5 --cpu-steps 0 --json out.json
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendName } from '../src/lib/compute/backend.ts';
import type { JobContext } from '../src/lib/compute/jobs/job.ts';
import { resolveTfjsForNode } from './train-lenet.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    batch: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '9' },
    'cpu-steps': { type: 'string', default: '2' },
    json: { type: 'string' },
  },
});
const model = positionals[0] ?? 'resnet20';
const batch = Number(options.batch);
const rounds = Number(options.rounds);
const cpuSteps = Number(options['cpu-steps']);

resolveTfjsForNode();
const { useBackend } = await import('../src/lib/compute/backend.ts');
const { ModelCache } = await import('../src/lib/compute/model-cache.ts');
const { forwardJob } = await import('../src/lib/compute/jobs/forward.ts');
const { inputGradientJob } = await import('../src/lib/compute/jobs/input-gradient.ts');
const { build } = await import('../src/lib/compute/network.ts');
const { Sgd } = await import('../src/lib/compute/sgd.ts');
const { trainStep } = await import('../src/lib/compute/training/train-step.ts');
const { useFastCpuFilterGradient } = await import('../src/lib/compute/training/cpu-filter-gradient.ts');
const { gaussianImages, randomLabels } = await import('../src/lib/compute/synthetic-data.ts');
const tf = await import('../src/lib/compute/tf.ts');
const { analyze } = await import('../src/lib/models/analyze.ts');
const { getModel } = await import('../src/lib/models/zoo.ts');

tf.env().set('PROD', true); // no debug checks; no "install tfjs-node" hint
const wasmPath = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);

const spec = getModel(model);
const analysis = analyze(spec);
const [h, w, c] = analysis.inputShape;
const classes = analysis.outputShape[0] ?? 10;
const pixels = gaussianImages(1, batch, [h, w, c]);
const labelled = { inputs: pixels, labels: randomLabels(1, batch, classes) };
const unit = { layerId: analysis.receptiveFieldLayer, y: 4, x: 4 };
const context = (backend: BackendName): JobContext => ({
  progress: () => {},
  cancelled: () => false,
  checkpoint: async () => {},
  backend,
});

/** Wall time and this process's CPU time (user + system) of `run`, in ms. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}
const timed = async (run: () => Promise<unknown>): Promise<Timing> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
};
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const min = (xs: readonly number[]) => Math.min(...xs);

// WASM: forward, input gradient and a training step, interleaved round by round.
if (!(await useBackend('wasm', { wasmPath }))) throw new Error('the WASM backend did not start');
const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
const cache = new ModelCache();
const forward = forwardJob(cache);
const inputGradient = inputGradientJob(cache);
const params = { model: { zoo: model }, seed: 1, batch, pixels };
const net = build(spec, { seed: 1 });
const sgd = new Sgd({ learningRate: 0.01 });
const steps = {
  forward: () => forward.run(params, context('wasm')),
  inputGradient: () => inputGradient.run({ ...params, unit }, context('wasm')),
  trainStep: () => trainStep(net, sgd, labelled),
};
for (const run of Object.values(steps)) await run(); // warm-up: kernels set up, memory grown
const wasm = { forward: [] as Timing[], inputGradient: [] as Timing[], trainStep: [] as Timing[] };
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(steps)) wasm[name as keyof typeof wasm].push(await timed(run));
}
const memory = tf.memory();
sgd.dispose();
net.dispose();

// CPU: the same training step, with the fast filter gradient the runtime installs there.
const cpuTimes: Timing[] = [];
if (cpuSteps > 0) {
  if (!(await useBackend('cpu'))) throw new Error('the CPU backend did not start');
  useFastCpuFilterGradient();
  const cpuNet = build(spec, { seed: 1 });
  const cpuSgd = new Sgd({ learningRate: 0.01 });
  for (let s = 0; s < cpuSteps; s++) cpuTimes.push(await timed(() => trainStep(cpuNet, cpuSgd, labelled)));
  cpuSgd.dispose();
  cpuNet.dispose();
}

const wall = (ts: readonly Timing[]) => ts.map((t) => t.wall);
const cpuMs = (ts: readonly Timing[]) => ts.map((t) => t.cpu);
const row = (label: string, ts: readonly Timing[]) =>
  `| ${label} | ${median(wall(ts)).toFixed(1)} | ${min(wall(ts)).toFixed(1)} | ${median(cpuMs(ts)).toFixed(1)} | ${ts.length} |`;
/** Ratio of medians, by wall time and by CPU time. */
const ratio = (a: readonly Timing[], b: readonly Timing[]) => ({
  wall: median(wall(a)) / median(wall(b)),
  cpu: median(cpuMs(a)) / median(cpuMs(b)),
});
const results = {
  model,
  batch,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  wasm: { threads: threads === true, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'), ...wasm },
  cpu: { trainStep: cpuTimes },
  ratios: {
    trainStepOverForward: ratio(wasm.trainStep, wasm.forward),
    inputGradientOverForward: ratio(wasm.inputGradient, wasm.forward),
    cpuOverWasmTrainStep: ratio(cpuTimes, wasm.trainStep),
  },
  tensorsLeft: memory.numTensors,
};
console.log(`${model}, batch ${batch}, WASM ${threads === true ? 'threaded' : 'single-threaded'}, ${rounds} rounds`);
console.log('| measurement | median ms | min ms | median CPU ms | runs |\n| --- | ---: | ---: | ---: | ---: |');
console.log(row('WASM forward', wasm.forward));
console.log(row('WASM input gradient', wasm.inputGradient));
console.log(row('WASM training step', wasm.trainStep));
if (cpuTimes.length > 0) console.log(row('CPU training step (fast filter gradient)', cpuTimes));
const { trainStepOverForward, inputGradientOverForward, cpuOverWasmTrainStep } = results.ratios;
const both = (r: { wall: number; cpu: number }, digits: number) =>
  `${r.wall.toFixed(digits)} by wall time, ${r.cpu.toFixed(digits)} by CPU time`;
console.log(`training step / forward: ${both(trainStepOverForward, 2)} (target ≤ 4)`);
console.log(`input gradient / forward: ${both(inputGradientOverForward, 2)} (target ≤ 2.5)`);
if (cpuTimes.length > 0) console.log(`CPU step / WASM step: ${both(cpuOverWasmTrainStep, 1)} (target ≥ 20)`);
if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
