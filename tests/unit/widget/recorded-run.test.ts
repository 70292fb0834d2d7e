import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { recordedCurves, recordedSteps, recordsConfig, type RecordedRun } from '../../../src/lib/data/recorded-run.ts';
import { parseRecordedRun, RecordedRunError } from '../../../src/lib/data/recorded-run-file.ts';
import { asRecordedSeries, replayRecordedRun, stepDomainEnd } from '../../../src/components/widget/recorded-run.ts';
import { renderLineChart } from '../../../src/lib/viz/line-chart.ts';
import {
  recordedNote as labNote,
  showsRecording as labShows,
  labConfig,
} from '../../../src/components/skip-lab/plan.ts';
import { curveCharts } from '../../../src/components/skip-lab/charts.ts';
import { TrainingHistory } from '../../../src/components/skip-lab/history.ts';
import { errorChart, recordedNote as reluTanhNote } from '../../../src/components/relu-tanh/plan.ts';
import { SideBySideHistory } from '../../../src/components/widget/training-history.ts';
import { DEFAULT_LAB_CONFIG, LAB_NETS } from '../../../src/lib/compute/lab/config.ts';
import { DEFAULT_RELU_TANH_CONFIG, RELU_TANH_NETS } from '../../../src/lib/compute/relu-tanh/config.ts';
import { defaultState } from '../../../src/lib/state/schema.ts';
import { skipLabSchema } from '../../../src/lib/state/schemas/skip-lab.ts';
import { reluTanhSchema } from '../../../src/lib/state/schemas/relu-tanh.ts';

/** A recorded run of `nets` whose per-step values come from `value(net, step)` (0-based step). */
function runOf(
  experiment: string,
  nets: readonly string[],
  config: object,
  steps: number,
  value: (net: string, step: number) => { loss: number; accuracy: number },
): RecordedRun {
  const history = Array.from({ length: steps }, (_, i) => ({
    step: i + 1,
    learningRate: 0.1,
    nets: Object.fromEntries(nets.map((net) => [net, value(net, i)])),
  }));
  return {
    format: 1,
    experiment,
    version: '0.1.0',
    backend: 'wasm',
    seed: 1,
    steps,
    config: { ...config },
    nets,
    curves: recordedCurves(history, nets),
    verdict: 'reproduced',
  };
}

const labRun = runOf('degradation', LAB_NETS, DEFAULT_LAB_CONFIG, 60, (net, i) => ({
  loss: { shallow: 1, plain: 2, residual: 0.5 }[net]! + 1 / (i + 1),
  accuracy: 0.5,
}));

describe('a recorded run file', () => {
  test('keeps six significant digits and replays as the same steps', () => {
    const curves = recordedCurves(
      [{ step: 1, learningRate: 0.1, nets: { a: { loss: 2.302585093, accuracy: 1 / 3 } } }],
      ['a'],
    );
    expect(curves['a']).toEqual({ loss: [2.30259], accuracy: [0.333333] });
    const steps = recordedSteps(labRun);
    expect(steps).toHaveLength(60);
    expect(steps[1]).toMatchObject({ step: 2, nets: { plain: { loss: 2.5, accuracy: 0.5 } } });
  });

  test('a well-formed run parses; every malformed one is refused with a message naming the problem', () => {
    const json = JSON.parse(JSON.stringify(labRun)) as Record<string, unknown>;
    expect(parseRecordedRun(json, 'degradation', LAB_NETS).steps).toBe(60);
    /** A copy of the run, as loosely typed as a file from disk, with one thing changed. */
    type Loose = Record<string, unknown> & { curves: Record<string, Record<string, unknown[]>> };
    const broken = (change: (copy: Loose) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(labRun)) as Loose;
      change(copy);
      return copy;
    };
    const cases: [unknown, RegExp][] = [
      [null, /is not a JSON object/],
      [[1, 2], /is not a JSON object/],
      [broken((c) => (c['format'] = 2)), /format 2, not 1/],
      [broken((c) => (c['experiment'] = 'relu-tanh')), /another experiment/],
      [broken((c) => (c['steps'] = -1)), /no step count/],
      [broken((c) => delete c['config']), /no configuration/],
      [broken((c) => (c['version'] = 1)), /no version/],
      [broken((c) => (c['nets'] = ['plain'])), /networks shallow, plain, residual/],
      [broken((c) => c.curves['plain']!['loss']!.pop()), /no loss curve of 60 values for plain/],
      [broken((c) => (c.curves['residual']!['accuracy']![3] = 1.5)), /accuracy above 1 for residual/],
      [broken((c) => (c.curves['shallow']!['loss']![0] = '<img src=x>')), /not a finite number ≥ 0 for shallow/],
      [broken((c) => delete c.curves['shallow']), /no loss and accuracy curves for shallow/],
    ];
    for (const [json, message] of cases) {
      expect(() => parseRecordedRun(json, 'degradation', LAB_NETS)).toThrow(RecordedRunError);
      expect(() => parseRecordedRun(json, 'degradation', LAB_NETS)).toThrow(message);
    }
  });

  test('it records a configuration when every field matches, except the free ones', () => {
    expect(recordsConfig(labRun, { ...DEFAULT_LAB_CONFIG })).toBe(true);
    expect(recordsConfig(labRun, { ...DEFAULT_LAB_CONFIG, totalSteps: 400 })).toBe(false);
    expect(recordsConfig(labRun, { ...DEFAULT_LAB_CONFIG, totalSteps: 400 }, ['totalSteps'])).toBe(true);
    expect(recordsConfig(labRun, { ...DEFAULT_LAB_CONFIG, learningRate: 0.05 }, ['totalSteps'])).toBe(false);
    expect(recordsConfig(labRun, { ...DEFAULT_LAB_CONFIG, extra: 1 })).toBe(false);
  });
});

describe('the recorded run on the page', () => {
  const recording = replayRecordedRun(labRun, LAB_NETS);

  test('is drawn faintly behind the live curves, outside the legend, over the longer step axis', () => {
    const [series] = asRecordedSeries([{ className: 'sl-net sl-plain', label: 'plain-56', points: [[1, 2]] }]);
    expect(series).toMatchObject({ className: 'sl-net sl-plain lc-recorded', legend: false });
    const svg = renderLineChart([series!, { className: 'live', label: 'live', points: [[1, 1]] }], {
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      yScale: 'linear',
    });
    expect(svg.match(/class="lc-series[^"]*"/g)).toEqual([
      'class="lc-series sl-net sl-plain lc-recorded"',
      'class="lc-series live"',
      'class="lc-series live"', // the legend: the live series only
    ]);
    expect(stepDomainEnd(150, recording)).toBe(150);
    expect(stepDomainEnd(30, recording)).toBe(60);
    expect(stepDomainEnd(30, null)).toBe(30);
  });

  test('the lab shows it only for its settings with the shortcut on, and words it with the lab’s own verdict', () => {
    const state = defaultState(skipLabSchema);
    const { config } = labConfig(en.skipLab, state);
    expect(labShows(recording, state, config)).toBe(true);
    expect(labNote(en.skipLab, en.recordedRun, recording, state, config)).toMatch(
      /^Faint lines: a run of these settings recorded with the same code \(npm run record: 60 steps on WASM, version 0\.1\.0\)\. The live run should follow them\. The recorded run: Reproduced at step 60: plain-56 ends/,
    );
    const longer = { ...state, steps: 400 };
    expect(labShows(recording, longer, labConfig(en.skipLab, longer).config)).toBe(true);
    const cosine = { ...state, schedule: 'cosine' as const };
    expect(labShows(recording, cosine, labConfig(en.skipLab, cosine).config)).toBe(false);
    const noShortcut = { ...state, identity: false };
    expect(labShows(recording, noShortcut, config)).toBe(false);
    expect(labNote(en.skipLab, en.recordedRun, recording, noShortcut, config)).toBe(
      'The faint recorded run is of the default settings, so it is hidden for these.',
    );
    const drawn = curveCharts(en.skipLab, new TrainingHistory(), recording, config, true);
    expect(drawn.loss.match(/lc-recorded/g)).toHaveLength(3);
    expect(curveCharts(en.skipLab, new TrainingHistory(), null, config, true).loss).not.toMatch(/lc-recorded/);
  });

  test('ReLU vs tanh shows it for its settings, whatever the target, and hides it for others', () => {
    const run = runOf('relu-tanh', RELU_TANH_NETS, DEFAULT_RELU_TANH_CONFIG, 40, (net) => ({
      loss: 1,
      accuracy: net === 'relu' ? 0.95 : 0.5,
    }));
    const shown = replayRecordedRun(run, RELU_TANH_NETS);
    const state = defaultState(reluTanhSchema);
    const empty = new SideBySideHistory(RELU_TANH_NETS);
    expect(errorChart(en.reluTanh, empty, shown, { ...state, target: 30 }).match(/lc-recorded/g)).toHaveLength(2);
    expect(reluTanhNote(en.reluTanh, en.recordedRun, shown, state)).toMatch(
      /The recorded run: Reproduced: ReLU reached 10% training error at step 1;/,
    );
    expect(errorChart(en.reluTanh, empty, shown, { ...state, lr: 0.05 })).not.toMatch(/lc-recorded/);
    expect(reluTanhNote(en.reluTanh, en.recordedRun, shown, { ...state, dropout: true })).toMatch(/hidden for these/);
  });
});
