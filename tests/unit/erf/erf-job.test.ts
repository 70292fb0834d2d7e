/**
 * The 'erf' job on the CPU backend: effective receptive fields of real TF.js networks built from
 * the zoo's families, against the theory.
 *
 * The exact-support argument (uniform positive weights + positive inputs keep every activation
 * positive, so the gradient's support is the analytic field) is the one of
 * tests/unit/compute/receptive-field-bruteforce.test.ts, which checks it over the zoo and the
 * families with an independent interval propagation. Here it is applied to the explorer's own
 * networks, through the job and its statistics, not repeated for the zoo.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { ModelSource } from '../../../src/lib/compute/model-source.ts';
import type { ErfProgress } from '../../../src/lib/compute/jobs/erf.ts';
import { JobCancelled } from '../../../src/lib/compute/jobs/job.ts';
import { logLogSlope } from '../../../src/lib/math/erf-stats.ts';
import { fieldBounds } from '../../../src/lib/models/receptive-field.ts';
import { explorerNets, netPlan, unitLayer, type NetKey } from '../../../src/components/rf-explorer/nets.ts';
import { DEFAULT_RF_STATE, type RfExplorerState } from '../../../src/lib/state/rf-explorer.ts';
import { runErf, testContext, tf, useCpu } from './helpers.ts';

beforeAll(useCpu);

const plainStack = (convs: number, kernel: number, side: number, width = 1): ModelSource => ({
  vggStyle: {
    stages: 1,
    convsPerStage: convs,
    width,
    bn: false,
    activation: 'relu',
    kernel,
    pool: false,
    inputShape: [side, side, 1],
    classes: 2,
  },
});

/** The activation after conv n (1-based) of a one-stage vggStyle stack without BN. */
const afterConv = (n: number): string => `features.${2 * n - 1}`;

describe("erf job: Luo et al.'s uniform-weight stacks", () => {
  test.each([3, 5, 7])('the ERF of one k×k conv with uniform weights is the k×k box, flat (k = %i)', async (k) => {
    const result = await runErf({
      targets: [{ model: plainStack(1, k, 15, 4), unit: { layerId: 'features.1', y: 7, x: 7 } }],
      init: 'uniform',
    });
    const { map, unit } = result.targets[0]!;
    const h = (k - 1) / 2;
    expect(unit.stats.support).toEqual({ top: 7 - h, left: 7 - h, bottom: 7 + h, right: 7 + h });
    expect(unit.field.size).toEqual([k, k]);
    map.forEach((v, i) => {
      const [y, x] = [Math.floor(i / 15), i % 15];
      const inside = Math.abs(y - 7) <= h && Math.abs(x - 7) <= h;
      if (inside) expect(v).toBeCloseTo(1 / (k * k), 6);
      else expect(v).toBe(0);
    });
  });

  test('σ of the ERF grows like √n: fitted over n = 4…32 the log-log slope is 0.5 ± 0.1', async () => {
    const depths = [4, 6, 8, 12, 16, 20, 24, 28, 32];
    const result = await runErf({
      targets: [
        {
          model: plainStack(32, 3, 64),
          unit: { layerId: afterConv(32), y: 32, x: 32 },
          probes: depths.map((n) => ({ layerId: afterConv(n), y: 32, x: 32 })),
        },
      ],
      init: 'uniform',
    });
    const sigmas = result.targets[0]!.probes.map((p) => p.stats.sigmaRms);
    const slope = logLogSlope(depths, sigmas);
    expect(slope).toBeGreaterThan(0.4);
    expect(slope).toBeLessThan(0.6);
    // In the linear regime the ERF is the n-fold convolution of the 3-tap box: σ² = n·2/3.
    sigmas.forEach((s, i) => expect(s / Math.sqrt((2 * depths[i]!) / 3)).toBeCloseTo(1, 1));
    // ...while the theoretical field grows linearly: 2n + 1.
    expect(result.targets[0]!.probes.map((p) => p.field.size[0])).toEqual(depths.map((n) => 2 * n + 1));
  });

  test('the same holds for the residual stack: σ ∝ blocks^(0.5 ± 0.1)', async () => {
    const state: RfExplorerState = { ...DEFAULT_RF_STATE, depth: 63, init: 'uniform' };
    const plan = netPlan('residual', state);
    // Blocks 2…31 (depth 5…63), centre units.
    const layers = plan.layers.filter((l) => l.depth >= 9 && (l.depth - 1) % 8 === 0);
    const result = await runErf({
      targets: [
        {
          model: plan.source,
          unit: { layerId: unitLayer(plan).layerId, y: 24, x: 24 },
          probes: layers.map((l) => ({ layerId: l.layerId, y: 24, x: 24 })),
        },
      ],
      init: 'uniform',
    });
    const blocks = layers.map((l) => (l.depth - 1) / 2);
    const slope = logLogSlope(
      blocks,
      result.targets[0]!.probes.map((p) => p.stats.sigmaRms),
    );
    expect(slope).toBeGreaterThan(0.4);
    expect(slope).toBeLessThan(0.6);
  });
});

/** The explorer's configurations the next tests sweep. */
const configs: [string, Partial<RfExplorerState>][] = [
  ['stride 1, 3×3', { depth: 7 }],
  ['stride 1, 5×5', { depth: 5, kernel: 5 }],
  ['stride 1, 7×7', { depth: 3, kernel: 7 }],
  ['downsampled, 3×3', { depth: 7, downsample: true }],
  ['downsampled, 5×5', { depth: 7, downsample: true, kernel: 5 }],
];

/** Corner, centre and far-corner units of a layer [h, w]. */
const unitsOf = (grid: readonly [number, number]): [number, number][] => [
  [0, 0],
  [Math.floor(grid[0] / 2), Math.floor(grid[1] / 2)],
  [grid[0] - 1, grid[1] - 1],
];

describe("erf job on the explorer's networks", () => {
  test.each(configs)(
    '%s, He init, 2 inits: the support of the ERF never leaves the theoretical field, at any unit or depth',
    async (_, overrides) => {
      const state = { ...DEFAULT_RF_STATE, ...overrides, inits: 2 };
      for (const plan of explorerNets(state)) {
        const last = unitLayer(plan);
        const [first, ...more] = unitsOf(last.grid).map(([y, x]) => ({ layerId: last.layerId, y, x }));
        const shallow = plan.layers
          .slice(0, -1)
          .flatMap((l) => unitsOf(l.grid).map(([y, x]) => ({ layerId: l.layerId, y, x })));
        const result = await runErf({
          targets: [{ model: plan.source, unit: first!, probes: [...more, ...shallow] }],
          init: 'he',
          inits: 2,
          input: 'noise',
        });
        const target = result.targets[0]!;
        for (const { unit, field, stats } of [target.unit, ...target.probes]) {
          const where = `${plan.key} ${unit.layerId} (${unit.y}, ${unit.x})`;
          expect(stats.mass, where).toBeGreaterThan(0);
          const s = stats.support!;
          expect(s.top, where).toBeGreaterThanOrEqual(Math.max(0, field.bounds.top));
          expect(s.left, where).toBeGreaterThanOrEqual(Math.max(0, field.bounds.left));
          expect(s.bottom, where).toBeLessThanOrEqual(Math.min(47, field.bounds.bottom));
          expect(s.right, where).toBeLessThanOrEqual(Math.min(47, field.bounds.right));
          expect(stats.size, where).toBeLessThanOrEqual(field.size[0] + 1e-9);
        }
      }
    },
  );

  test.each(configs)(
    '%s, uniform positive weights: the support of the gradient is exactly the analytic field, clipped to the image',
    async (_, overrides) => {
      const state = { ...DEFAULT_RF_STATE, ...overrides, init: 'uniform' as const };
      // Max pooling routes each window's gradient to one input, so a pooled plain net's support
      // is only contained in its field (previous test); the residual nets stride by convolution.
      const keys: NetKey[] = state.downsample ? ['residual'] : ['plain', 'residual'];
      for (const key of keys) {
        const plan = netPlan(key, state);
        const units = plan.layers.flatMap((l) => unitsOf(l.grid).map(([y, x]) => ({ layerId: l.layerId, y, x, l })));
        const result = await runErf({
          targets: [{ model: plan.source, unit: units[0]!, probes: units.slice(1) }],
          init: 'uniform',
        });
        const target = result.targets[0]!;
        [target.unit, ...target.probes].forEach(({ stats }, i) => {
          const { l, y, x, layerId } = units[i]!;
          const b = fieldBounds(l.field, [y, x]);
          expect(stats.support, `${key} ${layerId} (${y}, ${x})`).toEqual({
            top: Math.max(0, b.top),
            left: Math.max(0, b.left),
            bottom: Math.min(47, b.bottom),
            right: Math.min(47, b.right),
          });
        });
      }
    },
  );

  test('averaged over random He inits the ERF fills only part of the theoretical field', async () => {
    const state = { ...DEFAULT_RF_STATE, depth: 15, inits: 6 };
    const result = await runErf({
      targets: explorerNets(state).map((plan) => ({
        model: plan.source,
        unit: { layerId: unitLayer(plan).layerId, y: 24, x: 24 },
      })),
      init: 'he',
      inits: 6,
    });
    expect(result.inits).toBe(6);
    for (const target of result.targets) {
      expect(target.unit.field.size[0]).toBe(31);
      expect(target.unit.stats.size).toBeLessThan(0.8 * 31);
      expect(target.unit.stats.sigmaRms).toBeLessThan(31 / Math.sqrt(12)); // σ of a flat 31-px box
    }
  });
});

describe('erf job: contract', () => {
  const state = { ...DEFAULT_RF_STATE, depth: 5 };
  const targets = explorerNets(state).map((plan) => ({
    model: plan.source,
    unit: { layerId: unitLayer(plan).layerId, y: 24, x: 24 },
  }));

  test('streams progress after every pass, with running mean maps after every round but the last', async () => {
    const context = testContext();
    const result = await runErf({ targets, init: 'he', inits: 3 }, context);
    const progress = context.progressed as ErfProgress[];
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every((p) => p.total === 6)).toBe(true);
    expect(progress.map((p) => p.maps?.length ?? 0)).toEqual([0, 2, 0, 2, 0, 0]);
    expect(result.targets).toHaveLength(2);
    const mass = [...result.targets[0]!.map].reduce((a, b) => a + b, 0);
    expect(mass).toBeCloseTo(1, 4);
  });

  test('uniform weights on the fixed pattern need one pass, whatever inits asks for', async () => {
    const result = await runErf({ targets, init: 'uniform', inits: 8 });
    expect(result.inits).toBe(1);
    const noisy = await runErf({ targets: targets.slice(0, 1), init: 'uniform', inits: 2, input: 'noise' });
    expect(noisy.inits).toBe(2);
  });

  test('leaves no tensor behind, also when cancelled between passes or failing', async () => {
    const before = tf.memory().numTensors;
    await runErf({ targets, init: 'he', inits: 2 });
    expect(tf.memory().numTensors).toBe(before);
    await expect(runErf({ targets, init: 'he', inits: 4 }, testContext(2))).rejects.toBeInstanceOf(JobCancelled);
    expect(tf.memory().numTensors).toBe(before);
    await expect(
      runErf({
        targets: [{ ...targets[0]!, unit: { layerId: unitLayer(explorerNets(state)[0]!).layerId, y: 99, x: 0 } }],
      }),
    ).rejects.toThrow(/is outside layer/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('rejects bad parameters with a message', async () => {
    await expect(runErf({ targets: [] })).rejects.toThrow(/at least one target/);
    await expect(runErf({ targets, inits: 0 })).rejects.toThrow(/inits must be 1…64/);
    await expect(runErf({ targets, input: 'photo' as never })).rejects.toThrow(/input must be one of/);
  });
});
