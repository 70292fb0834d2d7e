import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkZooSpans,
  expectedFigure,
  formatHandTyped,
  type ExpectedFigure,
  formatMismatches,
  handTypedNumbers,
  scanHandTypedNumbers,
  zooSpans,
  type ZooRecord,
} from '../../../scripts/checks/zoo-numbers.ts';
import { LAYER_STATS, layerFigure, zooAnalysis } from '../../../src/lib/models/figures.ts';
import { analyze, getModel, toRecord } from '../../../src/lib/models/index.ts';

/** The records `npm run zoo -- --json` prints for these models. */
function records(...ids: string[]): ZooRecord[] {
  return ids.map((id) => toRecord(analyze(getModel(id))) as ZooRecord);
}

const vgg16 = records('vgg16')[0]!;

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-zoo-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string): string => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

/** A span as <Zoo/> renders it (with Astro's line breaks around the text). */
const zoo = (model: string, stat: string, value: string, text: string, layer?: string): string =>
  `<span class="zoo" data-zoo-model="${model}" data-zoo-stat="${stat}"${
    layer === undefined ? '' : ` data-zoo-layer="${layer}"`
  } data-zoo-value="${value}">\n  ${text}\n</span>`;

describe('expected figures, derived from the zoo --json record', () => {
  it.each([
    ['vgg16', 'params', 138357544, '138,357,544'],
    ['vgg16', 'paramsM', 138357544, '138.4 M'],
    ['resnet20', 'paramsM', 269722, '0.27 M'],
    ['lenet5', 'trainableParams', 60000, '60,000'],
    ['vgg16', 'macs', 15470264320, '15,470,264,320'],
    ['vgg16', 'gmacs', 15470264320, '15.47 G'],
    ['vgg16', 'flops', 30940528640, '30,940,528,640'],
    ['vgg16', 'gflops', 30940528640, '30.94 G'],
    ['lenet5', 'macs', 326520, '326,520'],
    ['lenet5', 'connections', 340908, '340,908'],
    ['vgg16', 'convLayers', 13, '13'],
    ['vgg16', 'fcLayers', 3, '3'],
    ['vgg16', 'weightLayers', 16, '16'],
    ['vgg19', 'convLayers', 16, '16'],
    ['resnet50', 'convLayers', 49, '49'],
    ['resnet50', 'weightLayers', 50, '50'],
    ['resnet20', 'convLayers', 19, '19'],
    ['resnet20', 'weightLayers', 20, '20'],
    ['lenet5', 'fcLayers', 2, '2'],
    ['vgg16', 'rf', 212, '212'],
    ['vgg16', 'rfJump', 32, '32'],
    ['vgg16', 'input', '224×224×3', '224×224×3'],
  ])('%s %s is %s, printed "%s"', (model, stat, value, text) => {
    const figure = expectedFigure(records(model)[0]!, stat);
    expect(figure).toEqual({ value, text });
  });

  it('vgg16 fcParamsPercent is the dense layers\' share, printed "89.4%"', () => {
    const figure = expectedFigure(vgg16, 'fcParamsPercent');
    expect(figure.text).toBe('89.4%');
    expect(figure.value).toBeCloseTo((102764544 + 16781312 + 4097000) / 138357544, 12);
  });

  it.each([
    ['classifier.0', 'params', 102764544, '102,764,544'],
    ['features.28', 'shape', '14×14×512', '14×14×512'],
    ['features.30', 'rf', 212, '212'],
    ['features.30', 'rfJump', 32, '32'],
    ['features.0', 'macs', 86704128, '86,704,128'],
  ])('vgg16 layer %s %s is %s', (layer, stat, value, text) => {
    expect(expectedFigure(vgg16, stat, layer)).toEqual({ value, text });
  });

  it('derives every per-layer stat exactly as <Zoo/> prints it, or refuses where <Zoo/> refuses', () => {
    // Two implementations (the component's figures.ts and this check's record-only derivation) must
    // agree on every layer of models with each structure: plain, branched, grouped, depthwise, partial.
    const ids = ['lenet5', 'alexnet_original', 'vgg16', 'googlenet', 'resnet50', 'resnext50_32x4d', 'mobilenet_v2'];
    let compared = 0;
    for (const id of ids) {
      const record = records(id)[0]!;
      const analysis = zooAnalysis(id);
      for (const layer of record.layers) {
        for (const stat of LAYER_STATS) {
          let mine: ExpectedFigure | string;
          let theirs: ExpectedFigure | string;
          try {
            mine = expectedFigure(record, stat, layer.id);
          } catch {
            mine = 'refused';
          }
          try {
            theirs = layerFigure(analysis, layer.id, stat);
          } catch {
            theirs = 'refused';
          }
          expect([id, layer.id, stat, mine]).toEqual([id, layer.id, stat, theirs]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("refuses an unknown stat, an unknown layer, and a flat layer's receptive field", () => {
    expect(() => expectedFigure(vgg16, 'depth')).toThrow('unknown stat "depth"');
    expect(() => expectedFigure(vgg16, 'params', 'fc9')).toThrow('vgg16 has no layer "fc9"');
    expect(() => expectedFigure(vgg16, 'rf', 'classifier.0')).toThrow('no receptive field');
  });
});

describe('zoo numbers on built pages', () => {
  it("reads each span's model, stat, layer, value and text", () => {
    const html = page(`<p>VGG-16 has ${zoo('vgg16', 'params', '138357544', '138,357,544', 'classifier.0')}.</p>`);
    expect(zooSpans(html)).toEqual([
      { model: 'vgg16', stat: 'params', layer: 'classifier.0', value: '138357544', text: '138,357,544' },
    ]);
  });

  it("passes pages whose numbers are the zoo's", () => {
    const dir = site({
      'vgg/index.html': page(
        [
          zoo('vgg16', 'params', '138357544', '138,357,544'),
          zoo('vgg16', 'paramsM', '138357544', '138.4 M'),
          zoo('vgg16', 'convLayers', '13', '13'),
          zoo('vgg16', 'shape', '14×14×512', '14×14×512', 'features.28'),
          zoo('vgg16', 'fcParamsPercent', String((102764544 + 16781312 + 4097000) / 138357544), '89.4%'),
        ].join(' '),
      ),
      'index.html': page('<p>No numbers here.</p>'),
    });
    const report = checkZooSpans(dir, records('vgg16'));
    expect(report).toEqual({ pages: 2, spans: 5, mismatches: [] });
  });

  it('checks a Chinese page (html lang zh-CN) against the figures as zh-CN writes them, M and G kept', () => {
    const zh = (body: string): string => page(body).replace('<html>', '<html lang="zh-CN">');
    const dir = site({
      'zh-cn/vgg/index.html': zh(
        [
          zoo('vgg16', 'params', '138357544', '138,357,544'),
          zoo('vgg16', 'paramsM', '138357544', '138.4 M'),
          zoo('vgg16', 'gmacs', String(vgg16.macs), expectedFigure(vgg16, 'gmacs').text),
        ].join(' '),
      ),
      'zh-cn/resnet/index.html': zh(zoo('vgg16', 'paramsM', '138357544', '1.38亿')),
    });
    expect(expectedFigure(vgg16, 'gmacs', undefined, 'zh-CN').text).toMatch(/^\d+\.\d\d G$/);
    const report = checkZooSpans(dir, records('vgg16'));
    expect(formatMismatches(report.mismatches)).toBe(
      'zh-cn/resnet/index.html: vgg16 paramsM: text: expected "138.4 M", found "1.38亿"',
    );
  });

  it('a mismatch fails naming the page, model, stat, expected and found', () => {
    const dir = site({
      'vgg/index.html': page(zoo('vgg16', 'params', '138357545', '138,357,545')),
    });
    const report = checkZooSpans(dir, records('vgg16'));
    expect(formatMismatches(report.mismatches)).toBe(
      [
        'vgg/index.html: vgg16 params: data-zoo-value: expected 138357544, found "138357545"',
        'vgg/index.html: vgg16 params: text: expected "138,357,544", found "138,357,545"',
      ].join('\n'),
    );
  });

  it('a right value printed in another format fails on the text alone', () => {
    const dir = site({ 'vgg/index.html': page(zoo('vgg16', 'gmacs', '15470264320', '15.5 G')) });
    expect(formatMismatches(checkZooSpans(dir, records('vgg16')).mismatches)).toBe(
      'vgg/index.html: vgg16 gmacs: text: expected "15.47 G", found "15.5 G"',
    );
  });

  it('a per-layer mismatch names the layer', () => {
    const dir = site({ 'vgg/index.html': page(zoo('vgg16', 'shape', '7×7×512', '7×7×512', 'features.28')) });
    expect(formatMismatches(checkZooSpans(dir, records('vgg16')).mismatches)).toContain(
      'vgg/index.html: vgg16 shape (layer features.28): data-zoo-value: expected 14×14×512, found "7×7×512"',
    );
  });

  it('a model, stat or layer the zoo does not have fails', () => {
    const dir = site({
      'a/index.html': page(
        zoo('vgg17', 'params', '1', '1') + zoo('vgg16', 'depth', '16', '16') + zoo('vgg16', 'params', '1', '1', 'fc9'),
      ),
    });
    const problems = checkZooSpans(dir, records('vgg16')).mismatches.map((m) => m.problem);
    expect(problems).toEqual([
      'no model "vgg17" in npm run zoo -- --json',
      expect.stringContaining('unknown stat "depth"'),
      'vgg16 has no layer "fc9"',
    ]);
  });
});

describe('hand-typed model numbers in chapter sources', () => {
  it.each([
    'VGG-16 has about 138M parameters.',
    'It needs 15.5 G MACs per image.',
    'It needs 15.5 GMACs per image.',
    'roughly 60 million weights',
    'LeNet-5 has 60,000 trainable parameters',
    'VGG-16 has 13 conv layers',
    'and 3 fully connected layers.',
    'VGG-16 has 13 convolutional and three fully connected layers.',
    'VGG-16 has 13 conv + 3 FC layers.',
    'VGG-19 has 16 convolutional layers',
    'it is 16 weight layers deep',
    'the classifier holds 89% of the parameters',
  ])('flags "%s"', (line) => {
    expect(handTypedNumbers('vgg.mdx', `intro\n${line}\n`)).toEqual([
      { file: 'vgg.mdx', line: 2, match: expect.any(String) },
    ]);
  });

  it.each([
    'VGG-16 约有 1.38 亿个参数。',
    'VGG-16 有 138M 参数。',
    '每张图像需要 155 亿次乘加运算。',
    'LeNet-5 有 60,000 个可训练参数',
    'VGG-16 有 13 个卷积层和 3 个全连接层。',
    '它有 16 个权重层',
    '分类器占了 89% 的参数',
    '全连接层占参数量的 89.4%',
  ])('flags the Chinese "%s"', (line) => {
    expect(handTypedNumbers('zh-cn/vgg.mdx', `intro\n${line}\n`)).toEqual([
      { file: 'zh-cn/vgg.mdx', line: 2, match: expect.any(String) },
    ]);
  });

  it.each([
    '第 2 个卷积层的输出',
    '3×3 卷积层',
    '单个 7×7 层比三层堆叠多用 81% 的权重。',
    '第二层的 256 个卷积核是 5×5×48',
    '一个由 21 个卷积组成的普通堆叠',
    '在 2014 年，1×1 卷积',
  ])('lets the Chinese "%s" stand (an ordinal, a kernel, a relative change, a year)', (line) => {
    expect(handTypedNumbers('zh-cn/vgg.mdx', line)).toEqual([]);
  });

  it('names the count that starts a list of layer kinds', () => {
    expect(handTypedNumbers('vgg.mdx', 'VGG-16 has 13 convolutional and 3 fully connected layers.')).toEqual([
      { file: 'vgg.mdx', line: 1, match: '13 convolutional and 3 fully connected layers' },
    ]);
  });

  it('names file:line and what it matched', () => {
    const found = handTypedNumbers(
      'src/content/docs/vgg.mdx',
      'One.\n\nVGG-16 has about 138M parameters, mostly FC.\n',
    );
    expect(formatHandTyped(found)).toBe('src/content/docs/vgg.mdx:3: "138M parameters"');
  });

  it.each([
    'VGG-16 has <Zoo model="vgg16" stat="paramsM" /> parameters',
    'VGG-16 has <Zoo model="vgg16" stat="convLayers" /> conv layers',
    'two stacked 3×3 conv layers see a 5×5 window',
    'two stacked 3 × 3 conv layers see a 5×5 window',
    'a stack of 3×3 convolutional filters. Deeper layers see more',
    'weight decay 5·10⁻⁴ and momentum 0.9',
    'trained for 74 epochs on 1.2 million images',
    'VGG-16 and VGG-19 are named by their weight layers',
    "import { Zoo } from '../../components/index.ts';",
  ])('lets "%s" pass', (line) => {
    expect(handTypedNumbers('vgg.mdx', line)).toEqual([]);
  });

  it('lets a number quoted from a paper stand with a zoo-ok comment that gives a reason', () => {
    const quoted = 'The blog post claims VGG-16 has 16 conv layers. {/* zoo-ok: the claim being corrected */}';
    expect(handTypedNumbers('vgg.mdx', quoted)).toEqual([]);
    expect(handTypedNumbers('vgg.mdx', 'It has 16 conv layers. {/* zoo-ok: */}')).toHaveLength(1);
    expect(handTypedNumbers('vgg.mdx', 'It has 16 conv layers.\n{/* zoo-ok: next line only */}')).toHaveLength(1);
  });

  it('in the front matter, the escape is a YAML comment', () => {
    const source = [
      '---',
      'title: VGG',
      'description: VGG-16 has 13 convolutional and 3 fully connected layers. # zoo-ok: a page description cannot render <Zoo/>',
      '---',
      'Text. # zoo-ok: not an escape outside the front matter, 3 fully connected layers',
    ].join('\n');
    expect(handTypedNumbers('vgg.mdx', source).map((h) => h.line)).toEqual([5]);
  });

  it('scans every .mdx file of a folder', () => {
    const dir = site({
      'a.mdx': 'AlexNet has 60M parameters.\n',
      'b.mdx': 'Nothing to see.\n',
      'c.md': '138M parameters (not a chapter source)\n',
    });
    const { files, found } = scanHandTypedNumbers(dir);
    expect(files).toBe(2);
    expect(found.map((h) => `${h.line}: ${h.match}`)).toEqual(['1: 60M parameters']);
  });

  it('scans the Chinese pages in zh-cn/ too', () => {
    const dir = site({ 'a.mdx': 'Nothing.\n', 'zh-cn/a.mdx': '前言\nAlexNet 有 6000 万个参数。\n' });
    const { files, found } = scanHandTypedNumbers(dir);
    expect(files).toBe(2);
    expect(formatHandTyped(found)).toBe(`${join(dir, 'zh-cn', 'a.mdx')}:2: "6000 万个参数"`);
  });
});
