/**
 * URL state of the skip-connection lab: the three networks that train side by side, their
 * shared optimiser, and whether the residual net's identity shortcuts are on.
 */
import { DEFAULT_LAB_CONFIG, LAB_MAX_DEPTH, LAB_MIN_DEPTH, LAB_SCHEDULES } from '../../data/lab-settings.ts';
import { defineSchema, type StateOf } from '../schema.ts';

export const skipLabSchema = defineSchema({
  depth: {
    type: 'int',
    label: 'Depth',
    help: 'Weight layers of the plain and the residual net: 6n + 2, as the CIFAR ResNets.',
    default: DEFAULT_LAB_CONFIG.depth,
    min: LAB_MIN_DEPTH,
    max: LAB_MAX_DEPTH,
    step: 6,
  },
  shallow: {
    type: 'int',
    label: 'Shallow baseline',
    help: 'Weight layers of the shallower plain net that trains alongside (less than depth).',
    default: DEFAULT_LAB_CONFIG.shallowDepth,
    min: LAB_MIN_DEPTH,
    max: LAB_MAX_DEPTH - 6,
    step: 6,
  },
  width: {
    type: 'int',
    label: 'Width',
    help: 'Channels of the first stage.',
    default: DEFAULT_LAB_CONFIG.width,
    min: 2,
    max: 16,
  },
  batch: { type: 'int', label: 'Batch', default: DEFAULT_LAB_CONFIG.batch, min: 4, max: 128 },
  lr: { type: 'number', label: 'Learning rate', default: DEFAULT_LAB_CONFIG.learningRate, min: 0.001, max: 0.5 },
  momentum: { type: 'number', label: 'Momentum', default: DEFAULT_LAB_CONFIG.momentum, min: 0, max: 0.99 },
  decay: { type: 'number', label: 'Weight decay', default: DEFAULT_LAB_CONFIG.weightDecay, min: 0, max: 0.001 },
  schedule: {
    type: 'enum',
    label: 'LR schedule',
    help: 'constant; step: ÷10 at 50% and 75% of the run (He et al. 2016 §4.2); cosine.',
    default: DEFAULT_LAB_CONFIG.schedule,
    values: LAB_SCHEDULES,
  },
  warmup: {
    type: 'int',
    label: 'Warm-up steps',
    help: 'Steps over which the learning rate rises linearly to its peak before the schedule starts (0: none).',
    default: DEFAULT_LAB_CONFIG.warmupSteps,
    min: 0,
    max: 1000,
  },
  steps: {
    type: 'int',
    label: 'Training steps',
    help: 'Length of the run; training stops there (and the schedule spans it).',
    default: DEFAULT_LAB_CONFIG.totalSteps,
    min: 10,
    max: 5000,
  },
  identity: {
    type: 'boolean',
    label: 'Identity shortcut',
    help: 'Off: the residual net loses its shortcuts (y = F(x)) and trains and back-propagates as a plain net.',
    default: true,
  },
});

/** The lab's whole state. */
export type SkipLabState = StateOf<typeof skipLabSchema>;
