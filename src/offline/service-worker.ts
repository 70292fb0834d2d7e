/**
 * The site's service worker (built into /sw.js by src/integrations/offline-site.ts, which puts the
 * build's PRECACHE manifest and VERSION in front of this file). At install it stores every file of
 * the build, so after one visit the whole site — pages, workers, WASM binaries, weights, MNIST,
 * recorded runs and search — works with no network. A file whose revision has not changed since
 * the previous build is copied from the previous cache instead of downloaded again.
 *
 * Precached files are answered from the cache (the build's files stay consistent with each other);
 * a new build installs beside the old one and takes over only when the reader accepts the update
 * prompt (src/offline/register.ts), or at the very first install. Anything not in the build goes to
 * the network; a page that is not in the build gets the cached 404 page when the network is gone.
 * The file is self-contained (no imports): it is compiled on its own, not bundled.
 */

/** A precached file: the URL a reader requests and a hash of its bytes. */
interface PrecacheEntry {
  readonly url: string;
  readonly revision: string;
}
declare const PRECACHE: readonly PrecacheEntry[];
declare const VERSION: string;

/** The parts of the service-worker global scope used here (the DOM library does not declare them). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: { readonly active: unknown };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const CACHE_PREFIX = 'cnn-lineage-';
const cacheName = `${CACHE_PREFIX}${VERSION}`;
const revisions = new Map(PRECACHE.map((entry) => [entry.url, entry.revision]));
/** Files fetched at once while installing: enough to overlap latency, few enough not to flood a phone. */
const PARALLEL_FETCHES = 6;

/** The cache key of a precached file: its URL with its revision, so two builds' copies never collide. */
function cacheKey(url: string, revision: string): string {
  return new URL(`${url}?__revision=${revision}`, scope.location.origin).href;
}

/** Stores one file: from an earlier build's cache when its revision is unchanged, else from the network. */
async function precacheOne(cache: Cache, entry: PrecacheEntry): Promise<void> {
  const key = cacheKey(entry.url, entry.revision);
  if (await cache.match(key)) return;
  const earlier = await caches.match(key);
  if (earlier) return cache.put(key, earlier);
  const response = await fetch(new URL(entry.url, scope.location.origin), { cache: 'reload' });
  if (!response.ok) throw new Error(`offline copy failed: ${entry.url} answered ${response.status}`);
  return cache.put(key, response);
}

/** Stores every file of the build, PARALLEL_FETCHES at a time; rejects (failing the install) on any error. */
async function precacheAll(): Promise<void> {
  const cache = await caches.open(cacheName);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < PRECACHE.length) {
      const entry = PRECACHE[next++];
      if (entry) await precacheOne(cache, entry);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FETCHES }, lane));
}

/** The cached response for a precached URL, or the network's when the cache lost it. */
async function fromPrecache(request: Request, url: string, revision: string): Promise<Response> {
  const cached = await caches.match(cacheKey(url, revision));
  return cached ?? fetch(request);
}

/** A page outside the build: the network's answer, or the cached 404 page when offline. */
async function outsidePage(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const notFound = revisions.get('/404.html');
    const cached = notFound === undefined ? undefined : await caches.match(cacheKey('/404.html', notFound));
    if (cached) return new Response(cached.body, { status: 404, headers: cached.headers });
    throw error;
  }
}

scope.addEventListener('install', (event) => {
  // The first install has nothing to replace: it takes over at once. Later ones wait for the reader.
  const first = scope.registration.active === null;
  event.waitUntil(precacheAll().then(() => (first ? scope.skipWaiting() : undefined)));
});

scope.addEventListener('activate', (event) => {
  const old = caches
    .keys()
    .then((names) =>
      Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName).map((n) => caches.delete(n))),
    );
  event.waitUntil(old.then(() => scope.clients.claim()));
});

scope.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  const revision = revisions.get(url.pathname);
  if (revision !== undefined) event.respondWith(fromPrecache(request, url.pathname, revision));
  else if (request.mode === 'navigate') event.respondWith(outsidePage(request));
});
