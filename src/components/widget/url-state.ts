/**
 * A widget's state in the page URL. On chapter pages each widget's keys carry its prefix
 * (`architecture.encoding=params`) so several widgets can share one address; on embed pages the
 * keys are bare. Changes go into the widget root's `data-query` at once (the Share/Embed control
 * reads it) and into the address with history.replaceState a moment later (no reload, no history
 * entry per slider step, one write per interval while a slider is dragged).
 */
import { hasParam, mergeState, parseState, serializeState, type Schema, type StateOf } from '../../lib/state/schema.ts';
import { showNotices } from './notices.ts';
import { queueUrlWrite } from './pending-search.ts';

/** The widget's state from the current address, with notices shown in the widget. */
export function readUrlState<S extends Schema>(root: HTMLElement, schema: S): StateOf<S> {
  const { state, notices } = parseState(schema, location.search, root.dataset['prefix'] ?? '');
  const list = root.querySelector<HTMLElement>('[data-widget-notices]');
  if (list) showNotices(list, notices);
  root.dataset['query'] = serializeState(schema, state);
  return state;
}

/**
 * Records `state` for the address (written within `URL_WRITE_DELAY_MS`), sets the root's
 * `data-query` at once, and tells listeners (the Share/Embed panel).
 */
export function writeUrlState<S extends Schema>(root: HTMLElement, schema: S, state: StateOf<S>): void {
  const prefix = root.dataset['prefix'] ?? '';
  queueUrlWrite(root, (search) => mergeState(schema, state, search, prefix));
  root.dataset['query'] = serializeState(schema, state);
  root.dispatchEvent(new CustomEvent('cnn-lineage:state', { detail: state }));
}

/**
 * The values the current address sets for this widget (only the keys present), over a widget
 * configured by its chapter as `configured`; notices are shown in the widget and data-query is
 * set to the resulting state.
 */
export function readUrlOverrides<S extends Schema>(
  root: HTMLElement,
  schema: S,
  configured: StateOf<S>,
): Partial<StateOf<S>> {
  const prefix = root.dataset['prefix'] ?? '';
  const params = new URLSearchParams(location.search);
  const { state, notices } = parseState(schema, params, prefix);
  const list = root.querySelector<HTMLElement>('[data-widget-notices]');
  if (list) showNotices(list, notices);
  const present = Object.keys(schema).filter((key) => hasParam(params, key, prefix));
  const overrides = Object.fromEntries(present.map((key) => [key, state[key as keyof StateOf<S>]])) as Partial<
    StateOf<S>
  >;
  root.dataset['query'] = serializeState(schema, { ...configured, ...overrides });
  return overrides;
}
