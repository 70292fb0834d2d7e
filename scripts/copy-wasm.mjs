/**
 * Copies TF.js's WASM binaries into public/tfjs-wasm/ so the site serves them itself (no CDN).
 * Runs before `npm start`, `npm run dev` and `npm run build`; the copies are not committed.
 * Only the single-threaded builds: threaded WASM needs cross-origin isolation the site does not use.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const target = new URL('../public/tfjs-wasm/', import.meta.url).pathname;
mkdirSync(target, { recursive: true });
for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
  copyFileSync(join(dist, 'dist', file), join(target, file));
}
