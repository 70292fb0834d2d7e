/**
 * The ReLU-vs-tanh experiment (Krizhevsky et al. 2012 §3.1, Fig. 1): one small convolutional
 * net trained twice side by side, once with ReLU and once with tanh units, from the same
 * seed, on the same batches, with the same optimiser. Validated here, so a bad configuration
 * fails with a message before any tensor exists. The settings and the default run are data
 * (src/lib/data/relu-tanh-settings.ts), re-exported here.
 */
import type { InitScheme } from '../init.ts';
import { inRange } from '../lab/config.ts';

export {
  DEFAULT_RELU_TANH_CONFIG,
  DROPOUT_RATE,
  RELU_TANH_NETS,
  type ReluTanhConfig,
  type ReluTanhNet,
} from '../../data/relu-tanh-settings.ts';
import type { ReluTanhConfig, ReluTanhNet } from '../../data/relu-tanh-settings.ts';

/**
 * Each net starts from the initialisation made for its units, drawn from the same seed: He for
 * ReLU, Glorot for tanh. One init for both would handicap one of them (Glorot shrinks a ReLU
 * net's signal by √2 per layer; He drives tanh units into saturation), which is not what Fig. 1
 * is about.
 */
export const RELU_TANH_INIT: Readonly<Record<ReluTanhNet, InitScheme>> = { relu: 'he', tanh: 'glorot' };

/** Every problem with `config`, as messages a reader can act on; empty when it is valid. */
export function reluTanhConfigProblems(config: ReluTanhConfig): string[] {
  return [
    ...inRange('width', config.width, 2, 32, true),
    ...inRange('batch', config.batch, 2, 128, true),
    ...inRange('learning rate', config.learningRate, 1e-5, 1, false),
    ...inRange('momentum', config.momentum, 0, 0.99, false),
    ...inRange('total steps', config.totalSteps, 1, 100_000, true),
    ...inRange('seed', config.seed, 0, 2 ** 31 - 1, true),
    ...(typeof config.dropout === 'boolean' ? [] : [`dropout must be true or false, got ${String(config.dropout)}`]),
  ];
}

/** Throws one Error listing every problem of `config`. */
export function assertReluTanhConfig(config: ReluTanhConfig): void {
  const problems = reluTanhConfigProblems(config);
  if (problems.length > 0) throw new Error(`invalid ReLU-vs-tanh configuration: ${problems.join('; ')}`);
}
