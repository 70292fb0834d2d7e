/**
 * Figures of the recorded reference runs (public/runs/<experiment>.json, written by
 * `npm run record`), read at build time and judged by each experiment's own rule, so a chapter
 * prints what the recorded run showed and never a hand-typed copy. Node only (a component's
 * frontmatter).
 */
import { trainingTails, degradationVerdict } from '../../lib/compute/experiments/degradation/verdict.ts';
import { reluTanhVerdict } from '../../lib/compute/experiments/relu-tanh/verdict.ts';
import { LAB_NETS, type LabNet } from '../../lib/compute/lab/config.ts';
import { RELU_TANH_NETS, type ReluTanhNet } from '../../lib/compute/relu-tanh/config.ts';
import { recordedSteps, type RecordedRun } from '../../lib/data/recorded-run.ts';
import { defaultState } from '../../lib/state/schema.ts';
import { reluTanhSchema } from '../../lib/state/schemas/relu-tanh.ts';
import { readRecording } from '../widget/recorded-run-build.ts';
import { formatDigits } from '../../lib/models/figures.ts';
import { chapter as english, type ChapterStrings } from '../../i18n/en/chapter.ts';

/** What a figure's text is written with: the page's number locale and its words for "more than". */
type Words = Pick<ChapterStrings, 'numberLocale' | 'recorded'>;

/**
 * The figures of each recorded run: its length (steps); for ReLU vs tanh, the steps each net
 * needed to reach the widget's default target training error and tanh's steps ÷ ReLU's; for
 * degradation, how far the deep plain net ends above the shallow one and the residual net below
 * it (nats of training loss, mean of the last 10% of steps).
 */
export const RECORDED_FIGURES = {
  'relu-tanh': ['steps', 'target', 'reluSteps', 'tanhSteps', 'speedup'],
  degradation: ['steps', 'plainGap', 'residualBelow'],
} as const;
export type RecordedExperiment = keyof typeof RECORDED_FIGURES;

const nets = { 'relu-tanh': RELU_TANH_NETS, degradation: LAB_NETS } as const;

/** A figure's exact value (null: a net never reached the target) and its text as the page prints it. */
export interface RecordedFigure {
  readonly value: number | null;
  readonly text: string;
}

function reluTanhFigure(run: RecordedRun, stat: string, words: Words): RecordedFigure {
  const digits = (n: number): string => formatDigits(n, words.numberLocale);
  const target = defaultState(reluTanhSchema).target;
  const verdict = reluTanhVerdict(recordedSteps<ReluTanhNet>(run), target / 100);
  const steps = (n: number | null): RecordedFigure => ({
    value: n,
    text: n === null ? words.recorded.moreThan(digits(run.steps)) : digits(n),
  });
  if (stat === 'target') return { value: target, text: `${target}%` };
  if (stat === 'reluSteps') return steps(verdict.stepsToTarget.relu);
  if (stat === 'tanhSteps') return steps(verdict.stepsToTarget.tanh);
  const speedup = verdict.speedup;
  return { value: speedup, text: speedup === null ? '—' : `${formatDigits(speedup, words.numberLocale, 1)}×` };
}

function degradationFigure(run: RecordedRun, stat: string, words: Words): RecordedFigure {
  const { plainGap, residualGap } = degradationVerdict(trainingTails(recordedSteps<LabNet>(run)));
  const value = stat === 'plainGap' ? plainGap : -residualGap;
  return { value, text: formatDigits(value, words.numberLocale, 2) };
}

/** One figure of `experiment`'s recorded run, written with `words` (default English); throws for a stat the experiment has not. */
export function recordedFigure(experiment: RecordedExperiment, stat: string, words: Words = english): RecordedFigure {
  const stats: readonly string[] = RECORDED_FIGURES[experiment] ?? [];
  if (!stats.includes(stat)) {
    throw new Error(`no recorded figure "${stat}" for ${experiment}: use one of ${stats.join(', ')}`);
  }
  const { run } = readRecording(experiment, nets[experiment]);
  if (stat === 'steps') return { value: run.steps, text: formatDigits(run.steps, words.numberLocale) };
  return experiment === 'relu-tanh' ? reluTanhFigure(run, stat, words) : degradationFigure(run, stat, words);
}
