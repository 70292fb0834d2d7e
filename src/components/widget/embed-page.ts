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

/** A lesson link's step bar (loaded only for a URL with `lesson=`), in the page's language. */
async function showLesson(widgetId: string, notices: HTMLElement | null): Promise<void> {
  const chinese = document.documentElement.lang.toLowerCase().startsWith('zh');
  const [{ showLessonBar }, { getWidget }, { lesson: words }] = await Promise.all([
    import('../lesson/lesson-bar.ts'),
    import('../../lib/state/widgets.ts'),
    chinese ? import('../../i18n/zh-CN/lesson.ts') : import('../../i18n/en/lesson.ts'),
  ]);
  const widget = getWidget(widgetId);
  const main = document.querySelector<HTMLElement>('main');
  if (!widget || !main) return;
  const lessonNotices = showLessonBar(main, widget.schema, location.search, words);
  if (notices) showNotices(notices, lessonNotices);
}

/** Presenter mode (loaded only for `present=1`), in the page's language. */
async function startPresenterMode(widgetId: string): Promise<void> {
  const chinese = document.documentElement.lang.toLowerCase().startsWith('zh');
  const [{ startPresenter }, { present: words }] = await Promise.all([
    import('./presenter.ts'),
    chinese ? import('../../i18n/zh-CN/present.ts') : import('../../i18n/en/present.ts'),
  ]);
  startPresenter(widgetId, words);
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
  if (new URLSearchParams(location.search).has('lesson')) void showLesson(id, list);
  if (options.present) void startPresenterMode(id);

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
