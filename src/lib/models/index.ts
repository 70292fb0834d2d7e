/**
 * Public API of the models module: the spec format, `analyze`, the zoo, the parametric
 * families and the report formatters. Pure TypeScript: no DOM, no TF.js.
 */
export type * from './types.ts';
export { analyze, validateSpec, type Analysis, type LayerAnalysis } from './analyze.ts';
export {
  effectivePadding,
  fieldBounds,
  inputField,
  mergeFields,
  throughWindow,
  type ReceptiveField,
} from './receptive-field.ts';
export { analyzeLayer, fmtShape, windowSize, type LayerFigures, type LayerInput } from './layer-analysis.ts';
export { kernelGeometry, type KernelGeometry } from './kernel-geometry.ts';
export { SpecError } from './spec-error.ts';
export { pair } from './pair.ts';
export { getModel, modelIds, zoo } from './zoo.ts';
export { lenet5, lenet5_modern, lenetC3Connections } from './lenet.ts';
export { alexnet, alexnet_original } from './alexnet.ts';
export { vggConfigs, vggModels, type VggConfig } from './vgg.ts';
export {
  resnetConfigs,
  resnetModels,
  resnetV1Models,
  resnetVariant,
  resnetVariantConfigs,
  torchvisionResnet,
  type ResnetId,
  type ResnetVariantId,
} from './resnet.ts';
export { googlenet } from './googlenet.ts';
export { inceptionConfigs } from './inception-widths.ts';
export { densenet121, densenet121Config } from './densenet.ts';
export { mobilenet_v2, mobilenetV2Setting } from './mobilenet.ts';
export { squeezenet1_0, squeezenet1_0Features } from './squeezenet.ts';
export { nin } from './nin.ts';
export { cifarDepths, cifarModels, cifarNet } from './cifar.ts';
export { resnetStyle, vggStyle, type ResnetStyleOptions, type VggStyleOptions } from './families.ts';
export { type ShortcutKind, type StrideOn } from './residual-blocks.ts';
export {
  formatCount,
  formatField,
  formatShape,
  formatSi,
  layerTable,
  toRecord,
  zooTable,
  type AnalysisRecord,
} from './report.ts';
