/**
 * The JavaScript budget: what a page loads before the reader scrolls, gzip-compressed, summed
 * over files. A chapter gets 38 KB, an embed (one widget, no site chrome) 44 KB. Starlight's
 * search UI (25.9 KB) is not part of it: it loads when the reader opens search
 * (src/components/search/deferred-pagefind-ui.ts).
 */
import { gzipSync } from 'node:zlib';

/** A page's budget, in bytes of gzip: 38 KB. */
export const JS_BUDGET_BYTES = 38 * 1024;

/**
 * An embed page's budget (/embed/…: a whole widget above the fold), in bytes of gzip: 44 KB.
 * It was 40 KB until the offline copy's registration (/offline.js, then 1.4 KB, on every page) and
 * the shared chunks the your-network and Chinese-widget code regrouped brought the receptive-field
 * embed to 42.6 KB and the skip lab's to 41.5 KB (Dec 2026). /offline.js is 0.7 KB since its update
 * prompt loads only when an update waits; the Chinese receptive-field embed, the heaviest, is at
 * 43.2 KB. design.md's own budget for an embed whose widget computes at once is 300 KB with TF.js;
 * this one keeps the page's own code in check.
 */
export const EMBED_JS_BUDGET_BYTES = 44 * 1024;

/** The budget of the page at `path` (a URL path such as '/vgg/', '/embed/skip-lab/' or '/zh-cn/embed/skip-lab/'). */
export function budgetFor(path: string): number {
  return path.replace(/^\/zh-cn(?=\/)/, '').startsWith('/embed/') ? EMBED_JS_BUDGET_BYTES : JS_BUDGET_BYTES;
}

/**
 * The compute chunk a worker loads for one backend (tfjs-core + that backend), in bytes of gzip:
 * 164 KB. It was 160 KB until the zoo grew to graphs: the network builder's concatenation,
 * depthwise convolution and ReLU6 brought the WebGL chunk to 160.6 KB.
 */
export const COMPUTE_BUDGET_BYTES = 164 * 1024;

/** One script a page loaded: its URL and its bytes as served (before compression). */
export interface LoadedScript {
  readonly url: string;
  readonly body: Uint8Array;
}

/** The measured size of one script, in bytes. */
export interface ScriptSize {
  readonly url: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

/** The budget verdict for one page. */
export interface BudgetReport {
  readonly page: string;
  readonly totalGzipBytes: number;
  readonly limitBytes: number;
  readonly withinBudget: boolean;
  /** Largest first. */
  readonly scripts: readonly ScriptSize[];
}

/** gzip size of `body` at zlib's default level, as a static host would serve it. */
export function gzipSize(body: Uint8Array): number {
  return gzipSync(body).byteLength;
}

/** Sizes each script once (by URL) and sums them against `limitBytes`. */
export function measureBudget(
  page: string,
  scripts: readonly LoadedScript[],
  limitBytes = JS_BUDGET_BYTES,
): BudgetReport {
  const unique = new Map<string, LoadedScript>();
  for (const s of scripts) unique.set(s.url, s);
  const sizes = [...unique.values()]
    .map((s) => ({ url: s.url, rawBytes: s.body.byteLength, gzipBytes: gzipSize(s.body) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const totalGzipBytes = sizes.reduce((sum, s) => sum + s.gzipBytes, 0);
  return { page, totalGzipBytes, limitBytes, withinBudget: totalGzipBytes <= limitBytes, scripts: sizes };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** "page: 32.1 KB of 40.0 KB" followed by one line per file, largest first. */
export function formatBudget(report: BudgetReport): string {
  const head = `${report.page}: ${kb(report.totalGzipBytes)} gzip of JS before scrolling, budget ${kb(report.limitBytes)}${
    report.withinBudget ? '' : ' — OVER BUDGET'
  }`;
  const lines = report.scripts.map(
    (s) => `  ${kb(s.gzipBytes).padStart(9)} gzip  ${kb(s.rawBytes).padStart(9)} raw  ${s.url}`,
  );
  return [head, ...lines].join('\n');
}
