/**
 * The ReLU-vs-tanh experiment's jobs: 'relu-tanh-train' takes a chunk of steps of the one run
 * the worker keeps (the page loops chunks; pause is not asking for the next), and
 * 'relu-tanh-reset' frees it. Training needs weight gradients, so on WASM it runs on the CPU.
 */
import { lenetExamples } from '../../data/lenet-examples.ts';
import type { ReluTanhConfig } from '../relu-tanh/config.ts';
import { ReluTanhSession, type ReluTanhStep } from '../relu-tanh/session.ts';
import { RunStore } from '../training/run-store.ts';
import type { JobDefinition } from './job.ts';
import {
  resetRunJob,
  sideBySideTrainJob,
  type ChunkParams,
  type ChunkResult,
  type Timed,
} from './side-by-side-train.ts';

/** The worker's ReLU-vs-tanh run, trained on the split's 8,000 training digits in 32×32 fields. */
export class ReluTanhStore extends RunStore<ReluTanhConfig, ReluTanhSession> {
  constructor() {
    super((config, split) => new ReluTanhSession(config, lenetExamples(split.train)));
  }
}

export type ReluTanhTrainParams = ChunkParams<ReluTanhConfig>;
/** Streamed after every step. */
export type ReluTanhTrainProgress = Timed<ReluTanhStep>;
export type ReluTanhTrainResult = ChunkResult<ReluTanhStep>;

export function reluTanhTrainJob(
  store: ReluTanhStore,
): JobDefinition<ReluTanhTrainParams, ReluTanhTrainResult, ReluTanhTrainProgress> {
  return sideBySideTrainJob(store, (session) => session.trainStep());
}

/** 'relu-tanh-reset': frees the run (the page's Reset, or leaving the page). */
export function reluTanhResetJob(store: ReluTanhStore): JobDefinition<Record<string, never>, { readonly reset: true }> {
  return resetRunJob(store);
}
