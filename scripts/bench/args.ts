/**
 * The command line of `npm run bench`: which backends to measure, and whether to build first.
 * Parsed before anything slow starts, so a typo costs no build.
 */
import type { BackendName } from '../../src/lib/compute/backend.ts';
import { BACKEND_LADDER, isBackendName } from '../../src/lib/worker/backend-ladder.ts';

export interface BenchArgs {
  /** Backends to measure, in the ladder's order (webgpu, webgl, wasm, cpu); all of them by default. */
  readonly backends: readonly BackendName[];
  /** False with `--no-build`: measure the `dist/` that is already there. */
  readonly build: boolean;
}

/** A command line the bench cannot run; its message is one line, meant for the terminal. */
export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

export const BENCH_USAGE = `usage: npm run bench -- [--backends ${BACKEND_LADDER.join(',')}] [--no-build]`;

/** `--backends`'s value: comma-separated names, each once; throws BenchArgsError otherwise. */
export function parseBackendList(value: string): BackendName[] {
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  if (names.every((name) => name === '')) {
    throw new BenchArgsError(`--backends needs at least one of ${BACKEND_LADDER.join(', ')}`);
  }
  const chosen = new Set<BackendName>();
  for (const name of names) {
    if (!isBackendName(name)) {
      const shown = name === '' ? 'an empty name' : `"${name}"`;
      throw new BenchArgsError(`--backends: ${shown} is not a backend (choose from ${BACKEND_LADDER.join(', ')})`);
    }
    if (chosen.has(name)) throw new BenchArgsError(`--backends: ${name} is named twice`);
    chosen.add(name);
  }
  return BACKEND_LADDER.filter((backend) => chosen.has(backend));
}

/** Parses the arguments after `npm run bench --`; throws BenchArgsError for anything it does not know. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let backends: BackendName[] | null = null;
  let build = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-build') {
      build = false;
      continue;
    }
    const inline = /^--backends=(.*)$/s.exec(arg);
    if (arg === '--backends' || inline) {
      if (backends !== null) throw new BenchArgsError('--backends is given twice');
      const value = inline ? inline[1]! : argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new BenchArgsError(`--backends needs a value, e.g. --backends wasm,cpu`);
      }
      backends = parseBackendList(value);
      continue;
    }
    throw new BenchArgsError(`unknown argument "${arg}" (${BENCH_USAGE})`);
  }
  return { backends: backends ?? [...BACKEND_LADDER], build };
}
