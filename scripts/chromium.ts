/**
 * How the project launches Chromium outside Playwright's test runner (the benchmark): the same
 * executable and flags as playwright.config.ts.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** The system Chromium, if any: $CHROMIUM_PATH, then Debian's. */
export function systemChromium(): string | undefined {
  return [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => p !== undefined && p !== '' && existsSync(p),
  );
}

/**
 * Flags for WebGL2 and WebGPU through SwiftShader, headless, without calling home. The page is
 * composited in software, as Chrome composites on a machine without a usable GPU; composited
 * through SwiftShader, every frame also ran the emulated GPU (in a process above the page's
 * priority) on the two cores the page and its worker need.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = systemChromium();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--enable-unsafe-webgpu',
      '--disable-gpu-compositing',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(root ? ['--no-sandbox'] : []),
    ],
  };
}
