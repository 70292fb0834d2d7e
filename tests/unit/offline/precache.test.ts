import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildVersion,
  isPrecached,
  precacheManifest,
  revisionOf,
  urlForFile,
} from '../../../src/lib/offline/precache.ts';
import { buildOfflineCopy, REGISTER_TAG, withRegistration } from '../../../src/integrations/offline-site.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the precache manifest', () => {
  it('requests a directory index by its directory URL, other files by their path', () => {
    expect(urlForFile('index.html')).toBe('/');
    expect(urlForFile('vgg/index.html')).toBe('/vgg/');
    expect(urlForFile('zh-cn/embed/skip-lab/index.html')).toBe('/zh-cn/embed/skip-lab/');
    expect(urlForFile('404.html')).toBe('/404.html');
    expect(urlForFile('tfjs-wasm/tfjs-backend-wasm-simd.wasm')).toBe('/tfjs-wasm/tfjs-backend-wasm-simd.wasm');
    expect(urlForFile('notindex.html')).toBe('/notindex.html');
  });

  it('leaves out the host header rules, the service worker itself, source maps and dotfiles', () => {
    expect(['_headers', 'sw.js', '_astro/a.js.map', '.DS_Store', 'x/.hidden'].filter(isPrecached)).toEqual([]);
    expect(['sw.json', 'pagefind/pagefind.js', '_astro/a.js', 'data/mnist-train.u8.gz'].every(isPrecached)).toBe(true);
  });

  it('gives a file a revision that changes with its bytes and nothing else', () => {
    expect(revisionOf(bytes('a'))).toMatch(/^[0-9a-f]{16}$/);
    expect(revisionOf(bytes('a'))).toBe(revisionOf(bytes('a')));
    expect(revisionOf(bytes('a'))).not.toBe(revisionOf(bytes('b')));
  });

  it('lists every precached file once, sorted by URL; the build version follows any change', () => {
    const files: Record<string, string> = { 'vgg/index.html': 'v', 'index.html': 'i', _headers: 'h', 'a.js': 'a' };
    const manifest = precacheManifest(Object.keys(files), (path) => bytes(files[path]!));
    expect(manifest.map((e) => e.url)).toEqual(['/', '/a.js', '/vgg/']);
    const changed = precacheManifest(Object.keys(files), (path) => bytes(path === 'a.js' ? 'A' : files[path]!));
    expect(buildVersion(changed)).not.toBe(buildVersion(manifest));
    expect(buildVersion(precacheManifest(Object.keys(files), (p) => bytes(files[p]!)))).toBe(buildVersion(manifest));
  });
});

describe('the offline copy of a build', () => {
  it('links the registration script from each page once, at the end of <head>', () => {
    const page = '<html><head><title>t</title></head><body></body></html>';
    const once = withRegistration(page);
    expect(once).toBe(`<html><head><title>t</title>${REGISTER_TAG}</head><body></body></html>`);
    expect(withRegistration(once)).toBe(once);
    expect(withRegistration('<p>fragment</p>')).toBe('<p>fragment</p>');
  });

  it('writes a service worker whose manifest lists the build, a registration script, and the prompt with both languages', () => {
    const root = mkdtempSync(join(tmpdir(), 'offline-copy-'));
    mkdirSync(join(root, 'vgg'));
    writeFileSync(join(root, 'index.html'), '<html><head></head><body>home</body></html>');
    writeFileSync(join(root, 'vgg', 'index.html'), '<html><head></head><body>vgg</body></html>');
    writeFileSync(join(root, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
    const first = buildOfflineCopy(root);
    expect(first.files).toBe(4); // two pages, offline.js and offline-prompt.js; not _headers, not sw.js
    const worker = readFileSync(join(root, 'sw.js'), 'utf8');
    expect(worker).toContain(`const VERSION = "${first.version}"`);
    expect(worker).toContain('"url":"/vgg/"');
    expect(worker).not.toMatch(/\binterface\b|declare const/); // compiled, not TypeScript
    // The prompt, with both languages' words, is its own file: a page loads it only to offer an update.
    expect(readFileSync(join(root, 'offline-prompt.js'), 'utf8')).toContain('网站更新');
    expect(readFileSync(join(root, 'offline-prompt.js'), 'utf8')).toContain('export function showUpdatePrompt');
    expect(readFileSync(join(root, 'offline.js'), 'utf8')).not.toContain('网站更新');
    expect(readFileSync(join(root, 'offline.js'), 'utf8')).toContain('import(PROMPT_SCRIPT)');
    expect(readFileSync(join(root, 'vgg', 'index.html'), 'utf8')).toContain(REGISTER_TAG);
    // Idempotent, and a changed page changes the version.
    expect(buildOfflineCopy(root)).toEqual(first);
    writeFileSync(join(root, 'vgg', 'index.html'), '<html><head></head><body>vgg, new</body></html>');
    expect(buildOfflineCopy(root).version).not.toBe(first.version);
  });
});
