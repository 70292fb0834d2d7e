/**
 * The lab configurations the degradation search tried (scripts/experiments/degradation-search.ts),
 * each as changes to the lab's default from before the search. Pure, so a unit test holds the
 * winner to the lab's default.
 */
import type { LabConfig } from '../../src/lib/compute/lab/config.ts';

/** The lab's default before the search: plain-20 and ResNet-20 against plain-8, width 8, batch 32, η 0.1, 600 steps. */
export const SEARCH_BASE: LabConfig = {
  depth: 20,
  shallowDepth: 8,
  width: 8,
  batch: 32,
  learningRate: 0.1,
  momentum: 0.9,
  weightDecay: 1e-4,
  schedule: 'constant',
  warmupSteps: 0,
  totalSteps: 600,
  seed: 1,
};

/** One configuration tried: the fields changed from SEARCH_BASE, and the steps trained. */
export interface Candidate {
  readonly changes: Partial<LabConfig>;
  readonly steps: number;
}

/** The candidates, by name; the log keeps every run of every one tried. */
export const CANDIDATES: Readonly<Record<string, Candidate>> = {
  /** The lab's default before the search, cut to about a minute. */
  'd20-8-w8-b32': { changes: {}, steps: 200 },
  'd32-8-w4-b16': { changes: { depth: 32, shallowDepth: 8, width: 4, batch: 16 }, steps: 400 },
  'd44-8-w4-b16': { changes: { depth: 44, shallowDepth: 8, width: 4, batch: 16 }, steps: 250 },
  'd56-20-w4-b16': { changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16 }, steps: 200 },
  'd56-20-w8-b16': { changes: { depth: 56, shallowDepth: 20, width: 8, batch: 16 }, steps: 110 },
  'd56-20-w4-b16-wu50': { changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, warmupSteps: 50 }, steps: 200 },
  'd56-20-w4-b16-lr05': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, learningRate: 0.05 },
    steps: 200,
  },
  'd56-20-w4-b16-lr03': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, learningRate: 0.03 },
    steps: 200,
  },
  'd56-20-w4-b16-lr02': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, learningRate: 0.02 },
    steps: 200,
  },
  'd56-20-w4-b16-lr02-s300': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, learningRate: 0.02 },
    steps: 300,
  },
  'd56-20-w4-b24-lr02': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 24, learningRate: 0.02 },
    steps: 150,
  },
  'd56-20-w4-b16-lr05-wu20': {
    changes: { depth: 56, shallowDepth: 20, width: 4, batch: 16, learningRate: 0.05, warmupSteps: 20 },
    steps: 200,
  },
  'd32-8-w4-b16-wu50': { changes: { depth: 32, shallowDepth: 8, width: 4, batch: 16, warmupSteps: 50 }, steps: 400 },
  'd44-20-w4-b16-wu50': { changes: { depth: 44, shallowDepth: 20, width: 4, batch: 16, warmupSteps: 50 }, steps: 250 },
};

/** The candidate that became the lab's default. */
export const CHOSEN_CANDIDATE = 'd56-20-w4-b24-lr02';

/** A candidate's full configuration at `seed`: SEARCH_BASE with its changes, for its steps. */
export function candidateConfig(candidate: Candidate, seed: number): LabConfig {
  return { ...SEARCH_BASE, ...candidate.changes, totalSteps: candidate.steps, seed };
}
