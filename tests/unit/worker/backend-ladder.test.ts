import { describe, expect, it } from 'vitest';
import {
  BACKEND_LADDER,
  CAPABILITIES,
  backendForJob,
  parseBackendOverride,
  tryOrder,
} from '../../../src/lib/worker/backend-ladder.ts';

describe('backend ladder', () => {
  it('tries WebGPU, then WebGL, then WASM, then CPU', () => {
    expect(BACKEND_LADDER).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(tryOrder(null)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('?backend= puts the forced backend first and keeps the rest as fallbacks', () => {
    expect(tryOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
  });

  it.each([
    ['?backend=webgl', 'webgl'],
    ['?backend=cpu', 'cpu'],
    ['?x=1&backend=wasm', 'wasm'],
    ['?backend=webgl&backend=webgpu', 'webgpu'],
    ['', null],
    ['?backend=auto', null],
  ])('parseBackendOverride(%j) is %j', (search, backend) => {
    expect(parseBackendOverride(search)).toEqual({ backend });
  });

  it('an unknown ?backend= value is ignored with a notice that escapes nothing into markup', () => {
    const { backend, notice } = parseBackendOverride('?backend=%3Cimg%20src%3Dx%3E');
    expect(backend).toBeNull();
    expect(notice).toBe('Ignored backend="<img src=x>": use one of webgpu, webgl, wasm, cpu.');
  });

  it('every backend has weight gradients: a training job stays where it is, WASM included', () => {
    for (const backend of BACKEND_LADDER) expect(CAPABILITIES[backend].weightGradients).toBe(true);
    expect(backendForJob('wasm', { weightGradients: true })).toEqual({ backend: 'wasm' });
  });

  it('a job needing what its backend lacks moves to the first backend below that has it, and says why', () => {
    const table = { ...CAPABILITIES, webgl: { weightGradients: false }, wasm: { weightGradients: false } };
    expect(backendForJob('webgl', { weightGradients: true }, table)).toEqual({
      backend: 'cpu',
      fellBackFrom: 'webgl',
      reason: 'WebGL has no weight gradients (Conv2DBackpropFilter)',
    });
    expect(backendForJob('webgl', {}, table)).toEqual({ backend: 'webgl' });
  });

  it('an input-gradient job stays on WASM, and every job stays on a GPU backend', () => {
    expect(backendForJob('wasm', {})).toEqual({ backend: 'wasm' });
    expect(backendForJob('webgl', { weightGradients: true })).toEqual({ backend: 'webgl' });
    expect(backendForJob('webgpu', { weightGradients: true })).toEqual({ backend: 'webgpu' });
  });
});
