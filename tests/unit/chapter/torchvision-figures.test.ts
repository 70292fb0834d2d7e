import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TORCHVISION_WEIGHTS,
  accuracyFigure,
  torchvisionWeights,
} from '../../../src/components/chapter/torchvision-figures.ts';
import { zooAnalysis } from '../../../src/lib/models/figures.ts';

// The data file copies torchvision 0.29.1's weights meta. Its num_params and _ops are checked
// against the zoo's own count, so an entry filed under the wrong model cannot pass.
describe('torchvision weights metadata (src/data/torchvision-weights.json)', () => {
  it.each(TORCHVISION_WEIGHTS.map((w) => [`${w.model}/${w.weights}`, w] as const))(
    '%s: num_params and _ops are the zoo model’s parameters and GMACs',
    (_name, entry) => {
      const analysis = zooAnalysis(entry.model);
      expect(entry.numParams).toBe(analysis.params);
      // torchvision rounds _ops to three decimals of a billion MACs (4.089 for resnet50).
      expect(entry.ops).toBe(Number((analysis.macs / 1e9).toFixed(3)));
      expect(entry.acc5).toBeGreaterThan(entry.acc1);
    },
  );

  it('prints accuracy with torchvision’s three decimals, from the file', () => {
    expect(accuracyFigure('resnet50', 'IMAGENET1K_V1', 'acc1')).toEqual({ value: 76.13, text: '76.130%' });
    expect(accuracyFigure('resnet50', 'IMAGENET1K_V2', 'acc1')).toEqual({ value: 80.858, text: '80.858%' });
    expect(accuracyFigure('mobilenet_v2', 'IMAGENET1K_V2', 'acc5').text).toBe('90.822%');
  });

  it('an unknown model or weights names the entries that exist', () => {
    expect(() => torchvisionWeights('resnet50', 'IMAGENET1K_V3')).toThrow(/resnet50\/IMAGENET1K_V2/);
    expect(() => torchvisionWeights('vgg16', 'IMAGENET1K_V1')).toThrow(/no torchvision weights vgg16/);
  });

  it('the After ResNet chapter types none of the accuracies by hand', () => {
    const chapter = readFileSync('src/content/docs/after-resnet.mdx', 'utf8');
    for (const entry of TORCHVISION_WEIGHTS) {
      expect(chapter).not.toContain(accuracyFigure(entry.model, entry.weights, 'acc1').text);
    }
    expect(chapter).toContain('<Accuracy model="resnet50" weights="IMAGENET1K_V2" />');
  });
});
