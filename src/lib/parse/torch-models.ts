/**
 * The forward passes of torchvision's classification models (torchvision 0.29.1,
 * torchvision/models/*.py), as far as print(model) cannot show them: each runs its children in
 * the printed order, except for the functional calls its forward() makes between them.
 *
 * - AlexNet, VGG, ResNet: features/layers → avgpool → `torch.flatten(x, 1)` → classifier/fc.
 * - GoogLeNet: the same, after inception5b; `aux1`/`aux2` (None once weights are loaded, or
 *   InceptionAux) run only in training and are left out; `transform_input` has no parameters.
 * - DenseNet: features → `F.relu` → `F.adaptive_avg_pool2d(…, (1, 1))` → flatten → classifier.
 * - MobileNetV2: features → `adaptive_avg_pool2d(x, (1, 1))` → flatten → classifier.
 * - SqueezeNet: features → classifier (which ends in AdaptiveAvgPool2d((1, 1))) → flatten.
 *
 * Functional layers get the zoo's ids: `flatten`, `relu`, `avgpool`. A flatten of an already flat
 * tensor (after global pooling) adds no layer.
 */
import type { SourcePosition } from './parse-error.ts';
import type { LayerBody, Source } from './spec-builder.ts';
import type { TorchNode } from './torch-print.ts';
import type { Runner, Scope } from './torch-runner.ts';

/** A call forward() makes between children: its zoo id and layer. */
type Functional = 'flatten' | 'relu' | 'avgpool';

interface Recipe {
  /** Functional calls after the child of that name. */
  readonly after?: Readonly<Record<string, readonly Functional[]>>;
  /** Calls after the last child. */
  readonly end?: readonly Functional[];
  /** Children forward() never calls in eval mode. */
  readonly skip?: readonly string[];
}

const recipes: Readonly<Record<string, Recipe>> = {
  AlexNet: { after: { avgpool: ['flatten'] } },
  VGG: { after: { avgpool: ['flatten'] } },
  ResNet: { after: { avgpool: ['flatten'] } },
  GoogLeNet: { after: { avgpool: ['flatten'] }, skip: ['aux1', 'aux2'] },
  DenseNet: { after: { features: ['relu', 'avgpool', 'flatten'] } },
  MobileNetV2: { after: { features: ['avgpool', 'flatten'] } },
  SqueezeNet: { end: ['flatten'] },
};

const bodies: Readonly<Record<Functional, LayerBody>> = {
  flatten: { kind: 'flatten' },
  relu: { kind: 'activation', activation: 'relu' },
  avgpool: { kind: 'globalavgpool' },
};

/** Whether `className` is a torchvision model whose forward pass is known. */
export function isKnownModel(className: string): boolean {
  return Object.hasOwn(recipes, className);
}

/** Run model `node` (a known class) on `input`. */
export function runModel(node: TorchNode, input: Source, scope: Scope, runner: Runner): Source {
  const recipe = recipes[node.className ?? ''] ?? {};
  const call = (from: Source, calls: readonly Functional[] | undefined, at: SourcePosition): Source =>
    (calls ?? []).reduce<Source>((x, name) => {
      if (name === 'flatten' && runner.builder.shapeOf(x).length === 1) return x;
      return runner.functional(scope, name, bodies[name], x, at);
    }, from);

  let x = input;
  for (const child of node.children) {
    if (recipe.skip?.includes(child.key)) {
      if (child.className !== null) {
        runner.warn(
          child.at,
          `${child.className} "${child.key}" runs only in training (its output is discarded in eval mode); left out`,
        );
      }
      continue;
    }
    const after =
      recipe.after !== undefined && Object.hasOwn(recipe.after, child.key) ? recipe.after[child.key] : undefined;
    x = call(runner.run(child, x, scope), after, child.at);
  }
  return call(x, recipe.end, node.at);
}
