/**
 * `<cnn-diagram>`: the only diagram code a page loads up front. Once the figure has come near
 * the viewport it waits for the reader to reach for it (pointer over it, a tap, keyboard focus);
 * only then does it import the interactive island, so an unread diagram costs no more script
 * than this. The first event and any clicks made while the island loads are replayed once it is
 * ready.
 */
import { whenVisible } from '../widget/when-visible.ts';

const intents = ['pointerover', 'pointerdown', 'focusin'] as const;

class CnnDiagram extends HTMLElement {
  connectedCallback(): void {
    whenVisible(this, () => this.arm());
  }

  private arm(): void {
    const clicks: EventTarget[] = [];
    const recordClick = (event: Event): void => {
      if (event.target !== null) clicks.push(event.target);
    };
    const start = (event: Event): void => {
      for (const type of intents) this.removeEventListener(type, start, true);
      this.addEventListener('click', recordClick, true);
      void import('./diagram-island.ts').then(({ hydrate }) => {
        this.removeEventListener('click', recordClick, true);
        hydrate(this, { clicks, intent: { type: event.type, target: event.target } });
      });
    };
    for (const type of intents) this.addEventListener(type, start, true);
  }
}

if (customElements.get('cnn-diagram') === undefined) customElements.define('cnn-diagram', CnnDiagram);
