/**
 * URL state of the gradient-flow explorer: the network the reader configures (depth,
 * activation, initialisation, batch norm, shortcuts) and which gradient norms are plotted.
 */
import { MAX_GRADIENT_FLOW_DEPTH } from '../../models/gradient-flow-net.ts';
import { defineSchema, type StateOf } from '../schema.ts';

export const gradientFlowSchema = defineSchema({
  depth: {
    type: 'int',
    label: 'Depth',
    help: 'Weight layers: convolutions plus the final dense layer.',
    default: 20,
    min: 2,
    max: MAX_GRADIENT_FLOW_DEPTH,
  },
  activation: { type: 'enum', label: 'Activation', default: 'sigmoid', values: ['sigmoid', 'tanh', 'relu'] },
  init: {
    type: 'enum',
    label: 'Initialisation',
    help: 'naive: N(0, 0.01²); glorot: Glorot & Bengio 2010 uniform; he: He et al. 2015 normal.',
    default: 'naive',
    values: ['naive', 'glorot', 'he'],
  },
  bn: { type: 'boolean', label: 'Batch norm', default: false },
  skips: {
    type: 'boolean',
    label: 'Skip connections',
    help: 'Show the residual twin: the same weights with an identity shortcut every k layers.',
    default: true,
  },
  every: { type: 'int', label: 'Skip every k layers', default: 2, min: 1, max: 4 },
  norm: {
    type: 'enum',
    label: 'Gradients plotted',
    help: 'activation: ‖∂L/∂h_l‖; weight: ‖∂L/∂W_l‖ (not on WASM); both.',
    default: 'activation',
    values: ['activation', 'weight', 'both'],
  },
});

/** The explorer's whole state. */
export type GradientFlowState = StateOf<typeof gradientFlowSchema>;
