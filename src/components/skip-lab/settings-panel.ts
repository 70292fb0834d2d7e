/**
 * The lab's settings in the DOM: the number inputs, the baseline and schedule pickers, the
 * notice line and the residual block diagram with its identity switch. The reader's changes go
 * out as partial states; what is shown comes in as settings and a ControlsView (settings-state.ts).
 */
import type { SkipLabStrings } from '../../i18n/strings.ts';
import type { SkipLabState } from '../../lib/state/schemas/skip-lab.ts';
import { residualBlockSvg } from '../../lib/viz/residual-block.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { blockDiagramOptions } from './charts.ts';
import type { ControlsView, LabSettings } from './settings-state.ts';

const SETTINGS = ['depth', 'width', 'batch', 'lr', 'momentum', 'decay', 'warmup', 'steps'] as const;

/** The panel's part the widget drives. */
export interface SettingsPanel {
  /** Shows `settings`, locked and with the notice of `view`. */
  render(settings: LabSettings, view: ControlsView): void;
}

/**
 * Wires the settings of the widget `root` (`[data-input=<key>]` inputs, `select[data-control]`
 * pickers, `[data-notice]`, `[data-block-diagram]`, the identity button); `change` receives
 * each change the reader makes (the widget renders after each, so the switch flips what is shown).
 */
export function settingsPanel(
  root: HTMLElement,
  t: SkipLabStrings,
  change: (change: Partial<SkipLabState>) => void,
): SettingsPanel {
  const q = <E extends Element>(selector: string): E => root.querySelector<E>(selector)!;
  const inputs = SETTINGS.map((key) => [key, q<HTMLInputElement>(`[data-input="${key}"]`)] as const);
  const selects = (['shallow', 'schedule'] as const).map(
    (key) => [key, q<HTMLSelectElement>(`select[data-control="${key}"]`)] as const,
  );
  const depthValue = q<HTMLElement>('[data-depth-value]');
  const notice = q<HTMLElement>('[data-notice]');
  const identityButton = q<HTMLButtonElement>('[data-action="identity"]');
  const diagram = q<HTMLElement>('[data-block-diagram]');
  /** The identity shortcut as last rendered. */
  let identity = false;

  for (const [key, input] of inputs) {
    input.addEventListener('change', () => change({ [key]: Number(input.value) }));
  }
  q<HTMLInputElement>('[data-input="depth"]').addEventListener('input', (event) => {
    depthValue.textContent = t.depthValue(Number((event.target as HTMLInputElement).value));
  });
  for (const [key, select] of selects) {
    select.addEventListener('change', () =>
      change(
        key === 'shallow' ? { shallow: Number(select.value) } : { schedule: select.value as SkipLabState['schedule'] },
      ),
    );
  }
  identityButton.addEventListener('click', () => change({ identity: !identity }));
  // The shortcut in the diagram is a pointer shortcut for the same switch (the button is the keyboard's).
  diagram.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.rb-identity, .rb-identity-hit')) change({ identity: !identity });
  });

  return {
    render: ({ state, config }, { locked, notice: line }) => {
      for (const [key, input] of inputs) {
        input.value = String(state[key]);
        input.disabled = locked;
      }
      depthValue.textContent = t.depthValue(state.depth);
      inputs[0]?.[1].setAttribute('aria-valuetext', t.depthValue(state.depth));
      q<HTMLElement>('[data-width-value]').textContent = String(state.width);
      for (const [key, select] of selects) {
        select.value = key === 'shallow' ? String(config.shallowDepth) : state.schedule;
        select.disabled = locked;
      }
      notice.textContent = line;
      notice.hidden = line === '';
      identity = state.identity;
      patchMarkup(diagram, residualBlockSvg(blockDiagramOptions(t, identity)));
      identityButton.setAttribute('aria-pressed', String(state.identity));
      identityButton.textContent = state.identity ? t.identityOn : t.identityOff;
    },
  };
}
