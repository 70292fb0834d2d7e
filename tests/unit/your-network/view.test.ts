/**
 * What the Your-network widget shows for an analysed model: table rows, totals, warnings,
 * listings, the input-size field and the editor position of an error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yourNetwork as t } from '../../../src/i18n/en/your-network.ts';
import {
  activationTotal,
  effectivePaddingOf,
  fieldWarnings,
  formatInput,
  layerActivationBytes,
  layerRows,
  listing,
  parseInputField,
  totalsRows,
} from '../../../src/components/your-network/view.ts';
import { offsetAt } from '../../../src/components/your-network/view-position.ts';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { formatCount } from '../../../src/lib/models/report.ts';
import { getModel } from '../../../src/lib/models/zoo.ts';
import { parseText, positionAt } from '../../../src/lib/parse/index.ts';

const resnet18 = analyze(getModel('resnet18'));

describe('layerRows(resnet18)', () => {
  const rows = layerRows(t, resnet18);

  it('has one row per layer, numbered from 1, with ten cells each', () => {
    expect(rows).toHaveLength(resnet18.layers.length);
    rows.forEach((row, i) => {
      expect(row).toHaveLength(10);
      expect(row[0]).toBe(String(i + 1));
      expect(row[1]).toBe(resnet18.layers[i]!.id);
    });
  });

  it("shows conv1's shape, parameters, MACs, field and memory from the analysis", () => {
    const conv1 = resnet18.layers[0]!;
    expect(rows[0]).toEqual([
      '1',
      'conv1',
      'conv',
      '112×112×64',
      formatCount(conv1.params),
      formatCount(conv1.macs),
      String(conv1.receptiveField!.size[0]),
      String(conv1.receptiveField!.jump[0]),
      String(conv1.receptiveField!.start[0]),
      // 112·112·64 float32 values.
      `${((112 * 112 * 64 * 4) / 1e6).toFixed(1)} MB`,
    ]);
  });

  it('names the activation and leaves the field of flat layers empty', () => {
    const fc = rows.find((r) => r[1] === 'fc')!;
    expect(fc.slice(6, 9)).toEqual(['—', '—', '—']);
    expect(rows.find((r) => r[1] === 'relu')![2]).toBe('activation (relu)');
  });
});

describe('totals', () => {
  it("give the zoo's parameters, MACs and field, and the sum of the layers' activation bytes", () => {
    const totals = Object.fromEntries(totalsRows(t, resnet18));
    expect(totals['Parameters']).toBe(formatCount(resnet18.params));
    expect(totals['Multiply-accumulates per image']).toBe(formatCount(resnet18.macs));
    expect(totals['Input']).toBe('3×224×224');
    expect(totals[`Receptive field (size / jump) at ${resnet18.receptiveFieldLayer}`]).toBe(
      `${resnet18.receptiveField.size[0]} / ${resnet18.receptiveField.jump[0]}`,
    );
    const sum = resnet18.layers.reduce((s, l) => s + 4 * l.outputShape.reduce((a, b) => a * b, 1), 0);
    expect(activationTotal(resnet18)).toBe(sum);
    expect(layerActivationBytes(resnet18.layers[0]!)).toBe(112 * 112 * 64 * 4);
  });
});

describe('fieldWarnings', () => {
  it("is quiet for the zoo's networks, whose fields stay within their padded input", () => {
    for (const id of ['alexnet', 'vgg16', 'resnet50', 'googlenet', 'densenet121', 'mobilenet_v2']) {
      expect(fieldWarnings(t, analyze(getModel(id))), id).toEqual([]);
    }
  });

  it('flags a window that rounds up past the input and all its padding, naming the layer', () => {
    // A 3×3 pool over a 2×2 map, rounding up: one unit whose field (3 px) runs past the 2-px input, with no padding.
    const { analysis } = parseText('input 3x2x2\nmaxpool kernel=3 stride=2 ceil=true\nflatten\ndense 2\n');
    expect(effectivePaddingOf(analysis.layers[0]!.receptiveField!)).toEqual([0, 0]);
    expect(fieldWarnings(t, analysis)).toEqual([
      'maxpool1: its receptive field (3 px) is wider than the input with all its padding (2 px); units there see only part of their field.',
    ]);
  });

  it("measures the padding as Araujo et al.'s effective padding: resnet18's conv1 reaches 3 px into it", () => {
    expect(effectivePaddingOf(resnet18.layers[0]!.receptiveField!)).toEqual([3, 3]);
  });
});

describe('listing', () => {
  it('gives the TF.js and PyTorch code of a listable network', () => {
    expect(listing(t, resnet18, 'tfjs')).toContain("import * as tf from '");
    expect(listing(t, resnet18, 'pytorch')).toContain('from torch import nn');
  });

  it('says why LeNet-5 (scaled tanh, RBF output) has no listing instead of throwing', () => {
    const lenet = analyze(getModel('lenet5'));
    expect(listing(t, lenet, 'pytorch')).toMatch(/^No listing: lenet5: .*scaled tanh/);
    expect(listing(t, lenet, 'tfjs')).toMatch(/^No listing: /);
  });
});

describe('the input-size field', () => {
  it.each([
    ['3×224×224', [224, 224, 3]],
    ['3x32x32', [32, 32, 3]],
    [' 1 , 28 , 28 ', [28, 28, 1]],
    ['3 227 200', [227, 200, 3]],
    ['3*64*48', [64, 48, 3]],
  ])('reads %j channels first', (text, shape) => {
    expect(parseInputField(text, 4096)).toEqual(shape);
  });

  it.each(['', '224×224', '3×224×224×1', '0×224×224', '3×224×5000', '3×2.5×4', '-3×4×4', '<b>3</b>×4×4', '3×1e3×4'])(
    'refuses %j',
    (text) => {
      expect(parseInputField(text, 4096)).toBeNull();
    },
  );

  it('writes back what it reads', () => {
    expect(formatInput([224, 200, 3])).toBe('3×224×200');
    expect(parseInputField(formatInput([224, 200, 3]), 4096)).toEqual([224, 200, 3]);
  });
});

describe('offsetAt', () => {
  it('is the inverse of the parsers’ positionAt', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }).map((s) => s.replace(/\r/g, '')),
        fc.nat(90),
        (text, raw) => {
          const offset = Math.min(raw, text.length);
          const { line, column } = positionAt(text, offset);
          expect(offsetAt(text, line, column)).toBe(offset);
        },
      ),
    );
  });

  it('clamps a column past the end of its line, and a line past the end of the text', () => {
    expect(offsetAt('ab\ncd', 1, 9)).toBe(2);
    expect(offsetAt('ab\ncd', 9, 1)).toBe(5);
  });
});
