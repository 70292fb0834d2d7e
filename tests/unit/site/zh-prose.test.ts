import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latinRuns, MAX_LATIN_RUN } from './support/latin-runs.ts';

// A Chinese chapter has no English prose left untranslated (docs/terminology.zh-CN.md keeps
// names, model ids and terms in parentheses, all far shorter than a sentence).

const ZH = 'src/content/docs/zh-cn';
const pages = existsSync(ZH) ? readdirSync(ZH).filter((f) => f.endsWith('.mdx')) : [];

describe('Chinese chapters', () => {
  it.each(pages.map((f) => [f] as const))(`%s has no run of more than ${MAX_LATIN_RUN} English words`, (file) => {
    const runs = latinRuns(readFileSync(join(ZH, file), 'utf8'));
    expect(runs.map((r) => `${ZH}/${file}:${r.line}: ${r.words} words: "${r.text}"`)).toEqual([]);
  });
});

describe('latinRuns', () => {
  it('would catch any English chapter left untranslated under zh-cn/', () => {
    const english = readdirSync('src/content/docs').filter((f) => f.endsWith('.mdx'));
    const missed = english.filter((f) => latinRuns(readFileSync(join('src/content/docs', f), 'utf8')).length === 0);
    expect(missed).toEqual([]);
  });

  it('finds an English sentence left in a paragraph, a heading or a question prompt, with its line', () => {
    const source = [
      '---',
      'title: VGG',
      'description: A long description that stays in English for now and is not prose of the page.',
      '---',
      '',
      '## Why depth helps more than width in the VGG family',
      '',
      'VGG 用小卷积核。The stack of small kernels sees as far as one large kernel does.',
      '',
      '<Question kind="recall" prompt="Which layer holds most of the weights in this network?">答案。</Question>',
    ].join('\n');
    expect(latinRuns(source).map((r) => `${r.line}: ${r.words}`)).toEqual(['6: 10', '8: 13', '10: 10']);
  });

  it('lets names, terms in parentheses, code, math, emphasis and components stand', () => {
    const source = [
      '在 NVIDIA Titan Black GPU 上训练，见 *Very Deep Convolutional Networks for Large-Scale Image Recognition*。',
      '',
      '有效感受野（effective receptive field）由 `torchvision.models.vgg16(weights=None).features` 给出，',
      '$\\text{output size of a convolution with padding and stride}$ <Cite id="simonyan2015" section="2.1" />。',
    ].join('\n');
    expect(latinRuns(source)).toEqual([]);
  });
});
