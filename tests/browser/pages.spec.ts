import { expect, test } from '@playwright/test';
import { readingOrder } from '../../src/lib/content/reading-order.ts';
import { builtPages, recordOffOriginRequests, recordPageErrors } from './support/site.ts';
import { chineseChapters, sampleChinese } from './support/samples.ts';

const pages = builtPages();
// The Chinese chapters repeat their English twins' templates: the sample axe checks is loaded here too.
const rendered = sampleChinese(pages, chineseChapters.light);

test('the build has a page for every chapter', () => {
  const chapters = readingOrder('src/content/docs').map((c) => `/${c.slug === '' ? '' : `${c.slug}/`}`);
  for (const chapter of chapters) expect(pages).toContain(chapter);
});

for (const path of rendered) {
  test(`${path} renders with a title, no errors and no request off the site's origin`, async ({ page, baseURL }) => {
    const offOrigin = recordOffOriginRequests(page, new URL(baseURL!).origin);
    const errors = recordPageErrors(page);
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').first()).not.toBeEmpty();
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });
}

test('the sidebar lists the chapters in reading order and prev/next follow it', async ({ page }) => {
  await page.goto('/vgg/');
  const sidebar = page.locator('nav[aria-label="Main"] a');
  const titles = (await sidebar.allTextContents()).map((t) => t.trim());
  expect(titles).toEqual([
    'Overview',
    'LeNet-5',
    'AlexNet',
    'VGG',
    '1×1 convolutions, NiN and GoogLeNet',
    'Receptive fields',
    'Vanishing gradients',
    'Batch normalization',
    'ResNet',
    'Skip connections',
    'After ResNet',
    'Your own network',
    'Embedding the widgets',
    'Convolution arithmetic',
    'References',
    "Your browser's compute",
  ]);
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/alexnet/');
  await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', '/inception/');
});

test('a Chinese chapter: lang zh-CN, the sidebar in reading order under /zh-cn/, and the language picker works from the keyboard', async ({
  page,
}) => {
  await page.goto('/zh-cn/vgg/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const links = page.locator('nav.sidebar a');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toEqual(readingOrder('src/content/docs').map((c) => `/zh-cn/${c.slug === '' ? '' : `${c.slug}/`}`));
  await expect(links.first()).toHaveText('概览');
  await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', '/zh-cn/alexnet/');
  // Starlight's picker is a labelled <select>: focus it and change it with an arrow key, as a keyboard user does.
  const picker = page.getByRole('combobox', { name: '选择语言' }).locator('visible=true');
  await expect(picker).toHaveValue('/zh-cn/vgg/');
  await picker.focus();
  await page.keyboard.press('ArrowUp');
  await page.waitForURL((url) => url.pathname === '/vgg/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('citations are numbered in order and link to the reference list at the end of the page', async ({ page }) => {
  await page.goto('/lenet5/');
  const cites = page.locator('a.cite');
  // LeNet-5's chapter cites one paper throughout: every label is [1] with an optional locator.
  await expect(cites.first()).toHaveText(/^\[1(, [^\]]+)?\]$/);
  await expect(cites.filter({ hasText: /^\[1, .*Table I\]$/ }).first()).toBeVisible();
  const labels = await cites.allTextContents();
  expect(labels.every((label) => /^\[\d+(, [^\]]+)?\]$/.test(label))).toBe(true);
  await cites.first().click();
  await expect(page.locator('#ref-lecun1998')).toBeInViewport();
  await expect(page.locator('#ref-lecun1998')).toContainText('Gradient-based learning applied to document recognition');
});

test('a jump to a heading, by the table of contents or by the address, lands on it as the skipped paragraphs render', async ({
  page,
}) => {
  // Off-screen paragraphs skip rendering at estimated heights (site.css); their real heights
  // arrive as a jump lands and, unchecked, push the target out of view.
  await page.goto('/vanishing-gradients/');
  const headings = page.locator('.sl-markdown-content h2[id]');
  const last = await headings.last().getAttribute('id');
  const tocLink = (id: string | null) => page.locator(`starlight-toc a[href="#${id}"]`).first();
  await expect(page.locator('starlight-toc a[href="#_top"]').first()).toHaveAttribute('aria-current', 'true');
  await tocLink(last).click();
  await expect(page.locator(`#${last}`)).toBeInViewport();
  // The contents mark the section being read (src/components/toc/starlight-toc.ts).
  await expect(tocLink(last)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('starlight-toc a[aria-current="true"]')).toHaveCount(1);
  const middle = await headings.nth(Math.floor((await headings.count()) / 2)).getAttribute('id');
  await page.goto('about:blank');
  await page.goto(`/vanishing-gradients/#${middle}`);
  await expect(page.locator(`#${middle}`)).toBeInViewport();
  await expect(tocLink(middle)).toHaveAttribute('aria-current', 'true');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('starlight-toc a[href="#_top"]').first()).toHaveAttribute('aria-current', 'true');
});

test('equations render with KaTeX and its fonts come from the site itself', async ({ page, baseURL }) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(r.url());
  });
  await page.goto('/receptive-fields/', { waitUntil: 'networkidle' });
  await expect(page.locator('.katex-display .katex').first()).toBeVisible();
  await expect(page.locator('.katex-display').first()).toContainText('r');
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(new URL(font).origin).toBe(new URL(baseURL!).origin);
  // Off-screen displays skip rendering only once rendered with their fonts, and then hold their
  // real height: a 3rem guess made a display shrink 23 px when it rendered, moving the chapter
  // below between a click's press and release.
  await expect(page.locator('html')).toHaveClass(/\bskip-offscreen\b/);
  const { skipped, moved } = await page.evaluate(() => {
    const displays = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content > .katex-display')].filter(
      (d) => !d.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
    );
    const held = displays.map((d) => d.getBoundingClientRect().height);
    for (const d of displays) d.style.contentVisibility = 'visible';
    const real = displays.map((d) => d.getBoundingClientRect().height);
    return {
      skipped: displays.length,
      moved: held.flatMap((h, i) => (Math.abs(h - real[i]!) > 0.5 ? [[h, real[i]]] : [])),
    };
  });
  expect(skipped).toBeGreaterThan(0);
  expect(moved).toEqual([]);
});

test('the theme switch turns on dark mode', async ({ page }) => {
  await page.goto('/');
  const select = page.locator('starlight-theme-select select').first();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test("a chapter's code listings wait in a closed disclosure, and open and switch tabs by keyboard", async ({
  page,
}) => {
  const errors = recordPageErrors(page);
  await page.goto('/alexnet/');
  const listing = page.locator('figure.model-code');
  // Until a reader opens them, the listings are not rendered (a closed <details>).
  await expect(listing.locator('pre').first()).toBeHidden();
  await listing.locator('summary').focus();
  await page.keyboard.press('Enter');
  const tfjs = listing.getByRole('tabpanel', { name: 'TF.js' });
  await expect(tfjs).toBeVisible();
  await expect(tfjs).toContainText("import * as tf from '@tensorflow/tfjs';");
  await listing.getByRole('tab', { name: 'TF.js' }).focus();
  await page.keyboard.press('ArrowRight');
  const pytorch = listing.getByRole('tabpanel', { name: 'PyTorch' });
  await expect(pytorch).toBeVisible();
  await expect(pytorch).toContainText('from torch import nn');
  await expect(tfjs).toBeHidden();
  expect(errors).toEqual([]);
});
