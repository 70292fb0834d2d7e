import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeWorkKinds } from '../../../src/lib/compute/backend-race.ts';
import { createTfRuntime } from '../../../src/lib/compute/runtime.ts';
import * as tf from '../../../src/lib/compute/tf.ts';

// The start-up measurement on real backends. Node has no GPU, so the race here is the CPU backend
// (ordered first on purpose) against WASM: the same code path a real GPU takes in a browser.
const wasmDir = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist/',
);

describe('choosing a backend by measurement', () => {
  it('start() times the first backend against WASM and picks WASM for forward work, saying by how much', async () => {
    const runtime = createTfRuntime();
    const started = await runtime.start(['cpu', 'wasm'], wasmDir);
    expect(Object.keys(started.timings).sort()).toEqual(['cpu', 'wasm']);
    expect(started.choices.forward.backend).toBe('wasm');
    expect(started.choices.forward.why).toMatchObject({ basis: 'measured', versus: 'cpu' });
    const why = started.choices.forward.why as { ratio: number };
    expect(why.ratio).toBeGreaterThan(1);
    expect(runtime.active()).toBe('wasm');
    expect(runtime.choiceFor('forward')).toBe(started.choices.forward);
  });

  it('timeWorkKinds measures both kinds of work and frees every tensor', async () => {
    const runtime = createTfRuntime();
    await runtime.start(['wasm'], wasmDir);
    const before = tf.memory().numTensors;
    const timings = await timeWorkKinds(60);
    expect(Number.isFinite(timings.forward)).toBe(true);
    expect(timings.forward).toBeGreaterThan(0);
    expect(timings.train).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a forced backend is used for both kinds of work, and says it was forced', async () => {
    const runtime = createTfRuntime();
    const started = await runtime.start(['cpu', 'wasm'], wasmDir, 'cpu');
    expect(started.choices.train).toEqual({ backend: 'cpu', why: { basis: 'forced' } });
    expect(started.choices.forward.backend).toBe('cpu');
  });
});
