/**
 * URL state of the batch-norm experiment: the shared optimiser settings (learning rate, batch
 * size), the seed and the length of the run. The network is fixed (Ioffe & Szegedy 2015 §4.1).
 */
import { DEFAULT_BATCH_NORM_CONFIG } from '../../data/batch-norm-settings.ts';
import { defineSchema, type StateOf } from '../schema.ts';

export const batchNormSchema = defineSchema({
  lr: {
    type: 'number',
    label: 'Learning rate',
    help: 'η of plain SGD, the same for both nets.',
    default: DEFAULT_BATCH_NORM_CONFIG.learningRate,
    min: 0.01,
    max: 5,
  },
  batch: {
    type: 'int',
    label: 'Batch size',
    help: 'Examples per step; also the size of the test batches the train-mode check normalises.',
    default: DEFAULT_BATCH_NORM_CONFIG.batch,
    min: 2,
    max: 128,
  },
  seed: {
    type: 'int',
    label: 'Seed',
    help: 'Seed of the initial weights (shared by both nets) and of the batch order.',
    default: DEFAULT_BATCH_NORM_CONFIG.seed,
    min: 0,
    max: 9999,
  },
  steps: {
    type: 'int',
    label: 'Training steps',
    help: 'Length of the run; training stops there.',
    default: DEFAULT_BATCH_NORM_CONFIG.totalSteps,
    min: 20,
    max: 3000,
  },
});

/** The experiment's whole state. */
export type BatchNormState = StateOf<typeof batchNormSchema>;
