/**
 * The unit inspector's DOM: the map buttons' events go through the pure reducer
 * (unit-inspector-state.ts), and its result is reconciled with the receptive-field box over the
 * input view, the unit line, the buttons' highlight and the C3 connection table's column.
 */
import type { LenetLiveStrings } from '../../i18n/strings.ts';
import type { FeatureMaps, LenetStage } from '../../lib/compute/jobs/lenet-infer.ts';
import type { Analysis } from '../../lib/models/analyze.ts';
import { canvasPoint } from './plan.ts';
import { inspect, unitView, type Inspector, type InspectorEvent, type MapTarget } from './unit-inspector-state.ts';

/** What the inspector reads from the widget when it redraws. */
export interface InspectorSource {
  /** The model's analysis (for receptive fields). */
  analysis(): Analysis;
  /** The last inference's stages, or null before one (and after the pad is cleared). */
  stages(): Readonly<Record<LenetStage, FeatureMaps>> | null;
}

/** The inspector's part the widget drives. */
export interface UnitInspector {
  /** New maps are drawn: a focused map shows its (new) most active unit again. */
  refresh(): void;
  /** Hides the field (the pad was cleared). */
  hide(): void;
}

/**
 * Wires the `.ll-map` buttons of the widget `root` (each with `data-stage`, `data-map`: index or
 * "grid", and one canvas) to its `[data-rf]` box, `[data-unit-info]` line and `[data-c3]` table; `t` words them.
 */
export function unitInspector(t: LenetLiveStrings, root: HTMLElement, source: InspectorSource): UnitInspector {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('.ll-map')];
  const field = root.querySelector<HTMLElement>('[data-rf]')!;
  const info = root.querySelector<HTMLElement>('[data-unit-info]')!;
  const c3 = root.querySelector<HTMLElement>('[data-c3]')!;
  const targets: MapTarget[] = buttons.map((button) => {
    const { height, width } = button.querySelector('canvas')!;
    const map = button.dataset['map'] === 'grid' ? 'grid' : Number(button.dataset['map']);
    return { stage: button.dataset['stage'] as LenetStage, map, height, width };
  });
  let state: Inspector | null = null;
  let activeC3: number | null = null;

  // The C3 table is drawn at build time; a focused C3 map only marks its column (`c3-active`,
  // last of each cell's classes, as renderC3Table puts it), so the renderer stays off this page.
  const highlightC3 = (column: number | null): void => {
    if (column === activeC3) return;
    activeC3 = column;
    for (const cell of c3.querySelectorAll<SVGElement>('.c3-cell')) {
      cell.classList.toggle('c3-active', Number(cell.dataset['column']) === column);
    }
  };

  /** Applies `event`; whether it changed anything (a handled key is kept from the browser). */
  const dispatch = (event: InspectorEvent): boolean => {
    const next = inspect(state, event, { targets, stages: source.stages() });
    if (next === null) return false;
    state = next;
    const target = targets[next.target]!;
    const view = next.visible
      ? unitView(t, source.analysis(), next.unit, target.map === 'grid', source.stages()?.[target.stage])
      : null;
    field.hidden = view === null;
    buttons.forEach((b, i) => b.classList.toggle('is-active', view !== null && i === next.target));
    info.textContent = view?.info ?? '';
    if (view) {
      Object.assign(field.style, view.box);
      field.dataset['window'] = view.window;
      highlightC3(view.c3Column); // a hidden field leaves the table as it was
    }
    return true;
  };
  const focusedTarget = (): number => buttons.findIndex((b) => b === document.activeElement);
  /** The focused map as a whole, or else nothing. */
  const pointAtFocused = (): void => {
    const focused = focusedTarget();
    dispatch(focused < 0 ? { type: 'hide' } : { type: 'map', target: focused });
  };

  buttons.forEach((button, target) => {
    const canvas = button.querySelector('canvas')!;
    const whole = (): boolean => dispatch({ type: 'map', target });
    button.addEventListener('focus', whole);
    button.addEventListener('click', whole);
    button.addEventListener('pointermove', (event) => {
      const [x, y] = canvasPoint(
        event.clientX,
        event.clientY,
        canvas.getBoundingClientRect(),
        canvas.width,
        canvas.height,
      );
      dispatch({ type: 'pointer', target, row: Math.floor(y), col: Math.floor(x) });
    });
    button.addEventListener('keydown', (event) => {
      const modified = event.altKey || event.ctrlKey || event.metaKey;
      if (!modified && dispatch({ type: 'key', target, key: event.key })) event.preventDefault();
    });
    button.addEventListener('pointerleave', pointAtFocused);
    button.addEventListener('blur', () => {
      if (focusedTarget() < 0) dispatch({ type: 'hide' });
    });
  });

  return {
    refresh: () => {
      const focused = focusedTarget();
      if (focused >= 0) dispatch({ type: 'map', target: focused });
    },
    hide: () => dispatch({ type: 'hide' }),
  };
}
