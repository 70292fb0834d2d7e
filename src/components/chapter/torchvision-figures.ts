/**
 * Figures from torchvision's pretrained-weights metadata (ImageNet-1K top-1 and top-5 accuracy,
 * %), read from src/data/torchvision-weights.json, a copy of the weights enums' meta, so a chapter
 * prints what torchvision measured and never a hand-typed copy.
 */
import data from '../../data/torchvision-weights.json' with { type: 'json' };
import { formatDigits } from '../../lib/models/figures.ts';

/** One weights enum's metadata: accuracies in % (ImageNet-1K validation), ops in GMACs. */
export interface TorchvisionWeights {
  readonly model: string;
  readonly weights: string;
  readonly acc1: number;
  readonly acc5: number;
  readonly numParams: number;
  readonly ops: number;
  readonly recipe: string;
}

/** Every weights entry of the data file, in its order. */
export const TORCHVISION_WEIGHTS: readonly TorchvisionWeights[] = data.weights;

/** What a chapter can print: top-1 or top-5 accuracy. */
export const ACCURACY_STATS = ['acc1', 'acc5'] as const;
export type AccuracyStat = (typeof ACCURACY_STATS)[number];

/** The entry for `model`'s `weights` (e.g. resnet50, IMAGENET1K_V2); throws naming the ones that exist. */
export function torchvisionWeights(model: string, weights: string): TorchvisionWeights {
  const entry = TORCHVISION_WEIGHTS.find((w) => w.model === model && w.weights === weights);
  if (entry === undefined) {
    const known = TORCHVISION_WEIGHTS.map((w) => `${w.model}/${w.weights}`).join(', ');
    throw new Error(`no torchvision weights ${model}/${weights} in src/data/torchvision-weights.json; it has ${known}`);
  }
  return entry;
}

/**
 * One accuracy as a page prints it, with torchvision's three decimals: value 80.858 (%), text
 * "80.858%" (digits as a page in `locale` writes them).
 */
export function accuracyFigure(
  model: string,
  weights: string,
  stat: AccuracyStat,
  locale = 'en-US',
): { value: number; text: string } {
  const value = torchvisionWeights(model, weights)[stat];
  return { value, text: `${formatDigits(value, locale, 3)}%` };
}
