/**
 * Just enough of a WebAssembly assembler to write small SIMD kernels in TypeScript: functions
 * as byte arrays built from the opcodes below, and a module that imports one memory (the WASM
 * backend's own heap) and exports its functions. Opcodes and encodings follow the WebAssembly
 * core specification (binary format, § 5) and its fixed-width SIMD extension.
 */

/** Bytes of WebAssembly code. */
export type Code = readonly number[];

/** Value types. */
export const I32 = 0x7f;
export const V128 = 0x7b;
type ValueType = typeof I32 | typeof V128;

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
function sleb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(new TextEncoder().encode(s))];
const vector = (items: readonly Code[]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: Code): number[] => [id, ...uleb(body.length), ...body];

/** Concatenates pieces of code. */
export const seq = (...parts: readonly Code[]): Code => parts.flat();

export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number): Code => [0x21, ...uleb(local)];
export const tee = (local: number): Code => [0x22, ...uleb(local)];
export const i32 = (value: number): Code => [0x41, ...sleb(value)];
export const call = (fn: number): Code => [0x10, ...uleb(fn)];

export const add = [0x6a];
export const sub = [0x6b];
export const mul = [0x6c];
export const divS = [0x6d];
export const ltS = [0x48];
export const gtS = [0x4a];
export const geS = [0x4e];
export const eq = [0x46];
export const select = [0x1b];

/** A block whose `br 0` jumps past its end. */
export const block = (...body: readonly Code[]): Code => [0x02, 0x40, ...body.flat(), 0x0b];
/** A loop whose `br 0` jumps back to its start. */
export const loop = (...body: readonly Code[]): Code => [0x03, 0x40, ...body.flat(), 0x0b];
/** Runs `body` when the i32 on the stack is not zero. */
export const when = (...body: readonly Code[]): Code => [0x04, 0x40, ...body.flat(), 0x0b];
export const br = (depth: number): Code => [0x0c, ...uleb(depth)];
export const brIf = (depth: number): Code => [0x0d, ...uleb(depth)];

const simd = (op: number, ...immediates: number[]): Code => [0xfd, ...uleb(op), ...immediates];
/** v128 from memory at (address on the stack) + offset bytes. */
export const v128Load = (offset = 0): Code => simd(0x00, 4, ...uleb(offset));
/** One f32 from memory, repeated in all four lanes. */
export const v128Load32Splat = (offset = 0): Code => simd(0x09, 2, ...uleb(offset));
export const v128Store = (offset = 0): Code => simd(0x0b, 4, ...uleb(offset));
export const f32x4Add = simd(0xe4);
export const f32x4Mul = simd(0xe6);

/** One function: its parameter types, extra locals, and body (without the final `end`). */
export interface FunctionCode {
  readonly name?: string;
  readonly params: readonly ValueType[];
  readonly locals: readonly ValueType[];
  readonly body: Code;
}

/**
 * A module importing `env.memory` (shared when the heap is a SharedArrayBuffer, as in the
 * threaded WASM backend) with the functions in order (call index = position) and the named ones
 * exported.
 */
export function assemble(functions: readonly FunctionCode[], sharedMemory: boolean): Uint8Array {
  const types = functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0x00]);
  const limits = sharedMemory ? [0x03, ...uleb(1), ...uleb(65536)] : [0x00, ...uleb(1)];
  const imports = vector([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  const exported = functions.flatMap((f, i) => (f.name === undefined ? [] : [[...name(f.name), 0x00, ...uleb(i)]]));
  const bodies = functions.map((f) => {
    const locals = vector(f.locals.map((t) => [1, t]));
    const code = [...locals, ...f.body, 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, imports),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exported)),
    ...section(10, vector(bodies)),
  ]);
}
