/**
 * The zoo-number check: every model number a built page shows must be the one
 * `npm run zoo -- --json` reports, and no chapter may type one by hand.
 *
 * Two parts. `checkZooSpans` reads every `<span data-zoo-model data-zoo-stat data-zoo-value
 * [data-zoo-layer]>` in the built HTML (what `<Zoo/>` renders) and compares its value and text
 * with what the JSON record gives for that stat. The expected figures are derived here from the
 * JSON, on purpose without the component's own code (src/lib/models/figures.ts), so a slip in
 * either shows up as a mismatch. `scanHandTypedNumbers` reads the chapters' MDX sources for
 * model numbers typed outside `<Zoo/>` ("138M parameters", "13 conv layers"); a line quoting a
 * paper's figure on purpose carries `{/* zoo-ok: why *\/}`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { htmlFiles } from './links.ts';
// The stat names are the component's contract; the values are derived here, independently of it.
import { LAYER_STATS, MODEL_STATS } from '../../src/lib/models/figures.ts';

/** A receptive field as the JSON gives it: side and jump per axis (pixels of the input). */
interface FieldRecord {
  readonly size: readonly number[];
  readonly jump: readonly number[];
  readonly start: readonly number[];
}

/** One layer of a `zoo --json` record (the fields this check reads). */
export interface ZooLayerRecord {
  readonly id: string;
  readonly kind: string;
  /** Ids of the layers it reads; empty for a layer reading the network input. */
  readonly inputs: readonly string[];
  readonly outputShape: readonly number[];
  readonly params: number;
  readonly macs: number;
  readonly receptiveField: FieldRecord | null;
  /** A conv or pooling layer's window, defaults resolved; null for other kinds. */
  readonly geometry: {
    readonly kernel: readonly number[];
    readonly stride: readonly number[];
    readonly padding: readonly number[];
    readonly dilation: readonly number[];
    readonly groups: number;
  } | null;
  /** Whether a conv or dense layer adds a bias per output channel or unit. */
  readonly bias: boolean;
}

/** One model of `zoo --json` (the fields this check reads). */
export interface ZooRecord {
  readonly id: string;
  readonly inputShape: readonly number[];
  readonly params: number;
  readonly trainableParams: number;
  readonly macs: number;
  readonly flops: number;
  readonly connections: number;
  readonly receptiveField: FieldRecord;
  readonly layers: readonly ZooLayerRecord[];
}

/** What a page is expected to show for one stat: the exact value and its printed text. */
export interface ExpectedFigure {
  readonly value: number | string;
  readonly text: string;
}

/** One `<Zoo/>` span as found in a built page. */
export interface ZooSpan {
  readonly model: string;
  readonly stat: string;
  readonly layer: string | undefined;
  /** data-zoo-value as written. */
  readonly value: string;
  /** The span's text, whitespace collapsed and trimmed. */
  readonly text: string;
}

/** A span whose figure is not the zoo's, or that names no figure the zoo has. */
export interface ZooMismatch {
  readonly page: string;
  readonly model: string;
  readonly stat: string;
  readonly layer: string | undefined;
  readonly problem: string;
}

/** A model number typed into a chapter's source by hand. */
export interface HandTypedNumber {
  readonly file: string;
  readonly line: number;
  /** The matched words, e.g. "138M parameters". */
  readonly match: string;
}

/**
 * How a page in `locale` (its `<html lang>`) writes a figure's digits: grouped, with `fraction`
 * decimals when given. A Chinese page (zh-CN) groups and marks decimals as en-US does and keeps
 * the units M and G; the check derives the text for each page's own language all the same.
 */
function digits(n: number, locale: string, fraction?: number): string {
  const options =
    fraction === undefined
      ? { maximumFractionDigits: 6 }
      : { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
  return new Intl.NumberFormat(locale, { useGrouping: true, ...options }).format(n);
}

/** 138357544 → "138.4 M"; below one million two decimals ("0.27 M"). */
function millions(n: number, locale: string): string {
  const m = n / 1e6;
  return `${digits(m, locale, m < 1 ? 2 : 1)} M`;
}

/** 15470264320 → "15.47 G" (also below one G: "0.71 G"). */
function billions(n: number, locale: string): string {
  return `${digits(n / 1e9, locale, 2)} G`;
}

/** [224, 224, 3] → "224×224×3". */
function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

/**
 * A convolution on a residual block's shortcut branch (torchvision's `layerN.M.downsample.0`,
 * or a `…shortcut…` projection): not part of the depth a network is named by.
 */
function onShortcutBranch(layer: ZooLayerRecord): boolean {
  return layer.id.split('.').some((part) => part === 'downsample' || part === 'shortcut');
}

/**
 * The figure `stat` of `record` (or of its layer `layerId`) as the chapter contract prints it on a
 * page in `locale` (default en-US), derived from the `zoo --json` record alone. Throws with a
 * reader's message when the stat or layer does not exist, or the layer is flat and has no
 * receptive field.
 */
export function expectedFigure(record: ZooRecord, stat: string, layerId?: string, locale = 'en-US'): ExpectedFigure {
  const exact = (n: number): ExpectedFigure => ({ value: n, text: digits(n, locale) });
  if (layerId !== undefined) {
    const layer = record.layers.find((l) => l.id === layerId);
    if (layer === undefined) throw new Error(`${record.id} has no layer "${layerId}"`);
    switch (stat) {
      case 'params':
        return exact(layer.params);
      case 'macs':
        return exact(layer.macs);
      case 'shape':
        return { value: shapeText(layer.outputShape), text: shapeText(layer.outputShape) };
      case 'inputShape': {
        const text = shapeText(inputShapeOf(record, layer));
        return { value: text, text };
      }
      case 'inputSize':
      case 'outputSize': {
        const shape = stat === 'inputSize' ? inputShapeOf(record, layer) : layer.outputShape;
        if (shape.length !== 3) throw new Error(`${record.id} layer "${layerId}": ${stat} of a flat shape`);
        return exact(shape[0] ?? NaN);
      }
      case 'inputChannels':
        return exact(inputShapeOf(record, layer).at(-1) ?? NaN);
      case 'outputChannels':
        return exact(layer.outputShape.at(-1) ?? NaN);
      case 'outputElements':
        return exact(layer.outputShape.reduce((a, b) => a * b, 1));
      case 'kernel':
      case 'stride':
      case 'padding':
      case 'dilation':
      case 'groups': {
        const geometry = layer.geometry;
        if (geometry === null) throw new Error(`${record.id} layer "${layerId}" has no window: no ${stat}`);
        return exact(stat === 'groups' ? geometry.groups : (geometry[stat][0] ?? NaN));
      }
      case 'biases':
        if (layer.kind !== 'conv' && layer.kind !== 'dense') {
          throw new Error(`${record.id} layer "${layerId}" (${layer.kind}) has no biases`);
        }
        return exact(layer.bias ? (layer.outputShape.at(-1) ?? NaN) : 0);
      case 'rf':
      case 'rfJump':
      case 'rfStart': {
        const field = layer.receptiveField;
        if (field === null) throw new Error(`${record.id} layer "${layerId}" is flat: it has no receptive field`);
        const axis = stat === 'rf' ? field.size : stat === 'rfJump' ? field.jump : field.start;
        return exact(axis[0] ?? NaN);
      }
      default:
        throw new Error(`unknown per-layer stat "${stat}" (use ${LAYER_STATS.join(', ')})`);
    }
  }
  const convs = record.layers.filter((l) => l.kind === 'conv' && !onShortcutBranch(l)).length;
  const fcs = record.layers.filter((l) => l.kind === 'dense' || l.kind === 'rbf').length;
  switch (stat) {
    case 'params':
    case 'trainableParams':
    case 'macs':
    case 'flops':
    case 'connections':
      return exact(record[stat]);
    case 'paramsM':
      return { value: record.params, text: millions(record.params, locale) };
    case 'gmacs':
      return { value: record.macs, text: billions(record.macs, locale) };
    case 'gflops':
      return { value: record.flops, text: billions(record.flops, locale) };
    case 'convLayers':
      return exact(convs);
    case 'fcLayers':
      return exact(fcs);
    case 'weightLayers':
      return exact(convs + fcs);
    case 'rf':
      return exact(record.receptiveField.size[0] ?? NaN);
    case 'rfJump':
      return exact(record.receptiveField.jump[0] ?? NaN);
    case 'rfStart':
      return exact(record.receptiveField.start[0] ?? NaN);
    case 'fcParamsPercent': {
      // The contract: the share of parameters held by dense layers.
      const dense = record.layers.filter((l) => l.kind === 'dense').reduce((sum, l) => sum + l.params, 0);
      const share = dense / record.params;
      return { value: share, text: `${digits(share * 100, locale, 1)}%` };
    }
    case 'input':
      return { value: shapeText(record.inputShape), text: shapeText(record.inputShape) };
    default:
      throw new Error(`unknown stat "${stat}" (use ${MODEL_STATS.join(', ')})`);
  }
}

/** The shape `layer` reads: its first input's output, or the network input. */
function inputShapeOf(record: ZooRecord, layer: ZooLayerRecord): readonly number[] {
  const source = layer.inputs[0];
  if (source === undefined) return record.inputShape;
  const found = record.layers.find((l) => l.id === source);
  if (found === undefined) throw new Error(`${record.id} layer "${layer.id}" reads unknown "${source}"`);
  return found.outputShape;
}

/** Whether data-zoo-value as written is `expected` (numbers compared as numbers). */
function sameValue(written: string, expected: number | string): boolean {
  if (typeof expected === 'string') return written === expected;
  const found = Number(written);
  if (written.trim() === '' || !Number.isFinite(found)) return false;
  if (Number.isInteger(expected)) return found === expected;
  // A share (fcParamsPercent) may be summed in another order: equal to 12 significant digits.
  return Math.abs(found - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

/** Checks one span against the zoo, as a page in `locale` writes it; returns what is wrong, or [] when it matches. */
export function checkSpan(
  page: string,
  span: ZooSpan,
  zoo: ReadonlyMap<string, ZooRecord>,
  locale = 'en-US',
): ZooMismatch[] {
  const at = { page, model: span.model, stat: span.stat, layer: span.layer };
  const record = zoo.get(span.model);
  if (record === undefined) return [{ ...at, problem: `no model "${span.model}" in npm run zoo -- --json` }];
  let expected: ExpectedFigure;
  try {
    expected = expectedFigure(record, span.stat, span.layer, locale);
  } catch (error) {
    return [{ ...at, problem: (error as Error).message }];
  }
  const problems: ZooMismatch[] = [];
  if (!sameValue(span.value, expected.value)) {
    problems.push({ ...at, problem: `data-zoo-value: expected ${String(expected.value)}, found "${span.value}"` });
  }
  if (span.text !== expected.text) {
    problems.push({ ...at, problem: `text: expected "${expected.text}", found "${span.text}"` });
  }
  return problems;
}

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Every `[data-zoo-model]` element of an HTML document, in document order. */
export function zooSpans(html: string): ZooSpan[] {
  return zooPage(html).spans;
}

/** A page's `<html lang>` ('en' when absent), which its figures are written for, and its zoo spans. */
export function zooPage(html: string): { lang: string; spans: ZooSpan[] } {
  const spans: ZooSpan[] = [];
  let lang = 'en';
  const visit = (node: HtmlNode): void => {
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
    if (node.nodeName === 'html') lang = attrs.get('lang') || lang;
    const model = attrs.get('data-zoo-model');
    if (model !== undefined) {
      spans.push({
        model,
        stat: attrs.get('data-zoo-stat') ?? '',
        layer: attrs.get('data-zoo-layer'),
        value: attrs.get('data-zoo-value') ?? '',
        text: textOf(node).replace(/\s+/g, ' ').trim(),
      });
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return { lang, spans };
}

/** The result of checking a built site. */
export interface ZooSiteReport {
  readonly pages: number;
  readonly spans: number;
  readonly mismatches: readonly ZooMismatch[];
}

/** Checks every page of `distDir` against the `zoo --json` records. */
export function checkZooSpans(distDir: string, records: readonly ZooRecord[]): ZooSiteReport {
  const zoo = new Map(records.map((r) => [r.id, r]));
  const pages = htmlFiles(distDir).filter((f) => !f.startsWith('_astro/') && !f.startsWith('pagefind/'));
  let spans = 0;
  const mismatches: ZooMismatch[] = [];
  for (const page of pages) {
    const found = zooPage(readFileSync(join(distDir, page), 'utf8'));
    for (const span of found.spans) {
      spans++;
      mismatches.push(...checkSpan(page, span, zoo, found.lang));
    }
  }
  return { pages: pages.length, spans, mismatches };
}

/** One line per mismatch: page, model, stat (and layer), then what differs. */
export function formatMismatches(mismatches: readonly ZooMismatch[]): string {
  return mismatches
    .map((m) => `${m.page}: ${m.model} ${m.stat}${m.layer === undefined ? '' : ` (layer ${m.layer})`}: ${m.problem}`)
    .join('\n');
}

/**
 * What a hand-typed model number looks like in prose. Each pattern needs a model word (params,
 * MACs, FLOPs, connections, layers) next to a number, so "a 3×3 kernel" or "5·10⁻⁴" pass.
 */
export const HAND_TYPED_PATTERNS: readonly RegExp[] = [
  // "138M parameters", "15.5 G MACs", "60 million weights", "11.3 billion FLOPs"
  /(?<![\w.,×])\d+(?:\.\d+)?\s?(?:k|K|M|G|B|T|thousand|million|billion)\b.{0,20}?\b(?:param|weight|MAC|FLOP|multipl|connection)\w*/i,
  // "15.5 GMACs", "30.9GFLOPs", "1.8 GFLOP"
  /(?<![\w.,×])\d+(?:\.\d+)?\s?[kMGT](?:MACs?|FLOPs?)\b/,
  // "138,357,544 parameters", "60,000 trainable weights", "340,908 connections"
  /(?<![\w.,×])\d{1,3}(?:,\d{3})+\s+(?:trainable\s+|learnable\s+|free\s+)?(?:param|weight|MAC|FLOP|multipl|connection)\w*/i,
  // "13 conv layers", "16 weight layers", "19 convolutional layers", and a count before a list
  // that ends in "layers": "13 convolutional and 3 fully connected layers", "13 conv + 3 FC layers"
  /(?<![\w.,×/-])(?<!×\s)\d+\s+(?:conv(?:olution(?:al)?)?|fully[- ]connected|FC|dense|linear|weight(?:ed)?|learn(?:ed|able)|trainable)\b[^.;:]{0,40}?\blayers?\b/i,
  // "89% of the parameters", "90 % of its weights"
  /(?<![\w.,])\d+(?:\.\d+)?\s?%\s+of\s+(?:the\s+|its\s+|all\s+)?(?:param|weight|MAC|FLOP|multipl|connection)\w*/i,
  // The Chinese pages (docs/terminology.zh-CN.md): "1.38 亿个参数", "138M 参数", "155 亿次乘加运算",
  // "3 千万个权重"
  /(?<![\w.,×])\d+(?:\.\d+)?\s?(?:[kKMGBT]|千|万|百万|千万|亿)\s?(?:个|次)?\s?(?:可训练|可学习)?的?\s?(?:参数|权重|乘加|浮点运算|连接)/,
  // "138,357,544 个参数", "60,000 个可训练权重", "340,908 个连接"
  /(?<![\w.,×])\d{1,3}(?:,\d{3})+\s*(?:个|次)?\s*(?:可训练|可学习)?的?\s*(?:参数|权重|乘加|浮点运算|连接)/,
  // "13 个卷积层", "16 个权重层", "3 个全连接层", "13 层卷积", and a count before a list ending in
  // 层: "13 个卷积层和 3 个全连接层"; an ordinal ("第 2 个卷积层") is not a count
  /(?<![\w.,×/-])(?<!×\s)(?<!第\s?)\d+\s*(?:个|层)\s*(?:卷积|全连接|权重|带权重|可学习|可训练)[^。；：]{0,20}?层/,
  // "89% 的参数", "90 % 的权重" (a share, not "多用 81% 的权重", 81% more weights), and
  // "参数量的 89.4%"
  /(?<![\w.,])(?<![多少][用出]?\s?)\d+(?:\.\d+)?\s?%\s*的\s*(?:参数|权重|乘加|浮点运算|连接)/,
  /(?:参数|权重|乘加运算|连接)(?:量|总量|总数)?的\s?\d+(?:\.\d+)?\s?%/,
];

/**
 * `{/* zoo-ok: reason *\/}` on a line lets a quoted number stand; the reason is required. In the
 * YAML front matter (a page description cannot hold `<Zoo/>`) the escape is `# zoo-ok: reason`.
 */
const ESCAPE = /\{\s*\/\*\s*zoo-ok:\s*\S[^*]*\*\/\s*\}/;
const FRONT_MATTER_ESCAPE = /\s#\s*zoo-ok:\s*\S/;

/** `<Zoo … />` elements: their attributes are not prose. */
const ZOO_ELEMENT = /<Zoo\b[^>]*\/>/g;

/** The hand-typed model numbers in one MDX source (`file` names it in the result). */
export function handTypedNumbers(file: string, source: string): HandTypedNumber[] {
  const found: HandTypedNumber[] = [];
  const lines = source.split('\n');
  // The front matter runs from a first line '---' to the next '---'.
  const frontMatterEnd = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  lines.forEach((raw, index) => {
    if (ESCAPE.test(raw)) return;
    if (index <= frontMatterEnd && FRONT_MATTER_ESCAPE.test(raw)) return;
    if (/^\s*import\s/.test(raw)) return;
    const line = raw.replace(ZOO_ELEMENT, ' ⟨zoo⟩ ');
    for (const pattern of HAND_TYPED_PATTERNS) {
      const match = pattern.exec(line);
      if (match !== null) {
        found.push({ file, line: index + 1, match: match[0].trim() });
        return;
      }
    }
  });
  return found;
}

/** The translations' directories inside the docs folder (Starlight locales other than the root). */
export const LOCALE_DIRS = ['zh-cn'] as const;

/** Every hand-typed model number in the `.mdx` files of `docsDir` and of its locale directories (zh-cn/). */
export function scanHandTypedNumbers(docsDir: string): { files: number; found: HandTypedNumber[] } {
  const dirs = [docsDir, ...LOCALE_DIRS.map((d) => join(docsDir, d)).filter((d) => existsSync(d))];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((f) => join(dir, f)),
  );
  const found = files.flatMap((file) => handTypedNumbers(file, readFileSync(file, 'utf8')));
  return { files: files.length, found };
}

/** One line per hand-typed number: file:line, what was matched, and the way out. */
export function formatHandTyped(found: readonly HandTypedNumber[]): string {
  return found.map((h) => `${h.file}:${h.line}: "${h.match}"`).join('\n');
}
