/**
 * Internal link and anchor check over a built site (dist/).
 *
 * Every `href`/`src` that points into the site must name a file that exists, and every
 * `#fragment` must name an element id (or `name`) on the target page. External links are not
 * fetched (no request may leave the machine); they are only counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parse } from 'parse5';

/** One broken link: the page it is on, the link as written, and what is wrong. */
export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly problem: string;
}

interface PageFacts {
  readonly ids: Set<string>;
  readonly links: string[];
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** Every .html file below `dir`, as paths relative to it with '/' separators. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function factsOf(html: string): PageFacts {
  const ids = new Set<string>();
  const links: string[] = [];
  const visit = (node: HtmlNode): void => {
    for (const { name, value } of node.attrs ?? []) {
      if (name === 'id' || (name === 'name' && node.nodeName === 'a')) ids.add(value);
      if ((name === 'href' && node.nodeName !== 'base') || name === 'src') links.push(value);
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return { ids, links };
}

/** Maps a URL path inside the site to the file that serves it, or null when none does. */
function fileFor(distDir: string, urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath);
  const candidates = clean.endsWith('/')
    ? [posix.join(clean, 'index.html')]
    : [clean, `${clean}.html`, posix.join(clean, 'index.html')];
  for (const c of candidates) {
    const full = join(distDir, c);
    if (existsSync(full) && statSync(full).isFile()) return c.replace(/^\//, '');
  }
  return null;
}

/** Checks every page in `distDir`; returns the broken links (empty when all resolve). */
export function checkLinks(distDir: string): BrokenLink[] {
  const pages = htmlFiles(distDir);
  const facts = new Map(pages.map((p) => [p, factsOf(readFileSync(join(distDir, p), 'utf8'))]));
  const broken: BrokenLink[] = [];
  for (const [page, { links }] of facts) {
    const pageUrl = `/${page.replace(/index\.html$/, '')}`;
    for (const link of links) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(link)) continue; // external, mailto:, data:, javascript: …
      const url = new URL(link, `http://site.invalid${pageUrl}`);
      const target = link.startsWith('#') ? page : fileFor(distDir, url.pathname);
      if (target === null) {
        broken.push({ page, link, problem: `no file serves ${url.pathname}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment === '' || fragment === '_top') continue;
      const targetFacts = facts.get(target);
      if (targetFacts && !targetFacts.ids.has(fragment)) {
        broken.push({ page, link, problem: `${target} has no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

/** A readable report: one line per broken link. */
export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.link} (${b.problem})`).join('\n');
}
