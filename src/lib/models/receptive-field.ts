/**
 * Theoretical receptive fields, computed layer by layer from the input with the recurrences of
 * Araujo, Norris & Sim, "Computing Receptive Fields of Convolutional Neural Networks",
 * Distill 2019. All quantities are per axis, `[height, width]`, in input pixels.
 *
 * For a window layer with kernel k, dilation d (effective kernel k' = d·(k − 1) + 1), stride s
 * and padding p on each side:
 *
 *     size_out  = size_in + (k' − 1)·jump_in
 *     jump_out  = jump_in·s
 *     start_out = start_in + ((k' − 1)/2 − p)·jump_in
 *
 * `start` is the centre of the first output unit's field (unit index 0), in input pixel
 * coordinates where the first input pixel is 0. It is half-integer after even kernels. The
 * field of unit i spans input pixels start + i·jump ± (size − 1)/2; Araujo et al.'s
 * "effective padding" is (size − 1)/2 − start, the number of padded pixels the first unit's
 * field reaches beyond the top/left border.
 */
export interface ReceptiveField {
  /** Field size in input pixels, [height, width]. */
  size: [number, number];
  /** Distance in input pixels between the fields of adjacent units (the effective stride). */
  jump: [number, number];
  /** Centre of unit 0's field in input pixel coordinates (may be fractional or negative). */
  start: [number, number];
}

/** The field of one input pixel: size 1, jump 1, centred on pixel 0. */
export function inputField(): ReceptiveField {
  return { size: [1, 1], jump: [1, 1], start: [0, 0] };
}

/**
 * The field after a sliding-window layer (conv, pooling, subsampling, strided shortcut).
 * Arguments are `[height, width]` in the layer's own input pixels.
 */
export function throughWindow(
  field: ReceptiveField,
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
  dilation: readonly [number, number] = [1, 1],
): ReceptiveField {
  const axis = (a: 0 | 1): [number, number, number] => {
    const span = dilation[a] * (kernel[a] - 1);
    return [
      field.size[a] + span * field.jump[a],
      field.jump[a] * stride[a],
      field.start[a] + (span / 2 - padding[a]) * field.jump[a],
    ];
  };
  const [sh, jh, ch] = axis(0);
  const [sw, jw, cw] = axis(1);
  return { size: [sh, sw], jump: [jh, jw], start: [ch, cw] };
}

/**
 * The field of a join of branches with equal jumps, an element-wise sum (`add`) or a channel
 * concatenation (`concat`): the bounding box of the union of the branches' fields, since an
 * output unit sees whatever any of its branches sees. When the branches are centred alike (every
 * residual network, Inception module, Fire module and dense block here) this is simply the
 * largest field, as in Araujo et al.'s treatment of multi-path networks.
 * Returns null when the jumps differ (the join would not be a regular grid of fields).
 */
export function mergeFields(first: ReceptiveField, ...rest: readonly ReceptiveField[]): ReceptiveField | null {
  if (rest.some((f) => f.jump[0] !== first.jump[0] || f.jump[1] !== first.jump[1])) return null;
  const all = [first, ...rest];
  const axis = (x: 0 | 1): [number, number] => {
    const lo = Math.min(...all.map((f) => f.start[x] - (f.size[x] - 1) / 2));
    const hi = Math.max(...all.map((f) => f.start[x] + (f.size[x] - 1) / 2));
    return [hi - lo + 1, (lo + hi) / 2];
  };
  const [sh, ch] = axis(0);
  const [sw, cw] = axis(1);
  return { size: [sh, sw], jump: [first.jump[0], first.jump[1]], start: [ch, cw] };
}

/**
 * Araujo et al.'s effective padding, [height, width] in input pixels: how far unit 0's field
 * reaches past the top and left borders into the zero padding.
 */
export function effectivePadding(field: ReceptiveField): [number, number] {
  return [(field.size[0] - 1) / 2 - field.start[0], (field.size[1] - 1) / 2 - field.start[1]];
}

/**
 * Input pixels seen by the output unit at `[row, col]`, as inclusive bounds in input pixel
 * coordinates. Bounds may lie outside the image (in the padding).
 */
export function fieldBounds(
  field: ReceptiveField,
  unit: readonly [number, number],
): { top: number; left: number; bottom: number; right: number } {
  const centre = (a: 0 | 1): number => field.start[a] + unit[a] * field.jump[a];
  const half = (a: 0 | 1): number => (field.size[a] - 1) / 2;
  return {
    top: centre(0) - half(0),
    left: centre(1) - half(1),
    bottom: centre(0) + half(0),
    right: centre(1) + half(1),
  };
}
