import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { acceptsGzip, resolveFile, serveStatic } from '../../../scripts/serve/static-server.ts';

const root = mkdtempSync(join(tmpdir(), 'cnn-lineage-serve-'));
mkdirSync(join(root, 'vgg'));
writeFileSync(join(root, 'vgg/index.html'), '<h1>VGG</h1>');
writeFileSync(join(root, '404.html'), '<h1>Not found</h1>');
writeFileSync(join(root, 'a.wasm'), 'wasm');
writeFileSync(join(root, '_headers'), '/vgg/\n  X-Test: yes\n');
let server: Server;
const port = 4477;

beforeAll(async () => {
  server = await serveStatic(root, port);
});
afterAll(() => server.close());

describe('static server', () => {
  it('serves a directory URL from its index.html with the _headers rules', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/vgg/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('<h1>VGG</h1>');
  });

  it('redirects a directory without its slash, keeping the query', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/vgg?a=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/vgg/?a=1');
  });

  it('answers unknown paths with the 404 page and .wasm with its MIME type', async () => {
    const missing = await fetch(`http://127.0.0.1:${port}/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<h1>Not found</h1>');
    expect((await fetch(`http://127.0.0.1:${port}/a.wasm`)).headers.get('content-type')).toBe('application/wasm');
  });

  it('gzips text for clients that accept it, as static hosts do, and leaves binaries alone', async () => {
    const page = await fetch(`http://127.0.0.1:${port}/vgg/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(await page.text()).toBe('<h1>VGG</h1>');
    const wasm = await fetch(`http://127.0.0.1:${port}/a.wasm`, { headers: { 'accept-encoding': 'gzip' } });
    expect(wasm.headers.get('content-encoding')).toBeNull();
    const identity = await fetch(`http://127.0.0.1:${port}/vgg/`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
  });

  it('reads Accept-Encoding with its q-values', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('never serves a file outside its root', () => {
    expect(resolveFile(root, '/../../etc/passwd')).toBeNull();
    expect(resolveFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveFile(root, '/%E0%A4%A')).toBeNull();
  });
});
