/**
 * URL state of the ReLU-vs-tanh experiment: the shared network width and optimiser, dropout on
 * or off, the length of the run and the training error both nets race to.
 */
import { DEFAULT_RELU_TANH_CONFIG } from '../../data/relu-tanh-settings.ts';
import { defineSchema, type StateOf } from '../schema.ts';

export const reluTanhSchema = defineSchema({
  width: {
    type: 'int',
    label: 'Width',
    help: 'Channels of the first conv layer (the second has twice as many).',
    default: DEFAULT_RELU_TANH_CONFIG.width,
    min: 2,
    max: 16,
  },
  batch: { type: 'int', label: 'Batch', default: DEFAULT_RELU_TANH_CONFIG.batch, min: 4, max: 128 },
  lr: { type: 'number', label: 'Learning rate', default: DEFAULT_RELU_TANH_CONFIG.learningRate, min: 0.001, max: 0.5 },
  momentum: { type: 'number', label: 'Momentum', default: DEFAULT_RELU_TANH_CONFIG.momentum, min: 0, max: 0.99 },
  dropout: {
    type: 'boolean',
    label: 'Dropout',
    help: 'Both nets drop half the units before each fully connected layer while training (AlexNet §4.2).',
    default: DEFAULT_RELU_TANH_CONFIG.dropout,
  },
  steps: {
    type: 'int',
    label: 'Training steps',
    help: 'Length of the run; training stops there.',
    default: DEFAULT_RELU_TANH_CONFIG.totalSteps,
    min: 10,
    max: 3000,
  },
  target: {
    type: 'int',
    label: 'Target training error (%)',
    help: 'The training error whose first crossing the summary compares (Fig. 1 used 25% on CIFAR-10).',
    default: 10,
    min: 1,
    max: 50,
  },
});

/** The experiment's whole state. */
export type ReluTanhState = StateOf<typeof reluTanhSchema>;
