/**
 * The registry of embeddable widgets. The embed routes, the instructors' page and the generated
 * embed tests all iterate over it, so a widget registered here is embeddable, shareable by URL
 * and tested without further wiring. (The Astro component for each id is mapped in
 * src/components/widget/widget-components.ts.)
 */
import type { Schema } from './schema.ts';
import { modelIds } from '../models/zoo.ts';
import { extraDiagramIds } from '../models/diagram-models.ts';
import { architectureSchema } from './schemas/architecture.ts';
import { receptiveFieldSchema } from './schemas/receptive-field.ts';
import { gradientFlowSchema } from './schemas/gradient-flow.ts';
import { skipLabSchema } from './schemas/skip-lab.ts';
import { lenetLiveSchema } from './schemas/lenet-live.ts';
import { reluTanhSchema } from './schemas/relu-tanh.ts';
import { batchNormSchema } from './schemas/batch-norm.ts';
import { inceptionCostSchema } from './schemas/inception-cost.ts';
import { yourNetworkSchema } from './schemas/your-network.ts';

/** A chapter as a widget links to it: its slug ('' for the overview) and title. */
export interface ChapterLink {
  readonly slug: string;
  readonly title: string;
}

/** The Network-in-Network and GoogLeNet chapter. */
const INCEPTION_CHAPTER: ChapterLink = { slug: 'inception', title: '1×1 convolutions, NiN and GoogLeNet' };

/** The chapter that presents a zoo model: LeNet-5, AlexNet, VGG, NiN/GoogLeNet, ResNet (CIFAR nets too), After ResNet, else the overview. */
export function chapterOfModel(model: string): ChapterLink {
  if (model.startsWith('lenet')) return { slug: 'lenet5', title: 'LeNet-5' };
  if (model.startsWith('alexnet')) return { slug: 'alexnet', title: 'AlexNet' };
  if (model.startsWith('vgg')) return { slug: 'vgg', title: 'VGG' };
  if (model === 'nin' || model === 'googlenet') return INCEPTION_CHAPTER;
  if (/^(wide_resnet|resnext|densenet|mobilenet)/.test(model)) return { slug: 'after-resnet', title: 'After ResNet' };
  if (/^(resnet|plain)/.test(model)) return { slug: 'resnet', title: 'ResNet' };
  return { slug: '', title: 'CNN Lineage' };
}

/** The chapter `widget` (in `variant`, if given) links back to. */
export function widgetChapter(widget: WidgetEntry, variant?: string): ChapterLink {
  return variant !== undefined && widget.chapterOf ? widget.chapterOf(variant) : widget.chapter;
}

export interface WidgetEntry {
  /** URL segment and custom-element name part: /embed/<id>/. */
  readonly id: string;
  /** Title for the iframe, the embed page and the instructors' page. */
  readonly title: string;
  /** One sentence on what the widget shows. */
  readonly description: string;
  /** The chapter the widget belongs to: its slug ('' for the overview) and title. */
  readonly chapter: ChapterLink;
  /** For widgets with variants: the chapter of one variant, where it differs (a model's own chapter). */
  readonly chapterOf?: (variant: string) => ChapterLink;
  /** The widget's URL state. */
  readonly schema: Schema;
  /** The prefix of its URL keys on a chapter page (`lab.depth=32`); embed pages use bare keys. */
  readonly prefix: string;
  /** Controls an instructor can hide with `hide=` (names of schema keys or other controls). */
  readonly controls: readonly string[];
  /** A sensible iframe height in CSS pixels before auto-resize. */
  readonly height: number;
  /**
   * An enum key whose every value gets its own pre-rendered embed page,
   * /embed/<id>/<value>/ (the diagram of each model is drawn at build time).
   */
  readonly variantKey?: string;
  /** A teaching configuration (URL values), used as the instructors' example and by the tests. */
  readonly example: Readonly<Record<string, string>>;
}

export const widgetRegistry: readonly WidgetEntry[] = [
  {
    id: 'architecture',
    title: 'Architecture diagram',
    description:
      'Any network of the model zoo drawn layer by layer, with shapes, parameters, MACs and receptive fields.',
    chapter: { slug: 'vgg', title: 'VGG' },
    chapterOf: chapterOfModel,
    schema: architectureSchema([...modelIds, ...extraDiagramIds], 'vgg16'),
    prefix: 'architecture',
    controls: ['encoding', 'expand', 'zoom', 'export'],
    height: 640,
    variantKey: 'model',
    example: { model: 'resnet34', encoding: 'params', expand: 'all' },
  },
  {
    id: 'receptive-field',
    title: 'Receptive-field explorer',
    description:
      'The theoretical receptive field of a unit next to its effective one, computed live for a VGG-style and a ResNet-style network.',
    chapter: { slug: 'receptive-fields', title: 'Receptive fields' },
    schema: receptiveFieldSchema,
    prefix: 'rf',
    controls: ['depth', 'downsample', 'kernel', 'init', 'inits', 'input', 'nets'],
    height: 900,
    example: { depth: '31', init: 'he', inits: '8', kernel: '5', nets: 'both' },
  },
  {
    id: 'gradient-flow',
    title: 'Gradient-flow explorer',
    description:
      'Per-layer gradient norms of a plain network and its residual twin at initialisation, computed live, with how they change with depth, activation, initialisation and batch norm.',
    chapter: { slug: 'vanishing-gradients', title: 'Vanishing gradients' },
    schema: gradientFlowSchema,
    prefix: 'flow',
    controls: ['presets', 'depth', 'activation', 'init', 'bn', 'skips', 'every', 'norm'],
    height: 1100,
    example: { depth: '56', activation: 'relu', init: 'he', bn: '1' },
  },
  {
    id: 'skip-lab',
    title: 'Skip-connection lab',
    description:
      'A plain network, its residual twin and a shallower plain network train side by side on MNIST in the browser; then lesion them and slice their loss landscape.',
    chapter: { slug: 'skip-connections', title: 'Skip connections' },
    schema: skipLabSchema,
    prefix: 'lab',
    controls: [
      'depth',
      'shallow',
      'width',
      'batch',
      'lr',
      'momentum',
      'decay',
      'schedule',
      'steps',
      'train',
      'identity',
      'lesion',
      'landscape',
    ],
    height: 1900,
    example: { depth: '32', shallow: '8', steps: '400', schedule: 'step' },
  },
  {
    id: 'lenet-live',
    title: 'LeNet-5 live',
    description:
      'Draw a digit and a real LeNet-5 reads it in your browser: class probabilities, every feature map from C1 to F6 with its receptive field, and the C3 connection table.',
    chapter: { slug: 'lenet5', title: 'LeNet-5' },
    schema: lenetLiveSchema,
    prefix: 'lenet',
    controls: ['model', 'digit', 'pad', 'train'],
    height: 1500,
    example: { model: 'lenet5', digit: '14' },
  },
  {
    id: 'relu-tanh',
    title: 'ReLU vs tanh',
    description:
      'The same small convolutional network trains side by side with ReLU and with tanh units on MNIST in the browser, with dropout on or off (Krizhevsky et al. 2012, Fig. 1).',
    chapter: { slug: 'alexnet', title: 'AlexNet' },
    schema: reluTanhSchema,
    prefix: 'rt',
    controls: ['width', 'batch', 'lr', 'momentum', 'steps', 'target', 'dropout', 'train'],
    height: 900,
    example: { dropout: '1', steps: '500', target: '5' },
  },
  {
    id: 'batch-norm',
    title: 'Batch norm: faster training and the train/eval gap',
    description:
      'The same sigmoid network trains side by side with and without batch normalisation on MNIST in the browser, and the batch-norm net is scored in train mode and in eval mode (Ioffe & Szegedy 2015).',
    chapter: { slug: 'batch-norm', title: 'Batch normalization' },
    schema: batchNormSchema,
    prefix: 'bn',
    controls: ['lr', 'batch', 'seed', 'steps', 'train'],
    height: 1100,
    example: { batch: '8', steps: '400' },
  },
  {
    id: 'inception-cost',
    title: 'Inception module cost',
    description:
      "What each branch of one of GoogLeNet's Inception modules costs, with and without its 1×1 reductions, in the paper's form or torchvision's, and how long each takes to run in the browser.",
    chapter: INCEPTION_CHAPTER,
    schema: inceptionCostSchema,
    prefix: 'inc',
    controls: ['module', 'form', 'reduce', 'metric', 'time'],
    height: 760,
    example: { module: 'inception4e', reduce: '0.5', metric: 'params' },
  },
  {
    id: 'your-network',
    title: 'Your network',
    description:
      'Paste or write a model (PyTorch print, text or JSON): its diagram, shapes, parameters, MACs, receptive fields and code, its effective receptive field measured live, and a link that holds the whole model.',
    chapter: { slug: 'your-network', title: 'Your own network' },
    schema: yourNetworkSchema(modelIds),
    prefix: 'net',
    controls: ['zoo', 'format', 'input', 'erf', 'share'],
    height: 1400,
    example: { zoo: 'vgg11', layer: 'features.10' },
  },
];

/** The entry for `id`, or undefined. */
export function getWidget(id: string): WidgetEntry | undefined {
  return widgetRegistry.find((w) => w.id === id);
}

/** The values of a widget's variant key ([] when it has none). */
export function variantsOf(widget: WidgetEntry): readonly string[] {
  if (!widget.variantKey) return [];
  const spec = widget.schema[widget.variantKey];
  return spec?.type === 'enum' ? spec.values : [];
}
