/**
 * The receptive-field explorer's state in the URL: values present in the address are applied
 * on load (over the chapter's own configuration), and every change the reader makes is written
 * back (history.replaceState) for sharing and embedding.
 */
import { receptiveFieldSchema } from '../../lib/state/schemas/receptive-field.ts';
import { parseState, serializeState, type StateOf } from '../../lib/state/schema.ts';
import { writeUrlState } from '../widget/url-state.ts';
import { showNotices } from '../widget/notices.ts';
import type { RfExplorerState, RfKernel } from '../../lib/state/rf-explorer.ts';

type UrlState = StateOf<typeof receptiveFieldSchema>;

interface ExplorerElement extends HTMLElement {
  readonly state: RfExplorerState;
  setState(next: Partial<RfExplorerState>): void;
}

const toUrl = (s: RfExplorerState): UrlState => ({ ...s, kernel: String(s.kernel) as UrlState['kernel'] });

/** Wires one `[data-widget="receptive-field"]` root around an <rf-explorer>. */
export function wireRfUrlState(root: HTMLElement): void {
  const explorer = root.querySelector<ExplorerElement>('rf-explorer');
  if (!explorer) return;
  const prefix = root.dataset['prefix'] ?? '';
  const params = new URLSearchParams(location.search);
  const { state, notices } = parseState(receptiveFieldSchema, params, prefix);
  const list = root.querySelector<HTMLElement>('[data-widget-notices]');
  if (list) showNotices(list, notices);
  const given: Record<string, unknown> = {};
  for (const key of Object.keys(receptiveFieldSchema) as (keyof UrlState)[]) {
    if (params.has(prefix ? `${prefix}.${key}` : key))
      given[key] = key === 'kernel' ? Number(state.kernel) : state[key];
  }
  if (Object.keys(given).length > 0) explorer.setState(given as Partial<RfExplorerState> & { kernel?: RfKernel });
  root.dataset['query'] = serializeState(receptiveFieldSchema, toUrl(explorer.state));
  root.addEventListener('rf-explorer-change', (event) => {
    writeUrlState(root, receptiveFieldSchema, toUrl((event as CustomEvent<RfExplorerState>).detail));
  });
}
