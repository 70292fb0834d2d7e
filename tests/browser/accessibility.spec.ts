import { expect, test } from '@playwright/test';
import { axeViolations, builtPages } from './support/site.ts';

/**
 * The architecture embeds are one template drawn for every zoo model (39 pages). axe checks the
 * template's markup, so a sample covers it: one model of each structural kind the diagram draws
 * (LeNet's partial connections and subsampling, AlexNet's towers and LRN, VGG with BN, bottleneck
 * and CIFAR option-A residual blocks, Inception and Fire branches, dense and inverted-residual
 * blocks) in the light theme, and four of them in the dark one. Every page, embeds included,
 * still loads without errors in pages.spec.ts.
 */
const sampledArchitectures: Record<'light' | 'dark', readonly string[]> = {
  light: [
    '',
    'lenet5',
    'alexnet_original',
    'vgg16_bn',
    'resnet50',
    'resnet20',
    'googlenet',
    'squeezenet1_0',
    'densenet121',
    'mobilenet_v2',
  ],
  dark: ['', 'lenet5', 'resnet50', 'googlenet'],
};

/** The built pages axe checks in `theme`: every page but the unsampled architecture embeds. */
function pagesToCheck(theme: 'light' | 'dark'): string[] {
  const sampled = new Set(sampledArchitectures[theme].map((id) => `/embed/architecture/${id === '' ? '' : `${id}/`}`));
  return builtPages().filter((path) => !path.startsWith('/embed/architecture/') || sampled.has(path));
}

test('every sampled architecture embed exists, so the sample cannot silently shrink', () => {
  const pages = new Set(builtPages());
  for (const theme of ['light', 'dark'] as const)
    for (const id of sampledArchitectures[theme])
      expect(pages, id).toContain(`/embed/architecture/${id === '' ? '' : `${id}/`}`);
});

for (const theme of ['light', 'dark'] as const) {
  for (const path of pagesToCheck(theme)) {
    test(`${path} has no axe violations in the ${theme} theme`, async ({ page }) => {
      // Chapter pages keep the reader's choice in storage; embed pages take ?theme= (no storage).
      await page.addInitScript((t) => window.localStorage.setItem('starlight-theme', t), theme);
      const url = path.startsWith('/embed/') ? `${path}?theme=${theme}` : path;
      await page.goto(url, { waitUntil: 'networkidle' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Expressive Code makes a code block that scrolls sideways focusable once it has measured it
      // (a ResizeObserver, then an idle callback): on a busy machine that comes after network idle.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every(
            (pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
          ),
        undefined,
        { timeout: 10_000 },
      );
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('the axe check fails on a page with an unlabelled button', async ({ page }) => {
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Fixture</title></head><body><main><h1>Fixture</h1><button></button></main></body></html>',
  );
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith('button-name:'))).toBe(true);
});
