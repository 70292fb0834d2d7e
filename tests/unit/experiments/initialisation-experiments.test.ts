import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../../scripts/experiments/registry.ts';
import type { ExperimentArgs } from '../../../scripts/experiments/args.ts';

// The three experiments at initialisation, end to end as `npm run experiment -- <name> --json`
// runs them (the widgets' own plans and jobs, on WASM in this process), at a seed the chapters'
// sentences were not checked at.
const args = (name: string): ExperimentArgs => ({ name, seed: 6, steps: null, backend: 'wasm', json: true });

describe('experiments at initialisation reproduce what the chapters say', () => {
  it('erf: σ of the plain stack grows like depth^0.5, at the default and at depth 63', async () => {
    const { json } = await EXPERIMENTS['erf']!.run(args('erf'), () => {});
    expect(json['verdict']).toBe('reproduced');
    expect(json['slope']).toBeCloseTo(0.5, 1);
    const plain = (json['nets'] as { plain: { theoretical: number[]; depths: number[] } }).plain;
    // The theoretical field of n stacked 3×3 convolutions is 2n + 1 pixels.
    expect(plain.theoretical).toEqual(plain.depths.map((n) => 2 * n + 1));
  }, 60_000);

  it('gradient-flow: at the defaults the plain gradient vanishes towards layer 1 and the residual one does not', async () => {
    const { json } = await EXPERIMENTS['gradient-flow']!.run(args('gradient-flow'), () => {});
    expect(json['verdict']).toBe('reproduced');
    const nets = json['nets'] as Record<'plain' | 'residual', { ratio: number }>;
    expect(nets.plain.ratio).toBeLessThan(1e-3);
    expect(nets.residual.ratio).toBeGreaterThan(0.1);
  }, 60_000);

  it('shattering: the plain net’s neighbouring gradients decorrelate with depth, the residual net’s stay correlated', async () => {
    const { json } = await EXPERIMENTS['shattering']!.run(args('shattering'), () => {});
    expect(json['verdict']).toBe('reproduced');
  }, 120_000);
});
