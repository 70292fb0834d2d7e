/**
 * What a chapter's translation must keep from the English: read from the MDX source (parsed as
 * Astro parses it: MDX + remark-math), the components it uses with their non-text props, its zoo
 * figures, citations and Try-this links, and the front matter fields that are not prose. Two
 * twins' summaries are compared line by line, so a difference names the page and the element.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root, RootContent } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import remarkMath from 'remark-math';

/** Props whose values are prose, translated in the Chinese twin: not compared. */
export const TEXT_PROPS: ReadonlySet<string> = new Set([
  'prompt',
  'choices',
  'caption',
  'alt',
  'title',
  'label',
  'description',
]);

/** Front matter fields that are prose; every other field must be the same in both languages. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(['title', 'description']);

/** Components printed inside a sentence, whose order a translation may change: compared as a multiset. */
export const INLINE_COMPONENTS: ReadonlySet<string> = new Set([
  'Zoo',
  'Cite',
  'Accuracy',
  'Trained',
  'RecordedResult',
  'LabDefault',
  'InceptionFigure',
]);

/** What a chapter's twin must match: block components in order, inline ones as sorted lists, the front matter's fields. */
export interface ChapterShape {
  /** Each block-level component as `Name prop=value …`, in document order. */
  readonly blocks: readonly string[];
  /** Each inline component as `Name prop=value …`, sorted. */
  readonly inline: readonly string[];
  /** `key: value` for each front matter field that is not prose, sorted. */
  readonly frontMatter: readonly string[];
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

const processor = createProcessor({ remarkPlugins: [remarkMath] });

/** A prop as written: `name=value`, an expression's source with its whitespace collapsed. */
function propText(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): string {
  if (attribute.type === 'mdxJsxExpressionAttribute') return `{${attribute.value.replace(/\s+/g, ' ')}}`;
  const value = attribute.value;
  if (value === null || value === undefined) return attribute.name;
  // A root path may be written localized ('/zh-cn/skip-connections/'): <TryThis page> serves it in the page's language.
  const text =
    typeof value === 'string'
      ? JSON.stringify(value.replace(/^\/zh-cn(?=\/)/, ''))
      : `{${value.value.replace(/\s+/g, ' ').trim()}}`;
  return `${attribute.name}=${text}`;
}

/** `Name prop=value …` with the non-text props in their source order. */
function signature(node: Jsx): string {
  const props = node.attributes
    .filter((a) => a.type === 'mdxJsxExpressionAttribute' || !TEXT_PROPS.has(a.name))
    .map(propText);
  return [node.name ?? '<>', ...props].join(' ');
}

function isComponent(node: RootContent | Root): node is Jsx {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    node.name !== null &&
    /^[A-Z]/.test(node.name)
  );
}

/** The non-prose fields of a YAML front matter block, as `key: value` lines (a field's continuation lines joined). */
function frontMatterFields(source: string): string[] {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const fields: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const field = /^([\w-]+):\s*(.*)$/.exec(line);
    if (field) fields.push(`${field[1]}: ${field[2]!.replace(/\s+#.*$/, '')}`);
    else if (fields.length > 0 && line.trim() !== '')
      fields[fields.length - 1] += ` ${line.trim().replace(/\s+#.*$/, '')}`;
  }
  return fields.filter((f) => !TEXT_FIELDS.has(f.slice(0, f.indexOf(':')))).sort();
}

/** The shape of an MDX chapter's source. */
export function chapterShape(source: string): ChapterShape {
  const tree = processor.parse(source) as Root;
  const blocks: string[] = [];
  const inline: string[] = [];
  const visit = (node: RootContent | Root): void => {
    if (isComponent(node)) (INLINE_COMPONENTS.has(node.name!) ? inline : blocks).push(signature(node));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { blocks, inline: inline.sort(), frontMatter: frontMatterFields(source) };
}

/**
 * How `chinese` differs from `english`, one line per difference: a block component out of order or
 * missing ("block 4: English <TryThis …>, Chinese <Quiz>"), an inline figure or citation the
 * Chinese has fewer times ("<Zoo model="vgg16" stat="params">: 2 in English, 1 in Chinese"), a
 * front matter field. A translation may quote a figure or source more often than the English (the
 * Chinese VGG chapter corrects two claims of Chinese blog posts, with zoo figures and citations);
 * it may not drop one.
 */
export function shapeDifferences(english: ChapterShape, chinese: ChapterShape): string[] {
  const lines: string[] = [];
  const blocks = Math.max(english.blocks.length, chinese.blocks.length);
  for (let i = 0; i < blocks; i++) {
    const [en, zh] = [english.blocks[i], chinese.blocks[i]];
    if (en !== zh) lines.push(`block ${i + 1}: English <${en ?? 'nothing'}>, Chinese <${zh ?? 'nothing'}>`);
  }
  const counts = (list: readonly string[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const item of list) map.set(item, (map.get(item) ?? 0) + 1);
    return map;
  };
  const [en, zh] = [counts(english.inline), counts(chinese.inline)];
  for (const item of [...new Set([...en.keys(), ...zh.keys()])].sort()) {
    if ((zh.get(item) ?? 0) < (en.get(item) ?? 0)) {
      lines.push(`<${item}>: ${en.get(item) ?? 0} in English, ${zh.get(item) ?? 0} in Chinese`);
    }
  }
  const fields = new Set([...english.frontMatter, ...chinese.frontMatter]);
  for (const field of [...fields].sort()) {
    if (!english.frontMatter.includes(field)) lines.push(`front matter: Chinese has "${field}", English does not`);
    if (!chinese.frontMatter.includes(field)) lines.push(`front matter: English has "${field}", Chinese does not`);
  }
  return lines;
}
