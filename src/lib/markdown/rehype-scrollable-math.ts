/**
 * Rehype plugin, after rehype-katex: makes every display equation keyboard-focusable. A wide
 * equation scrolls sideways on a narrow screen (`.katex-display { overflow-x: auto }`), and a
 * scrolling region a keyboard cannot reach fails axe's scrollable-region-focusable rule; with
 * tabindex="0" the arrow keys scroll it. The equation keeps KaTeX's MathML for screen readers.
 */
import type { Element, Root, RootContent } from 'hast';
import type { Plugin } from 'unified';

function isDisplayMath(node: Element): boolean {
  const classes = node.properties['className'];
  return Array.isArray(classes) && classes.includes('katex-display');
}

function visit(node: Root | RootContent): void {
  if (node.type === 'element' && isDisplayMath(node)) node.properties['tabIndex'] = 0;
  if ('children' in node) for (const child of node.children) visit(child);
}

/** Adds tabindex="0" to each `.katex-display` in the page. */
export const rehypeScrollableMath: Plugin<[], Root> = () => (tree) => {
  visit(tree);
};
