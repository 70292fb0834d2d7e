/**
 * gzip through the Compression Streams API, which browsers and Node ≥ 18 both provide as
 * globals: the site and the Node scripts decode the shipped assets with the same code.
 */

/** Compresses `bytes` as a gzip member. */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'));
}

/**
 * Decompresses a gzip file. Throws an Error naming `what` (e.g. the file name) when the bytes
 * are not gzip or are cut short, instead of the stream's bare TypeError.
 */
export async function gunzip(bytes: Uint8Array, what = 'data'): Promise<Uint8Array> {
  try {
    return await pipe(bytes, new DecompressionStream('gzip'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${what} is not a complete gzip file (${reason})`, { cause: error });
  }
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // A Blob copies the bytes, so the caller's buffer may be reused or transferred afterwards.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
