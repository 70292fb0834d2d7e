/**
 * What the reader does to the explorer, as changes of its state: a setting moved (controlChange
 * in rf-reducer.ts), or a unit picked on a map. A click or tap picks the input pixel under it;
 * with a map focused, the arrow keys move one unit of that network's last layer (unitStep) and
 * the status line says which.
 */
import { RF_INPUT_SIDE, type RfExplorerState } from '../../lib/state/rf-explorer.ts';
import { pixelAt } from '../../lib/viz/rf-map.ts';
import type { RfStrings } from './rf-readout.ts';
import { controlChange, unitStep, type RfControl, type RfModel } from './rf-reducer.ts';
import { ARROW_MOVES } from '../widget/arrow-moves.ts';

/** Wires the settings and maps of `root` (an <rf-explorer>): each input calls `onChange` with its change, read against `current()`. */
export function wireRfInput(
  root: HTMLElement,
  t: RfStrings,
  current: () => RfModel,
  onChange: (change: Partial<RfExplorerState>) => void,
): void {
  const q = (selector: string): HTMLElement => root.querySelector<HTMLElement>(selector)!;
  const report = (name: RfControl, value: string | boolean): void =>
    onChange(controlChange(current().state, name, value));
  // Sliders report while they move; selects and the checkbox when they change.
  for (const name of ['depth', 'inits', 'kernel', 'init', 'input', 'nets', 'downsample'] as const) {
    const control = q(`[data-control="${name}"]`) as HTMLInputElement;
    control.addEventListener(name === 'depth' || name === 'inits' ? 'input' : 'change', () =>
      report(name, name === 'downsample' ? control.checked : control.value),
    );
  }
  const status = q('[data-status]');
  for (const key of ['plain', 'residual'] as const) {
    const box = q(`[data-map="${key}"]`);
    box.addEventListener('click', (event) => {
      const rect = box.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return;
      const [y, x] = pixelAt(
        current().domain,
        RF_INPUT_SIDE,
        (event.clientY - rect.top) / rect.height,
        (event.clientX - rect.left) / rect.width,
      );
      onChange({ unitY: y, unitX: x });
    });
    box.addEventListener('keydown', (event) => {
      const { state, plans } = current();
      const plan = plans.find((p) => p.key === key);
      const move = ARROW_MOVES[event.key];
      if (plan === undefined || move === undefined) return;
      event.preventDefault();
      const { unit, change } = unitStep(plan, state, move);
      onChange(change);
      // After the change, which set the status to "computing".
      status.textContent = `${t.netNames[key]}: ${t.unitPosition(unit[0], unit[1])}`;
    });
  }
}
