// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkCitations } from './src/lib/markdown/remark-citations.ts';
import { rehypeScrollableMath } from './src/lib/markdown/rehype-scrollable-math.ts';
import { sidebarItems } from './src/lib/content/reading-order.ts';
import { staticSecurity } from './src/integrations/static-security.ts';
import { offlineSite } from './src/integrations/offline-site.ts';

/** Stylesheets up to this size (bytes, unminified) are inlined into the pages that use them. */
const INLINE_CSS_BYTES = 32 * 1024;

const docsDir = fileURLToPath(new URL('./src/content/docs/', import.meta.url));

export default defineConfig({
  // Static output: dist/ deploys to any static host. SITE_URL (the deployed origin) adds
  // canonical links and a sitemap; without it the site works the same under any origin.
  output: 'static',
  ...(process.env['SITE_URL'] ? { site: process.env['SITE_URL'] } : {}),
  trailingSlash: 'always',
  markdown: {
    // MDX chapters run on unified: remark-math + KaTeX for equations (keyboard-scrollable when wide),
    // remark-citations for <Cite/>.
    processor: unified({
      remarkPlugins: [remarkMath, remarkCitations],
      rehypePlugins: [rehypeKatex, rehypeScrollableMath],
    }),
  },
  vite: {
    resolve: {
      alias: [
        // Starlight's search imports Pagefind's UI when a page goes idle; this stand-in loads it
        // when the reader first opens search (25.9 KB gzip of script a page no longer loads).
        {
          find: /^@pagefind\/default-ui$/,
          replacement: fileURLToPath(new URL('./src/components/search/deferred-pagefind-ui.ts', import.meta.url)),
        },
        // Starlight's table of contents watches every block of the page to mark the section being
        // read; this one watches only the headings (see the module's comment).
        {
          find: /^(?:.*\/)?components-internals\/TableOfContents\/starlight-toc(?:\.[jt]s)?$/,
          replacement: fileURLToPath(new URL('./src/components/toc/starlight-toc.ts', import.meta.url)),
        },
      ],
    },
    // ES-module workers keep dynamic imports as separate chunks: a reader downloads TF.js core
    // plus only the backend that runs, not all four.
    worker: {
      format: 'es',
      rollupOptions: {
        output: {
          // TF.js core in one chunk (every backend needs it) instead of a tail of tiny ones; our
          // jobs and the model zoo stay separate chunks that load when a job first needs them.
          manualChunks(id) {
            return id.includes('/tfjs-core/') ? 'tfjs-core' : undefined;
          },
        },
      },
    },
    build: {
      // A chapter's small stylesheets (the widgets' shared rules, the components') go inline in
      // the page, so first paint waits on one stylesheet request, the site-wide one, instead of
      // four (docs/performance.md). Other assets keep Vite's 4 KB default.
      assetsInlineLimit: (file, content) => (file.endsWith('.css') ? content.length <= INLINE_CSS_BYTES : undefined),
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's MDX output carries a marker directive the bundler reports but Astro handles.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'CNN Lineage',
      description:
        'An interactive, cited tutorial on how convolutional networks grew from LeNet-5 through AlexNet and VGG to ResNet, with live networks running in your browser.',
      defaultLocale: 'root',
      locales: { root: { label: 'English', lang: 'en' }, 'zh-cn': { label: '简体中文', lang: 'zh-CN' } },
      // One reading order for both languages: Starlight resolves each slug to the locale's own page
      // (src/content/docs/zh-cn/<slug>.mdx, with its title) and prefixes links with /zh-cn/.
      sidebar: [{ label: 'Chapters', translations: { 'zh-CN': '章节' }, items: sidebarItems(docsDir) }],
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      // Code blocks' styles inline, beside the first block, not a stylesheet fetched before first paint.
      expressiveCode: { emitExternalStylesheet: false },
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      // The markdown wrapper keeps in-page jumps on target while skipped paragraphs render.
      components: { MarkdownContent: './src/components/chapter/MarkdownContent.astro' },
    }),
    mdx(),
    // Writes each page's Content-Security-Policy and the hosts' _headers file.
    staticSecurity(),
    // After the page rewrites above: the offline copy's manifest hashes the files as served.
    offlineSite(),
  ],
});
