/**
 * Training classifiers with the project's networks: seeded mini-batches, the classification
 * loss (softmax cross-entropy; LeNet-5's RBF energies as negative logits), one SGD step, an
 * epoch, a learning-rate schedule and evaluation. Pure compute: runs in Node and in the worker.
 */
export type { ExampleSource, LabelledBatch } from './examples.ts';
export { shuffledBatches, sequentialBatches } from './batches.ts';
export { classCount, classLogits, classificationLoss, hasEnergyOutput } from './loss.ts';
export { trainStep } from './train-step.ts';
export { trainEpoch, type EpochOptions, type EpochResult } from './epoch.ts';
export { evaluateClassifier, type Evaluation } from './evaluate.ts';
export { cosineLearningRate, type CosineSchedule } from './schedule.ts';
export { filterGradientNhwc, useFastCpuFilterGradient } from './cpu-filter-gradient.ts';
