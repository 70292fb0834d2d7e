import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/lib/models/analyze.ts';
import { modelIds } from '../../../src/lib/models/zoo.ts';
import { compactMetrics } from '../../../src/lib/viz/diagram-metrics.ts';
import { diagramModels } from '../../../src/lib/viz/diagram-model.ts';
import { diagramSpec, extraDiagramIds } from '../../../src/lib/models/diagram-models.ts';
import { compareStageKeys, stageKey, stageLabel } from '../../../src/lib/viz/stage-key.ts';
import { renderStageBars, stageTotals } from '../../../src/lib/viz/stage-bars.ts';

describe('stageTotals', () => {
  it.each([...modelIds, ...extraDiagramIds])('stageTotals(%s) adds up to the model’s params and MACs', (id) => {
    const analysis = analyze(diagramSpec(id));
    const [model] = diagramModels([analysis], compactMetrics);
    const totals = stageTotals(model!);
    expect(totals.reduce((s, t) => s + t.params, 0)).toBe(analysis.params);
    expect(totals.reduce((s, t) => s + t.macs, 0)).toBe(analysis.macs);
    expect(totals.map((t) => t.stage)).toEqual([...totals.map((t) => t.stage)].sort(compareStageKeys));
  });

  it('ResNet-50’s stages are the output sizes of He et al. 2016 Table 1', () => {
    const [model] = diagramModels([analyze(diagramSpec('resnet50'))], compactMetrics);
    expect(stageTotals(model!).map((t) => t.label)).toEqual(['112×112', '56×56', '28×28', '14×14', '7×7', 'flat']);
  });

  it('stage keys order larger maps first and flat last', () => {
    expect(stageLabel(stageKey([56, 56, 256]))).toBe('56×56');
    expect(stageLabel(stageKey([1000]))).toBe('flat');
    expect([stageKey([7, 7, 1]), stageKey([10]), stageKey([224, 224, 3])].sort(compareStageKeys)).toEqual([
      stageKey([224, 224, 3]),
      stageKey([7, 7, 1]),
      0,
    ]);
  });
});

describe('renderStageBars', () => {
  it('draws one bar row per model in each of the params and MACs panels, with an accessible name', () => {
    const models = diagramModels(
      ['vgg16', 'resnet50'].map((id) => analyze(diagramSpec(id))),
      compactMetrics,
    );
    const svg = renderStageBars(models);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Parameters and multiply-accumulates per stage"/);
    expect(svg.match(/class="bar-row" data-model="vgg16"/g)).toHaveLength(2);
    expect(svg.match(/class="bar-row" data-model="resnet50"/g)).toHaveLength(2);
  });
});
