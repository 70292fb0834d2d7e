/**
 * Job 'erf': effective receptive fields of units of one or more networks, averaged over several
 * random initialisations (Luo et al. 2016), with their statistics. Needs only input gradients,
 * so it runs on every backend, WASM included.
 *
 * Each pass builds a network from its family options and a seed, computes |∂unit/∂input| for
 * the target's unit and probes in one backward pass (see erf.ts), scales each map to unit mass
 * (so every initialisation counts equally, whatever its gain) and frees the network. Networks
 * are tiny and built from a seed in microseconds, so they are not cached: a reader sweeping
 * depth and seeds would otherwise fill the GPU with thousands of small weight tensors.
 */
import { fieldBounds } from '../../models/receptive-field.ts';
import { unitGradientMaps } from '../erf.ts';
import { erfInput, erfInputKinds, type ErfInputKind } from '../erf-input.ts';
import { ERF_MASS_FRACTION, erfStats, normalizedMap, type ErfStats } from '../../math/erf-stats.ts';
import type { InitScheme } from '../init.ts';
import { specFromSource, type ModelSource } from '../model-source.ts';
import { build, type Network } from '../network.ts';
import type { UnitSelector } from '../receptive-field.ts';
import * as tf from '../tf.ts';
import type { JobDefinition } from './job.ts';

/** One network and the units to measure in it. */
export interface ErfTarget {
  readonly model: ModelSource;
  /** The unit whose whole map is returned. */
  readonly unit: UnitSelector;
  /** More units (e.g. the centre unit of shallower layers) whose statistics only are returned. */
  readonly probes?: readonly UnitSelector[];
}

export interface ErfParams {
  readonly targets: readonly ErfTarget[];
  /** Weight initialisation. Default 'he'. */
  readonly init?: InitScheme;
  /** Initialisations to average over, 1…64. Default 1. Pass i uses weight seed `seed + i`. */
  readonly inits?: number;
  /** Base weight seed. Default 0. */
  readonly seed?: number;
  /** Input image. Default 'pattern'; 'noise' draws a fresh image (seed inputSeed + i) per pass. */
  readonly input?: ErfInputKind;
  /** Seed of the input image. Default 1. */
  readonly inputSeed?: number;
  /** Mass share of the effective size. Default 0.95. */
  readonly fraction?: number;
}

/** The theoretical field of a unit from analyze(), in input pixels. */
export interface TheoreticalField {
  /** Side [height, width]. */
  readonly size: readonly [number, number];
  /** Distance between neighbouring units' fields. */
  readonly jump: readonly [number, number];
  /** Centre [y, x] of this unit's field. */
  readonly centre: readonly [number, number];
  /** Inclusive bounds, possibly outside the image (in the padding). */
  readonly bounds: { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number };
}

/** One unit's effective field statistics beside its theoretical field. */
export interface ErfUnitResult {
  readonly unit: UnitSelector;
  readonly field: TheoreticalField;
  readonly stats: ErfStats;
}

export interface ErfTargetResult {
  /** Spec id of the network. */
  readonly modelId: string;
  /** Mean over passes of |∂unit/∂input| scaled to unit mass: [height·width] row-major. */
  readonly map: Float32Array;
  readonly unit: ErfUnitResult;
  /** Same order as the target's probes. */
  readonly probes: readonly ErfUnitResult[];
}

export interface ErfResult {
  readonly height: number;
  readonly width: number;
  /** Passes averaged: `inits`, or 1 when every pass would be identical (uniform weights, one image). */
  readonly inits: number;
  readonly targets: readonly ErfTargetResult[];
}

/** Streamed after every pass. */
export interface ErfProgress {
  readonly done: number;
  readonly total: number;
  /**
   * After each complete round over the targets (one more init), while more rounds follow: the
   * running mean of every target's main map, so the average can be watched settling.
   */
  readonly maps?: readonly Float32Array[];
}

export const MAX_ERF_INITS = 64;

/** The field analyze() gives unit (y, x) of its layer. */
export function theoreticalField(net: Network, unit: UnitSelector): TheoreticalField {
  const field = net.analysis.layers.find((l) => l.id === unit.layerId)?.receptiveField;
  if (field == null) throw new Error(`layer "${unit.layerId}" has no spatial receptive field`);
  const bounds = fieldBounds(field, [unit.y, unit.x]);
  return {
    size: field.size,
    jump: field.jump,
    centre: [(bounds.top + bounds.bottom) / 2, (bounds.left + bounds.right) / 2],
    bounds,
  };
}

function checkParams(params: ErfParams): void {
  if (!Array.isArray(params.targets) || params.targets.length === 0) throw new Error('erf needs at least one target');
  const inits = params.inits ?? 1;
  if (!Number.isInteger(inits) || inits < 1 || inits > MAX_ERF_INITS) {
    throw new Error(`inits must be 1…${MAX_ERF_INITS}, got ${inits}`);
  }
  if (params.input !== undefined && !erfInputKinds.includes(params.input)) {
    throw new Error(`input must be one of ${erfInputKinds.join(', ')}, got ${String(params.input)}`);
  }
}

export function erfJob(): JobDefinition<ErfParams, ErfResult, ErfProgress> {
  return {
    async run(params, context) {
      checkParams(params);
      const init = params.init ?? 'he';
      const kind = params.input ?? 'pattern';
      const seed = params.seed ?? 0;
      const inputSeed = params.inputSeed ?? 1;
      const fraction = params.fraction ?? ERF_MASS_FRACTION;
      // Uniform weights do not depend on the seed: with one image every pass is the same.
      const inits = init === 'uniform' && kind === 'pattern' ? 1 : (params.inits ?? 1);
      const specs = await Promise.all(params.targets.map((t) => specFromSource(t.model)));
      const sums = params.targets.map((t) =>
        Array.from({ length: 1 + (t.probes?.length ?? 0) }, () => null as Float32Array | null),
      );
      const total = inits * specs.length;
      let shape: readonly [number, number, number] | null = null;
      const fields: TheoreticalField[][] = [];
      let done = 0;
      for (let i = 0; i < inits; i++) {
        for (let t = 0; t < specs.length; t++) {
          await context.checkpoint();
          const target = params.targets[t]!;
          const units = [target.unit, ...(target.probes ?? [])];
          const net = build(specs[t]!, { init, seed: seed + i });
          try {
            const [h, w, c] = net.inputShape;
            if (shape === null) shape = net.inputShape;
            else if (shape[0] !== h || shape[1] !== w) {
              throw new Error(`erf targets must share one input size: ${shape[0]}×${shape[1]} vs ${h}×${w}`);
            }
            fields[t] ??= units.map((u) => theoreticalField(net, u));
            const image = erfInput(kind, kind === 'noise' ? inputSeed + i : inputSeed, h, w);
            const pixels =
              c === 1 ? image : Float32Array.from({ length: h * w * c }, (_, k) => image[Math.floor(k / c)]!);
            const x = tf.tensor4d(pixels, [1, h, w, c]);
            let maps: Float32Array[];
            try {
              maps = await unitGradientMaps(net, x, units);
            } finally {
              x.dispose();
            }
            maps.forEach((map, k) => {
              for (let p = 0; p < map.length; p++) {
                if (!Number.isFinite(map[p]!)) {
                  throw new Error(
                    `the gradient overflowed on the ${context.backend} backend (depth too large for its float precision)`,
                  );
                }
              }
              const scaled = normalizedMap(map);
              const sum = sums[t]![k];
              if (sum == null) sums[t]![k] = scaled;
              else for (let p = 0; p < sum.length; p++) sum[p]! += scaled[p]!;
            });
          } finally {
            net.dispose();
          }
          done++;
          const roundDone = t === specs.length - 1 && i < inits - 1;
          context.progress({
            done,
            total,
            ...(roundDone ? { maps: sums.map((perUnit) => perUnit[0]!.map((v) => v / (i + 1))) } : {}),
          } satisfies ErfProgress);
        }
      }
      const [height, width] = shape!;
      const targets = params.targets.map((target, t): ErfTargetResult => {
        const units = [target.unit, ...(target.probes ?? [])];
        const results = units.map((unit, k): ErfUnitResult => {
          const map = sums[t]![k]!;
          for (let p = 0; p < map.length; p++) map[p]! /= inits;
          const field = fields[t]![k]!;
          return { unit, field, stats: erfStats(map, height, width, field.centre, fraction) };
        });
        return { modelId: specs[t]!.id, map: sums[t]![0]!, unit: results[0]!, probes: results.slice(1) };
      });
      return { height, width, inits, targets };
    },
  };
}
