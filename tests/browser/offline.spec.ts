import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Frame, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { serveStatic } from '../../scripts/serve/static-server.ts';
import { buildOfflineCopy } from '../../src/integrations/offline-site.ts';
import { widgetRegistry } from '../../src/lib/state/widgets.ts';
import { axeViolations } from './support/site.ts';

// The offline copy, tested as a reader meets it: one online visit, then no network at all — the
// servers are shut down, not only the browser's network emulated, so nothing can be fetched by
// anyone. Each test serves its own copy of the build on its own ports (a new build is written into
// it in the update test). Service workers are blocked in the rest of the suite (playwright.config.ts).

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 180_000 });

const BASE_PORT = Number(process.env['OFFLINE_PORT'] ?? 4360);

/** A copy of the build served on 127.0.0.1; `stop` closes the server and its open connections. */
interface SiteCopy {
  readonly dir: string;
  readonly origin: string;
  start(): Promise<void>;
  stop(): void;
}

function siteCopy(port: number): SiteCopy {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-offline-'));
  cpSync('dist', dir, { recursive: true });
  let server: Server | undefined;
  return {
    dir,
    origin: `http://127.0.0.1:${port}`,
    async start() {
      server = await serveStatic(dir, port);
    },
    stop() {
      server?.closeAllConnections();
      server?.close();
      server = undefined;
    },
  };
}

/** How many files the build's service worker precaches (its manifest's entries). */
function precacheSize(dir: string): number {
  return readFileSync(join(dir, 'sw.js'), 'utf8').match(/"url":/g)?.length ?? 0;
}

/** Waits until the page (or frame) is controlled by the site's service worker, its precache stored. */
async function waitForOfflineCopy(target: Page | Frame): Promise<number> {
  await target.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 120_000 });
  return target.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('cnn-lineage-'));
    const cache = await caches.open(names[0] ?? '');
    return (await cache.keys()).length;
  });
}

/**
 * Waits until every part of the widget at `root` is ready (a training widget: until its Train
 * button works, then until it has trained a step); fails on an error state.
 */
async function expectWidgetWorks(target: Page | Frame, id: string): Promise<void> {
  const root = target.locator(`.widget-root[data-widget="${id}"]`).first();
  await expect(root, `${id} is on the page`).toBeVisible({ timeout: 30_000 });
  await root.scrollIntoViewIfNeeded();
  const train = root.locator('[data-action="train"]');
  if ((await train.count()) > 0) {
    await expect(train, `${id}: Train works offline`).toBeEnabled({ timeout: 45_000 });
    await train.click();
    await expect
      .poll(
        async () => /Step [1-9]|Finished/.test((await root.locator('[data-training-status]').textContent()) ?? ''),
        {
          message: `${id} trains offline`,
          timeout: 60_000,
        },
      )
      .toBe(true);
    await train.click(); // pause: the machine is shared with the rest of the test
  }
  await expect
    .poll(
      async () => {
        const states = await root
          .locator('[data-state]')
          .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-state') ?? ''));
        if (states.includes('error')) return 'error';
        return states.every((s) => s === 'ready' || s === 'idle') ? 'settled' : states.join(',');
      },
      { message: `${id} reaches ready offline`, timeout: 60_000 },
    )
    .toBe('settled');
}

test('after one visit the whole site works with no network: pages, search, and every widget', async ({
  page,
  context,
}, testInfo) => {
  const site = siteCopy(BASE_PORT + 10 * testInfo.parallelIndex);
  await site.start();
  await page.goto(`${site.origin}/`);
  expect(await waitForOfflineCopy(page), 'every file of the build is stored').toBe(precacheSize(site.dir));

  site.stop();
  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    // A request the page itself abandons (it navigated on while a script was loading) is not a miss.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') failed.push(`${request.url()} (${reason})`);
  });

  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  const chineseHome = join(site.dir, 'zh-cn', 'index.html');
  for (const path of ['/vgg/', '/resnet/', ...(existsSync(chineseHome) ? ['/zh-cn/'] : [])]) {
    const response = await page.goto(`${site.origin}${path}`);
    expect(response?.status(), `${path} offline`).toBe(200);
    await expect(page.locator('h1')).toBeVisible();
  }

  // Search: Pagefind's index and fragments come from the precache too.
  await page.goto(`${site.origin}/`);
  await page
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  await page.locator('dialog .pagefind-ui__search-input').fill('cheques');
  await expect(page.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/lenet5\//);
  await page.keyboard.press('Escape');

  // Every widget, through its embed page with its default state (workers, WASM, weights, MNIST, runs).
  for (const widget of widgetRegistry) {
    await page.goto(`${site.origin}/embed/${widget.id}/`);
    await expectWidgetWorks(page, widget.id);
  }
  expect(failed, 'requests that failed offline').toEqual([]);
});

test('an embedded widget keeps working offline inside a host page that caches itself', async ({
  browserName: _browser,
}, testInfo) => {
  const site = siteCopy(BASE_PORT + 10 * testInfo.parallelIndex + 1);
  await site.start();
  // The host: another site (localhost, not 127.0.0.1) whose own service worker caches its page.
  const hostDir = mkdtempSync(join(tmpdir(), 'cnn-lineage-offline-host-'));
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><title>Course page</title><main><h1>Lesson</h1>
<iframe title="ReLU against tanh" src="${site.origin}/embed/relu-tanh/" width="800" height="900"></iframe></main>
<script>navigator.serviceWorker.register('/host-sw.js');</script></html>`,
  );
  writeFileSync(
    join(hostDir, 'host-sw.js'),
    `self.addEventListener('install', (e) => e.waitUntil(caches.open('host').then((c) => c.add('/')).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => e.respondWith(caches.match(e.request).then((r) => r ?? fetch(e.request))));`,
  );
  const hostPort = BASE_PORT + 10 * testInfo.parallelIndex + 2;
  const host = await serveStatic(hostDir, hostPort);
  // A reader's own profile, not an incognito one, with third-party storage allowed as in a default
  // Chrome profile: an embed keeps a service worker (partitioned under the host's site) only where
  // the browser lets a third-party frame store anything. Chromium's test build blocks third-party
  // cookies by default (TrackingProtection3pcd), and with them a third-party frame's service worker.
  const launch = chromiumLaunchOptions();
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cnn-lineage-profile-')), {
    ...launch,
    args: [...(launch.args ?? []), '--disable-features=TrackingProtection3pcd'],
    serviceWorkers: 'allow',
  });
  try {
    const page = await context.newPage();
    await page.goto(`http://localhost:${hostPort}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await expect(page.frameLocator('iframe').locator('.widget-root')).toBeVisible();
    const frame = page.frames().find((f) => f.url().startsWith(site.origin));
    expect(frame, 'the embed frame').toBeDefined();
    expect(await waitForOfflineCopy(frame!), "the embed's offline copy, stored under the host").toBe(
      precacheSize(site.dir),
    );

    site.stop();
    host.closeAllConnections();
    host.close();
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText('Lesson');
    const offlineFrame = page.frames().find((f) => f.url().startsWith(site.origin));
    expect(offlineFrame, 'the embed frame offline').toBeDefined();
    await expectWidgetWorks(offlineFrame!, 'relu-tanh');
  } finally {
    await context.close();
  }
});

test('a new build offers a reload; accepting it shows the new pages and drops the old copy', async ({
  page,
}, testInfo) => {
  const site = siteCopy(BASE_PORT + 10 * testInfo.parallelIndex + 3);
  await site.start();
  await page.goto(`${site.origin}/`);
  await waitForOfflineCopy(page);
  await expect(page.locator('#site-update')).toHaveCount(0);

  // Deploy a new build: one page changed, the offline copy rewritten as the build step writes it.
  const home = join(site.dir, 'index.html');
  writeFileSync(home, readFileSync(home, 'utf8').replace('</h1>', ' (new build)</h1>'));
  buildOfflineCopy(site.dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

  const prompt = page.getByRole('complementary', { name: 'Site update' });
  await expect(prompt).toBeVisible({ timeout: 60_000 });
  await expect(prompt).toContainText('A new version of CNN Lineage is ready.');
  expect(await axeViolations(page)).toEqual([]);
  // By keyboard: the prompt's Reload button is reachable and works with Enter.
  await prompt.getByRole('button', { name: 'Reload' }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await expect(page.locator('h1')).toContainText('(new build)');
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('cnn-lineage-')).length))
    .toBe(1);
  site.stop();
});
