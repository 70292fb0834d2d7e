import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ExperimentArgsError, parseExperimentArgs } from '../../../scripts/experiments/args.ts';

const NAMES = ['degradation', 'relu-tanh'];

describe('parseExperimentArgs', () => {
  it.each([
    [['degradation'], { name: 'degradation', seed: null, steps: null, backend: 'wasm', json: false }],
    [
      ['degradation', '--seed', '3', '--steps', '50', '--json'],
      { name: 'degradation', seed: 3, steps: 50, backend: 'wasm', json: true },
    ],
    [
      ['--backend=cpu', 'relu-tanh', '--seed=0'],
      { name: 'relu-tanh', seed: 0, steps: null, backend: 'cpu', json: false },
    ],
  ])('parseExperimentArgs(%j) → %j', (argv, expected) => {
    expect(parseExperimentArgs(argv, NAMES)).toEqual(expected);
  });

  it.each([
    [[], /name an experiment \(usage: npm run experiment -- <degradation\|relu-tanh\|erf>/],
    [['shattered'], /no experiment "shattered" \(there are: degradation, relu-tanh, erf\)/],
    [['degradation', 'relu-tanh'], /one experiment at a time/],
    [['degradation', '--seed'], /--seed needs a value/],
    [['degradation', '--seed', '--json'], /--seed needs a value/],
    [['degradation', '--seed', '1.5'], /--seed must be a whole number in 0…2147483647, got "1.5"/],
    [['degradation', '--steps', '0'], /--steps must be a whole number in 1…100000, got "0"/],
    [['degradation', '--steps', '-3'], /--steps must be a whole number/],
    [['degradation', '--backend', 'webgl'], /--backend must be one of wasm, cpu, got "webgl"/],
    [['degradation', '--json=yes'], /--json takes no value/],
    [['degradation', '--seed', '1', '--seed', '2'], /--seed is given twice/],
    [['degradation', '--fast'], /unknown option "--fast"/],
    [
      ['erf', '--steps', '10'],
      /--steps applies to the experiments that train \(degradation, relu-tanh\); erf trains nothing/,
    ],
  ])('parseExperimentArgs(%j) throws a one-line ExperimentArgsError', (argv, message) => {
    let thrown: unknown;
    try {
      parseExperimentArgs(argv, [...NAMES, 'erf'], NAMES);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExperimentArgsError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('npm run experiment with a bad argument prints the error and the usage, and exits 2 before loading TF.js', () => {
    const run = spawnSync(process.execPath, ['scripts/experiment.ts', 'degradation', '--steps', 'many'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe('npm run experiment: --steps must be a whole number in 1…100000, got "many"');
    expect(lines[1]).toMatch(
      /^usage: npm run experiment -- <degradation\|relu-tanh\|erf\|gradient-flow\|shattering\|batch-norm>/,
    );
    expect(lines).toHaveLength(2);
  });
});
