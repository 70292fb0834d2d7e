/**
 * Built networks, kept for reuse between jobs under a byte budget. A slider that returns to an
 * earlier value reuses that network; the least recently used ones are disposed (freeing their
 * GPU memory) once the budget is exceeded.
 */
import type { Network } from './network.ts';

/** Default budget: 64 MiB of weights. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** Bytes of a network's weight tensors (float32). */
export function networkBytes(net: Network): number {
  let total = 0;
  for (const v of net.weights.values()) total += v.size * 4;
  return total;
}

/** An LRU of networks by key. */
export class ModelCache {
  #entries = new Map<string, { net: Network; bytes: number }>();
  #budget: number;

  constructor(budgetBytes = DEFAULT_CACHE_BYTES) {
    this.#budget = budgetBytes;
  }

  /** The cached network for `key`, or a new one from `make` (cached unless larger than the budget). */
  get(key: string, make: () => Network): Network {
    const hit = this.#entries.get(key);
    if (hit && !hit.net.isDisposed) {
      this.#entries.delete(key);
      this.#entries.set(key, hit); // most recently used last
      return hit.net;
    }
    const net = make();
    this.#entries.set(key, { net, bytes: networkBytes(net) });
    this.#evict(key);
    return net;
  }

  /** Disposes least recently used networks until the total fits, never the one just used. */
  #evict(keep: string): void {
    let total = this.bytes;
    for (const [key, entry] of this.#entries) {
      if (total <= this.#budget) break;
      if (key === keep) continue;
      entry.net.dispose();
      this.#entries.delete(key);
      total -= entry.bytes;
    }
  }

  /** Total bytes held. */
  get bytes(): number {
    let total = 0;
    for (const e of this.#entries.values()) total += e.bytes;
    return total;
  }

  /** Number of cached networks. */
  get size(): number {
    return this.#entries.size;
  }

  /** Drops every entry whose key starts with `prefix` ('' for all), disposing what still lives. */
  clear(prefix = ''): void {
    for (const [key, entry] of this.#entries) {
      if (!key.startsWith(prefix)) continue;
      try {
        if (!entry.net.isDisposed) entry.net.dispose();
      } catch {
        // Its backend is already gone (lost GPU context): nothing left to free.
      }
      this.#entries.delete(key);
    }
  }
}
