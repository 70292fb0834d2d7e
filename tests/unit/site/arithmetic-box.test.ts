import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARITHMETIC_PAGE,
  ARITHMETIC_TOPICS,
  checkTopics,
  formulaParts,
  TOPICS,
  topicHref,
} from '../../../src/components/chapter/arithmetic-topics.ts';
import { readingOrder } from '../../../src/lib/content/reading-order.ts';

const DOCS = 'src/content/docs';

/**
 * Pages in the reading order that are not chapters, so carry no box: the reference page itself and
 * the pages about the site (embedding, references, the browser's compute).
 */
const NOT_CHAPTERS = ['conv-arithmetic', 'embedding', 'references', 'diagnostics'];

const pages = readingOrder(DOCS);
const chapters = pages.filter((page) => !NOT_CHAPTERS.includes(page.slug));

/** The `topics` lists of every `<ArithmeticBox topics={[…]} />` in an MDX source. */
function boxes(source: string): string[][] {
  return [...source.matchAll(/<ArithmeticBox\s+topics=\{\[([^\]]*)\]\}\s*\/>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/'([^']*)'/g)].map((t) => t[1] ?? ''),
  );
}

/** The id Starlight gives a heading (github-slugger's rule for plain words and hyphens). */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

describe('the convolution-arithmetic box', () => {
  it('every page left out is in the reading order, so the list cannot go stale', () => {
    const slugs = pages.map((page) => page.slug);
    for (const page of NOT_CHAPTERS) expect(slugs).toContain(page);
    expect(chapters.length).toBeGreaterThanOrEqual(8);
  });

  it.each(chapters.map((c) => [c.slug === '' ? 'index' : c.slug, c.file]))(
    '%s imports <ArithmeticBox> and places it once, with known topics',
    (_, file) => {
      const source = readFileSync(file, 'utf8');
      expect(source).toMatch(/import \{[^}]*\bArithmeticBox\b[^}]*\} from '\.\.\/\.\.\/components\/index\.ts'/);
      const found = boxes(source);
      expect(found).toHaveLength(1);
      expect(checkTopics(found[0] ?? [])).toEqual(found[0]);
    },
  );

  it('links each topic to a section heading of the reference page, and every section but the quiz has a topic', () => {
    const page = readFileSync(`${DOCS}${ARITHMETIC_PAGE.replace(/\/$/, '')}.mdx`, 'utf8');
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1] ?? '');
    const anchors = ARITHMETIC_TOPICS.map((topic) => TOPICS[topic].anchor);
    for (const topic of ARITHMETIC_TOPICS) {
      expect(headings).toContain(TOPICS[topic].heading);
      expect(slug(TOPICS[topic].heading)).toBe(TOPICS[topic].anchor);
      expect(topicHref(topic)).toBe(`/conv-arithmetic/#${TOPICS[topic].anchor}`);
    }
    expect(headings.filter((h) => h !== 'Check yourself').map(slug)).toEqual(anchors);
  });

  it('formulaParts marks the subscripts of a formula and keeps the rest as text', () => {
    expect(formulaParts('k·k·(C_in / g)·C_out + C_out')).toEqual([
      { text: 'k·k·(C', sub: false },
      { text: 'in', sub: true },
      { text: ' / g)·C', sub: false },
      { text: 'out', sub: true },
      { text: ' + C', sub: false },
      { text: 'out', sub: true },
    ]);
    expect(formulaParts('o = ⌊(i + 2p − k) / s⌋ + 1')).toEqual([{ text: 'o = ⌊(i + 2p − k) / s⌋ + 1', sub: false }]);
  });

  it('checkTopics refuses an empty list, an unknown topic and a repeat, naming the valid ones', () => {
    expect(() => checkTopics([])).toThrow('name at least one topic');
    expect(() => checkTopics(['params'])).toThrow(/unknown params; use output-size, padding/);
    expect(() => checkTopics(['macs', 'macs'])).toThrow('a topic is repeated');
  });
});
