/**
 * The README's Performance figures, generated from bench/results.json: the part of README.md
 * between `<!-- bench:start -->` and `<!-- bench:end -->` is rewritten from the JSON, so no
 * measured number is typed by hand. Run at the end of `npm run bench`, or on its own:
 * `node scripts/bench/readme.ts` (rewrites) or `node scripts/bench/readme.ts --check` (exit 1
 * when README.md is out of date).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BACKEND_LABELS } from '../../src/lib/worker/backend-ladder.ts';
import type { BackendName } from '../../src/lib/compute/backend.ts';
import {
  BENCH_WIDGETS,
  RATIO_AT,
  readResults,
  type BenchResults,
  type BenchWidget,
  type MeasuredBackend,
  type ModelTiming,
} from './report.ts';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

/** Models and batches of the job-time table (all four nets stay in the JSON). */
const TABLE_MODELS = ['resnet20', 'resnet56'] as const;
const TABLE_BATCHES = [1, 32] as const;
/** The net and batch the ratios are taken at (issue 18's acceptance figures). */

const WIDGET_NAMES: Readonly<Record<BenchWidget, string>> = {
  'skip-lab': 'Skip-connection lab',
  'relu-tanh': 'ReLU vs tanh',
  'lenet-live': 'LeNet-5 training',
};

const label = (backend: string): string => BACKEND_LABELS[backend as BackendName] ?? backend;

/** 9.3 ms, 215 ms, 12.5 s; "failed" for NaN; "—" for null. */
export function formatMs(v: number | null): string {
  if (v === null) return '—';
  if (!Number.isFinite(v)) return 'failed';
  if (v < 10) return `${v.toFixed(1)} ms`;
  if (v < 1000) return `${v.toFixed(0)} ms`;
  return `${(v / 1000).toFixed(1)} s`;
}

/** 0.061, 2.41, 17.3 steps/s. */
export function formatRate(v: number): string {
  if (!Number.isFinite(v)) return 'failed';
  return v < 0.1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1);
}

/** 3.1×, 41×. */
export function formatRatio(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v < 10 ? `${v.toFixed(1)}×` : `${v.toFixed(0)}×`;
}

/** 2026-12-03 17:46 UTC: two runs of one day told apart. */
const day = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** A step the bench did not time: "skipped" for its own 45-s rule (explained under the table), else the note. */
function trainNote(note: string | undefined): string {
  if (note === undefined) return 'not measured';
  return note.startsWith('skipped') ? 'skipped' : `— (${note})`;
}

function timingOf(b: MeasuredBackend, model: string, batch: number): ModelTiming | undefined {
  return b.timings.find((t) => t.model === model && t.batch === batch);
}

/** Why the runtime chose a backend (a BackendBasis from the runtime), in words. */
export function describeBasis(why: unknown): string {
  const basis = why as { basis?: string; renderer?: string; versus?: string; ratio?: number } | null;
  switch (basis?.basis) {
    case 'forced':
      return 'forced with `?backend=`';
    case 'software-gpu':
      return `the GPU is emulated on the CPU here (${basis.renderer ?? 'software rasteriser'})`;
    case 'measured':
      return `timed against ${label(basis.versus ?? '?')} at start-up: ${formatRatio(basis.ratio ?? Number.NaN)} faster`;
    case 'only':
      return 'the only backend that started';
    default:
      return JSON.stringify(why);
  }
}

function runNote(results: BenchResults, measured: readonly MeasuredBackend[]): string {
  const older = results.backends.filter((b) => b.date !== results.date);
  const lines = [
    `Last run: ${day(results.date)}, ${results.browser} (headless) on ${results.machine}. ` +
      `Median worker-side times of warm runs; compare figures within one run only (the machines are shared).`,
  ];
  if (older.length > 0) {
    const byRun = new Map<string, string[]>();
    for (const b of older)
      byRun.set(`${day(b.date)}, ${b.browser}`, [
        ...(byRun.get(`${day(b.date)}, ${b.browser}`) ?? []),
        label(b.backend),
      ]);
    const runs = [...byRun].map(([run, names]) => `${names.join(' and ')} from the run of ${run}`);
    lines.push(`Not re-measured in the last run (\`--backends\`): ${runs.join('; ')}.`);
  }
  if (measured.length === 0) lines.push('No backend could be measured.');
  return lines.join(' ');
}

function jobTable(measured: readonly MeasuredBackend[]): string {
  const rows: string[][] = [];
  const cells = (value: (b: MeasuredBackend) => string): string[] => measured.map(value);
  rows.push([
    'peak: one 64×64×64 → 64 3×3 conv',
    ...cells((b) => (Number.isFinite(b.peakGflops) ? `${b.peakGflops.toFixed(1)} GFLOP/s` : 'failed')),
  ]);
  for (const model of TABLE_MODELS) {
    for (const batch of TABLE_BATCHES) {
      const jobs: [string, (t: ModelTiming) => string][] = [
        ['forward', (t) => formatMs(t.forwardMs)],
        ['input gradient', (t) => formatMs(t.inputGradientMs)],
        ['training step', (t) => (t.trainStepMs === null ? trainNote(t.trainStepNote) : formatMs(t.trainStepMs))],
      ];
      for (const [job, show] of jobs) {
        rows.push([
          `\`${model}\` ${job}, batch ${batch}`,
          ...cells((b) => {
            const t = timingOf(b, model, batch);
            return t ? show(t) : 'not measured';
          }),
        ]);
      }
    }
  }
  rows.push([
    'main-thread long tasks while sweeping a slider 20 times',
    ...cells((b) => String(b.longTasksDuringSweep.length)),
  ]);
  const skipped = measured.some((b) => b.timings.some((t) => t.trainStepNote?.startsWith('skipped')));
  const note = skipped
    ? '\n\n"skipped": not timed, because the step was estimated (the batch-1 step × 32) to take over 45 s.'
    : '';
  const header = ['job', ...measured.map((b) => label(b.backend))];
  return `${table(header, ['l', ...measured.map(() => 'r' as const)], rows)}${note}`;
}

function ratioTable(results: BenchResults): string | null {
  const wasm = results.backends.find((b): b is MeasuredBackend => b.backend === 'wasm' && b.available);
  const t = wasm && timingOf(wasm, RATIO_AT.model, RATIO_AT.batch);
  if (!wasm || !t) return null;
  const i =
    wasm.interleaved?.model === RATIO_AT.model && wasm.interleaved.batch === RATIO_AT.batch ? wasm.interleaved : null;
  const rows: string[][] = [];
  const row = (name: string, fromTable: number, interleaved: number | null, target: string) =>
    rows.push([
      name,
      formatRatio(fromTable),
      ...(i ? [interleaved === null ? '—' : formatRatio(interleaved)] : []),
      target,
    ]);
  const train = t.trainStepMs ?? Number.NaN;
  row('WASM training step ÷ WASM forward pass', train / t.forwardMs, i?.trainOverForward ?? null, '≤ 4×');
  row(
    'WASM input gradient ÷ WASM forward pass',
    t.inputGradientMs / t.forwardMs,
    i?.inputGradientOverForward ?? null,
    '≤ 2.5×',
  );
  const cpu = results.backends.find((b): b is MeasuredBackend => b.backend === 'cpu' && b.available);
  if (cpu && cpu.date === wasm.date) {
    // The CPU step at the ratio's batch may have been skipped (over 45 s): then the largest batch both timed.
    const both = [...wasm.timings]
      .filter((w) => w.model === RATIO_AT.model && w.trainStepMs !== null)
      .map((w) => ({ batch: w.batch, wasm: w.trainStepMs!, cpu: timingOf(cpu, w.model, w.batch)?.trainStepMs ?? null }))
      .filter((p): p is { batch: number; wasm: number; cpu: number } => p.cpu !== null)
      .sort((x, y) => y.batch - x.batch)[0];
    const atOtherBatch =
      both && both.batch !== RATIO_AT.batch
        ? ` (at batch ${both.batch}: the CPU step at batch ${RATIO_AT.batch} was skipped)`
        : '';
    row(
      `CPU training step ÷ WASM training step${atOtherBatch}`,
      both ? both.cpu / both.wasm : Number.NaN,
      null,
      '≥ 20×',
    );
  }
  const header = ['ratio', 'from the table', ...(i ? [`interleaved, ${i.rounds} rounds`] : []), 'target'];
  const intro =
    `Ratios, \`${RATIO_AT.model}\` at batch ${RATIO_AT.batch}, same run (targets from issue 18 and the design's budgets)` +
    (i
      ? `. "Interleaved": the three jobs timed in turn, round after round, and the median of the per-round ratios ` +
        `(forward ${formatMs(i.forwardMs)}, input gradient ${formatMs(i.inputGradientMs)}, training step ${formatMs(i.trainStepMs)}, medians), ` +
        "which a change in the machine's load during the run disturbs less than the table's separate medians:"
      : ':');
  return [
    intro,
    '',
    table(
      header,
      header.map((_, k) => (k === 0 ? 'l' : 'r')),
      rows,
    ),
  ].join('\n');
}

function widgetTable(measured: readonly MeasuredBackend[]): string | null {
  const withWidgets = measured.filter((b) => b.widgets !== undefined && b.widgets.length > 0);
  if (withWidgets.length === 0) return null;
  const rows = BENCH_WIDGETS.map((widget) => {
    const setting = withWidgets.flatMap((b) => b.widgets ?? []).find((w) => w.widget === widget);
    return [
      `${WIDGET_NAMES[widget]} (\`${setting?.job ?? '?'}\`: ${setting?.setting ?? 'not measured'})`,
      ...withWidgets.map((b) => {
        const w = b.widgets?.find((r) => r.widget === widget);
        if (!w) return 'not measured';
        const where = w.ranOn === b.backend ? '' : ` (ran on ${label(w.ranOn)})`;
        return `${formatRate(w.stepsPerSecond)}${where}; first chunk ${formatMs(w.firstChunkMs)}`;
      }),
    ];
  });
  return [
    "Training widgets' default runs, steps per second as each widget's status line counts them (steps ÷ their " +
      'summed time, the first step left out), and the wall time of the first chunk (data loading and net building included; ' +
      'for LeNet-5 also its test pass):',
    '',
    table(
      ['widget (job: default setting)', ...withWidgets.map((b) => label(b.backend))],
      ['l', ...withWidgets.map(() => 'r' as const)],
      rows,
    ),
  ].join('\n');
}

function autoChoiceText(results: BenchResults): string {
  const auto = results.autoChoice;
  if (!auto) return 'Auto-choice: not recorded.';
  const parts = [`With no \`?backend=\`, the runtime picked **${label(auto.backend)}**.`];
  if (auto.choices) {
    const kinds = Object.entries(auto.choices).map(
      ([kind, c]) => `${kind === 'train' ? 'training' : kind} on ${label(c.backend)} (${describeBasis(c.why)})`,
    );
    parts.push(`Per kind of work: ${kinds.join('; ')}.`);
  }
  if (auto.skipped.length > 0) {
    parts.push(`Passed over: ${auto.skipped.map((s) => `${label(s.backend)} (${s.reason})`).join('; ')}.`);
  }
  return parts.join(' ');
}

/** The markdown between the markers (without them), made from `results` alone. */
export function readmeSection(results: BenchResults): string {
  const measured = results.backends.filter((b): b is MeasuredBackend => b.available);
  const unavailable = results.backends.filter((b) => !b.available);
  const blocks = [runNote(results, measured)];
  if (measured.length > 0) blocks.push(jobTable(measured));
  if (unavailable.length > 0) {
    blocks.push(
      `Not available: ${unavailable.map((b) => `${label(b.backend)} (${b.available ? '' : b.note})`).join('; ')}.`,
    );
  }
  const ratios = ratioTable(results);
  if (ratios) blocks.push(ratios);
  const widgets = widgetTable(measured);
  if (widgets) blocks.push(widgets);
  blocks.push(autoChoiceText(results));
  return `\n_Generated by \`node scripts/bench/readme.ts\` from \`bench/results.json\`; do not edit by hand._\n\n${blocks.join('\n\n')}\n\n`;
}

/** The text between the markers; throws when they are missing or out of order. */
export function extractSection(readme: string): string {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`README.md needs the markers ${BENCH_START} … ${BENCH_END}, in that order`);
  }
  return readme.slice(start + BENCH_START.length, end);
}

/** `readme` with the part between the markers replaced by `section`. */
export function replaceSection(readme: string, section: string): string {
  extractSection(readme);
  const start = readme.indexOf(BENCH_START) + BENCH_START.length;
  return `${readme.slice(0, start)}${section}${readme.slice(readme.indexOf(BENCH_END))}`;
}

/** Rewrites README.md's bench section from results.json; returns whether it changed. */
export function updateReadme(readmePath = 'README.md', resultsPath = 'bench/results.json'): boolean {
  const readme = readFileSync(readmePath, 'utf8');
  const results = readResults(JSON.parse(readFileSync(resultsPath, 'utf8')));
  const next = replaceSection(readme, readmeSection(results));
  if (next === readme) return false;
  writeFileSync(readmePath, next);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--check')) {
      const readme = readFileSync('README.md', 'utf8');
      const results = readResults(JSON.parse(readFileSync('bench/results.json', 'utf8')));
      if (extractSection(readme) !== readmeSection(results)) {
        console.error('README.md: the bench section is out of date; run node scripts/bench/readme.ts');
        process.exit(1);
      }
    } else {
      console.log(updateReadme() ? 'README.md: bench section rewritten' : 'README.md: bench section up to date');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
