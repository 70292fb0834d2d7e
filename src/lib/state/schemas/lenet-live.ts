/**
 * URL state of the LeNet-5 drawing pad: which shipped network reads the digit, and which held-out
 * test digit the pad starts from (the keyboard alternative to drawing).
 */
import { defineSchema, type StateOf } from '../schema.ts';

/** How many held-out test digits the picker offers (two of each class). */
export const LENET_PICKER_DIGITS = 20;

export const lenetLiveSchema = defineSchema({
  model: {
    type: 'enum',
    label: 'Network',
    help: 'lenet5: the 1998 network (scaled tanh, trainable subsampling, C3 table, RBF output); lenet5_modern: ReLU, max pooling, softmax.',
    default: 'lenet5',
    values: ['lenet5', 'lenet5_modern'],
  },
  digit: {
    type: 'int',
    label: 'Test digit',
    help: 'Which of the 20 held-out test digits is drawn on the pad first (0–19).',
    default: 0,
    min: 0,
    max: LENET_PICKER_DIGITS - 1,
    // The picker lists them as "Test digit 1" … "Test digit 20".
    shownOffset: 1,
  },
});

/** The drawing pad's whole state. */
export type LenetLiveState = StateOf<typeof lenetLiveSchema>;
