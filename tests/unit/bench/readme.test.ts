import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BENCH_END,
  BENCH_START,
  describeBasis,
  extractSection,
  formatMs,
  readmeSection,
  replaceSection,
} from '../../../scripts/bench/readme.ts';
import { mergeResults, readResults, type BenchResults, type MeasuredBackend } from '../../../scripts/bench/report.ts';

const committed = readResults(JSON.parse(readFileSync('bench/results.json', 'utf8')));

function measured(backend: string, date: string, overrides: Partial<MeasuredBackend> = {}): MeasuredBackend {
  return {
    backend,
    available: true,
    date,
    browser: 'Chromium 1',
    peakGflops: 10,
    timings: [
      {
        model: 'resnet20',
        batch: 32,
        forwardMs: 100,
        inputGradientMs: 200,
        trainStepMs: 300,
        forwardGflops: 1,
        efficiency: 0.1,
      },
    ],
    widgets: [
      {
        widget: 'skip-lab',
        job: 'lab-train',
        setting: 'default',
        stepsPerSecond: 2,
        steps: 4,
        chunkStepsPerSecond: null,
        firstChunkMs: 3000,
        ranOn: backend,
      },
    ],
    longTasksDuringSweep: [],
    jsBytes: 0,
    wasmBytes: 0,
    ...overrides,
  };
}

function results(date: string, backends: MeasuredBackend[], machine = 'm'): BenchResults {
  return { date, machine, browser: 'Chromium 1', autoChoice: null, backends };
}

describe('README.md bench section', () => {
  it("equals readmeSection(bench/results.json): regenerate with 'node scripts/bench/readme.ts'", () => {
    expect(extractSection(readFileSync('README.md', 'utf8'))).toBe(readmeSection(committed));
  });

  it('readmeSection(bench/results.json) has the job table, the WASM ratios and the auto-choice', () => {
    const section = readmeSection(committed);
    expect(section).toContain('| job |');
    expect(section).toContain('WASM training step ÷ WASM forward pass');
    expect(section).toContain('WASM input gradient ÷ WASM forward pass');
    expect(section).toMatch(/Auto-choice: not recorded|the runtime picked \*\*/);
  });
});

describe('readmeSection', () => {
  it('gives the ratios of one run and the widgets per backend', () => {
    const section = readmeSection(results('2026-12-01T00:00:00Z', [measured('wasm', '2026-12-01T00:00:00Z')]));
    expect(section).toContain('| WASM training step ÷ WASM forward pass | 3.0× | ≤ 4× |');
    expect(section).toContain('| WASM input gradient ÷ WASM forward pass | 2.0× | ≤ 2.5× |');
    expect(section).toContain('| Skip-connection lab (`lab-train`: default) | 2.00; first chunk 3.0 s |');
  });

  it('compares WASM with the CPU backend only when both come from the same run', () => {
    const cpuTiming = { ...measured('cpu', 'x').timings[0]!, trainStepMs: 9000 };
    const sameRun = readmeSection(
      results('2026-12-01T00:00:00Z', [
        measured('wasm', '2026-12-01T00:00:00Z'),
        measured('cpu', '2026-12-01T00:00:00Z', { timings: [cpuTiming] }),
      ]),
    );
    expect(sameRun).toContain('| CPU training step ÷ WASM training step | 30× | ≥ 20× |');
    const olderCpu = readmeSection(
      results('2026-12-01T00:00:00Z', [
        measured('wasm', '2026-12-01T00:00:00Z'),
        measured('cpu', '2026-11-01T00:00:00Z', { timings: [cpuTiming] }),
      ]),
    );
    expect(olderCpu).not.toContain('CPU training step ÷');
    expect(olderCpu).toContain('Not re-measured in the last run (`--backends`): CPU from the run of 2026-11-01');
  });

  it('adds the interleaved ratios as a column where the bench measured them', () => {
    const date = '2026-12-01T00:00:00Z';
    const interleaved = {
      model: 'resnet20',
      batch: 32,
      rounds: 7,
      forwardMs: 90,
      inputGradientMs: 180,
      trainStepMs: 320,
      trainOverForward: 3.5,
      inputGradientOverForward: 1.94,
    };
    const section = readmeSection(results(date, [measured('wasm', date, { interleaved })]));
    expect(section).toContain('| ratio | from the table | interleaved, 7 rounds | target |');
    expect(section).toContain('| WASM training step ÷ WASM forward pass | 3.0× | 3.5× | ≤ 4× |');
    expect(section).toContain('| WASM input gradient ÷ WASM forward pass | 2.0× | 1.9× | ≤ 2.5× |');
    expect(section).toContain('(forward 90 ms, input gradient 180 ms, training step 320 ms, medians)');
  });

  it('falls back to the largest batch both timed when the CPU step at batch 32 was skipped', () => {
    const t = measured('x', 'x').timings[0]!;
    const at1 = { ...t, batch: 1, trainStepMs: 50 };
    const date = '2026-12-01T00:00:00Z';
    const section = readmeSection(
      results(date, [
        measured('wasm', date, { timings: [at1, t] }),
        measured('cpu', date, {
          timings: [
            { ...at1, trainStepMs: 1500 },
            { ...t, trainStepMs: null, trainStepNote: 'skipped: estimated over 45 s' },
          ],
        }),
      ]),
    );
    expect(section).toContain(
      '| CPU training step ÷ WASM training step (at batch 1: the CPU step at batch 32 was skipped) | 30× | ≥ 20× |',
    );
  });

  it('names the auto-choice per kind of work, with or without `choices`', () => {
    const base = results('2026-12-01T00:00:00Z', [measured('wasm', '2026-12-01T00:00:00Z')]);
    const skipped = [{ backend: 'webgl', reason: 'software GPU' }];
    const withChoices = readmeSection({
      ...base,
      autoChoice: {
        backend: 'wasm',
        skipped,
        choices: {
          forward: { backend: 'wasm', why: { basis: 'software-gpu', renderer: 'SwiftShader' } },
          train: { backend: 'wasm', why: { basis: 'measured', versus: 'webgl', ratio: 12.3 } },
        },
      },
    });
    expect(withChoices).toContain(
      'With no `?backend=`, the runtime picked **WASM**. Per kind of work: forward on WASM (the GPU is emulated on the CPU here (SwiftShader)); ' +
        'training on WASM (timed against WebGL at start-up: 12× faster). Passed over: WebGL (software GPU).',
    );
    const without = readmeSection({ ...base, autoChoice: { backend: 'wasm', skipped } });
    expect(without).toContain('the runtime picked **WASM**. Passed over: WebGL (software GPU).');
  });

  it('shows a failed measurement as "failed" and a skipped step as "skipped"', () => {
    const t = measured('cpu', 'd').timings[0]!;
    const section = readmeSection(
      results('d', [
        measured('cpu', 'd', {
          timings: [{ ...t, forwardMs: Number.NaN, trainStepMs: null, trainStepNote: 'skipped: estimated over 45 s' }],
        }),
      ]),
    );
    expect(section).toContain('| `resnet20` forward, batch 32 | failed |');
    expect(section).toContain('| `resnet20` training step, batch 32 | skipped |');
  });
});

describe('formatMs and describeBasis', () => {
  it.each([
    [9.34, '9.3 ms'],
    [215.4, '215 ms'],
    [12_549, '12.5 s'],
    [Number.NaN, 'failed'],
    [null, '—'],
  ])('formatMs(%s) = %s', (v, text) => expect(formatMs(v)).toBe(text));

  it('describeBasis words every basis the runtime reports', () => {
    expect(describeBasis({ basis: 'forced' })).toBe('forced with `?backend=`');
    expect(describeBasis({ basis: 'only' })).toBe('the only backend that started');
  });
});

describe('replaceSection', () => {
  const readme = `# Title\n\nprose\n\n${BENCH_START}\nold\n${BENCH_END}\n\nmore prose\n`;

  it('replaces only the text between the markers', () => {
    expect(replaceSection(readme, '\nnew\n')).toBe(
      `# Title\n\nprose\n\n${BENCH_START}\nnew\n${BENCH_END}\n\nmore prose\n`,
    );
  });

  it('throws when a marker is missing', () => {
    expect(() => replaceSection('# no markers\n', 'x')).toThrow(/needs the markers/);
  });
});

describe('mergeResults', () => {
  const old = results('2026-11-01T00:00:00Z', [
    measured('webgl', '2026-11-01T00:00:00Z'),
    measured('wasm', '2026-11-01T00:00:00Z'),
    measured('cpu', '2026-11-01T00:00:00Z'),
  ]);
  const run = results('2026-12-01T00:00:00Z', [
    measured('wasm', '2026-12-01T00:00:00Z'),
    measured('cpu', '2026-12-01T00:00:00Z'),
  ]);

  it('replaces the measured backends and keeps the others, in ladder order', () => {
    const { results: merged, kept } = mergeResults(old, run);
    expect(kept).toEqual(['webgl']);
    expect(merged.backends.map((b) => [b.backend, b.date])).toEqual([
      ['webgl', '2026-11-01T00:00:00Z'],
      ['wasm', '2026-12-01T00:00:00Z'],
      ['cpu', '2026-12-01T00:00:00Z'],
    ]);
    expect(merged.date).toBe('2026-12-01T00:00:00Z');
  });

  it('writes fresh when the previous file is from another machine', () => {
    const other = { ...old, machine: 'another' };
    expect(mergeResults(other, run)).toEqual({ results: run, kept: [] });
  });

  it('readResults stamps entries of an older file with its date and reads null times as NaN', () => {
    const legacy = {
      date: '2026-11-28T12:00:00Z',
      machine: 'm',
      browser: 'Chromium 156',
      backends: [
        {
          ...measured('cpu', 'x'),
          date: undefined,
          browser: undefined,
          timings: [{ ...measured('cpu', 'x').timings[0], forwardMs: null }],
        },
      ],
    };
    const read = readResults(JSON.parse(JSON.stringify(legacy)));
    expect(read.autoChoice).toBeNull();
    const cpu = read.backends[0] as MeasuredBackend;
    expect([cpu.date, cpu.browser]).toEqual(['2026-11-28T12:00:00Z', 'Chromium 156']);
    expect(cpu.timings[0]!.forwardMs).toBeNaN();
  });
});
