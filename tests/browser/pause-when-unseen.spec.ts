import { expect, test, type Page } from '@playwright/test';
import { openTrainingWidget, stepShown } from './support/training.ts';

// Issue 24, "pause when not seen": a training widget (ReLU vs tanh on /alexnet/, a tiny net on
// WASM) stops asking the worker for work within 1 s of leaving the screen or of its tab being
// hidden, and trains on when seen again; its "Keep training in the background" box opts out.
// The gradient-flow explorer's depth sweep, a series of jobs, waits likewise. Jobs are counted
// where they leave the page: every 'run' message posted to a Worker.

const widget = (page: Page) => page.locator('relu-tanh#relu-tanh');
const TINY = 'rt.width=2&rt.batch=8&rt.steps=3000';

declare global {
  interface Window {
    /** Every job the page has asked a worker for: its kind and when (performance.now(), ms). */
    jobsAsked?: { kind: string; at: number }[];
  }
}

/** The jobs asked for after `since` (ms, the page's clock). */
const jobsSince = (page: Page, since: number) =>
  page.evaluate((t) => window.jobsAsked!.filter((job) => job.at > t), since);

/** Waits until the page's clock reaches `at` (ms): a window in which something must not happen. */
const until = (page: Page, at: number) =>
  page.evaluate((t) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now()))), at);

/** Does `change` to the page and returns the page's clock just after it. */
const at = (page: Page, change: () => void) => page.evaluate(change).then(() => page.evaluate(() => performance.now()));

const scrollAway = () => window.scrollTo(0, 0);

/** Records in `window.jobsAsked` every job the page posts to a worker, from its first script on. */
const recordJobs = (page: Page) =>
  page.addInitScript(() => {
    window.jobsAsked = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: [StructuredSerializeOptions?]) {
      const request = message as { type?: string; kind?: string };
      if (request.type === 'run') window.jobsAsked!.push({ kind: request.kind ?? '', at: performance.now() });
      return post.call(this, message, ...rest);
    } as Worker['postMessage'];
  });

test('training pauses within 1 s out of view or in a hidden tab, asks for no job then, and trains on when seen; the opt-out keeps it training', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await recordJobs(page);
  await openTrainingWidget(page, widget(page), '/alexnet/', `backend=wasm&${TINY}`);
  const root = widget(page);
  const train = root.locator('[data-action="train"]');
  const paused = root.locator('[data-paused-unseen]');
  await train.click();
  await expect.poll(() => stepShown(root), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  await expect(root).toHaveAttribute('data-state', 'computing');

  // Out of view: paused within 1 s, and from then on no job for 2 s.
  const hidden = await at(page, scrollAway);
  await expect(root).not.toBeInViewport();
  await expect(root).toHaveAttribute('data-state', 'paused', { timeout: 1000 });
  await expect(paused).toHaveText('Paused while out of view');
  expect(await page.evaluate((t) => performance.now() - t, hidden)).toBeLessThan(1000);
  await until(page, hidden + 3000);
  expect(await jobsSince(page, hidden + 1000)).toEqual([]);
  const stepsHeld = await stepShown(root);

  // Seen again: it trains on by itself (the reader had it training), and the label is gone.
  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-state', 'computing');
  await expect(paused).toHaveText('');
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(root), { timeout: 30_000 }).toBeGreaterThan(stepsHeld);

  // A hidden tab. Headless Chromium keeps every page visible (no tab switch, minimised window or
  // CDP call changes document.visibilityState there), so the page is told as a browser tells it:
  // visibilityState reads 'hidden' and a visibilitychange event fires.
  const tabHidden = await at(page, () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(root).toHaveAttribute('data-state', 'paused', { timeout: 1000 });
  await until(page, tabHidden + 2500);
  expect(await jobsSince(page, tabHidden + 1000)).toEqual([]);
  const stepsTabHidden = await stepShown(root);
  await page.evaluate(() => {
    delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(root).toHaveAttribute('data-state', 'computing');
  await expect.poll(() => stepShown(root), { timeout: 30_000 }).toBeGreaterThan(stepsTabHidden);

  // "Keep training in the background": out of view it goes on asking for chunks.
  await root.getByLabel('Keep training in the background').check();
  const away = await at(page, scrollAway);
  await expect(root).not.toBeInViewport();
  await expect.poll(async () => (await jobsSince(page, away + 1000)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(root).toHaveAttribute('data-state', 'computing');
  await expect(paused).toHaveText('');
});

test('the gradient-flow depth sweep starts no next depth out of view, says so at once, and finishes when seen again', async ({
  page,
}) => {
  await recordJobs(page);
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto('/vanishing-gradients/?debug=runtime&backend=wasm&flow.depth=8');
  const root = page.locator('gradient-flow#gradient-flow');
  const status = root.locator('[data-status]');
  const rows = root.locator('[data-sweep-table] tr');
  await root.scrollIntoViewIfNeeded();
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);

  const hidden = await at(page, scrollAway);
  await expect(root).not.toBeInViewport();
  await expect(status).toHaveText('Paused while out of view', { timeout: 1000 });
  await until(page, hidden + 2500);
  expect(await jobsSince(page, hidden + 1000)).toEqual([]);
  expect(await rows.count()).toBeLessThan(15);

  await root.scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(15, { timeout: 60_000 });
  await expect(status).toHaveText('');
});
