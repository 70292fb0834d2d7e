// @ts-check
/**
 * CNN Lineage embed helper, for course pages that allow scripts:
 *
 *   <script type="module" src="https://SITE/embed.js"></script>
 *
 * 1. Auto-size: iframes showing CNN Lineage embed pages grow to fit their widget. Only messages
 *    from this site's origin, of the exact shape embed pages send, from one of the page's own
 *    iframes, are obeyed.
 * 2. <cnn-lineage-widget name="architecture" model="resnet50"></cnn-lineage-widget> becomes that
 *    widget's iframe; every other attribute is passed as a URL parameter, exactly like the embed
 *    page's query string (the embed page validates it).
 */
const origin = new URL(import.meta.url).origin;
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 6000;

/** @param {unknown} data */
function isResizeMessage(data) {
  if (typeof data !== 'object' || data === null) return false;
  const message = /** @type {Record<string, unknown>} */ (data);
  return (
    message['type'] === 'cnn-lineage:resize' &&
    typeof message['widget'] === 'string' &&
    typeof message['height'] === 'number' &&
    Number.isFinite(message['height'])
  );
}

window.addEventListener('message', (event) => {
  if (event.origin !== origin || !isResizeMessage(event.data)) return;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, event.data.height)));
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});

class CnnLineageWidget extends HTMLElement {
  connectedCallback() {
    if (this.querySelector('iframe')) return;
    const name = this.getAttribute('name') ?? '';
    if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) {
      this.textContent = `CNN Lineage: "${name.slice(0, 40)}" is not a widget name.`;
      return;
    }
    const params = new URLSearchParams();
    for (const { name: key, value } of this.attributes) {
      if (key !== 'name' && key !== 'title' && key !== 'height') params.append(key, value);
    }
    const frame = document.createElement('iframe');
    const query = params.toString();
    frame.src = `${origin}/embed/${name}/${query ? `?${query}` : ''}`;
    frame.title = this.getAttribute('title') ?? `CNN Lineage: ${name}`;
    frame.width = '100%';
    frame.height = String(Number(this.getAttribute('height')) || 560);
    frame.loading = 'lazy';
    frame.allow = 'fullscreen; clipboard-write';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.style.border = '0';
    this.replaceChildren(frame);
  }
}

if (!customElements.get('cnn-lineage-widget')) customElements.define('cnn-lineage-widget', CnnLineageWidget);
