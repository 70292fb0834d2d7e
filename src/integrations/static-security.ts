/**
 * Build step: accessible names for code blocks (src/lib/markdown/label-code-blocks.ts), a
 * Content-Security-Policy meta tag in every page (src/lib/security/csp.ts) and a
 * `_headers` file for static hosts (Netlify, Cloudflare Pages) with what a meta tag cannot say:
 * framing (only /embed/ and /zh-cn/embed/ pages may be framed by other sites), no MIME sniffing, no referrer
 * to other origins.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from '../../scripts/checks/links.ts';
import { withPolicy } from '../lib/security/csp.ts';
import { labelCodeBlocks } from '../lib/markdown/label-code-blocks.ts';
import { headersFileFor } from '../lib/security/headers.ts';

export function staticSecurity(): AstroIntegration {
  return {
    name: 'cnn-lineage:static-security',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = htmlFiles(root).filter((p) => !p.startsWith('pagefind/'));
        for (const page of pages) {
          const path = `${root}/${page}`;
          writeFileSync(path, withPolicy(labelCodeBlocks(readFileSync(path, 'utf8'))));
        }
        writeFileSync(`${root}/_headers`, headersFileFor(pages));
        logger.info(`Content-Security-Policy in ${pages.length} pages; _headers written`);
      },
    },
  };
}
