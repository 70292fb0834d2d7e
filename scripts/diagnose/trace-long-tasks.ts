/**
 * `node scripts/diagnose/trace-long-tasks.ts <path?query> <action>`: opens a page of the built site
 * in Chromium with a performance trace running, performs an action, and prints every main-thread
 * task over 50 ms, in order, with its CPU time (wall time beyond it is time the thread waited for
 * a core) and the events inside it as a tree (script, style, layout, paint, GC, message handling).
 * For finding what a long-task test complains about: `npm run diagnose:long-tasks -- <path> <action>`.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../chromium.ts';
import { serveStatic } from '../serve/static-server.ts';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const [path = '/', action = 'none', waitSeconds = '20'] = process.argv.slice(2);
/** Tasks longer than this are printed (µs); `LONG_TASK_MS=20` shows the tasks that come close. */
const thresholdMicros = Number(process.env['LONG_TASK_MS'] ?? 50) * 1000;
const port = 4455;
const server = await serveStatic('dist', port);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}${path}`);
// Widgets start when seen: bring the action's target into view before tracing.
const target = action.match(/^(?:click|keys):([^|]+)/)?.[1];
if (target) await page.locator(target).first().scrollIntoViewIfNeeded();
await page.waitForTimeout(3000);
await browser.startTracing(page, {
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'toplevel',
    'v8.execute',
    'disabled-by-default-v8.gc',
  ],
});
if (action.startsWith('click:')) await page.locator(action.slice(6)).first().click();
if (action.startsWith('keys:')) {
  const [selector, count] = action.slice(5).split('|');
  await page.locator(selector!).first().focus();
  for (let i = 0; i < Number(count); i++) {
    await page.keyboard.press(i < Number(count) * 0.6 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(120);
  }
}
await page.waitForTimeout(Number(waitSeconds) * 1000);
const buffer = await browser.stopTracing();
await browser.close();
server.close();

const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
const threadNames = new Map<string, string>();
for (const e of events) if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
const mainThreads = [...threadNames].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key);
for (const key of mainThreads) {
  const onThread = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined);
  const tasks = onThread.filter(
    (e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > thresholdMicros,
  );
  // A task is often traced twice (RunTask around ThreadControllerImpl::RunTask): keep the outer one.
  const long = tasks.filter(
    (t, i) =>
      !tasks.some(
        (o, j) =>
          j !== i && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur! && (o.dur! > t.dur! || (o.dur === t.dur && j < i)),
      ),
  );
  for (const task of long) {
    // The events inside the task as a tree (by nesting of their time spans), those over 1.5 ms.
    const inside = onThread
      .filter(
        (e) =>
          e !== task &&
          e.ts >= task.ts &&
          e.ts + e.dur! <= task.ts + task.dur! &&
          e.dur! > Number(process.env['INNER_MS'] ?? 1.5) * 1000,
      )
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const open: TraceEvent[] = [];
    const lines: string[] = [];
    for (const e of inside) {
      while (open.length > 0 && open[open.length - 1]!.ts + open[open.length - 1]!.dur! < e.ts + e.dur!) open.pop();
      const parent = open[open.length - 1];
      open.push(e);
      if (parent && parent.dur! - e.dur! < 300) continue; // a wrapper of the same span
      lines.push(
        `${'  '.repeat(open.length + 1)}${(e.dur! / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args?.data ?? {})
          .replace(/"frame":"[0-9A-F]+",?/, '')
          .slice(0, 200)}`,
      );
    }
    console.log(
      `${(task.dur! / 1000).toFixed(1)} ms task (${((task as { tdur?: number }).tdur ?? 0) / 1000} ms on the CPU) at ${((task.ts - long[0]!.ts) / 1000).toFixed(0)} ms (thread ${key})`,
    );
    console.log(lines.slice(0, 40).join('\n'));
  }
  if (long.length === 0) console.log(`no main-thread task over ${thresholdMicros / 1000} ms on ${key}`);
}
