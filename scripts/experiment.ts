/**
 * `npm run experiment -- <name> [--seed N] [--steps N] [--backend wasm|cpu] [--json]`: runs one
 * of the site's experiments headless, in Node, with the same compute code the widget's worker
 * runs, and prints a progress line, then the result. With --json the last line is one JSON
 * object. Bad arguments: a one-line error and exit code 2.
 *
 *   npm run experiment -- degradation                 the lab's default run, on WASM
 *   npm run experiment -- degradation --seed 3 --json
 *   npm run experiment -- erf | gradient-flow | shattering   (at initialisation: no --steps)
 */
import { experimentUsage, ExperimentArgsError, parseExperimentArgs, type ExperimentArgs } from './experiments/args.ts';
import { EXPERIMENTS, TRAINING_EXPERIMENTS } from './experiments/registry.ts';

let args: ExperimentArgs;
try {
  args = parseExperimentArgs(process.argv.slice(2), Object.keys(EXPERIMENTS), TRAINING_EXPERIMENTS);
} catch (error) {
  if (!(error instanceof ExperimentArgsError)) throw error;
  console.error(`npm run experiment: ${error.message}`);
  if (!error.message.includes('usage:')) console.error(experimentUsage(Object.keys(EXPERIMENTS)));
  process.exit(2);
}

const started = performance.now();
const report = await EXPERIMENTS[args.name]!.run(args, (line) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else console.error(line);
});
if (process.stderr.isTTY) process.stderr.write('\n');
const seconds = Math.round((performance.now() - started) / 100) / 10;
console.log(report.text);
if (args.json) {
  const { seed, backend, ...measured } = report.json;
  console.log(JSON.stringify({ experiment: args.name, seed, backend, seconds, ...measured }));
}
