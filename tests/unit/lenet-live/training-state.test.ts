import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import {
  stepsDone,
  trainingPanelView,
  type RunState,
  type TrainingRecord,
} from '../../../src/components/lenet-live/training-state.ts';
import { TRAIN_TOTAL_STEPS, type TrainingPoint } from '../../../src/components/lenet-live/plan.ts';

const t = en.lenetLive;
const point = (step: number, accuracy = 0.5): TrainingPoint => ({ step, loss: 1, accuracy });
/** The record after chunks ending at `steps`, the last with test accuracy `accuracy`. */
const record = (steps: number[], accuracy = 0.5, useTrained = false): TrainingRecord => ({
  points: steps.map((step) => point(step, accuracy)),
  useTrained,
});
const NO_TRAINING = record([]);
const idle: RunState = { running: false, looping: false, runId: null };
const training: RunState = { running: true, looping: true, runId: 'lenet-1' };
const paused: RunState = { running: false, looping: false, runId: 'lenet-1' };

describe('the training record', () => {
  test('stepsDone is the last chunk’s step, 0 before the first', () => {
    expect(stepsDone([point(10), point(20)])).toBe(20);
    expect(stepsDone([])).toBe(0);
  });
});

describe('trainingPanelView', () => {
  test('before the first Train: Train enabled, Reset and Use disabled, no status, the shipped weights', () => {
    expect(trainingPanelView(t, NO_TRAINING, idle)).toEqual({
      trainLabel: 'Train',
      trainDisabled: false,
      resetDisabled: true,
      useDisabled: true,
      usePressed: false,
      weightsNote: 'The pad reads with the shipped weights.',
      status: '',
    });
  });

  test('while training: Pause, and the step and accuracy so far', () => {
    const view = trainingPanelView(t, record([10], 0.314), training);
    expect(view.trainLabel).toBe('Pause');
    expect(view.trainDisabled).toBe(false);
    expect(view.resetDisabled).toBe(false);
    expect(view.useDisabled).toBe(false);
    expect(view.status).toBe(`Step 10 of ${TRAIN_TOTAL_STEPS}; test accuracy 31.4%.`);
  });

  test('paused: Resume, and the status says so', () => {
    const view = trainingPanelView(t, record([10], 0.314), paused);
    expect(view.trainLabel).toBe('Resume');
    expect(view.status).toBe(`Step 10 of ${TRAIN_TOTAL_STEPS}; test accuracy 31.4%. Paused.`);
  });

  test('paused with the last chunk still in flight: the button waits for it', () => {
    const view = trainingPanelView(t, record([10]), { running: false, looping: true, runId: 'lenet-1' });
    expect(view.trainLabel).toBe('Pause');
    expect(view.trainDisabled).toBe(true);
  });

  test('finished: Train disabled and the final accuracy', () => {
    const view = trainingPanelView(t, record([TRAIN_TOTAL_STEPS], 0.9), paused);
    expect(view.trainDisabled).toBe(true);
    expect(view.status).toBe(`Finished: ${TRAIN_TOTAL_STEPS} steps; test accuracy 90.0%.`);
  });

  test('with the trained weights in use: the button is pressed and the note names the step', () => {
    const view = trainingPanelView(t, record([10, 20], 0.5, true), paused);
    expect(view.usePressed).toBe(true);
    expect(view.weightsNote).toBe('The pad now reads with your weights (after step 20).');
  });

  test('after the worker lost the run, the shipped weights read though the reader had asked for theirs', () => {
    const view = trainingPanelView(t, record([10, 20], 0.5, true), idle);
    expect(view.usePressed).toBe(false);
    expect(view.weightsNote).toBe('The pad reads with the shipped weights.');
  });
});
