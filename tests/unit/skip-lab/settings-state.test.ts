import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import {
  changeSettings,
  controlsView,
  labSettings,
  type RunState,
} from '../../../src/components/skip-lab/settings-state.ts';

const t = en.skipLab;
const idle: RunState = { running: false, runId: null };
const training: RunState = { running: true, runId: 'run-1' };
const paused: RunState = { running: false, runId: 'run-1' };

describe('labSettings and changeSettings (the settings’ reducer)', () => {
  test('a partial state is completed by the schema’s defaults and gives its run configuration', () => {
    const settings = labSettings(t, { depth: 20, shallow: 8, steps: 100 });
    expect(settings.state.depth).toBe(20);
    expect(settings.config).toMatchObject({ depth: 20, totalSteps: 100 });
    expect(settings.notices).toEqual([]);
  });

  test('a change is merged into the state and validated; an impossible baseline is moved, with its notice', () => {
    const start = labSettings(t, { depth: 20, shallow: 8 });
    const { settings, changed } = changeSettings(t, start, { shallow: 26 });
    expect(changed).toBe(true);
    expect(settings.state.shallow).toBe(26);
    expect(settings.config.shallowDepth).toBe(14);
    expect(settings.notices[0]).toMatch(/using plain-14/);
    expect(start.state.shallow).toBe(8); // the settings passed in are left as they were
  });

  test('a change the schema clamps back to the same state is no change (the address is not written)', () => {
    const start = labSettings(t, { depth: 20 });
    expect(changeSettings(t, start, {}).changed).toBe(false);
    expect(changeSettings(t, start, { depth: 21 }).changed).toBe(false); // snaps back to 20
    expect(changeSettings(t, start, { identity: !start.state.identity }).changed).toBe(true);
  });
});

describe('controlsView', () => {
  const settings = labSettings(t, { depth: 20, shallow: 8, steps: 100 });

  test('before a run: settings free, Train enabled, Reset and the analyses off, no notice', () => {
    expect(controlsView(t, settings, idle, 0)).toEqual({
      locked: false,
      notice: '',
      trainLabel: 'Train',
      trainDisabled: false,
      resetDisabled: true,
      trained: false,
    });
  });

  test('while training: settings locked with a notice saying why, Pause, the analyses on', () => {
    const view = controlsView(t, settings, training, 10);
    expect(view.locked).toBe(true);
    expect(view.notice).toBe(t.settingsLocked);
    expect(view.trainLabel).toBe('Pause');
    expect(view.resetDisabled).toBe(false);
    expect(view.trained).toBe(true);
  });

  test('a run started but with no step yet is locked, with nothing to analyse and no lock notice', () => {
    const view = controlsView(t, settings, training, 0);
    expect(view.locked).toBe(true);
    expect(view.notice).toBe('');
    expect(view.trained).toBe(false);
  });

  test('paused: Resume; finished: Train disabled', () => {
    expect(controlsView(t, settings, paused, 50).trainLabel).toBe('Resume');
    expect(controlsView(t, settings, paused, 50).trainDisabled).toBe(false);
    expect(controlsView(t, settings, paused, 100).trainDisabled).toBe(true);
  });

  test('the configuration’s notices come first, the lock notice after them', () => {
    const moved = labSettings(t, { depth: 20, shallow: 26, steps: 100 });
    const view = controlsView(t, moved, paused, 10);
    expect(view.notice).toBe(`${moved.notices[0]} ${t.settingsLocked}`);
  });
});
