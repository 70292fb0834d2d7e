/**
 * The architecture diagram's URL state: box-width encoding and stage expansion (and, on embed
 * pages, which model). A non-default state hydrates the diagram at once so it shows as asked;
 * the reader's changes are written back to the address.
 */
import { architectureSchema, type ArchitectureSchema } from '../../lib/state/schemas/architecture.ts';
import type { StateOf } from '../../lib/state/schema.ts';
import { readUrlState, writeUrlState } from '../widget/url-state.ts';

type ArchitectureState = StateOf<ArchitectureSchema>;

/** Wires one `[data-widget="architecture"]` root around a <cnn-diagram>. */
export function wireArchitectureState(root: HTMLElement): void {
  const model = root.dataset['model'] ?? '';
  // Embed pages list the models they have pages for; a chapter figure keeps its own.
  const models = root.dataset['models']?.split(',') ?? [model];
  const schema = architectureSchema(models, model);
  let state: ArchitectureState = readUrlState(root, schema);
  const diagram = root.querySelector<HTMLElement>('cnn-diagram');
  const select = root.querySelector<HTMLSelectElement>('select[data-encoding]');
  if (!diagram || !select) return;

  // On an embed page, another model is another pre-rendered page.
  if (state.model !== model && root.dataset['embedBase']) {
    const params = new URLSearchParams(location.search);
    params.delete('model');
    const query = params.toString();
    location.replace(`${root.dataset['embedBase']}${state.model}/${query ? `?${query}` : ''}`);
    return;
  }
  state = { ...state, model };

  const apply = async (): Promise<void> => {
    if (state.encoding === 'shape' && state.expand === 'auto') return;
    select.value = state.encoding;
    const { hydrate } = await import('./diagram-island.ts');
    hydrate(diagram, { clicks: [], intent: { type: 'state', target: null } });
    select.dispatchEvent(new Event('change'));
    if (state.expand !== 'auto')
      root.querySelector<HTMLButtonElement>(`button[data-expand="${state.expand}"]`)?.click();
  };
  void apply();

  select.addEventListener('change', () => {
    if (select.value === state.encoding) return;
    state = { ...state, encoding: select.value as ArchitectureState['encoding'] };
    writeUrlState(root, schema, state);
  });
  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-expand]') : null;
    const expand = button?.getAttribute('data-expand');
    if (expand !== 'all' && expand !== 'none') return;
    state = { ...state, expand };
    writeUrlState(root, schema, state);
  });
}
