/**
 * Where the worker keeps the lab's state between jobs: the digits and at most one training run.
 */
import { RunStore, type MnistSource } from '../training/run-store.ts';
import type { LabConfig } from './config.ts';
import { labData } from './data.ts';
import { LabSession } from './session.ts';

export { RunMissing as LabRunMissing } from '../training/run-store.ts';

/** Where the digits come from: the site's data directory, or a split given inline (tests). */
export type LabDataSource = MnistSource;

export class LabStore extends RunStore<LabConfig, LabSession> {
  constructor() {
    super((config, split, testCount) => new LabSession(config, labData(split, testCount)));
  }
}
