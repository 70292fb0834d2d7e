/**
 * `node scripts/lighthouse.ts [--performance] [dist] [paths…]`: Lighthouse's accessibility and SEO
 * scores (mobile, its default) for every chapter page, which must all be 100. Prints each page's
 * scores and, for a score below its bar, the failing audits with the elements they name; exits 1
 * if any page fails.
 *
 * With --performance (`npm run test:lighthouse`, part of `npm test`) it also gates the mobile
 * performance score: its median over three runs must be at least 95. The first run audits all
 * three categories; performance runs again until the median of three is decided (two runs on
 * the same side of the bar decide it, so a third runs only when they disagree), and a page below
 * the bar prints each run's metrics (docs/performance.md has the scores and what moved them).
 *
 * The pages are the index and every built page under a chapter's slug (the reading order of
 * src/content/docs) plus a sample of three Chinese pages, or the URL paths given after the folder. The site is served as the browser
 * tests serve it (scripts/serve/static-server.ts) and audited in one Chromium, the system's, with
 * the flags of playwright.config.ts (scripts/chromium.ts), which Lighthouse drives over the
 * DevTools protocol: one tab per page.
 */
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumLaunchOptions } from './chromium.ts';
import { htmlFiles } from './checks/links.ts';
import { medianDecision } from './checks/median-decision.ts';
import { serveStatic } from './serve/static-server.ts';
import { readingOrder } from '../src/lib/content/reading-order.ts';

/** The categories that must score 100 on every page. */
const CATEGORIES = ['accessibility', 'seo'] as const;
/** The lowest median performance score a page may have. */
const PERFORMANCE_BAR = 95;
/** Performance runs per page whose median counts. */
const PERFORMANCE_RUNS = 3;
/** The metrics printed for a page below the performance bar: audit id and label. */
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

const args = process.argv.slice(2);
const gatePerformance = args.includes('--performance');
const [dir = 'dist', ...given] = args.filter((arg) => arg !== '--performance');

/** A free TCP port on 127.0.0.1 (asked of the OS, so parallel runs do not collide). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The Chinese pages audited, a sample (CI time): the overview and two chapters. A Chinese page is
 * its English twin's template with translated text, so what can differ is language markup (lang,
 * labels, link names) and the CJK type, which these three carry.
 */
const CHINESE_SAMPLE = ['/zh-cn/', '/zh-cn/vgg/', '/zh-cn/resnet/'];

/**
 * '/' and every built page under a chapter's slug ('/vgg/', '/embedding/…'), in reading order,
 * then the Chinese sample (a missing one is an error, not a silently smaller sample).
 */
function chapterPages(distDir: string): string[] {
  const slugs = readingOrder('src/content/docs').map((c) => c.slug);
  const chapterOf = (page: string): number =>
    slugs.findIndex((slug) => (slug === '' ? page === '/' : page.startsWith(`/${slug}/`)));
  return htmlFiles(distDir)
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .filter((page) => chapterOf(page) >= 0)
    .sort((a, b) => chapterOf(a) - chapterOf(b) || a.localeCompare(b))
    .concat(CHINESE_SAMPLE.map((page) => (existsSync(join(distDir, page, 'index.html')) ? page : missing(page))));
}

function missing(page: string): never {
  throw new Error(`Lighthouse's Chinese sample page ${page} is not in the build`);
}

type AuditResult = Result['audits'][string];

/** A category's score out of 100, or null when Lighthouse could not score it. */
function scoreOf(lhr: Result, category: string): number | null {
  const score = lhr.categories[category]?.score;
  return score === null || score === undefined ? null : Math.round(score * 100);
}

/** One run's metrics on one line: 'FCP 1.9 s, LCP 2.1 s, TBT 40 ms, CLS 0.000, SI 2.0 s'. */
function metricsLine(lhr: Result): string {
  return METRICS.map(([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
}

/** One line per element or item an audit names: selector and markup, or the item's fields. */
function describeItems(audit: AuditResult): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  return (details?.items ?? []).slice(0, 10).map((item) => {
    const node = item['node'] as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node !== undefined) {
      const explanation = (node.explanation ?? '')
        .replace(/\s+/g, ' ')
        .replace(/^Fix (any|all) of the following: /, '');
      const why =
        explanation === '' ? '' : ` — ${explanation.length > 240 ? `${explanation.slice(0, 240)}…` : explanation}`;
      return `${node.selector ?? '?'}  ${node.snippet ?? ''}${why}`;
    }
    return Object.entries(item)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  });
}

/** The audits of `category` that cost it points, with the elements they name. */
function failingAudits(lhr: Result, category: string): string[] {
  const lines: string[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (audit === undefined || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
    lines.push(`  ${category}: ${audit.id} — ${audit.title}`);
    for (const item of describeItems(audit)) lines.push(`      ${item}`);
  }
  return lines;
}

const pages = given.length > 0 ? given : chapterPages(dir);
const sitePort = await freePort();
const debugPort = await freePort();
const server = await serveStatic(dir, sitePort);
const options = chromiumLaunchOptions();
const browser = await chromium.launch({
  ...options,
  args: [...(options.args ?? []), `--remote-debugging-port=${debugPort}`],
});

const failures: string[] = [];
const started = Date.now();
try {
  for (const path of pages) {
    const pageStarted = Date.now();
    const url = `http://127.0.0.1:${sitePort}${path}`;
    const audit = async (categories: readonly string[]): Promise<Result | undefined> =>
      (await lighthouse(url, { port: debugPort, onlyCategories: [...categories], output: 'json', logLevel: 'error' }))
        ?.lhr;
    const lhr = await audit(gatePerformance ? [...CATEGORIES, 'performance'] : CATEGORIES);
    if (lhr === undefined) {
      failures.push(`${path}: Lighthouse returned no result`);
      console.log(`${path.padEnd(40)} no result (${((Date.now() - pageStarted) / 1000).toFixed(1)} s)`);
      continue;
    }
    const performance = gatePerformance ? [scoreOf(lhr, 'performance')] : [];
    const metrics = [metricsLine(lhr)];
    while (gatePerformance && medianDecision(performance, PERFORMANCE_BAR, PERFORMANCE_RUNS) === null) {
      const again = await audit(['performance']);
      performance.push(again === undefined ? null : scoreOf(again, 'performance'));
      metrics.push(again === undefined ? 'no result' : metricsLine(again));
    }
    const scores = CATEGORIES.map((c) => [c, scoreOf(lhr, c)] as const);
    const seconds = ((Date.now() - pageStarted) / 1000).toFixed(1);
    const runs = gatePerformance ? `  performance ${performance.map((score) => score ?? '—').join(', ')}` : '';
    console.log(
      `${path.padEnd(40)} ${scores.map(([c, score]) => `${c} ${score ?? '—'}`).join('  ')}${runs}  (${seconds} s)`,
    );
    const problems: string[] = [];
    if (lhr.runtimeError) problems.push(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const [category, score] of scores) {
      if (score === null || score < 100) {
        problems.push(`  ${category} ${score ?? 'not scored'}`);
        problems.push(...failingAudits(lhr, category));
      }
    }
    if (gatePerformance && medianDecision(performance, PERFORMANCE_BAR, PERFORMANCE_RUNS) === false) {
      problems.push(`  performance below ${PERFORMANCE_BAR} in most of ${PERFORMANCE_RUNS} runs:`);
      performance.forEach((score, run) => problems.push(`      ${score ?? 'not scored'}: ${metrics[run]}`));
    }
    if (problems.length > 0) failures.push([path, ...problems].join('\n'));
  }
} finally {
  await browser.close();
  server.close();
}

const total = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.error(
    `\nLighthouse: ${failures.length} of ${pages.length} pages below the bar (${total} s):\n${failures.join('\n')}`,
  );
  process.exit(1);
}
const performanceBar = gatePerformance ? ` and performance's median is at least ${PERFORMANCE_BAR}` : '';
console.log(
  `\nLighthouse: ${CATEGORIES.join(' and ')} are 100${performanceBar} on all ${pages.length} pages (${total} s)`,
);
