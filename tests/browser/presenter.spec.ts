import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic } from '../../scripts/serve/static-server.ts';
import { axeViolations } from './support/site.ts';
import { openTrainingWidget, stepShown } from './support/training.ts';

// Issue 24, presenter mode: `present=1` on an embed page (reached from a chapter's Share panel)
// fills the window in large type and high contrast, passes axe, and works by keyboard alone:
// Space trains and pauses, the arrow keys change the main control, R resets, ? lists the keys.
// In a reveal.js deck (tests/fixtures/reveal-deck) the keys reach the widget in the slide, not
// the deck, and F takes the widget fullscreen; that embed is the Chinese one.

test('the Share panel opens the widget in presenter mode, which passes axe and works by keyboard alone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const chapterWidget = page.locator('relu-tanh#relu-tanh');
  await openTrainingWidget(page, chapterWidget, '/alexnet/', 'rt.width=2&rt.batch=8&rt.steps=400');
  // The embed is to look like the chapter: the same type on the same controls.
  const looks = () =>
    page.evaluate(() =>
      ['relu-tanh figure', 'relu-tanh [data-action="train"]', 'relu-tanh [data-input="lr"]'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).fontFamily,
      ),
    );
  const chapterLooks = await looks();
  await page.locator('#relu-tanh-widget .share-embed > summary').click();
  const present = page.locator('#relu-tanh-widget [data-share-present]');
  // The panel fills its links on its toggle event, which comes after the click.
  await expect(present).toHaveAttribute('href', /^http.*width=2/);
  const href = await present.getAttribute('href');
  const address = new URL(href ?? '');
  expect(address.pathname).toBe('/embed/relu-tanh/');
  expect(address.searchParams.get('width')).toBe('2');
  expect(address.searchParams.get('present')).toBe('1');

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${address.pathname}${address.search}&theme=dark`);
  const widget = page.locator('relu-tanh');
  const train = widget.locator('[data-action="train"]');
  const said = page.locator('.present-said');
  await expect(train).toBeEnabled({ timeout: 30_000 });
  expect(await looks()).toEqual(chapterLooks);
  // Large type, no page chrome, and the presenter bar.
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(20);
  await expect(page.locator('.embed-footer')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keys (?)' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // ? lists the keys (axe again, with the list open); Esc closes it.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(keys).toBeVisible();
  await expect(keys).toContainText('Start, pause or resume');
  await expect(keys).toContainText('Change “Learning rate”');
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(keys).toBeHidden();

  // The arrows change the main control, as the reader's own key would (the address follows).
  const rate = widget.locator('[data-input="lr"]');
  await expect(rate).toHaveValue('0.001');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(rate).toHaveValue('0.003');
  await expect(said).toHaveText('Learning rate: 0.003');
  await expect.poll(() => new URL(page.url()).searchParams.get('lr')).toBe('0.003');
  await page.keyboard.press('ArrowDown');
  await expect(rate).toHaveValue('0.002');

  // Space trains, Space pauses; R resets.
  await page.keyboard.press(' ');
  await expect(train).toHaveText('Pause');
  await expect.poll(() => stepShown(widget), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
  await page.keyboard.press(' ');
  await expect(train).toHaveText('Resume');
  await expect(widget).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.keyboard.press('r');
  await expect(train).toHaveText('Train');
  await expect(widget.locator('[data-history-table] tr')).toHaveCount(0);
  await expect(rate).toBeEnabled();

  // Out again, in the state the presenter left it.
  await page.getByRole('link', { name: 'Leave presenter mode' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-present');
  expect(new URL(page.url()).searchParams.get('lr')).toBe('0.002');

  // With Train hidden from the embed (hide=train), Space has nothing to start and says so, and
  // the keys list leaves it out; R goes back to the defaults, keeping the embed's own options.
  await page.goto('/embed/relu-tanh/?hide=train&lr=0.01&present=1');
  await expect(widget.locator('[data-input="lr"]')).toHaveValue('0.01');
  await page.keyboard.press(' ');
  await expect(said).toHaveText(/nothing to start/);
  await page.keyboard.press('?');
  await expect(keys).not.toContainText('Start, pause or resume');
  await expect(keys).toContainText('Back to the default settings');
  await page.keyboard.press('?');
  await page.keyboard.press('r');
  await expect.poll(() => new URL(page.url()).search).toBe('?hide=train&present=1');
  await expect(widget.locator('[data-input="lr"]')).toHaveValue('0.001');
});

test('in a reveal.js deck the keys reach the widget in the slide, not the deck, and F goes fullscreen', async ({
  page,
  baseURL,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-lineage-deck-'));
  const reveal = 'node_modules/reveal.js/dist';
  for (const [from, to] of [
    ['reveal.js', 'reveal.js'],
    ['reveal.css', 'reveal.css'],
    ['theme/white.css', 'white.css'],
  ]) {
    copyFileSync(join(reveal, from!), join(dir, to!));
  }
  // The Chinese embed: the deck samples the second language.
  const src = `${baseURL}/zh-cn/embed/architecture/vgg16/?present=1`;
  const deck = readFileSync('tests/fixtures/reveal-deck/index.html', 'utf8').replace('__EMBED_SRC__', src);
  writeFileSync(join(dir, 'index.html'), deck);
  // Another origin, as a course site is; port 0 lets the OS choose a free one.
  const host: Server = await serveStatic(dir, 0);
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    const slide = () =>
      page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await expect.poll(slide).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(slide).toBe(1);

    const frame = page.frameLocator('iframe');
    const diagram = frame.locator('.arch-viewport svg.arch-svg');
    await expect(frame.locator('html')).toHaveAttribute('data-present', '');
    await expect(frame.getByRole('button', { name: '按键（?）' })).toBeVisible();
    // The presenter clicks into the slide: from then on the keys are the widget's.
    await frame.locator('.present-bar').click({ position: { x: 5, y: 5 } });
    const width = () => diagram.evaluate((svg) => (svg as SVGSVGElement).getBoundingClientRect().width);
    const fitted = await width();
    await page.keyboard.press('ArrowRight');
    await expect.poll(width).toBeGreaterThan(fitted);
    await expect(frame.locator('.present-said')).toHaveText('放大');
    expect(await slide()).toBe(1);
    await page.keyboard.press('r');
    await expect.poll(width).toBe(fitted);
    await page.keyboard.press(' ');
    await expect(frame.locator('.present-said')).toHaveText(/没有可开始的过程/);

    const fullscreen = () => frame.locator('html').evaluate(() => document.fullscreenElement !== null);
    await page.keyboard.press('f');
    await expect.poll(fullscreen).toBe(true);
    await expect(frame.getByRole('button', { name: '退出全屏' })).toBeVisible();
    await page.keyboard.press('f');
    await expect.poll(fullscreen).toBe(false);
    expect(await slide()).toBe(1);
    // No English word in the Chinese bar (the keys list, opened next, names keys such as Esc).
    expect(await frame.locator('.present-bar').innerText()).not.toMatch(/[A-Za-z]{2,}/);
    await page.keyboard.press('?');
    await expect(frame.getByRole('dialog', { name: '键盘' })).toContainText('调整“放大”');
  } finally {
    host.close();
  }
});
