import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRAINED_MODELS, trainedFigure } from '../../../src/components/chapter/trained-figures.ts';

describe('figures about the shipped LeNet-5 weights', () => {
  it.each(TRAINED_MODELS)('%s: the accuracy printed is the manifest’s, as a percentage with two decimals', (model) => {
    const manifest = JSON.parse(readFileSync(`public/weights/${model}.json`, 'utf8')) as {
      training: { testCorrect: number; data: { testCount: number; trainCount: number } };
    };
    const { testCorrect, data } = manifest.training;
    const accuracy = trainedFigure(model, 'testAccuracy');
    expect(accuracy.value).toBeCloseTo(testCorrect / data.testCount, 12);
    expect(accuracy.text).toBe(`${((100 * testCorrect) / data.testCount).toFixed(2)}%`);
    expect(trainedFigure(model, 'testCount')).toEqual({
      value: data.testCount,
      text: data.testCount.toLocaleString('en-US'),
    });
    expect(trainedFigure(model, 'trainCount').value).toBe(data.trainCount);
  });

  it('the LeNet-5 chapter types none of them by hand', () => {
    const chapter = readFileSync('src/content/docs/lenet5.mdx', 'utf8');
    for (const model of TRAINED_MODELS) {
      expect(chapter).not.toContain(trainedFigure(model, 'testAccuracy').text);
    }
    expect(chapter).toContain('<Trained model="lenet5" stat="testAccuracy" />');
    expect(chapter).toContain('<Trained model="lenet5_modern" stat="testAccuracy" />');
  });

  it('a missing manifest names the command that writes it', () => {
    expect(() => trainedFigure('lenet5', 'testAccuracy', '/nonexistent')).toThrow(/npm run train:lenet/);
  });
});
