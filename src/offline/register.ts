/**
 * Registers the site's service worker (src/offline/service-worker.ts) once the page has loaded and
 * gone idle, so the offline copy never competes with the page's own first paint, and offers a
 * reload when a newer build has been stored. Built into /offline.js by
 * src/integrations/offline-site.ts, which links it from every page; the prompt itself
 * (update-prompt.ts, /offline-prompt.js) is loaded only when there is an update to offer.
 * Self-contained: compiled on its own.
 */

import type * as UpdatePrompt from './update-prompt.ts';

/** Where the build puts the update prompt (src/integrations/offline-site.ts). */
const PROMPT_SCRIPT = '/offline-prompt.js';

/** Shows the update prompt (loaded now); `accept` is called when the reader chooses to reload. */
async function showUpdatePrompt(accept: () => void): Promise<void> {
  const prompt = (await import(PROMPT_SCRIPT)) as typeof UpdatePrompt;
  prompt.showUpdatePrompt(accept);
}

/** Registers the worker and wires the update prompt to a newly installed build. */
async function register(): Promise<void> {
  const container = navigator.serviceWorker;
  const registration = await container.register('/sw.js', { scope: '/', updateViaCache: 'none' });
  let accepted = false;
  container.addEventListener('controllerchange', () => {
    if (accepted) location.reload();
  });
  const offer = (waiting: ServiceWorker): void =>
    void showUpdatePrompt(() => {
      accepted = true;
      waiting.postMessage({ type: 'skip-waiting' });
    }).catch((error: unknown) => console.warn('CNN Lineage: no update prompt:', error));
  // A build already stored and waiting (installed on an earlier page) is offered at once.
  if (registration.waiting && container.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      // With no controller this is the first install: nothing to replace, nothing to offer.
      if (installing.state === 'installed' && container.controller) offer(installing);
    });
  });
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const start = (): void => {
    const idle = (callback: () => void): void => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(callback, { timeout: 5000 });
      else setTimeout(callback, 2000);
    };
    idle(() => void register().catch((error: unknown) => console.warn('CNN Lineage: no offline copy:', error)));
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
