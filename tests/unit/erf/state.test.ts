import { describe, expect, test } from 'vitest';
import {
  DEFAULT_RF_STATE,
  depthOptions,
  nearestDepth,
  normalizeRfState,
  RF_INPUT_SIDE,
  RF_LIMITS,
} from '../../../src/lib/state/rf-explorer.ts';

describe('RfExplorerState', () => {
  test('the defaults are a valid state, serialisable as JSON', () => {
    expect(normalizeRfState({})).toEqual({ state: DEFAULT_RF_STATE, notices: [] });
    expect(normalizeRfState(DEFAULT_RF_STATE).notices).toEqual([]);
    expect(JSON.parse(JSON.stringify(DEFAULT_RF_STATE))).toEqual(DEFAULT_RF_STATE);
  });

  test('depthOptions: odd 3…63 at stride 1, 6n + 1 with downsampling; both reach past 56 layers', () => {
    const flat = depthOptions(false);
    expect(flat[0]).toBe(3);
    expect(flat.at(-1)).toBe(RF_LIMITS.maxDepth);
    expect(flat.every((d) => d % 2 === 1)).toBe(true);
    expect(depthOptions(true)).toEqual([7, 13, 19, 25, 31, 37, 43, 49, 55, 61]);
    expect(Math.max(...depthOptions(true))).toBeGreaterThan(56);
  });

  test('nearestDepth snaps to an offered depth (ties to the shallower)', () => {
    expect(nearestDepth(10, false)).toBe(9);
    expect(nearestDepth(1, false)).toBe(3);
    expect(nearestDepth(500, false)).toBe(63);
    expect(nearestDepth(10, true)).toBe(7);
    expect(nearestDepth(11, true)).toBe(13);
  });

  test.each([
    ['depth', 10, 9],
    ['depth', 1000, 63],
    ['depth', 'deep', DEFAULT_RF_STATE.depth],
    ['kernel', 4, 3],
    ['kernel', '7', 7],
    ['init', 'xavier', 'uniform'],
    ['inits', 0, 1],
    ['inits', 99, 32],
    ['inits', 2.6, 3],
    ['input', 'mnist', 'pattern'],
    ['nets', 'all', 'both'],
    ['unitY', -5, 0],
    ['unitX', 1e9, RF_INPUT_SIDE - 1],
    ['downsample', 'maybe', false],
  ] as const)('%s = %j is replaced by %j, with a notice', (field, given, used) => {
    const { state, notices } = normalizeRfState({ [field]: given });
    expect(state[field]).toBe(used);
    if (String(given) !== String(used)) expect(notices).toEqual([{ field, given, used }]);
  });

  test('URL-style strings are read: numbers, true/false, 1/0', () => {
    const { state, notices } = normalizeRfState({ depth: '13', downsample: '1', kernel: '5', inits: '4' });
    expect(state).toMatchObject({ depth: 13, downsample: true, kernel: 5, inits: 4 });
    expect(notices).toEqual([]);
    expect(normalizeRfState({ downsample: 'false' }).state.downsample).toBe(false);
  });

  test('the depth snaps to what downsampling offers', () => {
    expect(normalizeRfState({ depth: 9, downsample: true }).state.depth).toBe(7);
    expect(normalizeRfState({ depth: 13, downsample: true }).notices).toEqual([]);
  });
});
