/**
 * URL state of the architecture diagram widget. The schema is built from the list of models a
 * page can show, so the code that runs in the browser does not carry the whole model zoo: the
 * registry passes every model id; a chapter's figure passes its own; an embed page passes the
 * ids it has pages for (from its HTML).
 */
import { encodings } from '../../models/encodings.ts';
import { defineSchema } from '../schema.ts';

/** The schema for a figure showing `model`, which can switch to any of `models`. */
export function architectureSchema(models: readonly string[], model: string) {
  return defineSchema({
    model: {
      type: 'enum',
      label: 'Model',
      help: 'Which network to draw, by its torchvision id (ours for the CIFAR nets and the plain ImageNet nets). On a chapter page the figure keeps its own model.',
      default: model,
      values: models,
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
}

/** A state of that schema. */
export type ArchitectureSchema = ReturnType<typeof architectureSchema>;
