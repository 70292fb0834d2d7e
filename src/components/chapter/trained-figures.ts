/**
 * Figures about the shipped LeNet-5 weights, read at build time (Node only: a component's
 * frontmatter) from the manifests `npm run train:lenet` writes into public/weights/, so the
 * chapter prints what the files say and never a hand-typed copy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDigits } from '../../lib/models/figures.ts';

/** The shipped trained networks. */
export const TRAINED_MODELS = ['lenet5', 'lenet5_modern'] as const;
export type TrainedModel = (typeof TRAINED_MODELS)[number];

/** What a manifest records: test accuracy (0–1), and the sizes of the training and test splits (digits). */
export const TRAINED_STATS = ['testAccuracy', 'trainCount', 'testCount'] as const;
export type TrainedStat = (typeof TRAINED_STATS)[number];

interface TrainingRecord {
  testAccuracy: number;
  data: { trainCount: number; testCount: number };
}

const records = new Map<string, TrainingRecord>();

/** The `training` section of public/weights/<model>.json in the project being built. */
function trainingRecord(model: TrainedModel, root: string): TrainingRecord {
  const file = join(root, 'public', 'weights', `${model}.json`);
  const cached = records.get(file);
  if (cached) return cached;
  let manifest: { training?: TrainingRecord };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as { training?: TrainingRecord };
  } catch (error) {
    throw new Error(`${file} could not be read (${String(error)}); npm run train:lenet writes it`, { cause: error });
  }
  const record = manifest.training;
  if (!record || typeof record.testAccuracy !== 'number' || typeof record.data?.testCount !== 'number') {
    throw new Error(`${file} has no training record; npm run train:lenet writes it`);
  }
  records.set(file, record);
  return record;
}

/**
 * One figure from a shipped model's manifest: its exact value (accuracy as a 0–1 fraction, counts
 * in digits) and its text as a page in `locale` prints it ("98.25%", "2,000").
 */
export function trainedFigure(
  model: TrainedModel,
  stat: TrainedStat,
  root: string = process.cwd(),
  locale = 'en-US',
): { value: number; text: string } {
  const record = trainingRecord(model, root);
  if (stat === 'testAccuracy') {
    return { value: record.testAccuracy, text: `${formatDigits(record.testAccuracy * 100, locale, 2)}%` };
  }
  const value = record.data[stat];
  return { value, text: formatDigits(value, locale) };
}
