/**
 * The batch-norm experiment's jobs: 'batch-norm-train' takes a chunk of steps of the one run
 * the worker keeps (the page loops chunks; pause is not asking for the next), and
 * 'batch-norm-reset' frees it.
 */
import { BATCH_NORM_TEST_COUNT } from '../../data/batch-norm-settings.ts';
import type { BatchNormConfig } from '../batch-norm/config.ts';
import { BatchNormSession, type BatchNormStep } from '../batch-norm/session.ts';
import { labData } from '../lab/data.ts';
import { RunStore } from '../training/run-store.ts';
import type { JobDefinition } from './job.ts';
import {
  resetRunJob,
  sideBySideTrainJob,
  type ChunkParams,
  type ChunkResult,
  type Timed,
} from './side-by-side-train.ts';

/** The worker's batch-norm run: the split's training digits, and BATCH_NORM_TEST_COUNT of its test digits for the checks. */
export class BatchNormStore extends RunStore<BatchNormConfig, BatchNormSession> {
  constructor() {
    super((config, split) => new BatchNormSession(config, labData(split, BATCH_NORM_TEST_COUNT)));
  }
}

export type BatchNormTrainParams = ChunkParams<BatchNormConfig>;
/** Streamed after every step (every `evalEvery`-th with its held-out check). */
export type BatchNormTrainProgress = Timed<BatchNormStep>;
export type BatchNormTrainResult = ChunkResult<BatchNormStep>;

export function batchNormTrainJob(
  store: BatchNormStore,
): JobDefinition<BatchNormTrainParams, BatchNormTrainResult, BatchNormTrainProgress> {
  return sideBySideTrainJob(store, (session) => session.trainStep());
}

/** 'batch-norm-reset': frees the run. */
export function batchNormResetJob(
  store: BatchNormStore,
): JobDefinition<Record<string, never>, { readonly reset: true }> {
  return resetRunJob(store);
}
