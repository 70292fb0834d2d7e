/**
 * The bibliography: every paper or source the site cites, loaded from src/data/references.json
 * and checked once on import, so a malformed entry fails the build with the entry's id.
 */
import rawReferences from '../../data/references.json' with { type: 'json' };

/** One bibliography entry. At least one of `doi` and `url` is present. */
export interface Reference {
  readonly id: string;
  readonly authors: readonly string[];
  readonly title: string;
  readonly venue: string;
  readonly year: number;
  readonly doi?: string;
  readonly url?: string;
}

/** Validates the raw JSON entries; throws naming the entry and field at fault. */
export function parseReferences(raw: unknown): Reference[] {
  if (!Array.isArray(raw)) throw new Error('references.json: expected an array of references');
  const seen = new Set<string>();
  return raw.map((entry: unknown, index): Reference => {
    const where = `references.json[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: not an object`);
    const e = entry as Record<string, unknown>;
    const text = (field: string): string => {
      const value = e[field];
      if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`${where} (${String(e['id'])}): "${field}" must be a non-empty string`);
      }
      return value;
    };
    const id = text('id');
    if (!/^[a-z][a-z0-9]*$/.test(id)) throw new Error(`${where}: id "${id}" must be lowercase letters and digits`);
    if (seen.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    seen.add(id);
    const authors = e['authors'];
    if (!Array.isArray(authors) || authors.length === 0 || !authors.every((a) => typeof a === 'string' && a !== '')) {
      throw new Error(`${where} (${id}): "authors" must be a non-empty list of names`);
    }
    const year = e['year'];
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) {
      throw new Error(`${where} (${id}): "year" must be a four-digit year`);
    }
    const doi = typeof e['doi'] === 'string' ? e['doi'] : undefined;
    const url = typeof e['url'] === 'string' ? e['url'] : undefined;
    if (doi === undefined && url === undefined) throw new Error(`${where} (${id}): needs a "doi" or a "url"`);
    if (url !== undefined && !/^https:\/\//.test(url)) throw new Error(`${where} (${id}): "url" must be https`);
    return {
      id,
      authors: authors as string[],
      title: text('title'),
      venue: text('venue'),
      year,
      ...(doi === undefined ? {} : { doi }),
      ...(url === undefined ? {} : { url }),
    };
  });
}

/** Every reference, in file order. */
export const references: readonly Reference[] = parseReferences(rawReferences);

const byId = new Map(references.map((r) => [r.id, r]));

/** All valid reference ids. */
export const referenceIds: readonly string[] = references.map((r) => r.id);

/** Looks a reference up; throws an error listing the valid ids when `id` is unknown. */
export function getReference(id: string): Reference {
  const ref = byId.get(id);
  if (!ref) throw new Error(`Unknown reference id "${id}". Known ids: ${referenceIds.join(', ')}`);
  return ref;
}

/** The link a reader follows: the DOI resolver when there is a DOI, else the URL. */
export function referenceHref(ref: Reference): string {
  return ref.doi !== undefined ? `https://doi.org/${ref.doi}` : (ref.url as string);
}

/** An organisation written in braces, as in BibTeX ("{TorchVision maintainers}"), is kept verbatim. */
function isOrganisation(name: string): boolean {
  return name.startsWith('{') && name.endsWith('}');
}

/**
 * "K. He, X. Zhang, S. Ren and J. Sun": initials for given names, "and" before the last.
 * Organisations in braces keep their whole name.
 */
export function formatAuthors(authors: readonly string[]): string {
  const short = authors.map((name) => {
    if (isOrganisation(name)) return name.slice(1, -1);
    const parts = name.split(' ');
    if (parts.length === 1) return name;
    const family = parts[parts.length - 1];
    const initials = parts.slice(0, -1).map((p) => (p.endsWith('.') ? p : `${p[0]}.`));
    return `${initials.join(' ')} ${family}`;
  });
  if (short.length <= 1) return short.join('');
  return `${short.slice(0, -1).join(', ')} and ${short[short.length - 1]}`;
}

/** "He et al. 2016": the short form used in tooltips and alt text. */
export function shortCitation(ref: Reference): string {
  const family = (name: string): string =>
    isOrganisation(name) ? name.slice(1, -1) : (name.split(' ').at(-1) ?? name);
  const [first, second] = ref.authors;
  const who =
    ref.authors.length === 1
      ? family(first ?? '')
      : ref.authors.length === 2
        ? `${family(first ?? '')} and ${family(second ?? '')}`
        : `${family(first ?? '')} et al.`;
  return `${who} ${ref.year}`;
}

/** A pin-point locator inside a source: page, section, table or figure. */
export interface Locator {
  readonly page?: string | undefined;
  readonly section?: string | undefined;
  readonly table?: string | undefined;
  readonly figure?: string | undefined;
}

/** How a locator reads in a page's language: each part's words and what joins them. */
export interface LocatorWords {
  readonly page: (p: string) => string;
  readonly section: (s: string) => string;
  readonly table: (t: string) => string;
  readonly figure: (f: string) => string;
  readonly separator: string;
}

/** "p. 7", "§4.2", "Table 6", "Fig. 1". */
export const ENGLISH_LOCATOR: LocatorWords = {
  page: (p) => `p. ${p}`,
  section: (s) => `§${s}`,
  table: (t) => `Table ${t}`,
  figure: (f) => `Fig. ${f}`,
  separator: ', ',
};

/** "p. 7", "§4.2", "Table 6", "Fig. 1" (or `words`' terms), joined with commas; empty when nothing is given. */
export function formatLocator(loc: Locator, words: LocatorWords = ENGLISH_LOCATOR): string {
  const parts: string[] = [];
  if (loc.page) parts.push(words.page(loc.page));
  if (loc.section) parts.push(words.section(loc.section));
  if (loc.table) parts.push(words.table(loc.table));
  if (loc.figure) parts.push(words.figure(loc.figure));
  return parts.join(words.separator);
}
