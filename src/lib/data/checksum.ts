/**
 * FNV-1a, 32 bits: a fast non-cryptographic checksum, enough to tell a damaged asset from a
 * good one (it is not a defence against tampering; the site serves its own files).
 */

/** FNV-1a hash of `bytes`, an unsigned 32-bit integer. */
export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
