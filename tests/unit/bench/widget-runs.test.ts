import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { widgetRuns } from '../../../scripts/bench/widget-runs.ts';
import { DEFAULT_LAB_CONFIG } from '../../../src/lib/compute/lab/config.ts';
import { DEFAULT_RELU_TANH_CONFIG } from '../../../src/lib/compute/relu-tanh/config.ts';
import { defaultState } from '../../../src/lib/state/schema.ts';
import { skipLabSchema } from '../../../src/lib/state/schemas/skip-lab.ts';
import { labConfig } from '../../../src/components/skip-lab/plan.ts';

const runs = Object.fromEntries(widgetRuns('http://127.0.0.1:4420').map((r) => [r.widget, r]));

describe('widgetRuns (the bench replays each training widget as its page sends it)', () => {
  it('the skip-connection lab trains DEFAULT_LAB_CONFIG, which is what the widget builds from its default state', () => {
    expect(runs['skip-lab']!.firstChunk).toMatchObject({ config: DEFAULT_LAB_CONFIG, identity: true, resume: false });
    expect(labConfig(en.skipLab, defaultState(skipLabSchema)).config).toEqual(DEFAULT_LAB_CONFIG);
  });

  it('ReLU vs tanh trains its default configuration', () => {
    expect(runs['relu-tanh']!.firstChunk).toMatchObject({ config: DEFAULT_RELU_TANH_CONFIG });
  });

  it('LeNet-5 training runs the default model in chunks of 10 steps, tested on 500 digits', () => {
    expect(runs['lenet-live']!.firstChunk).toMatchObject({ model: 'lenet5', steps: 10, testCount: 500 });
  });

  it('every run reads the data from the served site', () => {
    for (const run of Object.values(runs)) {
      expect(run.firstChunk['data']).toEqual({ base: 'http://127.0.0.1:4420/data/' });
      expect(run.firstChunk['steps']).toBe(run.chunkSteps);
    }
  });
});
