/**
 * Loading the site's MNIST asset over HTTP (in the browser or its worker): the two files that
 * scripts/mnist-asset.ts writes into public/data/.
 */
import { decodeDigitsGzip } from './mnist-codec.ts';
import type { MnistSplit } from './mnist.ts';

/** The asset files, by split, relative to the data directory (public/data/). */
export const MNIST_ASSET_FILES = { train: 'mnist-train.u8.gz', test: 'mnist-test.u8.gz' } as const;

/** What {@link fetchMnistSplit} needs of `fetch`. */
export type FetchBytes = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Both splits from the data directory at `base` (a URL ending in '/', e.g. '/data/'). Fails
 * with the file's URL and the HTTP status when a file is missing, and with the decoder's
 * message when one is damaged.
 */
export async function fetchMnistSplit(base: string, fetchBytes: FetchBytes = fetch): Promise<MnistSplit> {
  const load = async (file: string) => {
    const url = `${base}${file}`;
    const response = await fetchBytes(url);
    if (!response.ok) throw new Error(`could not load the MNIST digits from ${url} (HTTP ${response.status})`);
    return decodeDigitsGzip(new Uint8Array(await response.arrayBuffer()), url);
  };
  const [train, test] = await Promise.all([load(MNIST_ASSET_FILES.train), load(MNIST_ASSET_FILES.test)]);
  return { train, test };
}
