/**
 * Presenter mode on an embed page (`present=1`): for a lecture, the widget fills the window in
 * large type and high contrast (src/styles/presenter.css, applied before first paint), and keys
 * drive it: Space starts and pauses, the arrow keys change its main control, R resets, F toggles
 * fullscreen and ? lists the keys. A bar offers the same as buttons, says what a key changed, and
 * leads out of presenter mode. Loaded only for `present=1`.
 */
import type { PresentStrings } from '../../i18n/en/present.ts';
import { defaultsSearch } from '../../lib/state/embed-options.ts';
import { withQuery } from '../../lib/state/snippet.ts';
import { presenterControls, type PresenterControls } from './presenter-controls.ts';
import { focusKindOf, presenterAction, type PresenterAction } from './presenter-keys.ts';

type Stepped = HTMLInputElement | HTMLSelectElement;

/** The name a control's label gives it, without the value an <output> in the label shows. */
function controlName(control: HTMLElement): string {
  const label = (control as HTMLInputElement).labels?.[0];
  if (!label) return control.getAttribute('aria-label') ?? control.textContent?.trim() ?? '';
  const copy = label.cloneNode(true) as HTMLElement;
  for (const output of copy.querySelectorAll('output')) output.remove();
  return (copy.textContent ?? '').trim().replace(/[:：]\s*$/, '');
}

/** What a stepped control shows now: the option's text, the slider's spoken value, or its value. */
function controlValue(control: Stepped): string {
  if (control instanceof HTMLSelectElement) return control.selectedOptions[0]?.text ?? control.value;
  return control.getAttribute('aria-valuetext') ?? control.value;
}

/**
 * Steps `control` one notch in `direction` as the reader's own key would: the value changes and
 * `input` then `change` fire, bubbling. False when it is disabled or already at that end.
 */
function step(control: Stepped, direction: 1 | -1): boolean {
  if (control.disabled) return false;
  const before = control.value;
  if (control instanceof HTMLSelectElement) {
    let index = control.selectedIndex + direction;
    while (control.options[index]?.disabled) index += direction;
    if (!control.options[index]) return false;
    control.selectedIndex = index;
  } else if (direction > 0) control.stepUp();
  else control.stepDown();
  if (control.value === before) return false;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

/** This page's address without `present`: the same embed, in its current state, as a plain embed. */
function exitHref(): string {
  const params = new URLSearchParams(location.search);
  params.delete('present');
  return withQuery(location.pathname, params.toString(), location.hash.slice(1));
}

/** Fills the keys list with `rows` ([key, what it does]). */
function listKeys(list: HTMLDListElement, rows: readonly (readonly [key: string, what: string])[]): void {
  list.replaceChildren();
  for (const [key, what] of rows) {
    const term = element('dt');
    term.append(element('kbd', { textContent: key }));
    list.append(term, element('dd', { textContent: what }));
  }
}

/** The keys dialog: a heading, a `<dl>` of keys (filled by listKeys each time it opens) and Close. */
function keysDialog(words: PresentStrings): { dialog: HTMLDialogElement; list: HTMLDListElement } {
  const dialog = element('dialog', { className: 'present-keys' });
  const title = element('h2', { id: 'present-keys-title', textContent: words.keysTitle });
  dialog.setAttribute('aria-labelledby', title.id);
  const list = element('dl');
  const close = element('button', { type: 'button', textContent: words.close });
  close.addEventListener('click', () => dialog.close());
  dialog.append(title, list, close);
  return { dialog, list };
}

/**
 * Starts presenter mode for the widget `widgetId` (a registry id) on this embed page: adds the
 * bar and the keys dialog, and listens for the keys on the whole document.
 */
export function startPresenter(widgetId: string, words: PresentStrings): void {
  const root = document.querySelector<HTMLElement>('[data-widget]');
  if (!root) return;
  const selectors: PresenterControls = presenterControls[widgetId] ?? {};
  // A control an embed hides (`hide=train`) counts as absent. Looked up again at each key: a
  // widget may re-render its controls.
  const find = <T extends HTMLElement>(selector: string | undefined): T | null => {
    const control = selector === undefined ? null : root.querySelector<T>(selector);
    return control?.checkVisibility() ? control : null;
  };
  const canFullscreen = document.fullscreenEnabled;

  const bar = element('section', { className: 'present-bar' });
  bar.setAttribute('aria-label', words.barLabel);
  const said = element('p', { className: 'present-said' });
  said.setAttribute('role', 'status');
  said.setAttribute('aria-live', 'polite');
  const say = (text: string): void => {
    said.textContent = text;
  };

  const main = (): Stepped | null => find<Stepped>(selectors.main);
  const { dialog, list } = keysDialog(words);
  // The keys that do something now: listed when the list opens, since the widget may not have
  // been rendered at start (an iframe on a slide not yet shown).
  const showKeys = (): void => {
    const rows: [string, string][] = [];
    if (find(selectors.play)) rows.push([words.spaceKey, words.keyPlay]);
    const changed = main() ?? find(selectors.more);
    if (changed) rows.push([words.arrowKeys, words.keyChange(controlName(changed))]);
    rows.push(['R', find(selectors.reset) ? words.keyReset : words.keyDefaults]);
    if (canFullscreen) rows.push(['F', words.keyFullscreen]);
    rows.push(['?', words.keyHelp], [words.escapeKey, words.keyClose]);
    listKeys(list, rows);
    dialog.showModal();
  };

  const keysButton = element('button', { type: 'button', className: 'widget-button', textContent: words.keys });
  keysButton.setAttribute('aria-haspopup', 'dialog');
  keysButton.addEventListener('click', showKeys);
  const fullscreenButton = element('button', {
    type: 'button',
    className: 'widget-button',
    textContent: words.fullscreen,
    hidden: !canFullscreen,
  });
  const toggleFullscreen = (): void => {
    const change = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    change.catch(() => undefined);
  };
  fullscreenButton.addEventListener('click', toggleFullscreen);
  document.addEventListener('fullscreenchange', () => {
    fullscreenButton.textContent = document.fullscreenElement ? words.exitFullscreen : words.fullscreen;
  });
  const exit = element('a', { className: 'widget-button', textContent: words.exit, href: exitHref() });
  for (const refresh of ['focus', 'pointerenter', 'click'] as const) {
    exit.addEventListener(refresh, () => (exit.href = exitHref()));
  }
  bar.append(said, keysButton, fullscreenButton, exit, dialog);
  document.body.prepend(bar);

  /** Presses `control` (present and shown); a disabled one is still loading. True if pressed. */
  const press = (control: HTMLElement): boolean => {
    if ((control as HTMLButtonElement).disabled) {
      say(words.notReady);
      return false;
    }
    // Focus first, as a reader's own press would: a widget that loads its code on the reader's
    // first reach for it (the diagram: pointer or focus) then loads and replays the click. The
    // focus goes back where it was, so Space stays the play key.
    const before = document.activeElement;
    control.focus({ preventScroll: true });
    control.click();
    if (before instanceof HTMLElement && before !== document.body) before.focus({ preventScroll: true });
    else control.blur();
    return true;
  };
  const change = (direction: 1 | -1): void => {
    const control = main();
    if (control) {
      if (step(control, direction)) {
        // The widget updates the slider's spoken value in its own input handler, by the next frame.
        requestAnimationFrame(() => say(words.changed(controlName(control), controlValue(control))));
      }
      return;
    }
    const button = find(direction > 0 ? selectors.more : selectors.less);
    if (button && press(button)) say(button.textContent?.trim() ?? '');
  };
  const actions: Record<PresenterAction, () => void> = {
    play: () => {
      const play = find(selectors.play);
      if (play) press(play);
      else say(words.nothingToStart);
    },
    less: () => change(-1),
    more: () => change(1),
    reset: () => {
      const reset = find(selectors.reset);
      if (reset) press(reset);
      else location.assign(`${location.pathname}${defaultsSearch(location.search)}`);
    },
    help: () => (dialog.open ? dialog.close() : showKeys()),
    fullscreen: () => canFullscreen && toggleFullscreen(),
  };

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const focused = event.target instanceof Element ? event.target : null;
    const kind = focused
      ? focusKindOf(focused.tagName, focused.getAttribute('type'), (focused as HTMLElement).isContentEditable)
      : 'other';
    const action = presenterAction(event.key, kind, event);
    // While the keys list is open, only ? (and the dialog's own Esc) work.
    if (action === null || (dialog.open && action !== 'help')) return;
    event.preventDefault();
    actions[action]();
  });
}
