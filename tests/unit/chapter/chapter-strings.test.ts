import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARITHMETIC_TOPICS, topicHref } from '../../../src/components/chapter/arithmetic-topics.ts';
import { chapterLocale, chapterStrings, localizedPath } from '../../../src/components/chapter/chapter-strings.ts';
import { chapter as en } from '../../../src/i18n/en/chapter.ts';
import { chapter as zh } from '../../../src/i18n/zh-CN/chapter.ts';
import { tryThisLink } from '../../../src/lib/state/try-this.ts';
import { widgetRegistry } from '../../../src/lib/state/widgets.ts';

describe('chapter strings by page language', () => {
  it.each([
    [undefined, 'en'],
    ['en', 'en'],
    ['zh-cn', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['fr', 'en'],
  ] as const)('Astro locale %s reads as %s', (astro, lang) => {
    expect(chapterLocale(astro)).toBe(lang);
    expect(chapterStrings(astro)).toBe(lang === 'en' ? en : zh);
  });

  it('serves a root path in the page language, whichever way it was written', () => {
    expect(localizedPath('/skip-connections/', 'zh-cn')).toBe('/zh-cn/skip-connections/');
    expect(localizedPath('/zh-cn/skip-connections/', 'zh-cn')).toBe('/zh-cn/skip-connections/');
    expect(localizedPath('/zh-cn/skip-connections/', undefined)).toBe('/skip-connections/');
    expect(localizedPath('/zh-cnx/', 'en')).toBe('/zh-cnx/');
  });

  it('names every widget and every URL key of its schema in Chinese, and nothing else', () => {
    const widgets = zh.tryThis.widgets ?? {};
    expect(Object.keys(widgets).sort()).toEqual(widgetRegistry.map((w) => w.id).sort());
    for (const widget of widgetRegistry) {
      expect(Object.keys(widgets[widget.id]?.params ?? {}).sort(), widget.id).toEqual(
        Object.keys(widget.schema).sort(),
      );
    }
  });

  it('words a Try-this link in Chinese with the same address as in English', () => {
    const state = { depth: 32, shallow: 8, identity: false };
    const english = tryThisLink('skip-lab', state, '/skip-connections/', 'skip-lab-widget');
    const words = zh.tryThis.widgets?.['skip-lab'];
    expect(words).toBeDefined();
    const chinese = tryThisLink('skip-lab', state, '/zh-cn/skip-connections/', 'skip-lab-widget', {
      ...zh.tryThis,
      title: words!.title,
      labels: words!.params,
    });
    expect(english.summary).toBe('depth 32, shallow baseline 8, identity shortcut off');
    expect(zh.tryThis.open(chinese.title, chinese.summary)).toBe(
      '打开“跳跃连接实验”：深度 32，浅层基线 8，恒等捷径 关',
    );
    expect(chinese.href).toBe(`/zh-cn${english.href}`);
  });

  it('links the arithmetic box to the headings of the Chinese reference page', () => {
    const file = 'src/content/docs/zh-cn/conv-arithmetic.mdx';
    expect(zh.arithmeticBox.page).toBe('/zh-cn/conv-arithmetic/');
    for (const topic of ARITHMETIC_TOPICS) {
      expect(topicHref(topic, zh.arithmeticBox.page, zh.arithmeticBox.topics)).toBe(
        `/zh-cn/conv-arithmetic/#${zh.arithmeticBox.topics[topic].anchor}`,
      );
      // A heading of Han characters is its own id (github-slugger keeps them).
      expect(zh.arithmeticBox.topics[topic].anchor).toBe(zh.arithmeticBox.topics[topic].heading);
    }
    // The Chinese page is the translators'; once it exists its headings must be these (npm run test:links checks the built anchors).
    if (existsSync(file)) {
      const headings = [...readFileSync(file, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      for (const topic of ARITHMETIC_TOPICS) expect(headings).toContain(zh.arithmeticBox.topics[topic].heading);
    }
  });
});
