/**
 * `node scripts/lighthouse.ts [dist] [paths…]`: Lighthouse's accessibility and SEO scores (mobile,
 * its default) for every chapter page, which must all be 100. Prints each page's scores and, for
 * a score below 100, each failing audit with the elements it names; exits 1 if any page fails.
 *
 * The pages are the index and every built page under a chapter's slug (the reading order of
 * src/content/docs), or the URL paths given after the folder. The site is served as the browser
 * tests serve it (scripts/serve/static-server.ts) and audited in one Chromium, the system's, with
 * the flags of playwright.config.ts (scripts/chromium.ts), which Lighthouse drives over the
 * DevTools protocol: one tab per page.
 */
import { createServer, type AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumLaunchOptions } from './chromium.ts';
import { htmlFiles } from './checks/links.ts';
import { serveStatic } from './serve/static-server.ts';
import { readingOrder } from '../src/lib/content/reading-order.ts';

/** The categories audited; each must score 100 on every page. */
const CATEGORIES = ['accessibility', 'seo'] as const;

const dir = process.argv[2] ?? 'dist';
const given = process.argv.slice(3);

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

/** '/' and every built page under a chapter's slug ('/vgg/', '/embedding/…'), in reading order. */
function chapterPages(distDir: string): string[] {
  const slugs = readingOrder('src/content/docs').map((c) => c.slug);
  const chapterOf = (page: string): number =>
    slugs.findIndex((slug) => (slug === '' ? page === '/' : page.startsWith(`/${slug}/`)));
  return htmlFiles(distDir)
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .filter((page) => chapterOf(page) >= 0)
    .sort((a, b) => chapterOf(a) - chapterOf(b) || a.localeCompare(b));
}

type AuditResult = Result['audits'][string];

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
    const run = await lighthouse(url, {
      port: debugPort,
      onlyCategories: [...CATEGORIES],
      output: 'json',
      logLevel: 'error',
    });
    const seconds = ((Date.now() - pageStarted) / 1000).toFixed(1);
    if (run === undefined) {
      failures.push(`${path}: Lighthouse returned no result`);
      console.log(`${path.padEnd(40)} no result (${seconds} s)`);
      continue;
    }
    const { lhr } = run;
    const scores = CATEGORIES.map((c) => {
      const score = lhr.categories[c]?.score;
      return [c, score === null || score === undefined ? null : Math.round(score * 100)] as const;
    });
    console.log(`${path.padEnd(40)} ${scores.map(([c, s]) => `${c} ${s ?? '—'}`).join('  ')}  (${seconds} s)`);
    const problems: string[] = [];
    if (lhr.runtimeError) problems.push(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const [category, score] of scores) {
      if (score === null || score < 100) {
        problems.push(`  ${category} ${score ?? 'not scored'}`);
        problems.push(...failingAudits(lhr, category));
      }
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
    `\nLighthouse: ${failures.length} of ${pages.length} pages below 100 (${total} s):\n${failures.join('\n')}`,
  );
  process.exit(1);
}
console.log(`\nLighthouse: ${CATEGORIES.join(' and ')} are 100 on all ${pages.length} pages (${total} s)`);
