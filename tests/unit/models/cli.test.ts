import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { modelIds } from '../../../src/lib/models/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// npm scripts run the bundled Node 22 (it strips TypeScript types natively).
const node = `${root}node_modules/.bin/node`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function zoo(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, ['scripts/zoo.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run zoo (scripts/zoo.ts)', () => {
  it('prints one row per model and exits 0', async () => {
    const run = await zoo();
    expect(run.code).toBe(0);
    for (const id of modelIds) expect(run.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
  });

  it('`zoo vgg16` prints its per-layer table', async () => {
    const run = await zoo('vgg16');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('features.30');
    expect(run.stdout).toContain('Total params: 138,357,544');
  });

  it('`zoo --json --input 64 resnet18` prints a JSON array analysed at 64×64', async () => {
    const run = await zoo('--json', '--input', '64', 'resnet18');
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as {
      id: string;
      inputShape: number[];
      params: number;
      receptiveField: { size: number[] };
      layers: unknown[];
    }[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: 'resnet18',
      inputShape: [64, 64, 3],
      params: 11_689_512,
      receptiveField: { size: [435, 435] },
    });
  });

  it.each([
    [['nope'], 1, /unknown model "nope"; valid ids: lenet5, /],
    [['resnet25'], 1, /depth must be 6n \+ 2/],
    [['--input', '4', 'alexnet'], 1, /model "alexnet", layer "features\.0": input too small/],
    [['--input', 'big'], 2, /--input needs a size N or HxW/],
    [['--frobnicate'], 2, /unknown option --frobnicate/],
  ])('`zoo %j` explains the problem on stderr and exits %d', async (args, code, message) => {
    const run = await zoo(...args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });
});
