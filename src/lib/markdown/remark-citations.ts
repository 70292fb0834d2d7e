/**
 * Remark plugin behind `<Cite id="he2016" table="6" />` in MDX chapters.
 *
 * At compile time it numbers each page's citations in order of first appearance, passes the
 * number to the Cite component as its `n` prop, and appends a "References" section listing the
 * cited works in that order. An unknown id, or an id that is not a plain string, fails the build
 * with the file and the id. Numbering here, rather than inside the component, keeps it exact:
 * Astro may render sibling components concurrently, so render order is not citation order.
 */
import type { ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Plugin } from 'unified';
import { formatAuthors, getReference, referenceHref, referenceIds } from '../bibliography/references.ts';

/** The heading of the appended list; also its anchor (`#references`). */
export const REFERENCES_HEADING = 'References';

/** The heading on a Chinese page (a file under a `zh-cn/` directory); the entries stay in their own language. */
export const REFERENCES_HEADING_ZH = '参考文献';

/** The references heading for the chapter file at `path`, by the language directory it is in. */
export function referencesHeading(path: string): string {
  return /(^|[/\\])zh-cn[/\\]/.test(path) ? REFERENCES_HEADING_ZH : REFERENCES_HEADING;
}

/** Anchor id of a reference's entry in a page's reference list. */
export function referenceAnchor(id: string): string {
  return `ref-${id}`;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function isCite(node: Nodes): node is JsxElement {
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Cite';
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function citeId(element: JsxElement, file: string): string {
  const attr = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  if (!attr || typeof attr.value !== 'string') {
    throw new Error(`${file}: <Cite> needs a literal id, e.g. <Cite id="he2016" />`);
  }
  return attr.value;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function referenceItem(id: string): ListItem {
  const ref = getReference(id);
  const href = referenceHref(ref);
  return {
    type: 'listItem',
    data: { hProperties: { id: referenceAnchor(id) } },
    children: [
      {
        type: 'paragraph',
        children: [
          text(`${formatAuthors(ref.authors)} (${ref.year}). `),
          { type: 'emphasis', children: [text(ref.title)] },
          text(`. ${ref.venue}. `),
          { type: 'link', url: href, children: [text(ref.doi !== undefined ? `doi:${ref.doi}` : href)] },
        ],
      },
    ],
  };
}

/** The plugin: `remarkPlugins: [remarkCitations]`. */
export const remarkCitations: Plugin<[], Root> = () => (tree, file) => {
  const path = file.path || file.history[0] || '(unknown file)';
  const order: string[] = [];
  walk(tree, (node) => {
    if (!isCite(node)) return;
    const id = citeId(node, path);
    if (!referenceIds.includes(id)) {
      throw new Error(`${path}: <Cite id="${id}"> names no reference. Known ids: ${referenceIds.join(', ')}`);
    }
    if (!order.includes(id)) order.push(id);
    node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'n'));
    node.attributes.push({ type: 'mdxJsxAttribute', name: 'n', value: String(order.indexOf(id) + 1) });
  });
  if (order.length === 0) return;
  const heading = referencesHeading(path);
  const zh = heading === REFERENCES_HEADING_ZH;
  const references: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(heading)] },
    {
      type: 'list',
      ordered: true,
      spread: false,
      // The entries stay in their own language (all English) on a Chinese page too.
      data: { hProperties: { className: ['reference-list'], ...(zh ? { lang: 'en' } : {}) } },
      children: order.map(referenceItem),
    },
  ];
  tree.children.push(...references);
};
