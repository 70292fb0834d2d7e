/**
 * The custom element of a widget whose state lives in the page address: it loads its
 * interactive part when it nears the viewport, starting from the chapter's configuration
 * (`data-config`) with any values in the address applied over it, and writes every change the
 * reader makes back to the address.
 */
import type { Schema, StateOf } from '../../lib/state/schema.ts';
import { readUrlOverrides, writeUrlState } from './url-state.ts';
import { loadOrOfferRetry } from './load-or-offer-retry.ts';
import { whenVisible } from './when-visible.ts';
import { langOf } from './page-lang.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ClientSection } from '../../i18n/load.ts';
import type { UiStrings } from '../../i18n/strings.ts';

/** What a widget's client module mounts with. */
export interface UrlWidgetMount<S extends Schema> {
  readonly initial: Partial<StateOf<S>>;
  readonly onStateChange: (state: StateOf<S>) => void;
}

/**
 * Defines `<tag>` for the registered widget `widget` with URL state `schema`. `load` imports
 * the client module (a dynamic import in the component, so it becomes its own chunk) and
 * the UI strings of `lang` (the page's language, see page-lang.ts), and returns its mount function.
 */
export function defineUrlWidgetElement<S extends Schema>(
  tag: string,
  widget: string,
  schema: S,
  load: (lang: Lang) => Promise<(element: HTMLElement, options: UrlWidgetMount<S>) => void>,
): void {
  if (customElements.get(tag) !== undefined) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      connectedCallback(): void {
        const root = this.closest<HTMLElement>(`[data-widget="${widget}"]`);
        const configured = JSON.parse(this.dataset['config'] ?? '{}') as StateOf<S>;
        const initial = root ? { ...configured, ...readUrlOverrides(root, schema, configured) } : configured;
        whenVisible(this, () => {
          const lang = langOf(this);
          loadOrOfferRetry(
            this,
            () => load(lang),
            (mount) =>
              mount(this, {
                initial,
                onStateChange: (state) => {
                  if (root) writeUrlState(root, schema, state);
                },
              }),
          );
        });
      }
    },
  );
}

/**
 * The `load` of `defineUrlWidgetElement` for a client module whose mount also takes UI strings:
 * imports the module (`client`) and loads the `sections` of the page's language in parallel, and
 * mounts with them. `withStrings(async () => (await import('./x.client.ts')).mountX, 'x', 'runtime')`.
 * The loader itself is imported then too, so a page whose widgets stay out of view loads neither.
 */
export function withStrings<O, K extends ClientSection>(
  client: () => Promise<(element: HTMLElement, options: O, strings: Pick<UiStrings, K>) => void>,
  ...sections: K[]
): (lang: Lang) => Promise<(element: HTMLElement, options: O) => void> {
  return async (lang) => {
    const [mount, strings] = await Promise.all([
      client(),
      import('../../i18n/load.ts').then(({ loadSections }) => loadSections(lang, ...sections)),
    ]);
    return (element, options) => mount(element, options, strings);
  };
}
