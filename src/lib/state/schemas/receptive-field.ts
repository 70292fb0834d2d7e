/**
 * URL state of the receptive-field explorer. The depth's finer rule (odd, or 6n + 1 with
 * downsampling) is the explorer's own (normalizeRfState), which snaps a depth and says so.
 */
import { DEFAULT_RF_STATE, RF_INPUT_SIDE, RF_LIMITS } from '../rf-explorer.ts';
import { defineSchema } from '../schema.ts';

export const receptiveFieldSchema = defineSchema({
  depth: {
    type: 'int',
    label: 'Depth',
    help: 'Convolution layers to the chosen unit: odd, or 6n + 1 with downsampling (snapped to the nearest).',
    default: DEFAULT_RF_STATE.depth,
    min: RF_LIMITS.minDepth,
    max: RF_LIMITS.maxDepth,
  },
  downsample: {
    type: 'boolean',
    label: 'Downsampling',
    help: 'Pooling (plain net) or stride-2 stages (residual net) that halve the resolution twice.',
    default: DEFAULT_RF_STATE.downsample,
  },
  kernel: { type: 'enum', label: 'Kernel size', default: '3', values: ['3', '5', '7'] },
  init: {
    type: 'enum',
    label: 'Initialisation',
    help: 'uniform: every weight 1/fan-in (Luo et al.); he: random He-normal weights.',
    default: DEFAULT_RF_STATE.init,
    values: RF_LIMITS.inits,
  },
  inits: {
    type: 'int',
    label: 'Random inits averaged',
    default: DEFAULT_RF_STATE.inits,
    min: RF_LIMITS.minInits,
    max: RF_LIMITS.maxInits,
  },
  input: { type: 'enum', label: 'Input image', default: DEFAULT_RF_STATE.input, values: RF_LIMITS.inputs },
  nets: { type: 'enum', label: 'Networks shown', default: DEFAULT_RF_STATE.nets, values: RF_LIMITS.nets },
  unitY: {
    type: 'int',
    label: 'Unit row',
    help: 'Input pixel the chosen unit is centred nearest to.',
    default: DEFAULT_RF_STATE.unitY,
    min: 0,
    max: RF_INPUT_SIDE - 1,
  },
  unitX: { type: 'int', label: 'Unit column', default: DEFAULT_RF_STATE.unitX, min: 0, max: RF_INPUT_SIDE - 1 },
});
