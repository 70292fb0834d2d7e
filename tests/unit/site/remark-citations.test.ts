import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { remarkCitations } from '../../../src/lib/markdown/remark-citations.ts';

async function compileChapter(source: string): Promise<string> {
  const file = await compile({ value: source, path: 'chapter.mdx' }, { remarkPlugins: [remarkCitations] });
  return String(file);
}

describe('remark-citations', () => {
  it('numbers citations by first appearance and reuses the number for a repeated id', async () => {
    const out = await compileChapter(
      'A <Cite id="he2016" table="6" />. B <Cite id="lecun1998" />. C <Cite id="he2016" figure="1" />.',
    );
    const numbers = [...out.matchAll(/id: "(\w+)"[^}]*?n: "(\d+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(numbers).toEqual(['he2016=1', 'lecun1998=2', 'he2016=1']);
  });

  it('appends a References heading and one list entry per cited work, in citation order', async () => {
    const out = await compileChapter('A <Cite id="he2016" />. B <Cite id="lecun1998" />. C <Cite id="he2016" />.');
    expect(out).toContain('"References"');
    const anchors = [...out.matchAll(/id: "ref-(\w+)"/g)].map((m) => m[1]);
    expect(anchors).toEqual(['he2016', 'lecun1998']);
    expect(out).toContain('Deep residual learning for image recognition');
    expect(out).toContain('https://doi.org/10.1109/CVPR.2016.90');
  });

  it('on a Chinese page (a file in zh-cn/) heads the list 参考文献 and marks its entries as English', async () => {
    const source = 'A <Cite id="he2016" table="6" />.';
    const zh = String(
      await compile({ value: source, path: 'src/content/docs/zh-cn/resnet.mdx' }, { remarkPlugins: [remarkCitations] }),
    );
    expect(zh).toContain('"参考文献"');
    expect(zh).not.toContain('"References"');
    expect(zh).toContain('lang: "en"');
    expect(zh).toContain('Deep residual learning for image recognition');
    expect(await compileChapter(source)).not.toContain('lang: "en"');
  });

  it('adds nothing to a page without citations', async () => {
    const out = await compileChapter('# Title\n\nNo citations here.');
    expect(out).not.toContain('References');
  });

  it('fails the build on an unknown id, naming the file and the id', async () => {
    await expect(compileChapter('See <Cite id="nosuchpaper2020" />.')).rejects.toThrow(
      /chapter\.mdx: <Cite id="nosuchpaper2020"> names no reference/,
    );
  });

  it('fails the build on an id that is not a literal string', async () => {
    await expect(compileChapter('See <Cite id={"he" + "2016"} />.')).rejects.toThrow(/needs a literal id/);
  });
});
