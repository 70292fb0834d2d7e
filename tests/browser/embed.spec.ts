import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { parseState, type Schema } from '../../src/lib/state/schema.ts';
import { widgetRegistry, type WidgetEntry } from '../../src/lib/state/widgets.ts';
import { serveStatic } from '../../scripts/serve/static-server.ts';
import { presenterControls } from '../../src/components/widget/presenter-controls.ts';

// Generated from the widget registry: every widget registered is tested here as an embed,
// from a host page on a second localhost port (another origin).

const HOST_PORT = Number(process.env['EMBED_HOST_PORT'] ?? 4380);
let hostOrigin = '';
let host: Server;

test.beforeAll(async ({ browserName: _browser }, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Host</title><body></body>');
  const port = HOST_PORT + testInfo.parallelIndex;
  host = await serveStatic(dir, port);
  hostOrigin = `http://127.0.0.1:${port}`;
});
test.afterAll(() => host.close());

/** Opens the host page with an iframe (and optionally /embed.js) pointing at `src`. */
async function embedOnHost(page: Page, siteOrigin: string, src: string, withScript: boolean): Promise<void> {
  await page.goto(`${hostOrigin}/`);
  await page.evaluate(
    ({ src, script, siteOrigin }) => {
      if (script) {
        const s = document.createElement('script');
        s.type = 'module';
        s.src = `${siteOrigin}/embed.js`;
        document.head.append(s);
      }
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'embedded widget';
      frame.width = '100%';
      frame.height = '150';
      document.body.append(frame);
    },
    { src, script: withScript, siteOrigin },
  );
}

/** Records every dialog (dismissed) and every uncaught error on `page`: a hostile value that ran script shows here. */
function watchScripts(page: Page): { dialogs: string[]; errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { dialogs, errors };
}

function hostileQueries(widget: WidgetEntry): string[] {
  const keys = Object.keys(widget.schema);
  const first = keys[0]!;
  return [
    `${first}=<script>alert(1)</script>&hide=<img src=x onerror=alert(2)>&theme="><svg onload=alert(3)>`,
    `${first}=javascript:alert(1)&${keys.at(-1)}=1e999&lang=<b>x</b>`,
    keys.map((k) => `${k}=NaN&${k}=Infinity`).join('&'),
    `${first}=${'A'.repeat(10_000)}&hide=${'x,'.repeat(2000)}`,
    `${encodeURIComponent(first)}=%00%ff%fe&__proto__=1&constructor=2`,
  ];
}

for (const widget of widgetRegistry) {
  test.describe(`embedded widget "${widget.id}"`, () => {
    test('the iframe resizes to its content with /embed.js, and keeps its height without it', async ({
      page,
      baseURL,
    }) => {
      await embedOnHost(page, baseURL!, `${baseURL}/embed/${widget.id}/`, true);
      const frame = page.locator('iframe');
      await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 15_000 }).toBeGreaterThan(300);
      // The widget may still grow while it loads; the iframe follows until the two agree.
      const mismatch = async (): Promise<number> => {
        const content = await page
          .frameLocator('iframe')
          .locator('html')
          .evaluate((html) => html.scrollHeight);
        return Math.abs(((await frame.boundingBox())?.height ?? 0) - content);
      };
      await expect.poll(mismatch, { timeout: 15_000 }).toBeLessThanOrEqual(4);

      await embedOnHost(page, baseURL!, `${baseURL}/embed/${widget.id}/`, false);
      await page.frameLocator('iframe').locator('main').waitFor();
      await page.waitForTimeout(500);
      // The height attribute stands (the box adds the iframe's 2 px default border).
      expect(await page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.clientHeight)).toBe(150);
    });

    test('its state round-trips through the embed URL', async ({ page, baseURL }) => {
      const wanted = widget.example;
      await embedOnHost(page, baseURL!, `${baseURL}/embed/${widget.id}/?${new URLSearchParams(wanted)}`, false);
      const root = page.frameLocator('iframe').locator(`[data-widget="${widget.id}"]`);
      if (widget.variantKey) {
        const path = `/embed/${widget.id}/${wanted[widget.variantKey]}/`;
        await expect.poll(() => page.frames()[1]?.url() ?? '').toContain(path);
      }
      await expect(root).toBeVisible();
      // The example differs from the defaults, so the widget's state query fills in once it has read the URL.
      await expect(root).not.toHaveAttribute('data-query', '');
      const frameUrl = new URL(page.frames()[1]!.url());
      // A variant (e.g. the model) becomes the page path; the rest stays in the query.
      const variant = widget.variantKey ? frameUrl.pathname.split('/').filter(Boolean)[2] : undefined;
      const query = (await root.getAttribute('data-query')) ?? '';
      const state = parseState(widget.schema as Schema, query).state as Record<string, unknown>;
      if (widget.variantKey && variant) state[widget.variantKey] = variant;
      const expected = parseState(widget.schema as Schema, new URLSearchParams(wanted)).state;
      expect(state).toEqual(expected);
      await expect(page.frameLocator('iframe').locator('[data-widget-notices] li')).toHaveCount(0);
      // Presenter mode's keys act on this widget's own controls: each is there, once.
      for (const selector of Object.values(presenterControls[widget.id] ?? {})) {
        await expect(root.locator(selector), selector).toHaveCount(1);
      }
    });

    for (const [i, query] of hostileQueries(widget).entries()) {
      test(`hostile query #${i + 1} renders safely with defaults and a notice`, async ({ page, baseURL }) => {
        const { dialogs, errors } = watchScripts(page);
        const offOrigin: string[] = [];
        page.on('request', (r) => {
          const origin = new URL(r.url()).origin;
          if (origin !== hostOrigin && origin !== new URL(baseURL!).origin) offOrigin.push(r.url());
        });
        await embedOnHost(page, baseURL!, `${baseURL}/embed/${widget.id}/?${query}`, true);
        const frame = page.frameLocator('iframe');
        await expect(frame.locator(`[data-widget="${widget.id}"]`)).toBeVisible();
        const notices = frame.locator('[data-embed-notices] li, [data-widget-notices] li');
        await expect(notices.first()).toBeVisible();
        await expect(frame.locator('img[src="x"], svg[onload], b')).toHaveCount(0);
        await page.waitForTimeout(500);
        expect(dialogs).toEqual([]);
        expect(errors).toEqual([]);
        expect(offOrigin).toEqual([]);
      });
    }

    test('the embed page can be framed by another site, a chapter page cannot', async ({ page, baseURL }) => {
      await embedOnHost(page, baseURL!, `${baseURL}/embed/${widget.id}/`, false);
      await expect(page.frameLocator('iframe').locator('main')).toBeVisible();
      await embedOnHost(page, baseURL!, `${baseURL}/${widget.chapter.slug}/`, false);
      await page.waitForTimeout(1000);
      // Blocked by frame-ancestors: the frame holds the browser's error page, not the chapter.
      const chapterFrame = page.frames()[1]!;
      expect(chapterFrame.url()).not.toContain(`/${widget.chapter.slug}/`);
      expect(await chapterFrame.title()).not.toContain('CNN Lineage');
    });
  });
}

/** A model parameter as the Your-network widget's codec writes one: tag, then raw DEFLATE in base64url. */
function encodedModel(tag: 't' | 'j', content: string | Buffer): string {
  return tag + deflateRawSync(content).toString('base64url');
}

// Values that pass the Your-network schema's pattern but are not models: the widget's decoder must
// refuse each with a notice and show its default model, running nothing the value holds.
const corruptModels: readonly [string, string][] = [
  ['markup as text', encodedModel('t', '<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n')],
  [
    'markup in JSON',
    encodedModel('j', '{"__proto__": {"polluted": 1}, "id": "<b>x</b>", "name": "<svg onload=alert(3)>"}'),
  ],
  ['a deflate bomb', encodedModel('t', Buffer.alloc(4_000_000, 0x20))],
  ['bytes that do not inflate', `t${'A'.repeat(400)}`],
  ['invalid UTF-8', encodedModel('t', Buffer.from([0x63, 0x6f, 0x6e, 0x76, 0x20, 0xff, 0xfe, 0x0a]))],
];

test('a corrupt model in a Your-network link gives a notice and the default model', async ({ page, baseURL }) => {
  const { dialogs, errors } = watchScripts(page);
  for (const [what, value] of corruptModels) {
    expect(value.length, what).toBeLessThanOrEqual(8000);
    await embedOnHost(page, baseURL!, `${baseURL}/embed/your-network/?model=${value}`, false);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-widget-notices] li').first(), what).toContainText('could not be read');
    await expect(frame.locator('your-network'), what).toHaveAttribute('data-state', 'ready');
    await expect(frame.locator('[data-totals]'), what).toContainText('resnet18');
    await expect(frame.locator('img[src="x"], svg[onload], b'), what).toHaveCount(0);
    expect(await page.frames()[1]!.evaluate(() => (({}) as Record<string, unknown>)['polluted']), what).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('<cnn-lineage-widget lang="zh-CN"> shows the widget in Chinese, from the Chinese embed page', async ({
  page,
  baseURL,
}) => {
  await page.goto(`${hostOrigin}/`);
  await page.evaluate((siteOrigin) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${siteOrigin}/embed.js`;
    document.head.append(script);
    const widget = document.createElement('cnn-lineage-widget');
    widget.setAttribute('name', 'relu-tanh');
    widget.setAttribute('lang', 'zh-CN');
    document.body.append(widget);
  }, baseURL!);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(frame.locator('[data-action="train"]')).toHaveText('训练');
  expect(page.frames()[1]!.url()).toContain('/zh-cn/embed/relu-tanh/');
});

test("each architecture embed's footer leads to its model's chapter, not always VGG's", () => {
  const footerLink = (model: string): string | undefined => {
    const html = readFileSync(`dist/embed/architecture/${model}/index.html`, 'utf8');
    return /<footer class="embed-footer"[\s\S]*?<a href="([^"]*)"[^>]*>([^<]*)</.exec(html)?.slice(1, 3).join(' ');
  };
  expect(footerLink('resnet50')).toBe('/resnet/ CNN Lineage: ResNet');
  expect(footerLink('lenet5')).toBe('/lenet5/ CNN Lineage: LeNet-5');
  expect(footerLink('alexnet')).toBe('/alexnet/ CNN Lineage: AlexNet');
  expect(footerLink('vgg19')).toBe('/vgg/ CNN Lineage: VGG');
  expect(footerLink('googlenet')).toBe('/inception/ CNN Lineage: 1×1 convolutions, NiN and GoogLeNet');
  expect(footerLink('densenet121')).toBe('/after-resnet/ CNN Lineage: After ResNet');
  expect(footerLink('resnext50_32x4d')).toBe('/after-resnet/ CNN Lineage: After ResNet');
});
