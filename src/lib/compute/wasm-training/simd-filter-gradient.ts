/**
 * ∂loss/∂kernel of a convolution computed by a small WebAssembly SIMD kernel that works on the
 * WASM backend's own heap, reading x and dy in place (NHWC) and writing dW.
 *
 * The forward-convolution route (conv-filter-gradient.ts) makes XNNPACK do the multiplications,
 * but it first transposes x and dy, and XNNPACK then transposes and packs dy as a fresh filter on
 * every call: as long as the multiplications themselves for a ResNet-20 layer at batch 32. This
 * kernel does only the multiplications. For every output row (b, y) and kernel tap (i, j), the
 * input pixels that tap reads along the row are evenly spaced in x, and
 *   dW[i, j, c, o] += Σ_x x[b, y·s + i − p, x·s + j − p, c] · dy[b, y, x, o]
 * is a product of a [cIn × n] and an [n × cOut] matrix, both read where they lie. Blocks of
 * 4 input × 8 output channels keep their 8 four-lane sums in registers along the row (one
 * 4 × 8 outer product per pixel: 4 broadcast loads, 2 vector loads, 16 vector mul/add), as
 * XNNPACK's own kernels do; dW stays in cache from row to row. Edge blocks of 1–3 input or 4
 * output channels have kernels of their own; cOut must be a multiple of 4.
 *
 * Needs WebAssembly SIMD and the backend's WebAssembly.Memory; `simdFilterGradient` returns null
 * where either is missing, and the caller falls back to the forward-convolution route.
 */
import type * as tf from '../tf.ts';
import {
  I32,
  V128,
  add,
  assemble,
  block,
  br,
  brIf,
  call,
  divS,
  eq,
  f32x4Add,
  f32x4Mul,
  geS,
  get,
  gtS,
  i32,
  loop,
  ltS,
  mul,
  select,
  seq,
  set,
  sub,
  tee,
  v128Load,
  v128Load32Splat,
  v128Store,
  when,
  type Code,
  type FunctionCode,
} from './wasm-assembler.ts';

/** Input channels (rows) and output channels (columns) of the register block, per kernel. */
const ROWS = [1, 2, 3, 4] as const;
const COLUMNS = [4, 8] as const;

/** Index of the block kernel for `rows` × `columns` in the module. */
const tileIndex = (rows: number, columns: number): number => (rows - 1) * COLUMNS.length + (columns === 8 ? 1 : 0);

/**
 * tile(xp, dp, op, n, xStep, dStep, oStride): for k < n, with x = xp + k·xStep and d = dp + k·dStep
 * (byte addresses), adds the outer product of the `rows` floats at x and the `columns` floats at d
 * to the block of dW at op (rows oStride bytes apart).
 */
function tileKernel(rows: number, columns: number): FunctionCode {
  const [xp, dp, op, n, xStep, dStep, oStride] = [0, 1, 2, 3, 4, 5, 6] as const;
  const row = 7;
  const vectors = columns / 4;
  const d = (h: number) => 8 + h;
  const s = 8 + vectors;
  const acc = (r: number, h: number) => 9 + vectors + r * vectors + h;
  const rowsOf = (f: (r: number) => Code): Code =>
    seq(get(op), set(row), ...Array.from({ length: rows }, (_, r) => seq(f(r), get(row), get(oStride), add, set(row))));
  const step = seq(
    ...Array.from({ length: vectors }, (_, h) => seq(get(dp), v128Load(16 * h), set(d(h)))),
    ...Array.from({ length: rows }, (_, r) =>
      seq(
        get(xp),
        v128Load32Splat(4 * r),
        set(s),
        ...Array.from({ length: vectors }, (_, h) =>
          seq(get(acc(r, h)), get(s), get(d(h)), f32x4Mul, f32x4Add, set(acc(r, h))),
        ),
      ),
    ),
    get(xp),
    get(xStep),
    add,
    set(xp),
    get(dp),
    get(dStep),
    add,
    set(dp),
    get(n),
    i32(1),
    sub,
    tee(n),
    brIf(0),
  );
  return {
    params: [I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, ...Array<typeof V128>(vectors + 1 + rows * vectors).fill(V128)],
    body: seq(
      rowsOf((r) => seq(...Array.from({ length: vectors }, (_, h) => seq(get(row), v128Load(16 * h), set(acc(r, h)))))),
      loop(step),
      rowsOf((r) =>
        seq(...Array.from({ length: vectors }, (_, h) => seq(get(row), get(acc(r, h)), v128Store(16 * h)))),
      ),
    ),
  };
}

/** `for (v = from; v < to; v += by) body`: inside `body`, `br 0` continues with the next v. */
function forLoop(v: number, from: Code, to: Code, by: number, body: Code): Code {
  return seq(from, set(v), block(loop(get(v), to, geS, brIf(1), block(body), get(v), i32(by), add, set(v), br(0))));
}

/**
 * dw(x, dy, out, B, H, W, CI, OH, OW, CO, KH, KW, SH, SW, PT, PL): adds ∂loss/∂kernel
 * [KH, KW, CI, CO] at byte address `out` for x [B, H, W, CI] at `x` and dy [B, OH, OW, CO] at `dy`,
 * strides SH, SW and top/left padding PT, PL. `out` must hold zeros (or a sum to add to).
 */
function mainKernel(): FunctionCode {
  // Parameters 0–15, then the function's own locals 16–34.
  const [x, dy, out, B, H, W, CI, OH, OW, CO, KH, KW, SH, SW, PT, PL] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  ] as const;
  const [b, i, kh, kw, y, jlo, jhi, xRow, dyRow, xStart, dStart, outTap, ci0, co0, t, xStep, dStep, n, rows] = [
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
  ] as const;
  /** Calls the block kernel for `rows` × `columns` at (ci0, co0). */
  const tile = (r: number, columns: number): Code =>
    seq(
      get(xStart),
      get(ci0),
      i32(4),
      mul,
      add,
      get(dStart),
      get(co0),
      i32(4),
      mul,
      add,
      get(outTap),
      get(ci0),
      get(CO),
      mul,
      get(co0),
      add,
      i32(4),
      mul,
      add,
      get(n),
      get(xStep),
      get(dStep),
      get(dStep),
      call(tileIndex(r, columns)),
    );
  const columnBlocks = (r: number): Code =>
    seq(
      i32(0),
      set(co0),
      block(
        loop(
          get(co0),
          get(CO),
          geS,
          brIf(1),
          get(CO),
          get(co0),
          sub,
          i32(8),
          geS,
          when(tile(r, 8), get(co0), i32(8), add, set(co0), br(1)),
          tile(r, 4),
          get(co0),
          i32(4),
          add,
          set(co0),
          br(0),
        ),
      ),
    );
  const tapRow = seq(
    // jlo = ⌈(PL − kw)/SW⌉ clamped at 0; jhi = ⌊(W − 1 + PL − kw)/SW⌋ clamped at OW − 1.
    get(PL),
    get(kw),
    sub,
    tee(t),
    get(SW),
    add,
    i32(1),
    sub,
    get(SW),
    divS,
    i32(0),
    get(t),
    i32(0),
    gtS,
    select, // t > 0 ? (t + SW − 1)/SW : 0
    set(jlo),
    get(W),
    i32(1),
    sub,
    get(t),
    add,
    tee(t),
    i32(0),
    ltS,
    brIf(0),
    get(t),
    get(SW),
    divS,
    tee(jhi),
    get(OW),
    i32(1),
    sub,
    tee(t),
    get(jhi),
    get(t),
    ltS,
    select, // min(jhi, OW − 1)
    set(jhi),
    get(jlo),
    get(jhi),
    gtS,
    brIf(0),
    get(jhi),
    get(jlo),
    sub,
    i32(1),
    add,
    set(n),
    // xStart = xRow + ((jlo·SW + kw − PL)·CI)·4; dStart = dyRow + jlo·CO·4
    get(xRow),
    get(jlo),
    get(SW),
    mul,
    get(kw),
    add,
    get(PL),
    sub,
    get(CI),
    mul,
    i32(4),
    mul,
    add,
    set(xStart),
    get(dyRow),
    get(jlo),
    get(dStep),
    mul,
    add,
    set(dStart),
    // outTap = out + ((kh·KW + kw)·CI·CO)·4
    get(out),
    get(kh),
    get(KW),
    mul,
    get(kw),
    add,
    get(CI),
    mul,
    get(CO),
    mul,
    i32(4),
    mul,
    add,
    set(outTap),
    forLoop(
      ci0,
      i32(0),
      get(CI),
      4,
      seq(
        get(CI),
        get(ci0),
        sub,
        set(rows),
        ...ROWS.map((r) => seq(get(rows), i32(r), r === 4 ? geS : eq, when(columnBlocks(r), br(1)))),
      ),
    ),
  );
  const body = seq(
    get(SW),
    get(CI),
    mul,
    i32(4),
    mul,
    set(xStep),
    get(CO),
    i32(4),
    mul,
    set(dStep),
    forLoop(
      b,
      i32(0),
      get(B),
      1,
      forLoop(
        i,
        i32(0),
        get(OH),
        1,
        seq(
          get(dy),
          get(b),
          get(OH),
          mul,
          get(i),
          add,
          get(OW),
          mul,
          get(dStep),
          mul,
          add,
          set(dyRow),
          forLoop(
            kh,
            i32(0),
            get(KH),
            1,
            seq(
              get(i),
              get(SH),
              mul,
              get(kh),
              add,
              get(PT),
              sub,
              tee(y),
              i32(0),
              ltS,
              brIf(0),
              get(y),
              get(H),
              geS,
              brIf(0),
              get(x),
              get(b),
              get(H),
              mul,
              get(y),
              add,
              get(W),
              mul,
              get(CI),
              mul,
              i32(4),
              mul,
              add,
              set(xRow),
              forLoop(kw, i32(0), get(KW), 1, tapRow),
            ),
          ),
        ),
      ),
    ),
  );
  return {
    name: 'dw',
    params: Array<typeof I32>(16).fill(I32),
    locals: Array<typeof I32>(19).fill(I32),
    body,
  };
}

/** The backend parts the kernel needs (BackendWasm has them). */
interface HeapBackend {
  readonly wasm: { readonly asm?: { readonly memory?: WebAssembly.Memory }; readonly wasmMemory?: WebAssembly.Memory };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

type Dw = (...args: number[]) => void;

/** The compiled kernel per WebAssembly.Memory (null: this engine or backend cannot run it). */
const kernels = new WeakMap<WebAssembly.Memory, Dw | null>();

function kernelFor(backend: HeapBackend): Dw | null {
  const memory = backend.wasm.wasmMemory ?? backend.wasm.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) return null;
  let dw = kernels.get(memory);
  if (dw === undefined) {
    try {
      const tiles = ROWS.flatMap((r) => COLUMNS.map((c) => tileKernel(r, c)));
      const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
      const bytes = assemble([...tiles, mainKernel()], shared);
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env: { memory } });
      dw = instance.exports['dw'] as Dw;
    } catch {
      dw = null; // no SIMD here, or a memory the module cannot import
    }
    kernels.set(memory, dw);
  }
  return dw;
}

/**
 * dW: [kh, kw, cIn, cOut] from x: [batch, h, w, cIn] and dy: [batch, outH, outW, cOut] (NHWC,
 * float32) for the convolution `info` (dilation 1), or null when the kernel cannot run here
 * (no WebAssembly SIMD, or cOut not a multiple of 4).
 */
export function simdFilterGradient(
  backend: HeapBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo | null {
  if (info.outChannels % 4 !== 0) return null;
  const dw = kernelFor(backend);
  if (dw === null) return null;
  const out = backend.makeOutput([info.filterHeight, info.filterWidth, info.inChannels, info.outChannels], 'float32');
  const target = backend.typedArrayFromHeap(out);
  target.fill(0);
  dw(
    backend.typedArrayFromHeap(x).byteOffset,
    backend.typedArrayFromHeap(dy).byteOffset,
    target.byteOffset,
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.outChannels,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  );
  return out;
}
