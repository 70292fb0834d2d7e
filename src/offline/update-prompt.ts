/**
 * The update prompt of the offline copy: "a new version is stored — reload?", in the page's
 * language. Built into /offline-prompt.js by src/integrations/offline-site.ts, which puts the
 * prompt's STRINGS (src/i18n/<lang>/offline.ts) in front of this file; /offline.js
 * (register.ts) imports it only when a newer build is waiting, so no page loads it otherwise.
 * Self-contained: compiled on its own.
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
export function showUpdatePrompt(accept: () => void): void {
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
