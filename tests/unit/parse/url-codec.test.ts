import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/lib/math/rng.ts';
import { getModel, modelIds, type ModelSpec } from '../../../src/lib/models/index.ts';
import { canonicalSpec } from '../../../src/lib/parse/canonical.ts';
import { parsePytorch } from '../../../src/lib/parse/pytorch.ts';
import { stable } from '../../../src/lib/parse/text-write.ts';
import { decodeModel, encodeModel, MAX_URL_MODEL_CHARS } from '../../../src/lib/parse/url-codec.ts';
import { interleavedBranches } from './helpers.ts';

async function encoded(spec: ModelSpec): Promise<string> {
  const result = await encodeModel(spec);
  if (!result.ok) throw new Error(`too large: ${result.length}`);
  return result.value;
}

describe.each(modelIds)('encodeModel(%s)', (id) => {
  it(`fits in ${MAX_URL_MODEL_CHARS} URL-safe characters, and decodeModel gives the spec back`, async () => {
    const spec = getModel(id);
    const value = await encoded(spec);
    expect(value).toMatch(/^t[A-Za-z0-9_-]+$/);
    expect(value.length).toBeLessThanOrEqual(MAX_URL_MODEL_CHARS);
    const outcome = await decodeModel(value);
    expect(outcome.ok && stable(outcome.spec)).toBe(stable(canonicalSpec(spec)));
  });
});

describe('encodeModel(spec the text format cannot express)', () => {
  it('falls back to JSON, tagged j, and decodes exactly', async () => {
    const spec = interleavedBranches;
    const value = await encoded(spec);
    expect(value[0]).toBe('j');
    const outcome = await decodeModel(value);
    expect(outcome.ok && outcome.spec).toEqual(spec);
  });

  it('refuses a model too large for a URL, giving its length', async () => {
    const rng = mulberry32(5);
    const noise = (): string => Array.from({ length: 16 }, () => Math.floor(rng.uniform() * 36).toString(36)).join('');
    const layers = Array.from({ length: 900 }, (_, i) => ({
      id: `l${i}`,
      kind: 'activation' as const,
      activation: 'relu' as const,
      label: noise(),
    }));
    const result = await encodeModel({ id: 'big', name: 'big', inputShape: [8, 8, 3], sources: [], layers });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.length).toBeGreaterThan(MAX_URL_MODEL_CHARS);
  });
});

/** raw DEFLATE of `bytes`, base64url, behind `tag`. */
async function pack(tag: string, bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  return (
    tag +
    btoa(String.fromCharCode(...packed))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '')
  );
}

describe('decodeModel(hostile value) refuses without throwing', () => {
  it.each<[string, () => Promise<string>, RegExp]>([
    ['an empty value', async () => '', /not in a form this page writes/],
    [
      'an unknown tag',
      async () => 'x' + (await encoded(getModel('lenet5'))).slice(1),
      /not in a form this page writes/,
    ],
    ['characters outside base64url', async () => 't<script>alert(1)</script>', /not in a form this page writes/],
    ['an over-long value', async () => 't' + 'A'.repeat(MAX_URL_MODEL_CHARS), /more than the 8000 accepted/],
    ['a value cut short', async () => (await encoded(getModel('resnet18'))).slice(0, 200), /cannot be decompressed/],
    ['bytes that are not DEFLATE', async () => 'tAAAAAAAAAAAAAAAAAAA', /cannot be decompressed/],
    [
      'a deflate bomb (2 MB of zeros)',
      () => pack('t', new Uint8Array(2_000_000)),
      /inflates to more than 1000000 bytes/,
    ],
    ['bytes that are not UTF-8', () => pack('t', new Uint8Array([0xff, 0xfe, 0xfd])), /cannot be decompressed/],
    [
      'valid compression of a bad model',
      () => pack('t', new TextEncoder().encode('conv 8 kernel=0')),
      /kernel must be positive/,
    ],
    [
      'JSON with a __proto__ key',
      () => pack('j', new TextEncoder().encode('{"__proto__": {"x": 1}}')),
      /"__proto__" is not allowed/,
    ],
  ])('%s', async (_what, make, reason) => {
    const outcome = await decodeModel(await make());
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.reason).toMatch(reason);
  });
});

describe.each(['resnet50', 'googlenet', 'densenet121', 'mobilenet_v2', 'tinynet'])(
  'encodeModel(parsePytorch(print(%s)))',
  (name) => {
    it('writes the pasted model as text and decodes it to the same spec', async () => {
      const text = readFileSync(new URL(`../../fixtures/pytorch/${name}.txt`, import.meta.url), 'utf8');
      const { spec } = parsePytorch(text);
      const value = await encoded(spec);
      expect(value[0]).toBe('t');
      const outcome = await decodeModel(value);
      expect(outcome.ok && stable(outcome.spec)).toBe(stable(spec));
    });
  },
);
