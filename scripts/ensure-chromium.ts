/**
 * `npm test` needs a Chromium for its browser tests, and Playwright cannot download its own on the
 * machines this project is built on. This step finds one, or installs Debian's where it can:
 * 1. $CHROMIUM_PATH, Debian's /usr/bin/chromium, or a Playwright-installed browser: use it;
 * 2. none, but running as root with apt-get: install Debian's `chromium` (about a minute);
 * 3. otherwise: one line naming the command to run, and exit code 1.
 * Measured on the 2-core build machines (Dec 2026): the apt route installs Chromium 156 with WebGL2
 * and WebGPU through SwiftShader; see the README's Requirements for the npm-packaged alternative.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { systemChromium } from './chromium.ts';

const INSTALL_HINT =
  'npm test needs Chromium for its browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium executable.';

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function canInstallWithApt(): boolean {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

function installWithApt(): boolean {
  console.log('No Chromium found: installing Debian’s chromium package with apt-get (about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return install.status === 0 && systemChromium() !== undefined;
}

const found = systemChromium() ?? playwrightChromium();
if (found) {
  console.log(`Chromium: ${found}`);
} else if (canInstallWithApt() && installWithApt()) {
  console.log(`Chromium: ${systemChromium()} (installed from Debian’s packages)`);
} else {
  console.error(INSTALL_HINT);
  process.exit(1);
}
