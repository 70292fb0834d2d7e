/**
 * What one of GoogLeNet's Inception modules costs, branch by branch, in any of the forms of
 * `InceptionForm`: the zoo's own analysis of the module built as layers, so the figures are the
 * ones the zoo reports for GoogLeNet whenever the form is torchvision's.
 */
import { analyze } from './analyze.ts';
import { inceptionConfigs, inceptionNames, type InceptionName, type ReductionFactor } from './inception-widths.ts';
import { inceptionModule, type InceptionForm, type InceptionWidths } from './inception-module.ts';
import { dropout, named } from './layer-factories.ts';
import type { ModelSpec } from './types.ts';

export type { InceptionName, ReductionFactor } from './inception-widths.ts';

/** GoogLeNet's feature-map side at each stage (Szegedy et al. 2015, Table 1: 28×28, 14×14, 7×7). */
const STAGE_SIDE: Readonly<Record<string, number>> = { '3': 28, '4': 14, '5': 7 };
/** Channels of conv3, the stem's last conv, which inception3a reads (Table 1). */
const STEM_CHANNELS = 192;

/** Output channels of a module with its reductions: #1×1 + #3×3 + #5×5 + pool proj. */
function outputChannels(widths: InceptionWidths): number {
  return widths[0] + widths[2] + widths[4] + widths[5];
}

/** The input [h, w, c] of module `name` in GoogLeNet: its stage's side, the previous module's channels. */
export function inceptionInput(name: InceptionName): [number, number, number] {
  const index = inceptionNames.indexOf(name);
  const previous = inceptionNames[index - 1];
  const channels = previous === undefined ? STEM_CHANNELS : outputChannels(inceptionConfigs[previous]);
  const side = STAGE_SIDE[name.charAt('inception'.length)];
  if (index < 0 || side === undefined) throw new Error(`unknown Inception module "${name}"`);
  return [side, side, channels];
}

/** A branch's figures: parameters, multiply-accumulates per image, output channels. */
export interface BranchCost {
  /** 1: 1×1; 2: 3×3; 3: the "5×5"; 4: pool projection (torchvision's branch numbers). */
  readonly branch: 1 | 2 | 3 | 4;
  readonly params: number;
  readonly macs: number;
  readonly channels: number;
}

/** A module's figures: its input [h, w, c], its four branches, and their totals. */
export interface ModuleCost {
  readonly input: readonly [number, number, number];
  readonly branches: readonly BranchCost[];
  readonly params: number;
  readonly macs: number;
  /** Channels of the concatenated output. */
  readonly channels: number;
}

/**
 * Module `name` alone as a network: its input [h, w, c_in] from GoogLeNet, a zero-cost stand-in
 * for that input (a dropout of rate 0, id `input`) that all four branches read, and the module's
 * layers in `form` with `widths` (default: Table 1's). Output [h, w, channels of the concatenation].
 */
export function inceptionModuleSpec(
  name: InceptionName,
  form: InceptionForm,
  widths: InceptionWidths = inceptionConfigs[name],
): ModelSpec {
  const layers = [named('input', dropout(0)), ...inceptionModule(name, 'input', widths, form)];
  return { id: name, name, inputShape: inceptionInput(name), layers, sources: ['szegedy2015'] };
}

/** Module `name` analysed in `form`, with `widths` (default: Table 1's); only its own layers count. */
export function inceptionModuleCost(
  name: InceptionName,
  form: InceptionForm,
  widths: InceptionWidths = inceptionConfigs[name],
): ModuleCost {
  const input = inceptionInput(name);
  const analysis = analyze(inceptionModuleSpec(name, form, widths));
  const branches = ([1, 2, 3, 4] as const).map((branch): BranchCost => {
    const own = analysis.layers.filter((l) => l.layer.group?.includes(`${name}.branch${branch}`));
    const last = own[own.length - 1];
    return {
      branch,
      params: own.reduce((sum, l) => sum + l.params, 0),
      macs: own.reduce((sum, l) => sum + l.macs, 0),
      channels: last === undefined ? 0 : (last.outputShape[2] ?? 0),
    };
  });
  return {
    input,
    branches,
    params: analysis.params,
    macs: analysis.macs,
    channels: branches.reduce((sum, b) => sum + b.channels, 0),
  };
}

/**
 * Table 1's widths for `name` with both reductions (#3×3 reduce, #5×5 reduce) scaled by `factor`,
 * rounded, at least 1 channel; 'none' keeps Table 1's (the naïve form ignores them).
 */
export function scaledReductions(name: InceptionName, factor: ReductionFactor): InceptionWidths {
  const [ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj] = inceptionConfigs[name];
  const scale = factor === 'none' ? 1 : Number(factor);
  const width = (w: number): number => Math.max(1, Math.round(w * scale));
  return [ch1x1, width(ch3x3red), ch3x3, width(ch5x5red), ch5x5, poolProj];
}

/** The form the widget's `form` choice and reduction stand for. */
export function inceptionForm(form: 'paper' | 'torchvision', factor: ReductionFactor): InceptionForm {
  return form === 'paper'
    ? { kernel5: 5, reduce: factor !== 'none', style: 'paper' }
    : { kernel5: 3, reduce: factor !== 'none', style: 'torchvision' };
}

/** A module as the widget configures it: plain data that can cross to the compute worker. */
export interface InceptionChoice {
  readonly module: InceptionName;
  readonly form: 'paper' | 'torchvision';
  readonly reduce: ReductionFactor;
}

/** The form and widths `choice` stands for. */
function choiceParts(choice: InceptionChoice): { form: InceptionForm; widths: InceptionWidths } {
  return { form: inceptionForm(choice.form, choice.reduce), widths: scaledReductions(choice.module, choice.reduce) };
}

/** The network `choice` describes (see inceptionModuleSpec). */
export function inceptionChoiceSpec(choice: InceptionChoice): ModelSpec {
  const { form, widths } = choiceParts(choice);
  return inceptionModuleSpec(choice.module, form, widths);
}

/** A module as configured next to the same module without reductions (Fig. 2a), in one form. */
export interface InceptionComparison {
  readonly naive: ModuleCost;
  readonly chosen: ModuleCost;
  /** The widths `chosen` was built with. */
  readonly widths: InceptionWidths;
}

/** Module `choice` beside its naïve version in the same form. */
export function compareInception(choice: InceptionChoice): InceptionComparison {
  const { form, widths } = choiceParts(choice);
  return {
    naive: inceptionModuleCost(choice.module, inceptionForm(choice.form, 'none')),
    chosen: inceptionModuleCost(choice.module, form, widths),
    widths,
  };
}
