import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetFor, formatBudget, JS_BUDGET_BYTES, measureBudget } from '../../../scripts/checks/js-budget.ts';
import { checkLinks, formatBrokenLinks } from '../../../scripts/checks/links.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-dist-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const page = (body: string): string => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('link check', () => {
  it('passes a site whose links, assets and anchors all resolve', () => {
    const dir = site({
      'index.html': page('<a href="/vgg/">VGG</a><a href="vgg/#training">t</a><a href="#top">x</a><h2 id="top">T</h2>'),
      'vgg/index.html': page(
        '<h2 id="training">Training</h2><img src="/img.svg" alt=""><a href="https://example.org/">ext</a>',
      ),
      'img.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect(checkLinks(dir)).toEqual([]);
  });

  it('fails on a dead link and names the page and the link', () => {
    const dir = site({ 'index.html': page('<a href="/resnet/">ResNet</a>') });
    const broken = checkLinks(dir);
    expect(broken).toHaveLength(1);
    expect(formatBrokenLinks(broken)).toBe('index.html: /resnet/ (no file serves /resnet/)');
  });

  it('fails on a link to a missing anchor', () => {
    const dir = site({
      'index.html': page('<a href="/vgg/#no-such-heading">x</a>'),
      'vgg/index.html': page('<h2 id="training">Training</h2>'),
    });
    expect(formatBrokenLinks(checkLinks(dir))).toContain('vgg/index.html has no element with id "no-such-heading"');
  });

  it('fails on a missing script or stylesheet', () => {
    const dir = site({ 'index.html': page('<script type="module" src="/_astro/gone.js"></script>') });
    expect(checkLinks(dir).map((b) => b.link)).toEqual(['/_astro/gone.js']);
  });
});

describe('JS budget', () => {
  it('a small page is within the 40 KB budget', () => {
    const report = measureBudget('/ok/', [{ url: '/a.js', body: new TextEncoder().encode('console.log(1)') }]);
    expect(report.withinBudget).toBe(true);
  });

  it('an oversized script breaks the budget and the report names it with its size', () => {
    const big = randomBytes(45 * 1024); // incompressible
    const report = measureBudget('/big/', [
      { url: '/_astro/small.js', body: new TextEncoder().encode('export const x = 1;') },
      { url: '/_astro/huge.js', body: big },
    ]);
    expect(report.withinBudget).toBe(false);
    expect(report.totalGzipBytes).toBeGreaterThan(JS_BUDGET_BYTES);
    expect(report.scripts[0]?.url).toBe('/_astro/huge.js');
    expect(formatBudget(report)).toMatch(/OVER BUDGET\n\s+4\d\.\d KB gzip\s+45\.0 KB raw\s+\/_astro\/huge\.js/);
  });

  it('a chapter gets 38 KB and an embed page 40 KB', () => {
    expect(budgetFor('/vgg/')).toBe(38 * 1024);
    expect(budgetFor('/')).toBe(38 * 1024);
    expect(budgetFor('/embed/skip-lab/')).toBe(44 * 1024);
    const body = randomBytes(39 * 1024); // incompressible: over a chapter's budget, within an embed's
    expect(measureBudget('/vgg/', [{ url: '/a.js', body }], budgetFor('/vgg/')).withinBudget).toBe(false);
    expect(measureBudget('/embed/x/', [{ url: '/a.js', body }], budgetFor('/embed/x/')).withinBudget).toBe(true);
  });

  it('counts a script fetched twice once', () => {
    const body = randomBytes(1024);
    const once = measureBudget('/p/', [{ url: '/a.js', body }]);
    const twice = measureBudget('/p/', [
      { url: '/a.js', body },
      { url: '/a.js', body },
    ]);
    expect(twice.totalGzipBytes).toBe(once.totalGzipBytes);
  });
});
