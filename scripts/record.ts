/**
 * `npm run record -- <degradation|relu-tanh|batch-norm> [--steps N] [--backend wasm|cpu]`: trains a training
 * experiment's default configuration for RECORD_LENGTH times its default steps (or --steps), with
 * the same code `npm run experiment` and the widget's worker run, and writes the run to
 * public/runs/<experiment>.json: the widget draws it behind the live curves. Bad arguments: a
 * one-line error and exit code 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { experimentUsage, ExperimentArgsError, parseExperimentArgs } from './experiments/args.ts';
import { EXPERIMENTS, TRAINING_EXPERIMENTS } from './experiments/registry.ts';
import { RECORD_FORMAT, RECORD_LENGTH, recordedCurves, type RecordedRun } from '../src/lib/data/recorded-run.ts';

function refuse(message: string): never {
  console.error(`npm run record: ${message}`);
  console.error(
    experimentUsage(TRAINING_EXPERIMENTS)
      .replace('experiment', 'record')
      .replace(' [--seed N]', '')
      .replace(' [--json]', ''),
  );
  process.exit(2);
}

let args;
try {
  args = parseExperimentArgs(process.argv.slice(2), TRAINING_EXPERIMENTS);
} catch (error) {
  if (!(error instanceof ExperimentArgsError)) throw error;
  refuse(error.message.replace(/\n?usage:.*$/s, ''));
}
if (args.seed !== null) refuse('a recorded run is of the default configuration, so it takes no --seed');
if (args.json) refuse('--json is for npm run experiment; the record is a JSON file already');

const experiment = EXPERIMENTS[args.name]!;
const steps = args.steps ?? RECORD_LENGTH * experiment.defaultSteps!;
const report = await experiment.run({ ...args, steps }, (line) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K`);
  else console.error(line);
});
if (process.stderr.isTTY) process.stderr.write('\n');
const recording = report.recording;
if (recording === undefined) throw new Error(`${args.name} reported no recording`);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const run: RecordedRun = {
  format: RECORD_FORMAT,
  experiment: args.name,
  version: pkg.version,
  backend: args.backend,
  seed: report.json.seed,
  steps,
  config: recording.config,
  nets: recording.nets,
  curves: recordedCurves(recording.history, recording.nets),
  verdict: recording.verdict,
};
const file = new URL(`../public/runs/${args.name}.json`, import.meta.url);
writeFileSync(file, `${JSON.stringify(run)}\n`);
console.log(report.text);
console.log(`wrote ${file.pathname.replace(`${process.cwd()}/`, '')} (${steps} steps)`);
