import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

/**
 * Browser tests run against the built site, served on 127.0.0.1 as a static host serves it
 * (scripts/serve.ts: index.html for directories, the 404 page, and the `_headers` rules), in Chromium.
 * The browser is the system's (Debian's /usr/bin/chromium, or $CHROMIUM_PATH); Playwright's own
 * download is used only where one is installed. The flags give WebGL2 and WebGPU through
 * SwiftShader in headless mode, and keep Chromium from calling home (scripts/chromium.ts).
 */
const port = Number(process.env['PREVIEW_PORT'] ?? 4399);

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    // The offline copy's service worker would store the whole build in every test's fresh profile:
    // only tests/browser/offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  // Long-task checks measure main-thread timing, which another browser computing on the same two
  // cores would distort: they run in their own pass, one at a time (see the test:browser script).
  projects: [
    { name: 'browser', grepInvert: /@longtask/ },
    { name: 'long-tasks', grep: /@longtask/ },
  ],
  webServer: {
    command: `node scripts/serve.ts dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
