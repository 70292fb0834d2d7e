/**
 * Starlight's search box, built when the reader first opens the search dialog. Starlight's
 * Search component imports '@pagefind/default-ui' once the page is idle, 25.9 KB gzip of script
 * on every page whether or not the reader searches; astro.config.mjs points that import here.
 * This PagefindUI takes the same options and builds the real one (the package's own module) when
 * the dialog first opens, or when the pointer or focus reaches the search button, so it is
 * usually ready by the time the dialog is.
 */

/** Pagefind UI's options as Starlight passes them; `element` is the selector of its container. */
export type PagefindOptions = { readonly element: string } & Record<string, unknown>;

/** Shown in the dialog when the search code cannot be loaded (offline, or a redeploy removed it), by page language. */
const LOAD_FAILED = {
  en: 'Search could not be loaded. Check your connection and open search again.',
  zh: '无法加载搜索。请检查网络连接，然后重新打开搜索。',
} as const;

/** The load-failure message in the page's language (`<html lang>`: zh-CN → Chinese, anything else English). */
function loadFailed(): string {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? LOAD_FAILED.zh : LOAD_FAILED.en;
}

export class PagefindUI {
  /** Waits for the search dialog around `options.element` to open, then builds the real UI in it. */
  constructor(options: PagefindOptions) {
    const container = document.querySelector<HTMLElement>(options.element);
    const dialog = container?.closest('dialog');
    if (!container || !dialog) {
      void buildPagefindUI(options);
      return;
    }
    let state: 'waiting' | 'loading' | 'built' = 'waiting';
    const start = (): void => {
      if (state !== 'waiting') return;
      state = 'loading';
      buildPagefindUI(options).then(
        () => {
          state = 'built';
          observer.disconnect();
          if (dialog.open) container.querySelector('input')?.focus();
        },
        () => {
          state = 'waiting'; // the next opening tries again
          container.textContent = loadFailed();
        },
      );
    };
    // Starlight opens the dialog with showModal(), from its button or Ctrl/⌘+K: both set `open`.
    const observer = new MutationObserver(() => {
      if (dialog.open) start();
    });
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    const button = dialog.parentElement?.querySelector('button[data-open-modal]');
    button?.addEventListener('pointerenter', start, { once: true });
    button?.addEventListener('focus', start, { once: true });
    if (dialog.open) start();
  }
}

/** Loads Pagefind's UI module and builds it with `options`. */
async function buildPagefindUI(options: PagefindOptions): Promise<void> {
  const { PagefindUI: Built } = await import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');
  new Built(options);
}
