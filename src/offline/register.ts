/**
 * Registers the site's service worker (src/offline/service-worker.ts) once the page has loaded and
 * gone idle, so the offline copy never competes with the page's own first paint, and offers a
 * reload when a newer build has been stored. Built into /offline.js by
 * src/integrations/offline-site.ts, which puts the prompt's STRINGS (src/i18n/<lang>/offline.ts)
 * in front of this file and links it from every page. Self-contained: compiled on its own.
 */

/** The prompt's words in one language (src/i18n/en/offline.ts). */
interface PromptStrings {
  readonly label: string;
  readonly updateReady: string;
  readonly reload: string;
  readonly dismiss: string;
}
declare const STRINGS: { readonly en: PromptStrings; readonly 'zh-CN': PromptStrings };

/** The page's language's strings: Chinese on pages whose <html lang> is Chinese, else English. */
function promptStrings(): PromptStrings {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? STRINGS['zh-CN'] : STRINGS.en;
}

/** Shows the update prompt; `accept` is called when the reader chooses to reload. */
function showUpdatePrompt(accept: () => void): void {
  if (document.getElementById('site-update')) return;
  const words = promptStrings();
  const prompt = document.createElement('aside');
  prompt.id = 'site-update';
  prompt.setAttribute('aria-label', words.label);
  prompt.setAttribute('aria-live', 'polite');
  Object.assign(prompt.style, {
    position: 'fixed',
    insetInline: '1rem',
    bottom: '1rem',
    zIndex: '1000',
    maxWidth: '32rem',
    margin: '0 auto',
    padding: '0.75rem 1rem',
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0.75rem',
    alignItems: 'center',
    background: 'Canvas',
    color: 'CanvasText',
    border: '2px solid CanvasText',
    borderRadius: '0.5rem',
    font: '1rem/1.4 system-ui, sans-serif',
  });
  const message = document.createElement('p');
  message.textContent = words.updateReady;
  message.style.margin = '0';
  message.style.flex = '1 1 12rem';
  const button = (text: string, onClick: () => void): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    Object.assign(b.style, { font: 'inherit', padding: '0.4rem 0.9rem', minHeight: '44px', cursor: 'pointer' });
    b.addEventListener('click', onClick);
    return b;
  };
  const reload = button(words.reload, accept);
  const later = button(words.dismiss, () => prompt.remove());
  prompt.append(message, reload, later);
  document.body.append(prompt);
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
    showUpdatePrompt(() => {
      accepted = true;
      waiting.postMessage({ type: 'skip-waiting' });
    });
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
