/**
 * The receptive-field explorer's whole state: one plain, serialisable object. The widget renders
 * from it and reports every change as a new object (see `onStateChange` in
 * rf-explorer.client.ts), so the same object can live in a URL, a bookmark or an embed.
 * `normalizeRfState` is the one validator: anything (a URL value, an MDX prop) goes through it.
 */

/** How the networks' weights start. */
export type RfInit = 'uniform' | 'he';
/** The input image under the maps. */
export type RfInput = 'pattern' | 'noise';
/** Which networks are shown. */
export type RfNets = 'both' | 'plain' | 'residual';
/** Spatial kernel size of every convolution. */
export type RfKernel = 3 | 5 | 7;

export interface RfExplorerState {
  /**
   * Convolution layers on the longest path to the chosen unit. Without downsampling: odd,
   * 3…MAX (the residual net is a stem conv + (depth − 1)/2 two-conv blocks; the plain net has
   * `depth` convs). With downsampling: 6n + 1 (the residual net has n blocks in each of three
   * stages; the plain net 2n convs per stage, one fewer in all as it has no stem).
   */
  readonly depth: number;
  /** Halve the resolution twice: max pooling between the plain net's stages, stride-2 convs in the residual net's. */
  readonly downsample: boolean;
  readonly kernel: RfKernel;
  /** 'uniform': every weight 1/fan-in, Luo et al.'s uniform weighting; 'he': random He-normal. */
  readonly init: RfInit;
  /** Random initialisations averaged (1 is enough for 'uniform' weights on the pattern). */
  readonly inits: number;
  readonly input: RfInput;
  readonly nets: RfNets;
  /**
   * The input pixel (row) the reader pointed at; in each network the chosen unit of the last
   * layer is the one whose field centre is nearest to it.
   */
  readonly unitY: number;
  /** The input pixel (column) the reader pointed at. */
  readonly unitX: number;
}

/** Side of the (square, one-channel) input image, in pixels. */
export const RF_INPUT_SIDE = 48;

export const RF_LIMITS = {
  minDepth: 3,
  maxDepth: 63,
  minInits: 1,
  maxInits: 32,
  kernels: [3, 5, 7] as readonly RfKernel[],
  inits: ['uniform', 'he'] as readonly RfInit[],
  inputs: ['pattern', 'noise'] as readonly RfInput[],
  nets: ['both', 'plain', 'residual'] as readonly RfNets[],
} as const;

export const DEFAULT_RF_STATE: RfExplorerState = {
  depth: 9,
  downsample: false,
  kernel: 3,
  init: 'uniform',
  inits: 4,
  input: 'pattern',
  nets: 'both',
  unitY: RF_INPUT_SIDE / 2,
  unitX: RF_INPUT_SIDE / 2,
};

/** The depths the slider offers: odd 3…63, or 6n + 1 (7…61) with downsampling. */
export function depthOptions(downsample: boolean): number[] {
  const out: number[] = [];
  const [first, step] = downsample ? [7, 6] : [RF_LIMITS.minDepth, 2];
  for (let d = first; d <= RF_LIMITS.maxDepth; d += step) out.push(d);
  return out;
}

/** The offered depth nearest to `depth` (ties to the shallower). */
export function nearestDepth(depth: number, downsample: boolean): number {
  const options = depthOptions(downsample);
  let best = options[0]!;
  for (const d of options) if (Math.abs(d - depth) < Math.abs(best - depth)) best = d;
  return best;
}

/** A notice about a value that was replaced, for the widget to show. */
export interface RfStateNotice {
  readonly field: keyof RfExplorerState;
  /** What was asked for, as given. */
  readonly given: unknown;
  /** What is used instead. */
  readonly used: unknown;
}

/**
 * A valid state from anything: missing fields take the defaults, out-of-range numbers are
 * clamped, depths snap to the nearest offered one, unknown words fall back to the default.
 * Every replacement of a given value is listed in `notices`.
 */
export function normalizeRfState(input: Readonly<Partial<Record<keyof RfExplorerState, unknown>>> = {}): {
  state: RfExplorerState;
  notices: RfStateNotice[];
} {
  const notices: RfStateNotice[] = [];
  const d = DEFAULT_RF_STATE;
  const note = <K extends keyof RfExplorerState>(field: K, used: RfExplorerState[K]): RfExplorerState[K] => {
    if (input[field] !== undefined && input[field] !== used) notices.push({ field, given: input[field], used });
    return used;
  };
  const oneOf = <K extends keyof RfExplorerState>(field: K, options: readonly unknown[]): RfExplorerState[K] => {
    const v = input[field];
    return note(field, (options.includes(v) ? v : d[field]) as RfExplorerState[K]);
  };
  const number = (field: keyof RfExplorerState): number | null => {
    const v = input[field];
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    return typeof n === 'number' && Number.isFinite(n) ? n : null;
  };
  const boolean = (field: 'downsample'): boolean => {
    const v = input[field];
    if (v === undefined) return d[field];
    const parsed =
      v === true || v === 'true' || v === 1 || v === '1'
        ? true
        : v === false || v === 'false' || v === 0 || v === '0'
          ? false
          : null;
    if (parsed !== null) return parsed;
    notices.push({ field, given: v, used: d[field] });
    return d[field];
  };
  const int = (field: 'inits' | 'unitY' | 'unitX', lo: number, hi: number): number => {
    const n = number(field);
    const used = n === null ? d[field] : Math.min(hi, Math.max(lo, Math.round(n)));
    if (input[field] !== undefined && Number(input[field]) !== used) notices.push({ field, given: input[field], used });
    return used;
  };
  const downsample = boolean('downsample');
  const depthValue = number('depth');
  const depth = nearestDepth(depthValue ?? d.depth, downsample);
  if (input.depth !== undefined && Number(input.depth) !== depth)
    notices.push({ field: 'depth', given: input.depth, used: depth });
  const kernelValue = number('kernel');
  const kernel = (RF_LIMITS.kernels as readonly number[]).includes(kernelValue ?? Number.NaN)
    ? (kernelValue as RfKernel)
    : d.kernel;
  if (input.kernel !== undefined && Number(input.kernel) !== kernel)
    notices.push({ field: 'kernel', given: input.kernel, used: kernel });
  const state: RfExplorerState = {
    depth,
    downsample,
    kernel,
    init: oneOf('init', RF_LIMITS.inits),
    inits: int('inits', RF_LIMITS.minInits, RF_LIMITS.maxInits),
    input: oneOf('input', RF_LIMITS.inputs),
    nets: oneOf('nets', RF_LIMITS.nets),
    unitY: int('unitY', 0, RF_INPUT_SIDE - 1),
    unitX: int('unitX', 0, RF_INPUT_SIDE - 1),
  };
  return { state, notices };
}
