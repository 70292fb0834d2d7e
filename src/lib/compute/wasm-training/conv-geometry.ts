/**
 * The geometry of the forward convolution whose gradients the WASM kernels compute: shapes,
 * strides and the padding actually applied (TF.js's 'same', 'valid', a number or explicit
 * pads all end up as top/bottom/left/right), checked for what the kernels support.
 */
import * as tf from '../tf.ts';

/** The attributes both convolution-gradient kernels receive. */
export interface ConvGradientAttrs {
  readonly strides: [number, number] | number;
  readonly pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** TF.js never sends it (its conv2d gradient refuses dilation); checked in case a caller does. */
  readonly dilations?: [number, number] | number;
}

/** Why a gradient kernel cannot run these attributes, or null when it can. */
export function unsupported(attrs: ConvGradientAttrs, dtypes: readonly tf.DataType[]): string | null {
  if (attrs.dataFormat === 'NCHW') return 'NCHW data (only NHWC is supported)';
  const dilations = attrs.dilations ?? 1;
  const [dh, dw] = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  if (dh !== 1 || dw !== 1) return `dilation ${dh}×${dw} (only dilation 1 is supported)`;
  const other = dtypes.find((d) => d !== 'float32');
  if (other !== undefined) return `${other} data (only float32 is supported)`;
  return null;
}

/**
 * The forward convolution x: `inputShape` [batch, h, w, cIn] ⊛ kernel: `filterShape`
 * [kh, kw, cIn, cOut] described by `attrs`, dilation 1, for gradient inputs of `dtypes`. Throws a
 * clear error for what the WASM gradient kernels do not support (NCHW, dilation > 1, not float32).
 */
export function forwardConvInfo(
  inputShape: readonly number[],
  filterShape: readonly number[],
  attrs: ConvGradientAttrs,
  kernelName: string,
  dtypes: readonly tf.DataType[],
): tf.backend_util.Conv2DInfo {
  const reason = unsupported(attrs, dtypes);
  if (reason !== null) throw new Error(`${kernelName} on WASM: ${reason}`);
  return tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
}
