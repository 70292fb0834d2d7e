/**
 * `<cnn-diagram>`: the only diagram code a page loads up front. Once the figure has come near
 * the viewport it waits for the reader to reach for it (pointer over it, a tap, keyboard focus);
 * only then does it import the interactive island, so an unread diagram costs no more script
 * than this. The first event and any clicks made while the island loads are replayed once it is
 * ready.
 */
import { whenVisible } from '../widget/when-visible.ts';
import { langOf } from '../widget/page-lang.ts';

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
    const begin = (type: string, target: EventTarget | null): void => {
      for (const intent of intents) this.removeEventListener(intent, start, true);
      this.addEventListener('click', recordClick, true);
      // The island carries the English diagram strings; a Chinese page loads its own beside it.
      const chinese = langOf(this) === 'zh-CN' ? import('../../i18n/zh-CN/diagram.ts') : null;
      void Promise.all([import('./diagram-island.ts'), chinese]).then(([{ hydrate }, zh]) => {
        this.removeEventListener('click', recordClick, true);
        hydrate(this, { clicks, intent: { type, target } }, zh?.diagramStrings);
      });
    };
    const start = (event: Event): void => begin(event.type, event.target);
    for (const type of intents) this.addEventListener(type, start, true);
    // Focus may have arrived before the figure was seen to be visible (a reader tabbing fast, or a
    // slow machine): the focusin already happened, so start from it now.
    const focused = document.activeElement;
    if (focused !== null && this.contains(focused)) begin('focusin', focused);
  }
}

if (customElements.get('cnn-diagram') === undefined) customElements.define('cnn-diagram', CnnDiagram);
