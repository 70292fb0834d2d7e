/**
 * One Inception module (Szegedy et al. 2015, §4 and Fig. 2) as layers, in the forms the site
 * compares: with the 1×1 reductions of Fig. 2(b) or as the naïve module of Fig. 2(a); with the
 * paper's 5×5 third branch or torchvision's 3×3; built from the paper's plain conv + ReLU or
 * torchvision's BasicConv2d (conv without bias → batch norm → ReLU). GoogLeNet in the zoo is
 * nine of these in torchvision's form, so the same code builds both.
 */
import {
  activation,
  chain,
  concat,
  conv,
  convNormAct,
  maxpool,
  named,
  outputOf,
  type Entry,
} from './layer-factories.ts';
import type { Layer, Pair } from './types.ts';

/**
 * An Inception module's widths after its input channels, in the order of torchvision's
 * `Inception(in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj)` and of the
 * paper's Table 1 columns: #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj.
 */
export type InceptionWidths = readonly [
  ch1x1: number,
  ch3x3red: number,
  ch3x3: number,
  ch5x5red: number,
  ch5x5: number,
  poolProj: number,
];

/** How a module is built. */
export interface InceptionForm {
  /** Kernel of the third ("5×5") branch: 5 in the paper, 3 in torchvision (pytorch/vision#906). */
  readonly kernel5: 3 | 5;
  /** With the 1×1 reductions (Fig. 2b), or the naïve module (Fig. 2a): k×k convs and the pool read the input directly. */
  readonly reduce: boolean;
  /** 'paper': conv with bias → ReLU; 'torchvision': BasicConv2d, conv without bias → BN (ε 0.001) → ReLU. */
  readonly style: 'paper' | 'torchvision';
}

/** torchvision's form: reductions, a 3×3 third branch, BasicConv2d. */
export const TORCHVISION_FORM: InceptionForm = { kernel5: 3, reduce: true, style: 'torchvision' };

/** A conv unit named `prefix` in `form`'s style, 'same' padding: k×k → [h, w, filters]. */
function convUnit(prefix: string, filters: number, kernel: number, form: InceptionForm): Entry[] {
  const padding: Pair = (kernel - 1) / 2;
  const options = padding === 0 ? {} : { padding };
  if (form.style === 'torchvision') {
    return convNormAct([`${prefix}.conv`, `${prefix}.bn`, `${prefix}.relu`], filters, kernel, {
      ...options,
      activation: 'relu',
      epsilon: 0.001,
    });
  }
  return [
    [`${prefix}.conv`, conv(filters, kernel, options)],
    [`${prefix}.relu`, activation('relu')],
  ];
}

/**
 * Module `name` reading layer `input` (its output [h, w, c_in]): four branches concatenated
 * along channels, ids `name.branch1` … `name.branch4` as torchvision names them and
 * `name.concat`. Output [h, w, ch1x1 + ch3x3 + ch5x5 + poolProj] with reductions; the naïve
 * module's pool branch passes all c_in channels, so it outputs [h, w, ch1x1 + ch3x3 + ch5x5 + c_in].
 */
export function inceptionModule(name: string, input: string, widths: InceptionWidths, form: InceptionForm): Layer[] {
  const [ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj] = widths;
  const branch = (b: number, entries: Entry[]): Layer[] => chain(entries, [name, `${name}.branch${b}`], input);
  const unit = (prefix: string, filters: number, kernel: number): Entry[] => convUnit(prefix, filters, kernel, form);
  const pool: Entry = [`${name}.branch4.0`, maxpool(3, 1, 1, form.style === 'torchvision')];
  const branches = form.reduce
    ? [
        branch(1, unit(`${name}.branch1`, ch1x1, 1)),
        branch(2, [...unit(`${name}.branch2.0`, ch3x3red, 1), ...unit(`${name}.branch2.1`, ch3x3, 3)]),
        branch(3, [...unit(`${name}.branch3.0`, ch5x5red, 1), ...unit(`${name}.branch3.1`, ch5x5, form.kernel5)]),
        branch(4, [pool, ...unit(`${name}.branch4.1`, poolProj, 1)]),
      ]
    : [
        branch(1, unit(`${name}.branch1`, ch1x1, 1)),
        branch(2, unit(`${name}.branch2.1`, ch3x3, 3)),
        branch(3, unit(`${name}.branch3.1`, ch5x5, form.kernel5)),
        branch(4, [pool]),
      ];
  return [...branches.flat(), named(`${name}.concat`, concat(branches.map(outputOf)), { group: [name] })];
}
