import { describe, expect, test } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { chapterTitles, widgetWords } from '../../../src/i18n/zh-CN/widget-registry.ts';
import { englishDiagramStrings } from '../../../src/lib/viz/strings.ts';
import { diagramStrings as chineseDiagramStrings } from '../../../src/i18n/zh-CN/diagram.ts';
import { present as englishPresent } from '../../../src/i18n/en/present.ts';
import { present as chinesePresent } from '../../../src/i18n/zh-CN/present.ts';
import { lesson as englishLesson } from '../../../src/i18n/en/lesson.ts';
import { lesson as chineseLesson } from '../../../src/i18n/zh-CN/lesson.ts';
import { chapterOfModel, widgetRegistry } from '../../../src/lib/state/widgets.ts';
import { modelIds } from '../../../src/lib/models/index.ts';

/** Every key path of a string table, with the kind of value found there ('string', 'function', 'array:4', 'object'). */
function shape(value: unknown, path = ''): string[] {
  if (Array.isArray(value))
    return [`${path}: array:${value.length}`, ...value.flatMap((v, i) => shape(v, `${path}[${i}]`))];
  if (typeof value === 'object' && value !== null)
    return Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([key, v]) => shape(v, path === '' ? key : `${path}.${key}`));
  return [`${path}: ${typeof value}`];
}

/** The leaf strings of a table (functions left out). */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(leaves);
  return [];
}

describe('the Chinese UI strings', () => {
  test.each(Object.keys(en))('section %s has exactly the English keys and kinds of value', (section) => {
    const name = section as keyof typeof en;
    expect(shape(zhCN[name])).toEqual(shape(en[name]));
  });

  test.each([
    ['present', englishPresent, chinesePresent],
    ['lesson', englishLesson, chineseLesson],
  ] as const)(
    'the %s strings (loaded on their own) have the English keys and are translated',
    (_, english, chinese) => {
      expect(shape(chinese)).toEqual(shape(english));
      const sentences = new Set(leaves(english).filter((s) => /[a-z]{3,} [a-z]{3,}/.test(s)));
      expect(leaves(chinese).filter((s) => sentences.has(s))).toEqual([]);
    },
  );

  test('the diagram strings have exactly the English keys', () => {
    expect(shape(chineseDiagramStrings)).toEqual(shape(englishDiagramStrings));
  });

  test.each(Object.keys(en))('section %s is translated: no long English sentence is left as it was', (section) => {
    const name = section as keyof typeof en;
    const english = new Set(leaves(en[name]).filter((s) => /[a-z]{3,} [a-z]{3,}/.test(s)));
    expect(leaves(zhCN[name]).filter((s) => english.has(s))).toEqual([]);
  });

  test('functions answer in Chinese with the same arguments', () => {
    expect(zhCN.skipLab.trainingStatus(12, 300, '4.2')).toBe('第 12 / 300 步 · 每秒 4.2 步');
    expect(zhCN.runtime.ranOn('WASM', 3.25)).toBe('WASM · 3.3 ms');
    expect(zhCN.inceptionCost.compact(120_422_400)).toBe('1.2 亿');
    expect(zhCN.inceptionCost.compact(12_800)).toBe('1.28 万');
    expect(zhCN.inceptionCost.compact(50_000_000)).toBe('5000 万');
    expect(zhCN.inceptionCost.branchNames(5)).toHaveLength(4);
  });
});

describe('the Chinese words of the widget registry', () => {
  test.each(widgetRegistry.map((w) => [w.id, w] as const))(
    '%s has a title, a description, every control label and every parameter help',
    (id, widget) => {
      const words = widgetWords[id];
      expect(words?.title).toMatch(/\p{Script=Han}/u);
      expect(words?.description).toMatch(/\p{Script=Han}/u);
      expect(Object.keys(words?.labels ?? {}).sort()).toEqual(Object.keys(widget.schema).sort());
      const explained = Object.entries(widget.schema).filter(([, spec]) => spec.help !== undefined);
      expect(Object.keys(words?.help ?? {}).sort()).toEqual(explained.map(([key]) => key).sort());
    },
  );

  test('every chapter a widget or an architecture embed links to has a Chinese title', () => {
    const chapters = [...widgetRegistry.map((w) => w.chapter), ...modelIds.map(chapterOfModel)];
    expect(chapters.filter((c) => chapterTitles[c.slug] === undefined)).toEqual([]);
  });
});
