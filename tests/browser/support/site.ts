/**
 * What the browser tests share: the list of built pages, a guard against requests that leave
 * the site's origin, and the axe and JS-budget measurements.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { htmlFiles } from '../../../scripts/checks/links.ts';
import type { LoadedScript } from '../../../scripts/checks/js-budget.ts';

/** URL paths of every page in dist/ ('/', '/vgg/', '/404.html', …). */
export function builtPages(distDir = 'dist'): string[] {
  return htmlFiles(distDir)
    .filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

/** Starts recording every request whose origin is not the page's own; read the list after use. */
export function recordOffOriginRequests(page: Page, siteOrigin: string): string[] {
  const offOrigin: string[] = [];
  page.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== siteOrigin) offOrigin.push(url);
  });
  return offOrigin;
}

/** Starts recording console errors and uncaught page errors. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** axe's violations on the page as it is now, each as "rule: help (n nodes: selectors)". */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Every script a page and its workers fetched, split by who fetched it. */
export interface LoadedScripts {
  /** Scripts the page itself (the main thread) loaded: what the page budget counts. */
  readonly page: LoadedScript[];
  /** Scripts its Web Workers loaded (the compute chunks): budgeted separately. */
  readonly workers: LoadedScript[];
}

/**
 * Loads `path` without scrolling and returns every script fetched (module imports included),
 * with the bytes as served, split into the page's and its workers'. The split comes from the
 * Chrome DevTools Protocol: a session on the page target sees only the main thread's requests,
 * while Playwright's response events include the workers' too.
 */
export async function scriptsLoadedBeforeScroll(
  page: Page,
  path: string,
  /** Awaited after the page is idle and before counting: e.g. until a worker has loaded its code. */
  until: () => Promise<void> = async () => {},
): Promise<LoadedScripts> {
  const pending: Promise<LoadedScript | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, body: new Uint8Array(body) }))
        .catch(() => null),
    );
  });
  const cdp = await page.context().newCDPSession(page);
  const mainThread = new Set<string>();
  cdp.on('Network.responseReceived', (event) => mainThread.add(new URL(event.response.url).pathname));
  await cdp.send('Network.enable');
  await page.goto(path, { waitUntil: 'networkidle' });
  await until();
  const all = (await Promise.all(pending)).filter((s): s is LoadedScript => s !== null);
  return { page: all.filter((s) => mainThread.has(s.url)), workers: all.filter((s) => !mainThread.has(s.url)) };
}

/**
 * Starts recording main-thread long tasks (> 50 ms) from the page's first script on, with what ran
 * in them: the Long Animation Frames API names each script (source URL, function, what invoked it)
 * and the style and layout time of the frame that contains the task.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.longTasks = [];
    window.longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.longTasks!.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceLongAnimationFrameTiming[]) {
        const styleAndLayout =
          entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0;
        window.longFrames!.push({
          start: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration,
          render: entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0,
          styleAndLayout,
          scripts: entry.scripts.map((script) => ({
            invoker: script.invoker,
            source: `${script.sourceURL.replace(location.origin, '')}${script.sourceFunctionName ? ` ${script.sourceFunctionName}` : ''}:${script.sourceCharPosition}`,
            duration: Math.round(script.duration),
            forcedLayout: Math.round(script.forcedStyleAndLayoutDuration),
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/** A marker for `longTasksSince`: the page's clock now. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** One long task, with what ran in the animation frame that contained it (when the browser says). */
export interface LongTask {
  readonly start: number;
  readonly duration: number;
  /** e.g. "52 ms script (message) /_astro/x.js onmessage:123; 30 ms style and layout". */
  readonly ranInIt: string;
}

/**
 * The long tasks recorded since `start` (from `pageNow`), each explained by the long animation
 * frame that overlaps it, so a failing assertion prints what made the task long.
 */
export async function longTasksSince(page: Page, start: number): Promise<LongTask[]> {
  const { tasks, frames } = await page.evaluate(
    (t0) => ({ tasks: window.longTasks!.filter((t) => t.start >= t0), frames: window.longFrames ?? [] }),
    start,
  );
  return tasks.map((task) => {
    const frame = frames.find((f) => f.start <= task.start + task.duration && task.start <= f.start + f.duration);
    return { start: Math.round(task.start), duration: Math.round(task.duration), ranInIt: explainFrame(frame) };
  });
}

/**
 * Runs `pass` (a reader's action that sets the widget computing, ending where it began) twice and
 * returns the long tasks of the second run: the widget's steady main-thread work.
 *
 * The first run is a warm-up. In the first second after a worker starts a new kind of computation,
 * V8 optimises the worker's code on background threads (Maglev, TurboFan, WASM top tier). On two
 * cores those threads take the core the main thread was using. In traces of the
 * receptive-field sweep, main-thread frames of 12–20 ms CPU took 27–63 ms of wall time when cold
 * (2 of 6 runs over 50 ms) and 20–28 ms when warm. The CPU time was the same in both.
 * `npm run diagnose:long-tasks` prints both numbers for each task.
 */
export async function longTasksOfWarmPass(page: Page, pass: () => Promise<void>): Promise<LongTask[]> {
  await pass();
  const start = await pageNow(page);
  await pass();
  return longTasksSince(page, start);
}

function explainFrame(frame: LongFrame | undefined): string {
  if (!frame) return 'no long animation frame overlaps it (a task outside rendering, such as GC or a parser task)';
  const scripts = frame.scripts.map(
    (s) =>
      `${s.duration} ms script (${s.invoker}) ${s.source}${s.forcedLayout ? `, ${s.forcedLayout} ms forced layout` : ''}`,
  );
  return [
    ...scripts,
    `${Math.round(frame.styleAndLayout)} ms style and layout`,
    `${Math.round(frame.render)} ms rendering`,
  ].join('; ');
}

/** A long animation frame as recorded by `recordLongTasks`. */
export interface LongFrame {
  readonly start: number;
  readonly duration: number;
  readonly blocking: number;
  readonly render: number;
  readonly styleAndLayout: number;
  readonly scripts: readonly { invoker: string; source: string; duration: number; forcedLayout: number }[];
}
