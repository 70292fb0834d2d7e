/**
 * Checking a recorded reference run read from a file (public/runs/<experiment>.json): its
 * layout, fields and one finite value per step and net, before a page or the build draws it.
 * Pure; kept apart from recorded-run.ts so a page loads it only when it fetches a run.
 */
import { RECORD_FORMAT, type RecordedRun } from './recorded-run.ts';

/** A recorded file that cannot be used, with a message a reader or maintainer can act on. */
export class RecordedRunError extends Error {
  override readonly name = 'RecordedRunError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function curvesProblem(curves: unknown, steps: number): string | null {
  if (!isRecord(curves)) return 'has no loss and accuracy curves';
  for (const metric of ['loss', 'accuracy'] as const) {
    const values = curves[metric];
    if (!Array.isArray(values) || values.length !== steps) return `has no ${metric} curve of ${steps} values`;
    if (!values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0))
      return `has a ${metric} value that is not a finite number ≥ 0`;
    if (metric === 'accuracy' && values.some((v: number) => v > 1)) return 'has an accuracy above 1';
  }
  return null;
}

/**
 * Checks that `json` is a recorded run of `experiment` (format, fields, one finite value per step
 * and net) and returns it typed. Throws a RecordedRunError naming the first problem.
 */
export function parseRecordedRun(json: unknown, experiment: string, nets: readonly string[]): RecordedRun {
  const fail = (problem: string): never => {
    throw new RecordedRunError(`the recorded ${experiment} run ${problem}`);
  };
  if (!isRecord(json)) return fail('is not a JSON object');
  if (json['format'] !== RECORD_FORMAT) return fail(`is of format ${String(json['format'])}, not ${RECORD_FORMAT}`);
  if (json['experiment'] !== experiment) return fail(`is of another experiment (${String(json['experiment'])})`);
  const steps = json['steps'];
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) return fail('has no step count');
  if (!isRecord(json['config'])) return fail('has no configuration');
  for (const key of ['version', 'backend', 'verdict'] as const)
    if (typeof json[key] !== 'string') return fail(`has no ${key}`);
  if (typeof json['seed'] !== 'number') return fail('has no seed');
  if (!Array.isArray(json['nets']) || json['nets'].join() !== nets.join())
    return fail(`does not hold the networks ${nets.join(', ')}`);
  const curves = json['curves'];
  if (!isRecord(curves)) return fail('has no curves');
  for (const net of nets) {
    const problem = curvesProblem(curves[net], steps);
    if (problem !== null) fail(`${problem} for ${net}`);
  }
  return json as unknown as RecordedRun;
}
