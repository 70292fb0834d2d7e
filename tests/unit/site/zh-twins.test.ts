import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../../src/lib/content/reading-order.ts';
import { chapterShape, shapeDifferences } from './support/mdx-twins.ts';

// Issue 23: every English page has a Chinese twin (src/content/docs/zh-cn/<slug>.mdx) with the
// same components and widgets in the same order, the same Try-this links, every zoo figure and
// citation of the English (more are allowed) and the same non-prose front matter; only the prose
// is translated.

const DOCS = 'src/content/docs';
const ZH = join(DOCS, 'zh-cn');
const english = readingOrder(DOCS);

describe('the Chinese edition', () => {
  it.each(english.map((c) => [c.slug || 'index', c.file] as const))(
    '%s has a Chinese twin with the same components, zoo figures, citations and Try-this links',
    (slug, file) => {
      const twin = join(ZH, `${slug}.mdx`);
      expect(existsSync(twin), `${twin} is missing`).toBe(true);
      const differences = shapeDifferences(
        chapterShape(readFileSync(file, 'utf8')),
        chapterShape(readFileSync(twin, 'utf8')),
      );
      expect(differences, `${twin} differs from ${file}`).toEqual([]);
    },
  );

  it('has no Chinese page without an English original', () => {
    const slugs = new Set(english.map((c) => c.slug || 'index'));
    const orphans = existsSync(ZH)
      ? readdirSync(ZH)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => f.replace(/\.mdx$/, ''))
          .filter((slug) => !slugs.has(slug))
      : [];
    expect(orphans).toEqual([]);
  });
});

describe('chapterShape and shapeDifferences', () => {
  const en = [
    '---',
    'title: VGG',
    'description: Deep and narrow.',
    'order: 3',
    'papers: [simonyan2015]',
    '---',
    "import { Zoo, Cite, TryThis } from '../../components/index.ts';",
    '',
    'VGG-16 has <Zoo model="vgg16" stat="params" /> parameters <Cite id="simonyan2015" table="2" />.',
    '',
    '<TryThis widget="architecture" state={{ encoding: \'params\' }} anchor="arch-vgg16">',
    'Look at the boxes.',
    '</TryThis>',
    '',
    '<Question kind="calculation" prompt="How many?">Many, $\\{x\\}$.</Question>',
  ].join('\n');

  it('finds nothing to report between a page and its faithful translation', () => {
    const zh = en
      .replace('title: VGG', 'title: VGG 网络')
      .replace('description: Deep and narrow.', 'description: 又深又窄。')
      .replace('VGG-16 has', '<Cite id="simonyan2015" table="2" /> 说 VGG-16 有')
      .replace(' parameters <Cite id="simonyan2015" table="2" />.', ' 个参数。')
      .replace('Look at the boxes.', '看这些方框。')
      .replace('prompt="How many?"', 'prompt="有多少？"');
    expect(shapeDifferences(chapterShape(en), chapterShape(zh))).toEqual([]);
  });

  it('allows a figure quoted once more, as the Chinese VGG chapter does', () => {
    const zh = en.replace('parameters <Cite', 'parameters <Zoo model="vgg16" stat="params" /> <Cite');
    expect(shapeDifferences(chapterShape(en), chapterShape(zh))).toEqual([]);
  });

  it('names a changed Try-this state, a missing zoo figure and a changed order field', () => {
    const zh = en
      .replace("encoding: 'params'", "encoding: 'macs'")
      .replace('<Zoo model="vgg16" stat="params" />', '1.38 亿')
      .replace('order: 3', 'order: 4');
    expect(shapeDifferences(chapterShape(en), chapterShape(zh))).toEqual([
      `block 1: English <TryThis widget="architecture" state={{ encoding: 'params' }} anchor="arch-vgg16">, Chinese <TryThis widget="architecture" state={{ encoding: 'macs' }} anchor="arch-vgg16">`,
      '<Zoo model="vgg16" stat="params">: 1 in English, 0 in Chinese',
      'front matter: English has "order: 3", Chinese does not',
      'front matter: Chinese has "order: 4", English does not',
    ]);
  });

  it('takes a localized Try-this page as the same link', () => {
    const withPage = en.replace('<TryThis widget', '<TryThis page="/vgg/" widget');
    const zh = withPage.replace('page="/vgg/"', 'page="/zh-cn/vgg/"');
    expect(shapeDifferences(chapterShape(withPage), chapterShape(zh))).toEqual([]);
  });
});
