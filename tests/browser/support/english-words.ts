/**
 * The words of the English UI string tables that a Chinese widget must not show: every word of
 * every English section (string values, and the literal parts of the template functions), of the
 * widget registry and schemas, and of the diagram strings, minus the words the Chinese tables use
 * themselves (model, unit and library names such as ReLU, MNIST, MACs, WASM). The Chinese help of
 * the instructors' catalog is left out of those: it quotes parameter values (step, none, …).
 */
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { widgetWords, chapterTitles } from '../../../src/i18n/zh-CN/widget-registry.ts';
import { widgetRegistry, chapterOfModel } from '../../../src/lib/state/widgets.ts';
import { englishDiagramStrings } from '../../../src/lib/viz/strings.ts';
import { diagramStrings as chineseDiagramStrings } from '../../../src/i18n/zh-CN/diagram.ts';

/** The texts inside a function's source: its quoted literals and its template literals' fixed parts. */
function literalsOf(fn: (...args: never[]) => unknown): string[] {
  let source = fn.toString();
  for (let previous = ''; previous !== source;) {
    previous = source;
    source = source.replace(/\$\{[^{}]*\}/g, ' ');
  }
  return [...source.matchAll(/'([^'\\]*)'|`([^`]*)`|"([^"\\]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Every text in a string table, however deep. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return literalsOf(value as (...args: never[]) => unknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

/**
 * The words of `text` as a reader sees them: runs of Latin letters (two or more, lower-cased),
 * leaving out tokens with a digit in them (identifiers such as plain-56, conv1, stage1.block0).
 */
export function latinWords(text: string): string[] {
  return text
    .split(/[\s,;:()（）。，：；、“”"'‘’[\]{}<>·×=+/|!?…—–]+/)
    .filter((token) => !/\d/.test(token))
    .flatMap((token) => token.split(/[^A-Za-z]+/))
    .filter((word) => word.length >= 2)
    .map((word) => word.toLowerCase());
}

const registryTexts = widgetRegistry.flatMap((w) => [
  w.title,
  w.description,
  w.chapter.title,
  ...Object.values(w.schema).map((spec) => spec.label),
]);
const english = new Set(
  [...textsOf(en), ...registryTexts, ...textsOf(englishDiagramStrings), chapterOfModel('resnet50').title].flatMap(
    latinWords,
  ),
);
const chinese = new Set(
  [
    ...textsOf(zhCN),
    ...Object.values(widgetWords).flatMap(({ title, description, labels }) => textsOf({ title, description, labels })),
    ...textsOf(chapterTitles),
    ...textsOf(chineseDiagramStrings),
  ].flatMap(latinWords),
);

/** English UI words that no Chinese string uses: seeing one in a Chinese widget means an untranslated string. */
export const englishOnlyWords: ReadonlySet<string> = new Set([...english].filter((word) => !chinese.has(word)));
