/**
 * Redrawing a widget's figure without rebuilding it. The renderers in src/lib/viz return SVG or
 * HTML strings; setting `innerHTML` on every training step or slider frame made the browser throw
 * away and rebuild every node, restyle and re-lay them out: 20 ms of main-thread CPU per update
 * on the lab's two charts, and long tasks (> 50 ms) on a 2-core machine busy with the worker.
 * `patchMarkup` parses the new markup once, then changes only the attributes and text that
 * differ, adds or removes children at the end of a list that grew or shrank (an axis with one
 * tick more), and replaces a subtree only where a tag changed.
 */

let parser: HTMLTemplateElement | undefined;

/** The nodes of `markup`, parsed as the HTML parser would inside `container` (SVG included). */
function parse(markup: string): DocumentFragment {
  parser ??= document.createElement('template');
  parser.innerHTML = markup;
  return parser.content;
}

/** Whether `target` can become `source` in place: the same kind of node with the same tag. */
function sameKind(a: Node, b: Node): boolean {
  return a.nodeType === b.nodeType && a.nodeName === b.nodeName;
}

function patchAttributes(target: Element, source: Element): void {
  const old = target.attributes;
  for (let i = old.length - 1; i >= 0; i--) {
    const name = old[i]!.name;
    if (!source.hasAttribute(name)) target.removeAttribute(name);
  }
  const next = source.attributes;
  for (let i = 0; i < next.length; i++) {
    const { name, value } = next[i]!;
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  }
}

function patchNode(target: Node, source: Node): void {
  if (!sameKind(target, source)) {
    target.parentNode?.replaceChild(source.cloneNode(true), target);
    return;
  }
  if (target.nodeType === Node.TEXT_NODE || target.nodeType === Node.COMMENT_NODE) {
    if (target.nodeValue !== source.nodeValue) target.nodeValue = source.nodeValue;
    return;
  }
  if (target.nodeType === Node.ELEMENT_NODE) patchAttributes(target as Element, source as Element);
  patchChildren(target, source);
}

function patchChildren(target: Node, source: Node): void {
  let existing = target.firstChild;
  for (let next = source.firstChild; next !== null; next = next.nextSibling) {
    if (existing === null) {
      target.appendChild(next.cloneNode(true));
      continue;
    }
    const following: ChildNode | null = existing.nextSibling;
    patchNode(existing, next);
    existing = following;
  }
  while (existing !== null) {
    const following: ChildNode | null = existing.nextSibling;
    existing.remove();
    existing = following;
  }
}

/**
 * Makes `container`'s content equal to `markup` (a renderer's output), touching only the nodes
 * that differ. The result is the same DOM as `container.innerHTML = markup`.
 */
export function patchMarkup(container: Element, markup: string): void {
  // The same markup as last time: nothing to parse or compare (a chart whose data did not move).
  if (lastMarkup.get(container) === markup && container.childNodes.length > 0) return;
  patchChildren(container, parse(markup));
  lastMarkup.set(container, markup);
}

/** The markup each container was last patched to; a container changed by other code is re-patched only if its markup differs. */
const lastMarkup = new WeakMap<Element, string>();
