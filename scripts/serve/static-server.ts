/**
 * A small static file server for the built site, as a static host would serve it: directory
 * URLs get their index.html, unknown paths the 404 page, and `_headers` rules are applied (so the
 * tests see the framing and security headers a real host sends). Used by the browser tests and
 * the benchmark; `npm run preview` (astro preview) remains the way to look at a build by hand.
 * Text (HTML, JS, CSS, JSON, SVG…) is sent gzip-compressed to clients that accept it, as static
 * hosts send it, so transfer sizes and Lighthouse timings match production.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile } from './headers-file.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.bin': 'application/octet-stream',
};

/** Content types a static host compresses: text, not already-compressed binaries. */
const COMPRESSED = /^(text\/|application\/(json|javascript|xml)|image\/svg\+xml)/;

/** Whether a request's Accept-Encoding admits gzip (a q=0 refusal does not). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .some(([coding, q]) => (coding === 'gzip' || coding === '*') && !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q ?? ''));
}

/** Resolves a URL path to a file under `root`, or null. Never leaves `root`. */
export function resolveFile(root: string, urlPath: string): { file: string; redirect?: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = normalize(join(root, decoded));
  if (full !== normalize(root) && !full.startsWith(normalize(root) + sep)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) {
    if (!decoded.endsWith('/')) return { file: join(full, 'index.html'), redirect: `${urlPath}/` };
    const index = join(full, 'index.html');
    return existsSync(index) ? { file: index } : null;
  }
  return existsSync(full) ? { file: full } : null;
}

/** Starts serving `root` on 127.0.0.1:`port`. */
export function serveStatic(root: string, port: number): Promise<Server> {
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const found = resolveFile(root, url.pathname);
    for (const [name, value] of headersFor(rules, url.pathname)) response.setHeader(name, value);
    if (found?.redirect) {
      response.writeHead(301, { location: `${found.redirect}${url.search}` }).end();
      return;
    }
    const file = found?.file ?? join(root, '404.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSED.test(type) && acceptsGzip(request.headers['accept-encoding']);
    const body = gzip ? gzipSync(readFileSync(file)) : readFileSync(file);
    response.writeHead(found ? 200 : 404, {
      'content-type': type,
      'cache-control': 'no-store',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
