/**
 * Redrawing a widget's figure without rebuilding it. The renderers in src/lib/viz return SVG or
 * HTML strings; setting `innerHTML` on every training step or slider frame made the browser throw
 * away and rebuild every node, restyle and re-lay them out: 20 ms of main-thread CPU per update
 * on the lab's two charts, and long tasks (> 50 ms) on a 2-core machine busy with the worker.
 * `patchMarkup` parses the new markup once, then changes only the attributes and text that
 * differ, and replaces a subtree only where its shape (tags, child count) changed.
 */

let parser: HTMLTemplateElement | undefined;

/** The nodes of `markup`, parsed as the HTML parser would inside `container` (SVG included). */
function parse(markup: string): DocumentFragment {
  parser ??= document.createElement('template');
  parser.innerHTML = markup;
  return parser.content;
}

function sameShape(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName && a.childNodes.length === b.childNodes.length;
}

function patchAttributes(target: Element, source: Element): void {
  for (const { name } of [...target.attributes]) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const { name, value } of source.attributes)
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

function patchNode(target: Node, source: Node): void {
  if (!sameShape(target, source)) {
    target.parentNode?.replaceChild(source.cloneNode(true), target);
    return;
  }
  if (target.nodeType === Node.TEXT_NODE || target.nodeType === Node.COMMENT_NODE) {
    if (target.nodeValue !== source.nodeValue) target.nodeValue = source.nodeValue;
    return;
  }
  if (target instanceof Element && source instanceof Element) patchAttributes(target, source);
  patchChildren(target, source);
}

function patchChildren(target: Node, source: Node): void {
  const targets = [...target.childNodes];
  const sources = [...source.childNodes];
  for (let i = 0; i < sources.length; i++) {
    const existing = targets[i];
    if (existing === undefined) target.appendChild(sources[i]!.cloneNode(true));
    else patchNode(existing, sources[i]!);
  }
  for (let i = sources.length; i < targets.length; i++) targets[i]!.remove();
}

/**
 * Makes `container`'s content equal to `markup` (a renderer's output), touching only the nodes
 * that differ. The result is the same DOM as `container.innerHTML = markup`.
 */
export function patchMarkup(container: Element, markup: string): void {
  patchChildren(container, parse(markup));
}
