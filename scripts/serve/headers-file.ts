/**
 * The `_headers` file format that Netlify and Cloudflare Pages read: a URL pattern on its own
 * line, then indented `Name: value` lines. `*` matches any run of characters. Later rules add to
 * earlier ones; a header set twice takes the later value.
 */

/** One rule: a path pattern and the headers it sets. */
export interface HeaderRule {
  readonly pattern: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** Parses a `_headers` file; throws on a header line before any pattern. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const match = /^\s+([^:\s]+):\s*(.*)$/.exec(raw);
    if (!rule || !match) throw new Error(`_headers line ${index + 1}: expected "  Name: value" under a path`);
    rule.headers.push([match[1]!, match[2]!.trim()]);
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(path);
}

/** The headers `rules` give `path`, by lower-case name. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) out.set(name.toLowerCase(), value);
  }
  return out;
}
