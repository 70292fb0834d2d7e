/** `node scripts/serve.ts [dir] [port]`: serves a built site like a static host (see serve/static-server.ts). */
import { serveStatic } from './serve/static-server.ts';

const root = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? process.env['PORT'] ?? 4399);
await serveStatic(root, port);
console.log(`Serving ${root}/ at http://127.0.0.1:${port}/`);
