/**
 * Untranslated English in a Chinese chapter, found by a rule with a wide margin: a run of
 * `MAX_LATIN_RUN + 1` or more Latin words with no Han character between them, in the prose a
 * reader sees (paragraphs, headings, table cells, and the text props of components such as a
 * question's prompt). Code, math, emphasis (paper titles), citation and figure components and the
 * front matter are left out. A translated sentence keeps names ("NVIDIA Titan Black GPU", 4
 * words), terms in parentheses ("effective receptive field", 3) and model ids; an English sentence
 * left in place runs far longer.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root, RootContent } from 'mdast';
import remarkMath from 'remark-math';

/** The longest run of Latin words a Chinese paragraph may hold (the translated chapters peak at 4). */
export const MAX_LATIN_RUN = 7;

/** Props of a component that are prose: checked like a paragraph. */
const TEXT_PROPS = new Set(['prompt', 'caption', 'alt', 'title', 'label', 'choices']);

/** Nodes whose text is not prose to translate. */
const NOT_PROSE = new Set(['inlineCode', 'code', 'math', 'inlineMath', 'emphasis', 'mdxTextExpression', 'mdxjsEsm']);

/** Blocks whose text is read as one piece. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

const processor = createProcessor({ remarkPlugins: [remarkMath] });

/** A run of Latin words: words of letters and digits, joined by spaces and ASCII punctuation. */
const LATIN_RUN = /[A-Za-z][\w'’.-]*(?:[\s,;:()/"“”!?-]+[A-Za-z][\w'’.-]*)*/g;

/** One run that is too long: where it is and its first words. */
export interface LatinRun {
  readonly line: number;
  readonly words: number;
  readonly text: string;
}

type Node = RootContent | Root;

function proseOf(node: Node): string {
  if (NOT_PROSE.has(node.type)) return ' ⟨·⟩ ';
  if (node.type === 'text') return node.value;
  // A component inside a sentence (<Zoo/>, <Cite/>) stands for a number or a citation.
  if (node.type === 'mdxJsxTextElement' && /^[A-Z]/.test(node.name ?? '')) return ' ⟨·⟩ ';
  return 'children' in node ? node.children.map(proseOf).join('') : '';
}

function runsIn(text: string, line: number): LatinRun[] {
  return [...text.matchAll(LATIN_RUN)]
    .map((m) => ({ line, words: m[0].split(/[\s,;:()/"“”!?]+/).filter((w) => /[A-Za-z]/.test(w)).length, text: m[0] }))
    .filter((run) => run.words > MAX_LATIN_RUN)
    .map((run) => ({ ...run, text: run.text.replace(/\s+/g, ' ').slice(0, 80) }));
}

/** The runs of more than `MAX_LATIN_RUN` Latin words in a Chinese MDX chapter's prose. */
export function latinRuns(source: string): LatinRun[] {
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---/, (fm) => fm.replace(/[^\n]/g, ''));
  const found: LatinRun[] = [];
  const visit = (node: Node): void => {
    const line = node.position?.start.line ?? 0;
    if (BLOCKS.has(node.type)) found.push(...runsIn(proseOf(node), line));
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  // Components' text props, wherever the component sits (a question on one line is inside a paragraph).
  const visitProps = (node: Node): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && /^[A-Z]/.test(node.name ?? '')) {
      for (const a of node.attributes) {
        if (a.type !== 'mdxJsxAttribute' || !TEXT_PROPS.has(a.name)) continue;
        const value = typeof a.value === 'string' ? a.value : (a.value?.value ?? '');
        found.push(...runsIn(value, node.position?.start.line ?? 0));
      }
    }
    if ('children' in node) for (const child of node.children) visitProps(child);
  };
  const tree = processor.parse(body) as Root;
  visit(tree);
  visitProps(tree);
  found.sort((a, b) => a.line - b.line);
  return found;
}
