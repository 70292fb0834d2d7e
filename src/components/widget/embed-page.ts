/**
 * Runs on every embed page: applies `hide=` to the widget's controls, lists ignored embed
 * parameters, and tells the host page its height (a namespaced postMessage that /embed.js reads)
 * whenever it changes.
 */
import { parseEmbedOptions } from '../../lib/state/embed-options.ts';
import { showNotices } from './notices.ts';

/** The message embed pages send their parent. */
export interface ResizeMessage {
  readonly type: 'cnn-lineage:resize';
  readonly widget: string;
  readonly height: number;
}

export function startEmbedPage(): void {
  const id = document.body.dataset['embedWidget'] ?? '';
  const controls = document.body.dataset['embedControls']?.split(',') ?? [];
  const { options, notices } = parseEmbedOptions(location.search, controls);
  for (const name of options.hide) {
    for (const control of document.querySelectorAll<HTMLElement>(`[data-control="${CSS.escape(name)}"]`)) {
      control.dataset['hiddenControl'] = '';
    }
  }
  const list = document.querySelector<HTMLElement>('[data-embed-notices]');
  if (list) showNotices(list, notices);

  if (window.parent === window) return;
  let last = 0;
  const report = (): void => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: 'cnn-lineage:resize', widget: id, height };
    // The height is not secret, and the embedding page's origin is unknown: any parent may read it.
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
