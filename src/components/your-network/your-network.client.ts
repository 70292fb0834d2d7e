/**
 * The Your-network widget's interactive part. Every edit of the model, its format or its input
 * size is parsed and analysed on the main thread after a short pause (a printed ResNet-50 takes
 * about a millisecond), then the diagram, totals, warnings, table and listings are redrawn and the
 * model, compressed, is written to the address. Text that does not read leaves all of that on
 * the last model that did and shows the error at its line and column. The effective receptive
 * field runs in the compute worker (erf-panel.ts). Everything the reader typed reaches the DOM as
 * text only.
 *
 * The parsers, the renderer and the views load on first use (model-work.ts): until the reader
 * touches the widget it shows the build-time view of its configured zoo model.
 */
import type { UiStrings } from '../../i18n/strings.ts';
import type { Analysis } from '../../lib/models/analyze.ts';
import type { ModelSpec } from '../../lib/models/types.ts';
import type { ModelFormat, ParseOutcome, ParseWarning } from '../../lib/parse/index.ts';
import type { YourNetworkSchema, YourNetworkState } from '../../lib/state/schemas/your-network.ts';
import { showNotices } from '../widget/notices.ts';
import { patchMarkup } from '../widget/patch-markup.ts';
import { fillRows } from '../widget/table-rows.ts';
import type { UrlWidgetMount } from '../widget/url-widget-element.ts';
import { mountErfPanel } from './erf-panel.ts';
import type * as ModelWork from './model-work.ts';
import { offsetAt } from './view-position.ts';

/** Pause after the last keystroke before the model is read again, in ms. */
const EDIT_DELAY_MS = 150;

/** The parsers, renderer and views, loaded on first use. */
export type Work = typeof ModelWork;

/** The model the figures show: the last one that read correctly. */
export interface Shown {
  readonly spec: ModelSpec;
  readonly analysis: Analysis;
}

/** The UI strings this client uses, in the page's language. */
export type YourNetworkUi = Pick<UiStrings, 'yourNetwork' | 'runtime'>;

/** Mounts the widget in `element` (a <your-network>) at `initial`, over its configured state. */
export function mountYourNetwork(
  element: HTMLElement,
  { initial, onStateChange }: UrlWidgetMount<YourNetworkSchema>,
  strings: YourNetworkUi,
): void {
  const { yourNetwork: t } = strings;
  // The diagrams it redraws speak the page's language (the build-time one already does).
  if (document.documentElement.lang.toLowerCase().startsWith('zh')) {
    void Promise.all([import('../../i18n/zh-CN/diagram.ts'), import('../../lib/viz/strings.ts')]).then(
      ([{ diagramStrings }, { useDiagramStrings }]) => useDiagramStrings(diagramStrings),
    );
  }
  const q = <E extends Element>(selector: string): E => {
    const found = element.querySelector<E>(selector);
    if (found === null) throw new Error(`<your-network> lacks ${selector}`);
    return found;
  };
  const configured = JSON.parse(element.dataset['config'] ?? '{}') as YourNetworkState;
  let state: YourNetworkState = { ...configured, ...initial };
  const root = element.closest<HTMLElement>('[data-widget]');
  const editor = q<HTMLTextAreaElement>('textarea[data-input="text"]');
  const formatSelect = q<HTMLSelectElement>('select[data-control="format"]');
  const shapeInput = q<HTMLInputElement>('input[data-input="shape"]');
  const inputError = q<HTMLElement>('[data-input-error]');
  const zooSelect = q<HTMLSelectElement>('select[data-input="zoo"]');
  const detected = q<HTMLElement>('[data-detected]');
  const errorBox = q<HTMLElement>('[data-parse-error]');
  const warningsBox = q<HTMLElement>('[data-warnings-box]');
  const warningsList = q<HTMLElement>('[data-warnings]');
  const totals = q<HTMLElement>('[data-totals]');
  const diagram = q<HTMLElement>('[data-diagram]');
  const tableRegion = q<HTMLElement>('[data-table-region]');
  const tableCaption = q<HTMLElement>('[data-table-region] caption');
  const tableBody = q<HTMLElement>('[data-layer-rows]');
  const tooLong = q<HTMLElement>('[data-url-too-long]');
  const notices = root?.querySelector<HTMLElement>('[data-widget-notices]') ?? null;

  let loading: Promise<Work> | null = null;
  const work = (): Promise<Work> => (loading ??= import('./model-work.ts'));
  /** The last model that read correctly; null until the editor is first read. */
  let shown: Shown | null = null;
  /** Counts reads of the editor: a result or an encoding of an older read is dropped. */
  let reads = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the reader has typed in the input-size field since the last model was loaded. */
  let shapeTouched = false;

  const setText = (node: HTMLElement, text: string): void => {
    if (node.textContent !== text) node.textContent = text;
  };
  const listItems = (lines: readonly string[]): HTMLLIElement[] =>
    lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    });

  const showError = (outcome: Extract<ParseOutcome, { ok: false }>): void => {
    const e = outcome.error;
    setText(q('[data-error-where]'), t.errorAt(e.line, e.column, e.reason));
    const hint = q<HTMLElement>('[data-error-hint]');
    setText(hint, e.hint === undefined ? '' : t.errorHint(e.hint));
    hint.hidden = e.hint === undefined;
    errorBox.dataset['line'] = String(e.line);
    errorBox.dataset['column'] = String(e.column);
    errorBox.hidden = false;
    editor.setAttribute('aria-invalid', 'true');
  };

  const clearError = (): void => {
    errorBox.hidden = true;
    editor.removeAttribute('aria-invalid');
  };

  const render = (w: Work, { spec, analysis }: Shown, parserWarnings: readonly ParseWarning[]): void => {
    const warnings = [
      ...parserWarnings.map((p) => t.warningAt(p.line, p.column, p.message)),
      ...w.fieldWarnings(t, analysis),
    ];
    warningsList.replaceChildren(...listItems(warnings));
    warningsBox.hidden = warnings.length === 0;
    totals.replaceChildren(
      ...w.totalsRows(t, analysis).map(([k, v]) => {
        const row = document.createElement('div');
        const dt = document.createElement('dt');
        const dd = document.createElement('dd');
        dt.textContent = k;
        dd.textContent = v;
        row.append(dt, dd);
        return row;
      }),
    );
    patchMarkup(diagram, w.diagramSvg(spec, `${element.id}-diagram`));
    setText(tableCaption, t.tableCaption(spec.name));
    tableRegion.setAttribute('aria-label', t.tableCaption(spec.name));
    fillRows(tableBody, w.layerRows(t, analysis));
    setText(q('[data-listing="tfjs"]'), w.listing(t, analysis, 'tfjs'));
    setText(q('[data-listing="pytorch"]'), w.listing(t, analysis, 'pytorch'));
    erf.setLayers(w.spatialLayerIds(analysis), state.layer, analysis.receptiveFieldLayer);
  };

  /** Shows `outcome` and returns true, or shows its error and keeps the figures (false). */
  const show = (w: Work, outcome: ParseOutcome): outcome is Extract<ParseOutcome, { ok: true }> => {
    setText(detected, t.detected(t.formatNames[outcome.format]));
    if (!outcome.ok) {
      showError(outcome);
      element.dataset['state'] = 'error';
      return false;
    }
    clearError();
    shown = { spec: outcome.spec, analysis: outcome.analysis };
    render(w, shown, outcome.warnings);
    element.dataset['state'] = 'ready';
    return true;
  };

  /** Writes the model shown to the address, or says why it cannot go in a link. */
  const share = async (w: Work, spec: ModelSpec, read: number): Promise<void> => {
    const encoded = await w.encodeModel(spec);
    if (read !== reads) return;
    tooLong.hidden = encoded.ok;
    if (!encoded.ok) {
      setText(tooLong, t.urlTooLong(encoded.length, w.MAX_URL_MODEL_CHARS));
      return;
    }
    state = { ...state, model: encoded.value };
    onStateChange(state);
  };

  /**
   * Reads the editor with the chosen format and input size and shows the result; with `publish`,
   * a model that reads is also written to the address. Until the reader types in the input-size
   * field, it shows the model's own size.
   */
  const read = async (publish = true): Promise<void> => {
    const read = ++reads;
    const w = await work();
    if (read !== reads) return;
    const format = formatSelect.value === 'auto' ? undefined : (formatSelect.value as ModelFormat);
    // The field overrides the model's own input size only once the reader has typed in it.
    const shape = shapeTouched ? w.parseInputField(shapeInput.value, w.MAX_INPUT_SIDE) : null;
    const badShape = shapeTouched && shape === null && shapeInput.value.trim() !== '';
    shapeInput.setAttribute('aria-invalid', String(badShape));
    setText(inputError, badShape ? t.badInput(shapeInput.value.trim()) : '');
    const outcome = w.parseModel(editor.value, {
      ...(format === undefined ? {} : { format }),
      ...(shape === null ? {} : { inputShape: shape }),
    });
    if (!show(w, outcome)) return;
    if (!shapeTouched) shapeInput.value = w.formatInput(outcome.analysis.inputShape);
    if (publish) await share(w, outcome.spec, read);
  };

  const readSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void read(), EDIT_DELAY_MS);
  };

  /** The model shown, reading the editor first if it has not been read yet. */
  const current = async (): Promise<Shown | null> => {
    if (shown === null) await read(false);
    return shown;
  };

  /** Puts `text` in the editor and reads it at once, with the model's own input size. */
  const load = async (text: string, publish: boolean): Promise<void> => {
    editor.value = text;
    formatSelect.value = 'auto';
    shapeTouched = false;
    clearTimeout(timer);
    await read(publish);
  };

  const loadZoo = async (id: string): Promise<void> => {
    const w = await work();
    await load(w.zooSource(await w.zooModel(id)).text, false);
    // A zoo model as loaded needs no model in the link, only its id.
    tooLong.hidden = true;
    state = { ...state, zoo: id, model: '' };
    onStateChange(state);
  };

  const erf = mountErfPanel(element, strings, {
    work,
    current,
    onLayer: (layer) => {
      state = { ...state, layer };
      onStateChange(state);
    },
  });

  // ---- Files ----

  const download = async (): Promise<void> => {
    const w = await work();
    const model = await current();
    if (model === null) return;
    const url = URL.createObjectURL(new Blob([w.toJson(model.spec)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${model.spec.id.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'model'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const open = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (file === undefined) return;
    const w = await work();
    // A UTF-8 character takes at most 4 bytes: a larger file cannot be a text the parsers accept.
    if (file.size > w.MAX_TEXT_CHARS * 4) {
      setText(tooLong, t.fileTooLarge);
      tooLong.hidden = false;
      return;
    }
    await load(await file.text(), true);
    input.value = '';
  };

  // ---- Wiring ----

  // The first touch of the editor starts loading the parsers, so the first read does not wait for them.
  element.addEventListener('focusin', () => void work(), { once: true });
  editor.addEventListener('input', readSoon);
  shapeInput.addEventListener('input', () => {
    shapeTouched = true;
    readSoon();
  });
  formatSelect.addEventListener('change', () => void read());
  q('button[data-action="load-zoo"]').addEventListener('click', () => void loadZoo(zooSelect.value));
  q('button[data-action="show-error"]').addEventListener('click', () => {
    const at = offsetAt(editor.value, Number(errorBox.dataset['line']), Number(errorBox.dataset['column']));
    editor.focus();
    editor.setSelectionRange(at, at);
  });
  q('button[data-action="download"]').addEventListener('click', () => void download());
  q<HTMLInputElement>('input[data-input="file"]').addEventListener('change', (event) => {
    void open(event.target as HTMLInputElement);
  });

  /** The address's model, else its zoo model, else the build-time view as it is. */
  const start = async (): Promise<void> => {
    zooSelect.value = state.zoo;
    erf.select(state.layer);
    if (state.model !== '') {
      const w = await work();
      const outcome = await w.decodeModel(state.model);
      if (outcome.ok) {
        await load(w.zooSource(outcome.spec).text, false);
        return;
      }
      if (notices) showNotices(notices, [t.linkError(outcome.error.message)]);
      state = { ...state, model: '' };
    }
    if (state.zoo !== configured.zoo) await loadZoo(state.zoo);
  };

  void start().finally(() => {
    if (element.dataset['state'] !== 'error') element.dataset['state'] = 'ready';
  });
}
