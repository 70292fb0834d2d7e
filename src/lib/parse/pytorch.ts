/**
 * `parsePytorch(text)`: a ModelSpec from the text PyTorch's `print(model)` writes.
 *
 * Leaf modules become layers (torch-layers.ts), torchvision's blocks and models get the forward
 * pass their source defines (torch-blocks.ts, torch-models.ts), nn.Sequential and its subclasses
 * run their children in order. Anything else is assumed to run its children in order too, with a
 * warning naming it, since print(model) shows a module's parts but not its forward(). Layer ids
 * are the modules' dotted paths (`features.0`, `layer1.0.conv1`), as torchvision names them, and
 * layers are grouped by the modules that contain them.
 */
import type { Shape } from '../models/index.ts';
import type { InputOptions, ParsedModel } from './outcome.ts';
import { checkInputShape } from './limits.ts';
import { ParseError, type ParseWarning, type SourcePosition } from './parse-error.ts';
import { parsePyArgs } from './python-args.ts';
import { SpecBuilder, type LayerBody, type Source } from './spec-builder.ts';
import { ArgReader } from './torch-args.ts';
import { blockForwards } from './torch-blocks.ts';
import { leafConverters, unmodelledModules, unsupportedModules } from './torch-layers.ts';
import { isKnownModel, runModel } from './torch-models.ts';
import { parseTorchPrint, type TorchNode } from './torch-print.ts';
import { scopeOf, type Runner, type Scope } from './torch-runner.ts';

/** Options of parsePytorch; the input shape defaults to [224, 224, 3] (PyTorch's 3×224×224). */
export interface PytorchOptions extends InputOptions {
  /** Spec id; default "pasted". */
  readonly id?: string;
  /** Display name; default the model's class name. */
  readonly name?: string;
}

/** nn.Sequential and torchvision's subclasses of it: children run in order. */
const SEQUENTIAL = new Set([
  'Sequential',
  'Conv2dNormActivation',
  'ConvNormActivation',
  'ConvBNActivation',
  'ConvBNReLU',
  '_Transition',
  '_DenseBlock',
]);

/**
 * Parse `text`, the output of print(model). Throws ParseError (line, column, hint) for text that
 * is not a module print, for arguments a module does not take, for shape mismatches (naming the
 * layer: `layer 7 (Linear, "classifier.1") expects 4096 inputs, gets 25088`), for modules no spec
 * layer expresses, and for models over the size limits (limits.ts).
 */
export function parsePytorch(text: string, options: PytorchOptions = {}): ParsedModel {
  const inputShape = options.inputShape ?? [224, 224, 3];
  checkInputShape(inputShape);
  const root = parseTorchPrint(text);
  const builder = new SpecBuilder(inputShape);
  const warnings: ParseWarning[] = [];
  const warned = new Set<string>();
  const warn = (at: SourcePosition, message: string, once = message): void => {
    if (warned.has(once)) return;
    warned.add(once);
    warnings.push({ ...at, message });
  };

  const runner: Runner = {
    builder,
    run: (node, input, parent, id) => run(node, input, parent, id),
    sequence: (nodes, input, parent) => expand(nodes).reduce<Source>((x, node) => run(node, x, parent), input),
    functional: (scope, name, body, from, at) =>
      builder.add(builder.freshId(scope.path === '' ? name : `${scope.path}.${name}`), body, from, {
        at,
        group: scope.group,
        what: name,
      }),
    warn: (at, message) => warn(at, message),
  };

  function run(node: TorchNode, input: Source, parent: Scope, id?: string): Source {
    const cls = node.className;
    if (cls === null) return input;
    const scope = scopeOf(node, parent);
    const convert = own(leafConverters, cls);
    if (convert !== undefined && node.children.length === 0) return leaf(node, convert, input, parent, id);
    const block = own(blockForwards, cls);
    if (block !== undefined) return block(node, input, scope, runner);
    if (isKnownModel(cls)) return runModel(node, input, scope, runner);
    if (SEQUENTIAL.has(cls)) return runner.sequence(node.children, input, scope);
    if (cls === 'ModuleList' || cls === 'ModuleDict') {
      warn(
        node.at,
        `${named(cls, scope.path)} has no forward pass of its own: its modules are assumed to run in order`,
        cls,
      );
      return runner.sequence(node.children, input, scope);
    }
    if (node.children.length > 0) {
      warn(
        node.at,
        `${named(cls, scope.path)} is not a module we know: its children are assumed to run in the printed order, with nothing between them`,
        cls,
      );
      return runner.sequence(node.children, input, scope);
    }
    if (unsupportedModules.has(cls)) {
      return fail(
        node,
        `${cls} is not supported: no spec layer expresses it`,
        'supported: Conv2d, BatchNorm2d/1d, ReLU, ReLU6, Tanh, Sigmoid, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d/MaxPool2d, Linear, Flatten, Dropout, LocalResponseNorm, Identity',
      );
    }
    const reason = unmodelledModules.has(cls)
      ? 'has no spec layer; left out (it has no parameters and keeps its input’s shape)'
      : 'is not a module we know and has no children: assumed to pass its input through unchanged';
    warn(node.at, `${named(cls, scope.path)} ${reason}`, cls);
    return input;
  }

  function leaf(
    node: TorchNode,
    convert: (typeof leafConverters)[string],
    input: Source,
    parent: Scope,
    id?: string,
  ): Source {
    const cls = node.className ?? '';
    const layerId = id ?? (scopeOf(node, parent).path || cls.toLowerCase());
    let x = input;
    if (cls === 'Linear' && builder.shapeOf(x).length === 3) {
      warn(
        node.at,
        `assumed torch.flatten(x, 1) before Linear "${layerId}", as forward() usually does`,
        `flatten:${layerId}`,
      );
      x = runner.functional(parent, 'flatten', { kind: 'flatten' }, x, node.at);
    }
    const args = new ArgReader(
      parsePyArgs(node.args ?? node.extra.map((line) => line.text).join(', '), node.extra[0]?.at ?? node.argsAt),
      cls,
    );
    const shape: Shape = builder.shapeOf(x);
    const body: LayerBody | null = convert(args, {
      shape,
      describe: builder.describeNext(cls, layerId),
      warn: (message) => warn(node.at, message),
    });
    if (body === null) return x;
    return builder.add(layerId, body, x, { at: node.at, group: parent.group, what: cls });
  }

  const top: Scope = { path: '', group: [] };
  run(root, null, top);
  const end = { line: text.split('\n').length, column: 1 };
  const { spec, analysis } = builder.finish(
    { id: options.id ?? 'pasted', name: options.name ?? root.className ?? 'model', sources: [] },
    end,
  );
  return { spec, analysis, warnings };
}

/** ModuleList's collapsed `(0-2): 3 x Block(…)` as the children it stands for, `(0)`, `(1)`, `(2)`. */
function expand(nodes: readonly TorchNode[]): TorchNode[] {
  return nodes.flatMap((node) => {
    const repeat = node.repeat;
    if (repeat === undefined) return [node];
    return Array.from({ length: repeat.last - repeat.first + 1 }, (_, i) => ({
      ...node,
      key: String(repeat.first + i),
    }));
  });
}

/** `table[key]` if `key` is the table's own (never Object.prototype's `constructor`, `toString`, …). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** How warnings name a module: `ModuleList "blocks"`, or just its class for the model itself. */
function named(cls: string, path: string): string {
  return path === '' ? `${cls} (the model)` : `${cls} "${path}"`;
}

function fail(node: TorchNode, reason: string, hint: string): never {
  throw new ParseError(reason, node.at, { hint });
}
