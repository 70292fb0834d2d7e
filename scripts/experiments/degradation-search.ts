/**
 * The search for a skip-connection lab configuration that shows the degradation problem (He et
 * al. 2016 Figs. 1 and 6) in about a minute of WASM training on a 2-core machine. Each candidate
 * is the lab's configuration with a few fields changed and a step count; each runs at every seed
 * with the experiment's own code (runDegradation), and appends one JSON line per run to the log.
 * `--summary` turns the log into the table in docs/experiments/degradation.md.
 *
 *   node scripts/experiments/degradation-search.ts --candidates d20-w8,d32-w4 --seeds 1,2,3
 *   node scripts/experiments/degradation-search.ts --summary
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LabConfig } from '../../src/lib/compute/lab/config.ts';
import { CANDIDATES, candidateConfig } from './degradation-candidates.ts';
import { readMnistSplit, startNodeBackend } from './node-compute.ts';

const LOG = new URL('../../docs/experiments/degradation-search.jsonl', import.meta.url);

/** One run as the log records it. */
interface LoggedRun {
  readonly candidate: string;
  readonly seed: number;
  readonly steps: number;
  readonly seconds: number;
  readonly config: LabConfig;
  readonly plainGap: number;
  readonly residualGap: number;
  readonly verdict: string;
  readonly nets: Record<string, { depth: number; trainLoss: number; trainError: number; testError: number }>;
}

const { values: options } = parseArgs({
  options: {
    candidates: { type: 'string' },
    seeds: { type: 'string', default: '1,2,3,4,5' },
    summary: { type: 'boolean', default: false },
  },
});

if (options.summary) {
  printSummary();
} else {
  const names = (options.candidates ?? Object.keys(CANDIDATES).join(',')).split(',');
  const unknown = names.filter((name) => !(name in CANDIDATES));
  if (unknown.length > 0) {
    console.error(`no candidate ${unknown.join(', ')} (there are: ${Object.keys(CANDIDATES).join(', ')})`);
    process.exit(2);
  }
  const seeds = options.seeds.split(',').map(Number);
  await startNodeBackend('wasm');
  const { labData } = await import('../../src/lib/compute/lab/data.ts');
  const { runDegradation } = await import('../../src/lib/compute/experiments/degradation/run.ts');
  const data = labData(await readMnistSplit());
  for (const name of names) {
    const candidate = CANDIDATES[name]!;
    for (const seed of seeds) {
      const config = candidateConfig(candidate, seed);
      const started = performance.now();
      const run = await runDegradation(config, data, { steps: candidate.steps });
      const logged: LoggedRun = {
        candidate: name,
        seed,
        steps: candidate.steps,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        config,
        plainGap: run.plainGap,
        residualGap: run.residualGap,
        verdict: run.verdict,
        nets: run.nets,
      };
      appendFileSync(LOG, `${JSON.stringify(logged)}\n`);
      console.log(
        `${name} seed ${seed}: ${logged.seconds} s, plain gap ${run.plainGap.toFixed(3)}, residual gap ${run.residualGap.toFixed(3)} → ${run.verdict}`,
      );
    }
  }
}

/** Per candidate: runs, seconds, each gap's mean and range over seeds, and how many runs reproduced. */
function printSummary(): void {
  if (!existsSync(LOG)) throw new Error('no log yet: run some candidates first');
  const runs = readFileSync(LOG, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LoggedRun);
  const byCandidate = Map.groupBy(runs, (run) => `${run.candidate} · ${run.steps} steps`);
  const fixed = (x: number) => x.toFixed(3);
  const range = (xs: number[]) =>
    `${fixed(xs.reduce((a, b) => a + b, 0) / xs.length)} (${fixed(Math.min(...xs))} … ${fixed(Math.max(...xs))})`;
  console.log(
    '| candidate | seeds | s per run | plain − shallow, mean (min … max) | residual − shallow | reproduced |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [name, group] of byCandidate) {
    const seconds = Math.max(...group.map((r) => r.seconds));
    const reproduced = group.filter((r) => r.verdict === 'reproduced').length;
    console.log(
      `| ${name} | ${group
        .map((r) => r.seed)
        .sort((a, b) => a - b)
        .join(
          ', ',
        )} | ≤ ${seconds} | ${range(group.map((r) => r.plainGap))} | ${range(group.map((r) => r.residualGap))} | ${reproduced}/${group.length} |`,
    );
  }
}
