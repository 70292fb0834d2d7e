import { describe, expect, it } from 'vitest';
import { modelIds } from '../../../src/lib/models/zoo.ts';
import { diagramFigure } from '../../../src/lib/viz/diagram-figure.ts';
import { diagramSpec, extraDiagramIds, parseModelList } from '../../../src/lib/models/diagram-models.ts';
import { renderStageBars } from '../../../src/lib/viz/stage-bars.ts';

/** The build-time SVG exactly as a chapter would embed it (default encoding and expansion). */
function figureSvg(ids: readonly string[]): string {
  return diagramFigure(ids.map(diagramSpec), { encoding: 'shape', expand: 'auto', uid: `arch-${ids.join('-')}` }).svg;
}

describe('build-time diagram SVG snapshots', () => {
  it.each([...modelIds, ...extraDiagramIds])('the %s diagram matches its snapshot', async (id) => {
    await expect(figureSvg([id])).toMatchFileSnapshot(`./__snapshots__/diagram-${id}.svg`);
  });

  it.each(['vgg19,plain34,resnet34', 'lenet5,alexnet,vgg16,resnet50'])(
    'the %s comparison and its stage bars match their snapshots',
    async (list) => {
      const ids = parseModelList(list);
      const figure = diagramFigure(ids.map(diagramSpec), { encoding: 'shape', expand: 'auto', uid: 'c' });
      await expect(figure.svg).toMatchFileSnapshot(`./__snapshots__/comparison-${ids.join('-')}.svg`);
      await expect(renderStageBars(figure.config.models)).toMatchFileSnapshot(
        `./__snapshots__/stage-bars-${ids.join('-')}.svg`,
      );
    },
  );

  it('rendering the same diagram twice gives identical SVG (no randomness)', () => {
    expect(figureSvg(['resnet50'])).toBe(figureSvg(['resnet50']));
  });
});
