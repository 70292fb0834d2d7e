/**
 * The explorer's preset buttons: the classic stories of gradient flow, each a full configuration.
 */
import type { GradientFlowState } from '../../lib/state/schemas/gradient-flow.ts';

export interface Preset {
  readonly id: 'vanishing' | 'stable' | 'resnet56';
  readonly state: Omit<GradientFlowState, 'norm'>;
}

export const PRESETS: readonly Preset[] = [
  // Glorot & Bengio 2010: saturating sigmoids with small random weights starve the first layers.
  {
    id: 'vanishing',
    state: { depth: 20, activation: 'sigmoid', init: 'naive', bn: false, skips: true, every: 2 },
  },
  // He et al. 2015: ReLU with variance 2/fan-in keeps a plain net's gradients level at moderate depth.
  { id: 'stable', state: { depth: 20, activation: 'relu', init: 'he', bn: false, skips: false, every: 2 } },
  // He et al. 2016 §4.2: 56 layers with BN, plain against residual (two convolutions per block).
  { id: 'resnet56', state: { depth: 56, activation: 'relu', init: 'he', bn: true, skips: true, every: 2 } },
];
