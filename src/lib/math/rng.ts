/**
 * Seeded pseudo-random numbers, generated in JavaScript so that every backend (CPU, WebGL,
 * WebGPU, WASM) receives bit-identical initial weights and dropout masks. TF.js's own
 * random ops depend on global state and differ between backends.
 */

/** A stream of pseudo-random numbers. */
export interface Rng {
  /** Uniform in [0, 1), 32 bits of randomness. */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia's polar method). */
  normal(): number;
}

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator with period 2^32,
 * plenty for initialising weights, and fast in JavaScript.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  // Marsaglia's polar method: two normals per accepted pair, no trigonometry.
  const normal = (): number => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    return u * factor;
  };
  return { uniform, normal };
}

/**
 * Derives an independent 32-bit seed for one named stream (e.g. a weight tensor
 * `"layer1.0.conv1/kernel"`) from a base seed, so that a tensor's initial values depend only on
 * the seed and its name, not on which other layers the network has.
 * FNV-1a over the key, then a murmur3 finaliser to spread nearby seeds.
 */
export function deriveSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator for the named stream `key` under `seed` (see {@link deriveSeed}). */
export function rngFor(seed: number, key: string): Rng {
  return mulberry32(deriveSeed(seed, key));
}
