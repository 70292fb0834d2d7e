/**
 * A whole model in a URL: `encodeModel(spec)` writes it in our text format when that expresses it
 * (about half the size of JSON once compressed), else as JSON, compresses it with raw DEFLATE
 * (the Compression Streams API, which browsers and Node ≥ 18 both have) and encodes it as
 * base64url behind a one-letter tag: `t…` for text, `j…` for JSON. Zoo models take 236 (lenet5_modern)
 * to 2,747 characters (resnet152_v1); anything over MAX_URL_MODEL_CHARS is refused, for a
 * downloadable JSON file instead.
 *
 * `decodeModel(value)` treats the value as hostile: it checks the tag, the alphabet and the length
 * before decoding, stops inflating past MAX_TEXT_CHARS bytes (a deflate bomb), decodes UTF-8
 * strictly, and then parses with the ordinary parsers and their limits. It never throws: a bad
 * value comes back as `{ ok: false, error }`.
 */
import type { ModelSpec } from '../models/index.ts';
import { parseJsonSpec } from './json-spec.ts';
import { MAX_TEXT_CHARS, MAX_URL_MODEL_CHARS } from './limits.ts';
import { ParseError, START } from './parse-error.ts';
import { parseText } from './text-format.ts';
import { textExpressible, toText } from './text-write.ts';
import type { ParseOutcome } from './outcome.ts';

export { MAX_URL_MODEL_CHARS };

/** The encoded model, or why there is none. */
export type Encoded = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly length: number };

/** `spec` as a URL-safe string (`[tj][A-Za-z0-9_-]*`), or `{ ok: false, length }` when it would exceed MAX_URL_MODEL_CHARS. */
export async function encodeModel(spec: ModelSpec): Promise<Encoded> {
  const asText = textExpressible(spec).ok;
  const source = asText ? toText(spec) : JSON.stringify(spec);
  const value = (asText ? 't' : 'j') + toBase64Url(await deflate(new TextEncoder().encode(source)));
  return value.length <= MAX_URL_MODEL_CHARS ? { ok: true, value } : { ok: false, length: value.length };
}

/** The model `value` (from encodeModel) stands for, parsed and analysed, or the reason it cannot be read. */
export async function decodeModel(value: string): Promise<ParseOutcome> {
  const format = value.startsWith('j') ? 'json' : 'text';
  const refuse = (reason: string): ParseOutcome => ({
    ok: false,
    format,
    error: new ParseError(reason, START, {
      hint: 'the link may be cut short or altered; open the model from its source again',
    }),
  });
  if (value.length > MAX_URL_MODEL_CHARS)
    return refuse(`the link's model is ${value.length} characters, more than the ${MAX_URL_MODEL_CHARS} accepted`);
  if (!/^[tj][A-Za-z0-9_-]+$/.test(value)) return refuse("the link's model is not in a form this page writes");
  let source: string;
  try {
    const bytes = await inflate(fromBase64Url(value.slice(1)), MAX_TEXT_CHARS);
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    return refuse(
      `the link's model cannot be decompressed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    const parsed = format === 'json' ? parseJsonSpec(source) : parseText(source);
    return { ok: true, format, ...parsed };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, format, error };
    throw error;
  }
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates raw DEFLATE data, giving up once the output passes `limit` bytes. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new Error(`it inflates to more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('its length is not that of base64');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
