/**
 * The `_headers` file for static hosts. Rules never overlap for the same header, because hosts
 * combine the values of overlapping rules: framing is set page by page, so that an embed page's
 * `frame-ancestors *` is not joined with another rule's `'self'`.
 */

/** Headers every response gets. */
const EVERYWHERE = ['X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin'];

/** True for pages other sites may frame: the /embed/ routes, in every language (/zh-cn/embed/ too). */
export function isEmbedPage(page: string): boolean {
  return /^(zh-cn\/)?embed\//.test(page);
}

/** URL path of a built page file ('vgg/index.html' → '/vgg/'). */
function urlOf(page: string): string {
  return `/${page.replace(/index\.html$/, '')}`;
}

/** The file's text for the built `pages` (paths relative to dist/). */
export function headersFileFor(pages: readonly string[]): string {
  const lines = ['# Written by the build (src/lib/security/headers.ts).', '/*', ...EVERYWHERE.map((h) => `  ${h}`)];
  // /embed.js is a module script other sites load: module scripts are fetched with CORS.
  lines.push('/embed.js', '  Access-Control-Allow-Origin: *');
  const framed = [...pages].sort();
  for (const page of framed) {
    const url = urlOf(page);
    const paths = url.endsWith('/') && url !== '/' ? [url, url.slice(0, -1)] : [url];
    for (const path of paths) {
      lines.push(path);
      if (isEmbedPage(page)) lines.push('  Content-Security-Policy: frame-ancestors *');
      else lines.push("  Content-Security-Policy: frame-ancestors 'self'", '  X-Frame-Options: SAMEORIGIN');
    }
  }
  return `${lines.join('\n')}\n`;
}
