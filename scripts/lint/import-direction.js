// @ts-check
/**
 * ESLint rule `layers/import-direction`: design.md's layer diagram as a check. Each directory of
 * src/lib may import only the layers it is drawn on top of, nothing in src/lib imports
 * the Astro side (src/components, src/pages, …), and only src/lib/compute and src/lib/worker import TF.js.
 * Relative imports are resolved against the importing file; package imports are checked only
 * for TF.js.
 */
import path from 'node:path';

/** The src/lib layers each src/lib layer may import (itself always). @type {Record<string, string[]>} */
export const ALLOWED_IMPORTS = {
  models: [],
  math: ['models'],
  data: ['math', 'models'],
  bibliography: ['data'],
  code: ['models'],
  content: ['bibliography'],
  markdown: ['bibliography'],
  security: [],
  viz: ['models', 'math', 'data'],
  compute: ['models', 'math', 'data'],
  worker: ['compute', 'models', 'math', 'data'],
  state: ['models', 'math', 'data', 'parse'],
  parse: ['models'],
  offline: [],
};

/** Parts of src/ that src/lib may not import: the Astro side (src/data's JSON and src/i18n's words it may). */
const ASTRO_SIDE = new Set([
  'components',
  'pages',
  'layouts',
  'content',
  'integrations',
  'embed-script',
  'offline',
  'styles',
]);

/** Where TF.js may be imported: the engine and its worker. */
const TFJS_LAYERS = new Set(['compute', 'worker']);

/**
 * Where a file under src/ sits: its top directory (`lib`, `components`, `data`, …) and, in src/lib,
 * its layer; null outside src/.
 * @param {string} file absolute path
 * @param {string} srcRoot absolute path of src/
 * @returns {{ area: string, layer: string | undefined } | null}
 */
function placeOf(file, srcRoot) {
  const relative = path.relative(srcRoot, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [area = '', layer] = relative.split(path.sep);
  return { area, layer: area === 'lib' ? layer : undefined };
}

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: "imports follow design.md's layer diagram" },
    schema: [],
    messages: {
      upward:
        '{{from}} may not import {{to}} (design.md: imports point down the layer diagram; {{from}} may use {{allowed}}).',
      components: '{{from}} may not import src/{{to}}: nothing in src/lib imports the Astro side.',
      tfjs: 'Only src/lib/compute and src/lib/worker import TF.js ({{from}} imports {{source}}).',
    },
  },
  create(context) {
    const srcRoot = path.join(context.cwd, 'src');
    const here = placeOf(context.filename, srcRoot);
    const layer = here?.area === 'lib' ? here.layer : undefined;
    if (layer === undefined) return {};
    const from = `src/lib/${layer}`;
    const allowed = ALLOWED_IMPORTS[layer];
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('@tensorflow/')) {
        if (!TFJS_LAYERS.has(layer)) context.report({ node, messageId: 'tfjs', data: { from, source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = placeOf(path.resolve(path.dirname(context.filename), source), srcRoot);
      if (target === null) return;
      if (ASTRO_SIDE.has(target.area)) {
        context.report({ node, messageId: 'components', data: { from, to: target.area } });
        return;
      }
      if (target.area !== 'lib') return;
      if (target.layer === layer || target.layer === undefined) return;
      if (allowed === undefined || !allowed.includes(target.layer)) {
        const data = {
          from,
          to: `src/lib/${target.layer}`,
          allowed: allowed?.length ? allowed.join(', ') : 'no other layer',
        };
        context.report({ node, messageId: 'upward', data });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
    };
  },
};
