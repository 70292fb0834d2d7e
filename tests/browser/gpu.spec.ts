import { expect, test } from '@playwright/test';

// The compute widgets need a GPU API; these check that the test browser is launched with one
// (software, SwiftShader) so later browser tests exercise the real WebGL and WebGPU backends.

test('the test browser has WebGL2 on the page and in a worker through OffscreenCanvas', async ({ page }) => {
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const onPage = document.createElement('canvas').getContext('webgl2') !== null;
    const source = `postMessage(new OffscreenCanvas(4, 4).getContext('webgl2') !== null)`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const inWorker = await new Promise<boolean>((resolve) => (worker.onmessage = (e) => resolve(e.data as boolean)));
    worker.terminate();
    return { onPage, inWorker };
  });
  expect(result).toEqual({ onPage: true, inWorker: true });
});

test('the test browser has a WebGPU adapter', async ({ page }) => {
  await page.goto('/');
  const hasAdapter = await page.evaluate(async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return gpu !== undefined && (await gpu.requestAdapter()) !== null;
  });
  expect(hasAdapter).toBe(true);
});
