/**
 * What a diagram box's width can encode, by name: the size of the layer's output (h·w·c values),
 * its parameters, or its multiply-accumulates, the three quantities the analysis gives each
 * layer. Names only, so the URL schema and the renderers (src/lib/viz/encoding.ts) share them.
 */

export const encodings = ['shape', 'params', 'macs'] as const;

/** A box-width encoding. */
export type Encoding = (typeof encodings)[number];

/** True when `value` names an encoding. */
export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (encodings as readonly string[]).includes(value);
}
