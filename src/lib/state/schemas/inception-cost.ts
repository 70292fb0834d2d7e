/**
 * URL state of the Inception-cost widget: which of GoogLeNet's nine modules, in the paper's form
 * or torchvision's, how wide its 1×1 reductions are relative to Table 1 (or none: the naïve
 * module of Fig. 2a), and whether the bars show multiply-accumulates or parameters.
 */
import { inceptionNames, REDUCTION_FACTORS } from '../../models/inception-widths.ts';
import { defineSchema, type StateOf } from '../schema.ts';

export const inceptionCostSchema = defineSchema({
  module: {
    type: 'enum',
    label: 'Module',
    help: "One of GoogLeNet's nine Inception modules, by torchvision's name (Szegedy et al. 2015, Table 1).",
    default: 'inception3a',
    values: inceptionNames,
  },
  form: {
    type: 'enum',
    label: 'Form',
    help: "paper: a 5×5 third branch, convolutions with biases; torchvision: a 3×3 third branch and batch norm after every convolution, as torchvision's googlenet builds it.",
    default: 'paper',
    values: ['paper', 'torchvision'],
  },
  reduce: {
    type: 'enum',
    label: '1×1 reductions',
    help: "Width of the 1×1 reductions before the 3×3 and 5×5 convolutions, as a multiple of Table 1's; none is the naïve module of Fig. 2(a).",
    default: '1',
    values: REDUCTION_FACTORS,
  },
  metric: {
    type: 'enum',
    label: 'Bars show',
    help: 'Multiply-accumulates per image, or parameters.',
    default: 'macs',
    values: ['macs', 'params'],
  },
});

/** The widget's whole state. */
export type InceptionCostState = StateOf<typeof inceptionCostSchema>;
