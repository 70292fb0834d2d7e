/**
 * The precache manifest of the offline site: every file of a build as the URL a reader requests
 * and a revision (a hash of its bytes), so a service worker can store the whole site at the first
 * visit and, when a new build ships, fetch only the files whose revision changed.
 */
import { createHash } from 'node:crypto';

/** One precached file: `url` as requested (a directory URL for an index.html), `revision` a hex hash. */
export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string;
}

/** Built files a reader never requests, or that must always come from the network. */
const NOT_PRECACHED: readonly RegExp[] = [
  /^_headers$/, // the static host's header rules
  /^sw\.js$/, // the service worker itself: the browser checks it for updates over the network
  /\.map$/, // source maps, for developers only
  /(^|\/)\.[^/]*$/, // dotfiles
];

/** Whether a built file (a path relative to the build root, '/'-separated) belongs in the precache. */
export function isPrecached(path: string): boolean {
  return !NOT_PRECACHED.some((pattern) => pattern.test(path));
}

/** The URL a reader requests for a built file: `vgg/index.html` → `/vgg/`, `index.html` → `/`. */
export function urlForFile(path: string): string {
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

/** A file's revision: the first 16 hex digits of the SHA-256 of its bytes. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/**
 * The manifest of a build, sorted by URL: `files` are paths relative to the build root with a way
 * to read each one's bytes. Files `isPrecached` rejects are left out.
 */
export function precacheManifest(files: readonly string[], read: (path: string) => Uint8Array): PrecacheEntry[] {
  return files
    .filter(isPrecached)
    .map((path) => ({ url: urlForFile(path), revision: revisionOf(read(path)) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The build's version: a hash of its whole manifest, so any changed file makes a new service worker. */
export function buildVersion(manifest: readonly PrecacheEntry[]): string {
  const text = manifest.map((entry) => `${entry.url} ${entry.revision}`).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
