/**
 * `<lesson-builder>`: keeps the lesson link and its embed code in step with the widget and steps
 * the instructor writes. Every field is read as text and every output written as text or a
 * form value, so nothing pasted becomes markup.
 */
import { lessonLink, MAX_LESSON_STEPS, stateFromPasted, type LessonStep } from '../../lib/state/lesson.ts';
import { iframeSnippet } from '../../lib/state/snippet.ts';
import { getWidget } from '../../lib/state/widgets.ts';
import { showNotices } from '../widget/notices.ts';

/** The labels of step i (from 0), rendered at build time in the page's language. */
interface StepWords {
  readonly title: string;
  readonly state: string;
  readonly remove: string;
  readonly fallback: string;
}

class LessonBuilder extends HTMLElement {
  #words: readonly StepWords[] = [];
  #linkOptions: Readonly<Record<string, string>> = {};

  connectedCallback(): void {
    const initial = JSON.parse(this.dataset['initial'] ?? '{"steps":[]}') as { steps: LessonStep[] };
    this.#words = JSON.parse(this.dataset['stepWords'] ?? '[]') as StepWords[];
    this.#linkOptions = JSON.parse(this.dataset['linkOptions'] ?? '{}') as Record<string, string>;
    for (const step of initial.steps) this.#addStep(step.title, step.query);
    this.querySelector('[data-lesson-add]')?.addEventListener('click', () => {
      const input = this.#addStep('', '');
      input?.focus();
      this.#update();
    });
    this.addEventListener('input', () => this.#update());
    this.addEventListener('change', () => this.#update());
    this.#update();
  }

  #list(): HTMLOListElement {
    return this.querySelector<HTMLOListElement>('[data-lesson-steps]')!;
  }

  /** Appends a step's fields; returns its title input, or null at the step limit. */
  #addStep(title: string, state: string): HTMLInputElement | null {
    const list = this.#list();
    if (list.children.length >= MAX_LESSON_STEPS) return null;
    const item = document.createElement('li');
    const field = (kind: 'title' | 'state', value: string): [HTMLLabelElement, HTMLInputElement] => {
      const label = document.createElement('label');
      const text = document.createElement('span');
      const input = document.createElement('input');
      input.type = 'text';
      input.value = value;
      input.dataset['lessonField'] = kind;
      label.append(text, input);
      return [label, input];
    };
    const [titleLabel, titleInput] = field('title', title);
    const [stateLabel] = field('state', state);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.dataset['lessonRemove'] = '';
    remove.addEventListener('click', () => {
      const next = item.nextElementSibling ?? item.previousElementSibling;
      item.remove();
      this.#update();
      next?.querySelector<HTMLInputElement>('input')?.focus();
    });
    item.append(titleLabel, stateLabel, remove);
    list.append(item);
    return titleInput;
  }

  /** Relabels the steps by position and rewrites the link, the embed code and the notices. */
  #update(): void {
    const widget = getWidget(this.querySelector<HTMLSelectElement>('[data-lesson-widget]')?.value ?? '');
    if (!widget) return;
    const items = [...this.#list().children] as HTMLLIElement[];
    const notices: string[] = [];
    const steps: LessonStep[] = items.map((item, i) => {
      const words = this.#words[i];
      const [titleText, stateText] = item.querySelectorAll('label > span');
      if (titleText) titleText.textContent = words?.title ?? '';
      if (stateText) stateText.textContent = words?.state ?? '';
      const remove = item.querySelector('[data-lesson-remove]');
      if (remove) remove.textContent = words?.remove ?? '';
      const title = item.querySelector<HTMLInputElement>('[data-lesson-field="title"]')?.value.trim() ?? '';
      const pasted = item.querySelector<HTMLInputElement>('[data-lesson-field="state"]')?.value ?? '';
      const { query, notices: ignored } = stateFromPasted(pasted, widget.schema, widget.prefix);
      for (const notice of ignored) notices.push(`${words?.fallback ?? ''}: ${notice}`);
      return { title: title || (words?.fallback ?? ''), query };
    });
    const list = this.querySelector<HTMLElement>('[data-lesson-notices]');
    if (list) {
      list.replaceChildren();
      showNotices(list, notices);
    }
    const addButton = this.querySelector<HTMLButtonElement>('[data-lesson-add]');
    if (addButton) addButton.disabled = items.length >= MAX_LESSON_STEPS;
    // With no step there is no lesson: the link is the widget's own embed.
    const path =
      steps.length === 0
        ? `/embed/${widget.id}/`
        : lessonLink(`/embed/${widget.id}/`, widget.schema, steps, this.#linkOptions);
    const absolute = new URL(path, location.origin).href;
    const link = this.querySelector<HTMLInputElement>('[data-lesson-link]');
    if (link) link.value = absolute;
    const open = this.querySelector<HTMLAnchorElement>('[data-lesson-open]');
    if (open) open.href = path;
    const code = this.querySelector<HTMLTextAreaElement>('[data-lesson-code]');
    if (code) code.value = iframeSnippet({ src: absolute, title: widget.title, height: widget.height });
  }
}

/** Registers `<lesson-builder>` once. */
export function defineLessonBuilder(): void {
  if (!customElements.get('lesson-builder')) customElements.define('lesson-builder', LessonBuilder);
}
