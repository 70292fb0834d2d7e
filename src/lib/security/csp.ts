/**
 * The site's Content-Security-Policy, written into each built page as a meta tag at the top of
 * <head>. Every inline <script> and <style> of that page is allowed by its SHA-256 hash and
 * nothing else inline runs; scripts, styles, fonts, images, workers and fetches come only from
 * the site's own origin. Inline style *attributes* are allowed (style-src-attr): KaTeX and
 * Starlight position elements with them, and CSS cannot run script.
 *
 * 'wasm-unsafe-eval' lets the TF.js WASM backend compile its WebAssembly module; it does not
 * allow eval() or new Function() of JavaScript, and 'unsafe-eval' is never granted.
 */
import { createHash } from 'node:crypto';
import { parse } from 'parse5';

/** Directives every page gets besides the script and style hashes. */
export const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
  content?: HtmlNode;
}

/** 'sha256-…' of a script or style body, as browsers hash it. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The bodies of the inline <script> (without src, executable) and <style> elements of a page. */
export function inlineSources(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const visit = (node: HtmlNode): void => {
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
    const text = (node.childNodes ?? []).map((c) => c.value ?? '').join('');
    const type = attrs.get('type');
    const executable = type === undefined || type === '' || type === 'module' || /javascript/i.test(type);
    if (node.nodeName === 'script' && !attrs.has('src') && executable) scripts.push(text);
    if (node.nodeName === 'style') styles.push(text);
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return { scripts, styles };
}

/** The policy for one page, from its inline scripts and styles. */
export function policyFor(html: string, base: readonly string[] = BASE_DIRECTIVES): string {
  const { scripts, styles } = inlineSources(html);
  const unique = (values: string[]): string[] => [...new Set(values.map(sha256Source))];
  return [
    ...base,
    ["script-src 'self' 'wasm-unsafe-eval'", ...unique(scripts)].join(' '),
    "script-src-attr 'none'",
    ["style-src-elem 'self'", ...unique(styles)].join(' '),
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

/** `html` with its policy as the first element of <head> (replacing an earlier one of ours). */
export function withPolicy(html: string, base: readonly string[] = BASE_DIRECTIVES): string {
  const clean = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/gi, '');
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(clean, base)}">`;
  if (!/<head[^>]*>/i.test(clean)) throw new Error('page has no <head> to put its Content-Security-Policy in');
  return clean.replace(/<head[^>]*>/i, (head) => `${head}${meta}`);
}
