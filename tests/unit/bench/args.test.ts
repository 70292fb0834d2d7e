import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BenchArgsError, parseBackendList, parseBenchArgs } from '../../../scripts/bench/args.ts';

describe('parseBenchArgs', () => {
  it.each([
    [[], ['webgpu', 'webgl', 'wasm', 'cpu'], true],
    [['--backends', 'wasm,cpu'], ['wasm', 'cpu'], true],
    [['--backends=wasm,cpu'], ['wasm', 'cpu'], true],
    [['--backends', 'cpu,wasm'], ['wasm', 'cpu'], true], // the ladder's order, whatever the order given
    [['--backends', ' WASM , cpu '], ['wasm', 'cpu'], true],
    [['--backends', 'webgl'], ['webgl'], true],
    [['--no-build', '--backends', 'wasm'], ['wasm'], false],
  ])('parseBenchArgs(%j) → %j, build %s', (argv, backends, build) => {
    expect(parseBenchArgs(argv)).toEqual({ backends, build });
  });

  it.each([
    [['--backends', 'wasm,gpu'], /"gpu" is not a backend \(choose from webgpu, webgl, wasm, cpu\)/],
    [['--backends', 'wasm,,cpu'], /an empty name is not a backend/],
    [['--backends', ''], /needs at least one of/],
    [['--backends', 'wasm,wasm'], /wasm is named twice/],
    [['--backends'], /--backends needs a value/],
    [['--backends', '--no-build'], /--backends needs a value/],
    [['--backends', 'wasm', '--backends', 'cpu'], /given twice/],
    [['--backend', 'wasm'], /unknown argument "--backend"/],
    [['wasm'], /unknown argument "wasm"/],
  ])('parseBenchArgs(%j) throws a one-line BenchArgsError', (argv, message) => {
    let thrown: unknown;
    try {
      parseBenchArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchArgsError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('parseBackendList keeps each named backend once, in ladder order', () => {
    expect(parseBackendList('cpu,webgpu')).toEqual(['webgpu', 'cpu']);
  });

  it('node scripts/bench.ts with a bad backend prints one line and exits 2 before building', () => {
    const run = spawnSync(process.execPath, ['scripts/bench.ts', '--backends', 'wasm,tpu'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'npm run bench: --backends: "tpu" is not a backend (choose from webgpu, webgl, wasm, cpu)',
    ]);
  });
});
