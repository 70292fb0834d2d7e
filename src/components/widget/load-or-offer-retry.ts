/**
 * Loading a widget's code, and what the reader sees when that fails: a chunk missing after a
 * redeploy, a dropped connection, an offline classroom. Without this a widget whose import
 * rejected stayed idle forever with nothing on screen but a console error. Failures are never
 * cached: Retry imports again. Its words are in the page's language, written at build time on
 * the widget's root (WidgetRoot.astro: `data-load-failed`, with `{reason}` to fill, and
 * `data-retry`), so they are there even when nothing more can be downloaded.
 */

/**
 * Runs `load`, then `use` with what it loaded. If `load` rejects, `host` shows why with a Retry
 * button (and `data-state="error"`); Retry removes the message and tries again.
 */
export function loadOrOfferRetry<T>(host: HTMLElement, load: () => Promise<T>, use: (loaded: T) => void): void {
  load().then(use, (error: unknown) => {
    const words = host.closest<HTMLElement>('[data-load-failed]')?.dataset ?? {};
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 160);
    const box = document.createElement('div');
    box.className = 'widget-load-error';
    box.dataset['loadError'] = '';
    box.setAttribute('role', 'alert');
    const message = document.createElement('p');
    message.textContent = (words['loadFailed'] ?? '{reason}').replace('{reason}', () => reason);
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'widget-button';
    retry.textContent = words['retry'] ?? '↻';
    retry.addEventListener('click', () => {
      box.remove();
      host.dataset['state'] = 'idle';
      loadOrOfferRetry(host, load, use);
    });
    box.append(message, retry);
    host.prepend(box);
    host.dataset['state'] = 'error';
  });
}
