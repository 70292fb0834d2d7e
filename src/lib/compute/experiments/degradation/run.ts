/**
 * The degradation experiment, run: the skip-connection lab's three networks (shallow plain, deep
 * plain, deep residual) trained side by side on the same batches, exactly as the widget's worker
 * trains them, then tested in inference mode with recalibrated batch norm and judged by verdict.ts. `npm run experiment -- degradation` runs it headless.
 */
import type { LabConfig, LabNet } from '../../lab/config.ts';
import { LabSession, type LabData, type LabStep } from '../../lab/session.ts';
import { evaluateClassifier } from '../../training/evaluate.ts';
import { recordSteps } from '../../training/side-by-side.ts';
import { degradationVerdict, trainingTails, type DegradationVerdict, type TrainingTail } from './verdict.ts';

/** One network at the end of a run. */
export interface DegradationNet extends TrainingTail {
  /** Weight layers. */
  readonly depth: number;
  /** Fraction of the test examples misclassified in inference mode, 0–1. */
  readonly testError: number;
}

export interface DegradationRun extends DegradationVerdict {
  readonly steps: number;
  readonly nets: Readonly<Record<LabNet, DegradationNet>>;
  /** Every step's record, in order. */
  readonly history: readonly LabStep[];
}

export interface DegradationOptions {
  /** Steps to train; default the configuration's totalSteps. */
  readonly steps?: number;
  /** After every step. */
  readonly onStep?: (step: LabStep) => void;
}

/**
 * Trains the lab's nets for `steps` steps of `config` on `data`, recalibrates their batch-norm
 * statistics, tests them and returns the verdict. Frees every tensor it made.
 */
export async function runDegradation(
  config: LabConfig,
  data: LabData,
  options: DegradationOptions = {},
): Promise<DegradationRun> {
  const steps = options.steps ?? config.totalSteps;
  const session = new LabSession(config, data);
  try {
    const history = await recordSteps(session, steps, options.onStep);
    const tails = trainingTails(history);
    session.prepareInference();
    const tested = async (net: LabNet): Promise<DegradationNet> => {
      const evaluation = await evaluateClassifier(session.nets[net], data.test, 250, session.runOptions(net));
      const depth = net === 'shallow' ? config.shallowDepth : config.depth;
      return { depth, ...tails[net], testError: 1 - evaluation.accuracy };
    };
    const nets = { shallow: await tested('shallow'), plain: await tested('plain'), residual: await tested('residual') };
    return { steps, nets, history, ...degradationVerdict(tails) };
  } finally {
    session.dispose();
  }
}
