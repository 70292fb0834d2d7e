/**
 * The chapters' reading order, from their `order` front matter. The sidebar and the prev/next
 * links follow it, so a chapter's place is set in one field of its own file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A chapter as the sidebar needs it: its slug ('' for the home page) and order. */
export interface ChapterEntry {
  readonly slug: string;
  readonly order: number;
  readonly file: string;
}

/** Reads `order:` from each top-level .md/.mdx file in `docsDir`; throws on a missing or repeated order. */
export function readingOrder(docsDir: string): ChapterEntry[] {
  const entries = readdirSync(docsDir)
    .filter((name) => /\.mdx?$/.test(name) && !name.startsWith('404.'))
    .map((name): ChapterEntry => {
      const file = join(docsDir, name);
      const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
      const match = /^order:\s*(\d+)\s*$/m.exec(frontMatter);
      if (!match?.[1])
        throw new Error(`${file}: front matter needs "order: <number>" (its place in the reading order)`);
      const base = name.replace(/\.mdx?$/, '');
      return { slug: base === 'index' ? '' : base, order: Number(match[1]), file };
    })
    .sort((a, b) => a.order - b.order);
  for (let i = 1; i < entries.length; i++) {
    const [prev, cur] = [entries[i - 1], entries[i]];
    if (prev && cur && prev.order === cur.order) {
      throw new Error(`${prev.file} and ${cur.file} share "order: ${cur.order}"; each chapter needs its own place`);
    }
  }
  return entries;
}

/** A sidebar link with its label in other languages (keyed by BCP-47 tag, e.g. 'zh-CN'). */
interface LabelledLink {
  label: string;
  translations: Record<string, string>;
  link: string;
}

/**
 * Starlight sidebar items in reading order: the home page as a link, chapters by slug. Starlight
 * resolves a slug to each locale's own page (zh-cn/<slug>, titled in Chinese) and prefixes the
 * home link with the locale's directory ('/zh-cn/'), so one list serves every language.
 */
export function sidebarItems(docsDir: string): ({ slug: string } | LabelledLink)[] {
  return readingOrder(docsDir).map((c) =>
    c.slug === '' ? { label: 'Overview', translations: { 'zh-CN': '概览' }, link: '/' } : { slug: c.slug },
  );
}
