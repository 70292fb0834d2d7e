/** URL state of the architecture diagram widget. */
import { modelIds } from '../../models/zoo.ts';
import { extraDiagramIds } from '../../viz/resolve-model.ts';
import { encodings } from '../../viz/encoding.ts';
import { defineSchema } from '../schema.ts';

export const architectureSchema = defineSchema({
  model: {
    type: 'enum',
    label: 'Model',
    help: 'Which network to draw, by its torchvision id (ours for the CIFAR nets and the plain ImageNet nets). On a chapter page the figure keeps its own model.',
    default: 'vgg16',
    values: [...modelIds, ...extraDiagramIds],
  },
  encoding: {
    type: 'enum',
    label: 'Box width',
    help: "What each box's width shows: the layer's output size, its parameters or its multiply-accumulates.",
    default: 'shape',
    values: encodings,
  },
  expand: {
    type: 'enum',
    label: 'Stages',
    help: 'auto collapses deep networks into stages; all expands every block; none collapses all.',
    default: 'auto',
    values: ['auto', 'all', 'none'],
  },
});

/** The schema with `model`'s default set to the model a figure shows (chapter pages, embed variants). */
export function architectureSchemaFor(model: string): typeof architectureSchema {
  const fixed = { ...architectureSchema.model, default: model } as unknown as typeof architectureSchema.model;
  return { ...architectureSchema, model: fixed };
}
