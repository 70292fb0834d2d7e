/**
 * The command line of `npm run experiment -- <name> [--seed N] [--steps N] [--backend wasm|cpu]
 * [--json]`. Parsed before TF.js loads, so a typo costs nothing and exits with code 2.
 */

/** Backends a headless experiment runs on: Node has no WebGL or WebGPU. */
export const EXPERIMENT_BACKENDS = ['wasm', 'cpu'] as const;
export type ExperimentBackend = (typeof EXPERIMENT_BACKENDS)[number];

export interface ExperimentArgs {
  readonly name: string;
  /** Replaces the configuration's seed; null keeps it. */
  readonly seed: number | null;
  /** Replaces the configuration's step count; null keeps it. */
  readonly steps: number | null;
  readonly backend: ExperimentBackend;
  /** Print one JSON object as the last line. */
  readonly json: boolean;
}

/** A command line the runner cannot run; its message is one line, meant for the terminal. */
export class ExperimentArgsError extends Error {
  override readonly name = 'ExperimentArgsError';
}

/** The usage line, naming the experiments there are. */
export function experimentUsage(names: readonly string[]): string {
  return `usage: npm run experiment -- <${names.join('|')}> [--seed N] [--steps N] [--backend ${EXPERIMENT_BACKENDS.join('|')}] [--json]`;
}

function wholeNumber(flag: string, value: string | undefined, low: number, high: number): number {
  if (value === undefined || value.startsWith('--')) throw new ExperimentArgsError(`${flag} needs a value`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < low || n > high) {
    throw new ExperimentArgsError(`${flag} must be a whole number in ${low}…${high}, got "${value}"`);
  }
  return n;
}

/**
 * Parses the arguments after `npm run experiment --`; throws ExperimentArgsError for anything it
 * does not know, and for --steps with an experiment not in `training` (default: all `names`).
 */
export function parseExperimentArgs(
  argv: readonly string[],
  names: readonly string[],
  training: readonly string[] = names,
): ExperimentArgs {
  let name: string | null = null;
  let seed: number | null = null;
  let steps: number | null = null;
  let backend: ExperimentBackend | null = null;
  let json = false;
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag = raw, inline] = raw.startsWith('--') ? (raw.split(/=(.*)/s, 2) as [string, string?]) : [raw];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (flag.startsWith('--')) {
      if (seen.has(flag)) throw new ExperimentArgsError(`${flag} is given twice`);
      seen.add(flag);
    }
    switch (flag) {
      case '--json':
        if (inline !== undefined) throw new ExperimentArgsError('--json takes no value');
        json = true;
        break;
      case '--seed':
        seed = wholeNumber('--seed', value(), 0, 2 ** 31 - 1);
        break;
      case '--steps':
        steps = wholeNumber('--steps', value(), 1, 100_000);
        break;
      case '--backend': {
        const chosen = value();
        if (!EXPERIMENT_BACKENDS.includes(chosen as ExperimentBackend)) {
          throw new ExperimentArgsError(
            `--backend must be one of ${EXPERIMENT_BACKENDS.join(', ')}, got ${chosen === undefined ? 'nothing' : `"${chosen}"`}`,
          );
        }
        backend = chosen as ExperimentBackend;
        break;
      }
      default:
        if (flag.startsWith('-')) throw new ExperimentArgsError(`unknown option "${flag}" (${experimentUsage(names)})`);
        if (name !== null) throw new ExperimentArgsError(`one experiment at a time: got "${name}" and "${raw}"`);
        if (!names.includes(raw)) {
          throw new ExperimentArgsError(`no experiment "${raw}" (there are: ${names.join(', ')})`);
        }
        name = raw;
    }
  }
  if (name === null) throw new ExperimentArgsError(`name an experiment (${experimentUsage(names)})`);
  if (steps !== null && !training.includes(name)) {
    throw new ExperimentArgsError(
      `--steps applies to the experiments that train (${training.join(', ')}); ${name} trains nothing`,
    );
  }
  return { name, seed, steps, backend: backend ?? 'wasm', json };
}
