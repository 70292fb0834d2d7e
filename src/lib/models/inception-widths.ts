/**
 * GoogLeNet's Inception widths (Szegedy et al. 2015, Table 1), apart from the layers they build:
 * the widget's URL schema needs the module names without the model code.
 */
import type { InceptionWidths } from './inception-module.ts';

/**
 * torchvision's Inception(in_channels, ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, pool_proj)
 * arguments after in_channels, per module, from Szegedy et al. 2015 Table 1.
 */
export const inceptionConfigs = {
  inception3a: [64, 96, 128, 16, 32, 32],
  inception3b: [128, 128, 192, 32, 96, 64],
  inception4a: [192, 96, 208, 16, 48, 64],
  inception4b: [160, 112, 224, 24, 64, 64],
  inception4c: [128, 128, 256, 24, 64, 64],
  inception4d: [112, 144, 288, 32, 64, 64],
  inception4e: [256, 160, 320, 32, 128, 128],
  inception5a: [256, 160, 320, 32, 128, 128],
  inception5b: [384, 192, 384, 48, 128, 128],
} as const satisfies Record<string, InceptionWidths>;

/** One of the nine modules, by torchvision's name (`inception3a` … `inception5b`). */
export type InceptionName = keyof typeof inceptionConfigs;

/** The nine module names in network order. */
export const inceptionNames = Object.keys(inceptionConfigs) as InceptionName[];

/** Reduction widths the Inception-cost widget offers, as multiples of Table 1's; 'none' is the naïve module. */
export const REDUCTION_FACTORS = ['none', '0.25', '0.5', '1', '2', '4'] as const;

/** One of `REDUCTION_FACTORS`. */
export type ReductionFactor = (typeof REDUCTION_FACTORS)[number];
