import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'parse5';
import { parseState, type ParamSpec } from '../../src/lib/state/schema.ts';
import { getWidget } from '../../src/lib/state/widgets.ts';
import { builtPages } from './support/site.ts';
import { CHINESE_PREFIX } from './support/samples.ts';

// Every "Try this" link in the built chapters (what <TryThis/> renders) opens its widget in the
// state it promises: the link's #anchor is the widget's root, the root's data-query (the state
// the page read from the address) holds every key=value of data-try-state, no value was
// ignored with a notice, and the widget does not fail.

/** The chapters that have a live widget: each needs at least one Try-this link. */
const CHAPTERS_WITH_WIDGETS = [
  '/lenet5/',
  '/alexnet/',
  '/vgg/',
  '/inception/',
  '/receptive-fields/',
  '/vanishing-gradients/',
  '/batch-norm/',
  '/resnet/',
  '/skip-connections/',
  '/after-resnet/',
  '/your-network/',
];

/** How long a widget that computes on its own (an ERF, gradient norms) gets to finish. */
const SETTLE_MS = 30_000;
/** A widget idle this long after mounting waits for the reader (training starts on a click). */
const IDLE_MS = 3_000;

interface TryThisLink {
  /** The page the link is on. */
  readonly page: string;
  readonly href: string;
  readonly widget: string;
  readonly prefix: string;
  readonly state: Readonly<Record<string, unknown>>;
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

/** Every `a[data-try-this]` of every built page, read from dist/ when the tests are listed. */
function tryThisLinks(distDir = 'dist'): TryThisLink[] {
  const links: TryThisLink[] = [];
  for (const page of builtPages(distDir)) {
    const file = join(distDir, page.endsWith('/') ? `${page}index.html` : page);
    const visit = (node: HtmlNode): void => {
      const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
      if (node.nodeName === 'a' && attrs.has('data-try-this')) {
        links.push({
          page,
          href: attrs.get('href') ?? '',
          widget: attrs.get('data-try-widget') ?? '',
          prefix: attrs.get('data-try-prefix') ?? '',
          state: JSON.parse(attrs.get('data-try-state') ?? '{}') as Record<string, unknown>,
        });
      }
      for (const child of node.childNodes ?? []) visit(child);
      if (node.content) visit(node.content);
    };
    visit(parse(readFileSync(file, 'utf8')) as unknown as HtmlNode);
  }
  return links;
}

const asBoolean = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true';

/** Whether the widget's `shown` value is the link's `wanted` one, compared as the schema types it. */
function sameValue(spec: ParamSpec | undefined, shown: unknown, wanted: unknown): boolean {
  if (spec?.type === 'boolean') return asBoolean(shown) === asBoolean(wanted);
  if (spec?.type === 'int' || spec?.type === 'number') return Number(shown) === Number(wanted);
  return String(shown) === String(wanted);
}

/**
 * What differs between the state `link` asks for and the root's data-query, one line per key;
 * data-query leaves out values equal to the schema's defaults, so it is parsed with them filled in.
 */
function stateDifferences(link: TryThisLink, query: string | null): string[] {
  const schema = getWidget(link.widget)?.schema;
  if (schema === undefined) return [`"${link.widget}" is not in the widget registry`];
  if (query === null) return ['the widget root has no data-query'];
  const { state } = parseState(schema, query);
  const shown = state as Record<string, unknown>;
  return Object.entries(link.state)
    .filter(([key, wanted]) => !sameValue(schema[key], shown[key], wanted))
    .map(([key, wanted]) => `${key}: link says ${JSON.stringify(wanted)}, widget has ${JSON.stringify(shown[key])}`);
}

/** "depth=32, steps=400". */
const stateText = (state: Readonly<Record<string, unknown>>): string =>
  Object.entries(state)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

declare global {
  interface Window {
    /** Every data-state any element took since the page started, with the id of its widget root. */
    dataStates?: { root: string; state: string }[];
  }
}

/** Starts recording every data-state change on the page, so a brief error is not missed between polls. */
async function recordDataStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.dataStates = [];
    new MutationObserver((records) => {
      // Records come in batches: a value set and replaced within one batch is only an oldValue.
      for (const record of records) {
        const element = record.target as Element;
        const root = element.closest('.widget-root')?.id ?? '';
        if (record.oldValue !== null) window.dataStates!.push({ root, state: record.oldValue });
        window.dataStates!.push({ root, state: element.getAttribute('data-state') ?? '' });
      }
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-state'] });
  });
}

/**
 * Waits until the widget's elements with `data-state` have finished (ready or error), or have
 * stayed idle for IDLE_MS (waiting for the reader), at most SETTLE_MS; returns every state they
 * took since the page loaded.
 */
async function settledStates(page: Page, root: Locator, rootId: string): Promise<Set<string>> {
  const started = Date.now();
  let idleSince: number | undefined;
  while (Date.now() - started < SETTLE_MS) {
    const states = await root
      .locator('[data-state]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-state') ?? ''));
    if (states.includes('error') || (states.length > 0 && states.every((s) => s === 'ready'))) break;
    if (states.every((s) => s === 'idle' || s === 'ready')) {
      idleSince ??= Date.now();
      if (Date.now() - idleSince >= IDLE_MS) break;
    } else idleSince = undefined;
    await page.waitForTimeout(250);
  }
  const now = await root
    .locator('[data-state]')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-state') ?? ''));
  const history = await page.evaluate(
    (id) => (window.dataStates ?? []).filter((r) => r.root === id).map((r) => r.state),
    rootId,
  );
  return new Set([...history, ...now]);
}

/**
 * What the widget's controls show for each key of the link's state, where a control carries the
 * key (`data-input`, `data-control`, `data-<key>`, or a toggle button's `data-action`), one line per mismatch;
 * `checked` counts the keys that had a control. A slider that stands for a list (the RF explorer's
 * depths) is read from its aria-valuetext.
 */
async function controlDifferences(root: Locator, link: TryThisLink): Promise<{ lines: string[]; checked: number }> {
  const lines: string[] = [];
  let checked = 0;
  for (const [key, wanted] of Object.entries(link.state)) {
    const control = root.locator(
      `:is(input, select):is([data-input="${key}"], [data-control="${key}"], [data-${key}]), button[data-action="${key}"][aria-pressed]`,
    );
    if ((await control.count()) !== 1) continue;
    checked++;
    const shown = await control.evaluate((element) => {
      if (element instanceof HTMLButtonElement) return { kind: 'toggle', value: element.getAttribute('aria-pressed') };
      const input = element as HTMLInputElement | HTMLSelectElement;
      if (input instanceof HTMLInputElement && input.type === 'checkbox')
        return { kind: 'toggle', value: String(input.checked) };
      const valueText = input.getAttribute('aria-valuetext');
      return valueText !== null ? { kind: 'text', value: valueText } : { kind: 'value', value: input.value };
    });
    const ok =
      shown.kind === 'toggle'
        ? asBoolean(shown.value) === asBoolean(wanted)
        : shown.kind === 'text'
          ? new RegExp(`(^|\\D)${String(wanted)}(\\D|$)`).test(shown.value ?? '')
          : sameValue(getWidget(link.widget)?.schema[key], shown.value, wanted);
    if (!ok)
      lines.push(`${key}: link says ${JSON.stringify(wanted)}, its control shows ${JSON.stringify(shown.value)}`);
  }
  return { lines, checked };
}

const all = tryThisLinks();
const chinese = all.filter((l) => l.page.startsWith(`${CHINESE_PREFIX}/`));
const links = all.filter((l) => !chinese.includes(l));

test('every chapter with a widget has at least one Try-this link', () => {
  const without = CHAPTERS_WITH_WIDGETS.filter((chapter) => !links.some((l) => l.page === chapter));
  expect(without, `chapters without a Try-this link (found ${links.length} links in all)`).toEqual([]);
});

// A Chinese chapter's links are its English twin's under /zh-cn/ (the same widget, prefix and
// state), so the pages' HTML shows they open the same states; the browser opens one, of a widget
// that computes (the receptive-field explorer's ERF), to show a Chinese page reads its address and
// runs its widget as the English one does.
test("each Chinese page has its English twin's Try-this links, under /zh-cn/", () => {
  const key = (l: TryThisLink): string => JSON.stringify([l.page, l.href, l.widget, l.prefix, l.state]);
  const expected = chinese.map((l) => ({
    ...l,
    page: l.page.slice(CHINESE_PREFIX.length),
    href: l.href.slice(CHINESE_PREFIX.length),
  }));
  const english = new Set(links.map(key));
  expect(chinese.filter((l) => !l.href.startsWith(`${CHINESE_PREFIX}/`)).map((l) => `${l.page}: ${l.href}`)).toEqual(
    [],
  );
  expect(expected.filter((l) => !english.has(key(l))).map((l) => `${CHINESE_PREFIX}${l.page}: ${l.href}`)).toEqual([]);
  expect(chinese.length).toBe(links.length);
});

const names = new Map<string, number>();
const chineseSample = chinese.find((l) => l.widget === 'receptive-field') ?? chinese[0];
for (const link of chineseSample === undefined ? links : [...links, chineseSample]) {
  const base = `Try this on ${link.page} opens ${link.widget} with ${stateText(link.state)}`;
  const n = (names.get(base) ?? 0) + 1;
  names.set(base, n);
  const name = n === 1 ? base : `${base} (link ${n})`;

  test(name, async ({ page }) => {
    test.setTimeout(SETTLE_MS + 60_000);
    const url = new URL(link.href, 'http://site.invalid/');
    const anchor = decodeURIComponent(url.hash.slice(1));
    expect(anchor, `${link.href} has no #anchor naming the widget`).not.toBe('');

    await recordDataStates(page);
    const response = await page.goto(link.href);
    expect(response?.status(), `${link.href} is not a page`).toBe(200);

    const root = page.locator(`[id="${anchor}"]`);
    await expect(root, `#${anchor} is on ${url.pathname}`).toHaveCount(1);
    await expect(root, `#${anchor} is a widget root`).toHaveClass(/(^|\s)widget-root(\s|$)/);
    await expect(root).toHaveAttribute('data-widget', link.widget);
    await expect(root, "the page reads the URL keys with the link's prefix").toHaveAttribute(
      'data-prefix',
      link.prefix,
    );

    await expect
      .poll(async () => stateDifferences(link, await root.getAttribute('data-query')), {
        message: `data-query of #${anchor} holds ${stateText(link.state)}`,
      })
      .toEqual([]);

    const notices = await root.locator('[data-widget-notices] li').allTextContents();
    expect(notices, 'URL notices (values the widget ignored)').toEqual([]);

    const seen = await settledStates(page, root, anchor);
    const errors = await root.locator('[data-error]:visible').allTextContents();
    expect([...seen], `the widget's data-state never reaches error (${errors.join(' ')})`).not.toContain('error');
    // Finished: every part ready, or, for a widget that waits for the reader, its Train button working.
    const states = await root
      .locator('[data-state]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-state') ?? ''));
    if (!states.every((s) => s === 'ready')) {
      await expect(
        root.locator('[data-action="train"]'),
        `a widget left ${states.join(', ')} waits for Train`,
      ).toBeEnabled();
    }
    const controls = await controlDifferences(root, link);
    expect(controls.lines, 'the controls show the values the link sets').toEqual([]);
    expect(controls.checked, `a control shows at least one of ${stateText(link.state)}`).toBeGreaterThan(0);
  });
}
