/**
 * The sliding-kernel hyper-parameters of a convolution or pooling layer with PyTorch's defaults
 * filled in, as the convolution-arithmetic formulas use them (Dumoulin & Visin 2016): kernel k,
 * stride s, zero padding p on each side, dilation d, channel groups g, and whether a bias is added.
 * `analyzeLayer` validates these values; this module only resolves the defaults, so that a page
 * or the `zoo --json` record can show the numbers the analysis used.
 */
import { pair } from './pair.ts';
import type { Layer } from './types.ts';

/** Resolved kernel geometry of one layer; every pair is `[height, width]`, in pixels of the layer's input. */
export interface KernelGeometry {
  readonly kernel: readonly [number, number];
  /** Default 1 for a convolution, the kernel for pooling (PyTorch's rules). */
  readonly stride: readonly [number, number];
  /** Zero padding on each side. Default 0. */
  readonly padding: readonly [number, number];
  /** Spacing between kernel taps: 1 is an ordinary, undilated kernel. Pooling here is never dilated. */
  readonly dilation: readonly [number, number];
  /** Channel groups: 1 is a full convolution, as many as the input channels is depthwise. 1 for pooling. */
  readonly groups: number;
  /** Whether the layer adds one bias per output channel (convolutions only; default true). */
  readonly bias: boolean;
  /** Pooling in ceil mode rounds the output size up instead of down. */
  readonly ceil: boolean;
}

/** The kernel geometry of a conv, max-pool or average-pool layer; null for every other kind. */
export function kernelGeometry(layer: Layer): KernelGeometry | null {
  switch (layer.kind) {
    case 'conv':
      return {
        kernel: pair(layer.kernel),
        stride: pair(layer.stride ?? 1),
        padding: pair(layer.padding ?? 0),
        dilation: pair(layer.dilation ?? 1),
        groups: layer.groups ?? 1,
        bias: layer.bias ?? true,
        ceil: false,
      };
    case 'maxpool':
    case 'avgpool':
      return {
        kernel: pair(layer.kernel),
        stride: pair(layer.stride ?? layer.kernel),
        padding: pair(layer.padding ?? 0),
        dilation: [1, 1],
        groups: 1,
        bias: false,
        ceil: layer.ceil ?? false,
      };
    default:
      return null;
  }
}

/**
 * The span of a kernel of `kernel` taps spaced `dilation` apart, in input pixels:
 * k + (k − 1)(d − 1) (Dumoulin & Visin 2016, §5.1). 3 taps at dilation 2 span 5 pixels.
 */
export function effectiveKernel(kernel: number, dilation: number): number {
  return kernel + (kernel - 1) * (dilation - 1);
}
