/**
 * Presenter mode's keyboard (`present=1` on an embed page): which key does what, given what has
 * the focus. Pure, so the rules are unit-tested apart from the page. A key keeps its own meaning
 * where the focused control has one: typing in a field, Space on a button, arrows on a slider or
 * a select (which step the very control that has the focus).
 */

/** What a presenter key asks for. */
export type PresenterAction = 'play' | 'less' | 'more' | 'reset' | 'help' | 'fullscreen';

/** The kind of element that has the focus, as far as the keys care. */
export type FocusKind = 'text' | 'range' | 'select' | 'radio' | 'checkbox' | 'button' | 'other';

/** The modifier keys held with a key. */
export interface Modifiers {
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Focus kinds on which Space already does something (press, toggle, open). */
const SPACE_IS_NATIVE: readonly FocusKind[] = ['text', 'select', 'radio', 'checkbox', 'button'];
/** Focus kinds on which the arrow keys already step or move the caret. */
const ARROWS_ARE_NATIVE: readonly FocusKind[] = ['text', 'range', 'select', 'radio'];

/**
 * The action for `key` (a KeyboardEvent.key) pressed with `modifiers` while an element of kind
 * `focus` has the focus, or null to leave the key to the browser. With Ctrl, ⌘ or Alt held the
 * key is the browser's (Ctrl+R reloads); Shift is allowed, since `?` needs it.
 */
export function presenterAction(key: string, focus: FocusKind, modifiers: Modifiers): PresenterAction | null {
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return null;
  if (focus === 'text') return null;
  switch (key) {
    case ' ':
      return SPACE_IS_NATIVE.includes(focus) ? null : 'play';
    case 'ArrowLeft':
    case 'ArrowDown':
      return ARROWS_ARE_NATIVE.includes(focus) ? null : 'less';
    case 'ArrowRight':
    case 'ArrowUp':
      return ARROWS_ARE_NATIVE.includes(focus) ? null : 'more';
    case 'r':
    case 'R':
      return 'reset';
    case '?':
      return 'help';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}

/**
 * The focus kind of an element from its tag name, its `type` attribute (inputs) and whether it is
 * content-editable. The page body, or nothing, is 'other'.
 */
export function focusKindOf(tag: string, type: string | null, editable: boolean): FocusKind {
  if (editable) return 'text';
  switch (tag.toLowerCase()) {
    case 'textarea':
      return 'text';
    case 'select':
      return 'select';
    case 'button':
    case 'summary':
    case 'a':
      return 'button';
    case 'input': {
      const kind = (type ?? 'text').toLowerCase();
      if (kind === 'range' || kind === 'radio' || kind === 'checkbox') return kind;
      if (kind === 'button' || kind === 'submit' || kind === 'reset') return 'button';
      return 'text';
    }
    default:
      return 'other';
  }
}
