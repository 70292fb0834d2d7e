/**
 * The residual block y = F(x) + x as He et al. 2016 draw it (Fig. 2): the input x on top, the
 * residual branch F(x) (weight layer → ReLU → weight layer) down the middle, the identity
 * shortcut curving round the right into ⊕, then ReLU and the output y. With the shortcut off it
 * becomes the plain block y = F(x): the shortcut stays on the page, dashed and greyed, so the
 * widget's toggle has something to point at. Pure: options in, SVG markup out; every label
 * comes from the caller so the diagram can be translated.
 */
import { el, num, textEl, textWidth, translate } from './svg.ts';

/** The diagram's words, from the UI strings (so they can be translated). */
export interface ResidualBlockLabels {
  /** Text in both weight-layer boxes, e.g. "3×3 conv, BN". */
  readonly weight: string;
  /** Text in both ReLU boxes. */
  readonly relu: string;
  /** Beside the shortcut, e.g. "identity x". */
  readonly identity: string;
  /** Beside the residual branch's bracket, e.g. "F(x)". */
  readonly branch: string;
  /** The equation under the block with the shortcut on ("y = F(x) + x") and off ("y = F(x)"). */
  readonly withIdentity: string;
  readonly withoutIdentity: string;
  /** The input and output terms; default "x" and "y". */
  readonly input?: string;
  readonly output?: string;
}

export interface ResidualBlockOptions {
  /** Whether the identity shortcut is on (y = F(x) + x) or off (y = F(x)). */
  readonly identity: boolean;
  readonly labels: ResidualBlockLabels;
  /** Accessible name and `<title>`. */
  readonly title: string;
  /** `<desc>`: what the diagram shows in its current state. */
  readonly description: string;
  /** Extra class on the root `<svg>`. */
  readonly className?: string;
}

const FONT = 13;
const BOX_H = 30;
const RELU_H = 26;
const GAP = 16;
const ADD_R = 11;
const HEAD = 5;

/** A vertical arrow from y1 down to y2 (tip at y2), as a line and a filled head. */
function downArrow(x: number, y1: number, y2: number): string {
  return (
    el('path', { class: 'rb-arrow', d: `M${num(x)} ${num(y1)}V${num(y2 - HEAD)}` }) +
    el('path', { class: 'rb-head', d: `M${num(x)} ${num(y2)}l${-HEAD} ${-HEAD * 1.6}h${HEAD * 2}z` })
  );
}

/** A labelled box centred on x, top at y. */
function box(className: string, x: number, y: number, w: number, h: number, label: string): string {
  return el(
    'g',
    { class: `rb-layer ${className}`, transform: translate(x - w / 2, y) },
    el('rect', { width: w, height: h, rx: 4 }),
    textEl('text', { x: w / 2, y: h / 2, dy: '0.35em', 'text-anchor': 'middle' }, label),
  );
}

/**
 * The block as an `<svg>` string (`role="img"`, `<title>`, `<desc>`), sized in CSS px by its
 * viewBox (about 300 × 340). The shortcut is `<g class="rb-identity">` (plus `is-off` when
 * off) holding the visible `rb-shortcut` path, its head and label; the same curve as
 * `<path class="rb-identity-hit">` just before it is a wide click target for CSS to widen.
 */
export function residualBlockSvg(options: ResidualBlockOptions): string {
  const { identity, labels } = options;
  const input = labels.input ?? 'x';
  const output = labels.output ?? 'y';
  const equation = identity ? labels.withIdentity : labels.withoutIdentity;

  const weightW = Math.max(120, Math.ceil(textWidth(labels.weight, FONT) + 24));
  const reluW = Math.max(56, Math.ceil(textWidth(labels.relu, FONT) + 24));
  const cx = Math.ceil(textWidth(labels.branch, FONT) + 32 + weightW / 2);
  const shortcutX = cx + weightW / 2 + 36;
  const width = Math.ceil(
    Math.max(shortcutX + 20 + textWidth(labels.identity, FONT), textWidth(equation, FONT + 2) + 24),
  );

  const inputY = 20;
  const forkY = 40;
  const weight1 = forkY + GAP;
  const relu1 = weight1 + BOX_H + GAP;
  const weight2 = relu1 + RELU_H + GAP;
  const addY = weight2 + BOX_H + GAP + ADD_R;
  const relu2 = addY + ADD_R + GAP;
  const outputY = relu2 + RELU_H + GAP + 14;
  const equationY = outputY + 34;
  const height = equationY + 16;

  const bracketX = cx - weightW / 2 - 12;
  const bracket = el(
    'g',
    { class: 'rb-residual' },
    el('path', {
      fill: 'none',
      d: `M${num(bracketX + 6)} ${weight1}H${num(bracketX)}V${weight2 + BOX_H}H${num(bracketX + 6)}`,
    }),
    textEl(
      'text',
      { x: bracketX - 6, y: (weight1 + weight2 + BOX_H) / 2, dy: '0.35em', 'text-anchor': 'end' },
      labels.branch,
    ),
  );

  const shortcutPath = (end: number): string =>
    `M${num(cx)} ${forkY}H${num(shortcutX - 16)}Q${num(shortcutX)} ${forkY} ${num(shortcutX)} ${forkY + 16}` +
    `V${addY - 16}Q${num(shortcutX)} ${addY} ${num(shortcutX - 16)} ${addY}H${num(end)}`;
  const tip = cx + ADD_R;
  // The click target sits outside the group, so `.rb-identity path` styles only what shows.
  // Curved strokes get fill="none" (not a colour) so they never fill in black without CSS.
  const hit = el('path', { class: 'rb-identity-hit', d: shortcutPath(tip), fill: 'none' });
  const shortcut = el(
    'g',
    { class: identity ? 'rb-identity' : 'rb-identity is-off' },
    el('path', {
      class: 'rb-shortcut',
      d: shortcutPath(tip + HEAD),
      fill: 'none',
      'stroke-dasharray': identity ? undefined : '5 4',
    }),
    el('path', { class: 'rb-head', d: `M${num(tip)} ${addY}l${HEAD * 1.6} ${-HEAD}v${HEAD * 2}z` }),
    el('circle', { class: 'rb-fork', cx, cy: forkY, r: 3 }),
    textEl('text', { x: shortcutX + 8, y: (forkY + addY) / 2, dy: '0.35em' }, labels.identity),
  );

  const add = el(
    'g',
    { class: 'rb-add', transform: translate(cx, addY) },
    el('circle', { r: ADD_R }),
    el('path', { d: 'M-6 0H6M0 -6V6' }),
  );

  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${width} ${height}`,
      class: `rb${identity ? '' : ' is-identity-off'}${options.className ? ` ${options.className}` : ''}`,
      role: 'img',
      'aria-label': options.title,
    },
    textEl('title', {}, options.title),
    textEl('desc', {}, options.description),
    textEl('text', { class: 'rb-term', x: cx, y: inputY, dy: '0.35em', 'text-anchor': 'middle' }, input),
    el(
      'g',
      { class: 'rb-flow' },
      downArrow(cx, inputY + 10, weight1),
      downArrow(cx, weight1 + BOX_H, relu1),
      downArrow(cx, relu1 + RELU_H, weight2),
      downArrow(cx, weight2 + BOX_H, addY - ADD_R),
      downArrow(cx, addY + ADD_R, relu2),
      downArrow(cx, relu2 + RELU_H, outputY - 10),
    ),
    box('rb-weight', cx, weight1, weightW, BOX_H, labels.weight),
    box('rb-relu', cx, relu1, reluW, RELU_H, labels.relu),
    box('rb-weight', cx, weight2, weightW, BOX_H, labels.weight),
    bracket,
    hit,
    shortcut,
    add,
    box('rb-relu', cx, relu2, reluW, RELU_H, labels.relu),
    textEl('text', { class: 'rb-term', x: cx, y: outputY, dy: '0.35em', 'text-anchor': 'middle' }, output),
    textEl('text', { class: 'rb-equation', x: width / 2, y: equationY, 'text-anchor': 'middle' }, equation),
  );
}
