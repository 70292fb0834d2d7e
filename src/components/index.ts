/**
 * The components MDX chapters use, re-exported from one place. Chapters import them with
 * `import { Cite } from '../../components/index.ts';`.
 */
export { default as Cite } from './Cite.astro';
export { default as Bibliography } from './Bibliography.astro';
export { default as RuntimeCheck } from './runtime/RuntimeCheck.astro';
export { default as ArchitectureDiagram } from './diagram/ArchitectureDiagram.astro';
export { default as ArchitectureComparison } from './diagram/ArchitectureComparison.astro';
export { default as RfExplorer } from './rf-explorer/RfExplorer.astro';
export { default as RfZoo } from './rf-explorer/RfZoo.astro';
export { default as WidgetCatalog } from './widget/WidgetCatalog.astro';
export { default as LessonBuilder } from './lesson/LessonBuilder.astro';
export { default as GradientFlow } from './gradient-flow/GradientFlow.astro';
export { default as SkipLab } from './skip-lab/SkipLab.astro';
export { default as LenetLive } from './lenet-live/LenetLive.astro';
export { default as ReluTanh } from './relu-tanh/ReluTanh.astro';
export { default as BatchNorm } from './batch-norm/BatchNorm.astro';
export { default as InceptionCost } from './inception-cost/InceptionCost.astro';
export { default as YourNetwork } from './your-network/YourNetwork.astro';
export { default as InceptionFigure } from './chapter/InceptionFigure.astro';
export { default as LearningGoals } from './chapter/LearningGoals.astro';
export { default as Zoo } from './chapter/Zoo.astro';
export { default as ArithmeticBox } from './chapter/ArithmeticBox.astro';
export { default as ArithmeticExample } from './chapter/ArithmeticExample.astro';
export { default as DilationStack } from './chapter/DilationStack.astro';
export { default as Trained } from './chapter/Trained.astro';
export { default as Accuracy } from './chapter/Accuracy.astro';
export { default as LabDefault } from './chapter/LabDefault.astro';
export { default as RecordedResult } from './chapter/RecordedResult.astro';
export { default as ModelCode } from './chapter/ModelCode.astro';
export { default as TryThis } from './chapter/TryThis.astro';
export { default as Quiz } from './chapter/Quiz.astro';
export { default as Question } from './chapter/Question.astro';
export { default as Timeline } from './chapter/Timeline.astro';
