/**
 * The Your-network widget's heavy half, loaded on the reader's first edit (or when the address
 * holds a model): the parsers and the URL codec, the diagram renderer, the table and listing
 * views and the ERF plan. Kept out of the page-load chunk so an embed that shows the build-time
 * view costs no more than a few kilobytes of script until the reader touches it.
 */
import { diagramFigure } from '../../lib/viz/diagram-figure.ts';
import type { ModelSpec } from '../../lib/models/types.ts';

export {
  decodeModel,
  encodeModel,
  MAX_INPUT_SIDE,
  MAX_TEXT_CHARS,
  MAX_URL_MODEL_CHARS,
  parseModel,
  toJson,
} from '../../lib/parse/index.ts';
export { computeClient } from '../../lib/worker/start.ts';
export { ERF_INITS, erfPlan, spatialLayerIds } from './erf-plan.ts';
export { fieldWarnings, formatInput, layerRows, listing, parseInputField, totalsRows } from './view.ts';
export { zooSource } from './zoo-source.ts';

/** The diagram of `spec` as SVG markup, with ids under `uid` (every text and attribute escaped by the renderer). */
export function diagramSvg(spec: ModelSpec, uid: string): string {
  return diagramFigure([spec], { encoding: 'shape', expand: 'auto', uid }).svg;
}

/** A zoo model by id (the zoo loads on first use). */
export async function zooModel(id: string): Promise<ModelSpec> {
  return (await import('../../lib/models/zoo.ts')).getModel(id);
}
