/**
 * torchvision's building blocks, recognised by class name and given the forward pass their
 * source defines (torchvision 0.29.1, torchvision/models/*.py), which print(model) cannot show:
 *
 * - resnet.py `BasicBlock`: conv1 → bn1 → relu → conv2 → bn2, plus `downsample(x)` or x, → relu;
 *   `Bottleneck`: the same with three convs. The one `relu` module runs after each BN but the
 *   last and after the sum: its layers are `relu1`, `relu2`(, `relu3`), the sum `add`, as in the zoo.
 * - googlenet.py `BasicConv2d`: conv → bn → F.relu (`relu`); `Inception`: its four branches on
 *   the same input, `torch.cat` (`concat`); `InceptionAux` runs only in training and is left out.
 * - densenet.py `_DenseLayer`: its six modules, then the input and the new maps concatenated
 *   (`concat`, one per layer as the zoo writes it); `_DenseBlock` (an nn.ModuleDict) runs its
 *   layers in order; `_Transition` is an nn.Sequential.
 * - mobilenetv2.py `InvertedResidual`: `conv`, plus x when the block keeps stride 1 and its
 *   channel count (`use_res_connect`), the sum `add`.
 * - squeezenet.py `Fire`: squeeze → ReLU, then expand1x1 → ReLU and expand3x3 → ReLU side by
 *   side, concatenated (`concat`).
 *
 * Ids in parentheses are appended to the block's path, e.g. `layer1.0.add`.
 */
import { ParseError } from './parse-error.ts';
import { parsePyArgs } from './python-args.ts';
import type { Source } from './spec-builder.ts';
import type { TorchNode } from './torch-print.ts';
import type { Runner, Scope } from './torch-runner.ts';

/** A block's forward pass: its output for `input`. */
export type BlockForward = (node: TorchNode, input: Source, scope: Scope, runner: Runner) => Source;

/** The child named `key`, or an error listing what the block should contain. */
function child(node: TorchNode, key: string, expected: string): TorchNode {
  const found = node.children.find((c) => c.key === key && c.className !== null);
  if (found !== undefined) return found;
  throw new ParseError(`${node.className ?? 'module'} "${node.key}" has no "${key}"`, node.at, {
    hint: `torchvision's ${node.className ?? 'block'} has ${expected}`,
  });
}

/** The child named `key` if it is there and not None. */
function optional(node: TorchNode, key: string): TorchNode | undefined {
  return node.children.find((c) => c.key === key && c.className !== null);
}

/** A branch must start from a layer: a block cannot be the very first thing a model does. */
function fork(input: Source, node: TorchNode): string {
  if (input !== null) return input;
  throw new ParseError(
    `${node.className ?? 'block'} "${node.key}" branches from the network input, which a spec cannot name`,
    node.at,
    {
      hint: 'put a layer before it',
    },
  );
}

/** BasicBlock (two convs) and Bottleneck (three): conv_i → bn_i → relu_i, … → add → relu. */
function residual(convs: 2 | 3): BlockForward {
  const names =
    convs === 2
      ? 'conv1, bn1, relu, conv2, bn2 and optionally downsample'
      : 'conv1, bn1, conv2, bn2, conv3, bn3, relu and optionally downsample';
  return (node, input, scope, runner) => {
    const x = fork(input, node);
    const relu = child(node, 'relu', names);
    let out: Source = x;
    for (let i = 1; i <= convs; i++) {
      out = runner.run(child(node, `conv${i}`, names), out, scope);
      out = runner.run(child(node, `bn${i}`, names), out, scope);
      if (i < convs) out = runner.run(relu, out, scope, `${scope.path}.relu${i}`);
    }
    const downsample = optional(node, 'downsample');
    const shortcut = downsample === undefined ? x : runner.run(downsample, x, scope);
    const sum = runner.functional(
      scope,
      'add',
      { kind: 'add', shortcut: downsample === undefined ? 'identity' : 'projection' },
      [fork(out, node), fork(shortcut, node)],
      node.at,
    );
    return runner.run(relu, sum, scope, `${scope.path}.relu${convs}`);
  };
}

/** The children named `keys` of `node`, run one after another on `input`. */
function through(
  node: TorchNode,
  keys: readonly string[],
  input: Source,
  scope: Scope,
  runner: Runner,
  expected: string,
): Source {
  return keys.reduce<Source>((x, key) => runner.run(child(node, key, expected), x, scope), input);
}

const basicConv2d: BlockForward = (node, input, scope, runner) => {
  const normed = through(node, ['conv', 'bn'], input, scope, runner, 'conv and bn (its forward applies F.relu)');
  return runner.functional(scope, 'relu', { kind: 'activation', activation: 'relu' }, normed, node.at);
};

/** Every child is a branch on the same input; the branches are concatenated in order. */
const parallelConcat: BlockForward = (node, input, scope, runner) => {
  const x = fork(input, node);
  const branches = node.children.filter((c) => c.className !== null).map((c) => fork(runner.run(c, x, scope), node));
  if (branches.length < 2)
    throw new ParseError(`${node.className ?? 'block'} "${node.key}" needs two or more branches`, node.at);
  return runner.functional(scope, 'concat', { kind: 'concat' }, branches, node.at);
};

const denseLayer: BlockForward = (node, input, scope, runner) => {
  const x = fork(input, node);
  const out = runner.sequence(node.children, x, scope);
  return runner.functional(scope, 'concat', { kind: 'concat' }, [x, fork(out, node)], node.at);
};

const invertedResidual: BlockForward = (node, input, scope, runner) => {
  const x = fork(input, node);
  const out = fork(runner.run(child(node, 'conv', 'conv (an nn.Sequential)'), x, scope), node);
  const before = runner.builder.shapeOf(x);
  const after = runner.builder.shapeOf(out);
  const keeps = !hasStride(node) && before.length === after.length && before.every((v, i) => v === after[i]);
  return keeps ? runner.functional(scope, 'add', { kind: 'add', shortcut: 'identity' }, [out, x], node.at) : out;
};

const fire: BlockForward = (node, input, scope, runner) => {
  const expected = 'squeeze, squeeze_activation, expand1x1, expand1x1_activation, expand3x3 and expand3x3_activation';
  const s = fork(through(node, ['squeeze', 'squeeze_activation'], input, scope, runner, expected), node);
  const expand = (k: 1 | 3): string =>
    fork(through(node, [`expand${k}x${k}`, `expand${k}x${k}_activation`], s, scope, runner, expected), node);
  return runner.functional(scope, 'concat', { kind: 'concat' }, [expand(1), expand(3)], node.at);
};

const trainingOnly: BlockForward = (node, input, _scope, runner) => {
  runner.warn(
    node.at,
    `${node.className ?? 'module'} "${node.key}" runs only in training (its output is discarded in eval mode); left out`,
  );
  return input;
};

/** Whether any Conv2d inside `node` has a stride other than 1. */
function hasStride(node: TorchNode): boolean {
  if (node.className === 'Conv2d' && node.args !== null) {
    const args = parsePyArgs(node.args, node.argsAt);
    const stride = args.keywords.get('stride') ?? args.positional[3];
    const values = stride === undefined ? [] : stride.type === 'tuple' ? stride.items : [stride];
    return values.some((v) => v.type === 'number' && v.value !== 1);
  }
  return node.children.some(hasStride);
}

/** Blocks by class name. */
export const blockForwards: Readonly<Record<string, BlockForward>> = {
  BasicBlock: residual(2),
  Bottleneck: residual(3),
  BasicConv2d: basicConv2d,
  Inception: parallelConcat,
  InceptionAux: trainingOnly,
  _DenseLayer: denseLayer,
  InvertedResidual: invertedResidual,
  Fire: fire,
};
