/**
 * Build step: the offline copy of the site. Writes /sw.js (src/offline/service-worker.ts with the
 * build's precache manifest, src/lib/offline/precache.ts), /offline.js (src/offline/register.ts)
 * and /offline-prompt.js (src/offline/update-prompt.ts with the prompt's strings from src/i18n,
 * loaded only when an update waits), and links /offline.js from every page.
 *
 * Why our own ~150 lines rather than Workbox or @vite-pwa/astro: the site is static and every file
 * of the build belongs offline, so the whole job is "hash every file, store them all, answer from
 * the store" — a manifest and three event handlers. Workbox's precaching would add a runtime of its
 * own to every page's first visit and a build dependency tree for behaviour we use none of the
 * options of; @vite-pwa/astro hooks Vite's build and would see the pages before this site's own
 * build step rewrites them (Content-Security-Policy, labelled code blocks), so its revisions would
 * not match the files served. Runs last, after those rewrites, for the same reason.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { AstroIntegration } from 'astro';
import { buildVersion, precacheManifest } from '../lib/offline/precache.ts';
import { offline as englishStrings } from '../i18n/en/offline.ts';
import { offline as chineseStrings } from '../i18n/zh-CN/offline.ts';

/** The script tag every page gets: the registration script, loaded as a module after parsing. */
export const REGISTER_TAG = '<script type="module" src="/offline.js"></script>';

/** Every file under `root`, as '/'-separated paths relative to it. */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** A self-contained TypeScript source file compiled to a browser script, with `preamble` before it. */
function compiled(source: URL, preamble: string): string {
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  return `"use strict";\n${preamble}\n${outputText.replace(/^"use strict";\n/, '')}`;
}

/** `html` with the registration script linked at the end of its <head> (once). */
export function withRegistration(html: string): string {
  if (html.includes(REGISTER_TAG) || !html.includes('</head>')) return html;
  return html.replace('</head>', `${REGISTER_TAG}</head>`);
}

/**
 * Makes the build in `root` work offline: links /offline.js from every page, writes /offline.js,
 * /offline-prompt.js and /sw.js with the manifest of every file as it now is. Idempotent: run it again after
 * changing a file and only the changed revisions (and the build version) differ.
 * Returns the number of precached files and the build version.
 */
export function buildOfflineCopy(root: string): { files: number; version: string } {
  for (const page of filesUnder(root).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
    const path = join(root, page);
    writeFileSync(path, withRegistration(readFileSync(path, 'utf8')));
  }
  const strings = { en: englishStrings, 'zh-CN': chineseStrings };
  writeFileSync(join(root, 'offline.js'), compiled(new URL('../offline/register.ts', import.meta.url), ''));
  writeFileSync(
    join(root, 'offline-prompt.js'),
    compiled(new URL('../offline/update-prompt.ts', import.meta.url), `const STRINGS = ${JSON.stringify(strings)};`),
  );
  const manifest = precacheManifest(filesUnder(root), (file) => readFileSync(join(root, file)));
  const version = buildVersion(manifest);
  writeFileSync(
    join(root, 'sw.js'),
    compiled(
      new URL('../offline/service-worker.ts', import.meta.url),
      `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(manifest)};`,
    ),
  );
  return { files: manifest.length, version };
}

/** The Astro integration: the offline copy of every build (see buildOfflineCopy). */
export function offlineSite(): AstroIntegration {
  return {
    name: 'cnn-lineage:offline-site',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { files, version } = buildOfflineCopy(fileURLToPath(dir));
        logger.info(`offline copy: ${files} files in the precache manifest, build ${version}`);
      },
    },
  };
}
