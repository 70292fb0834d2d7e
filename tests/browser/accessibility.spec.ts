import { expect, test } from '@playwright/test';
import { axeViolations, builtPages } from './support/site.ts';

for (const theme of ['light', 'dark'] as const) {
  for (const path of builtPages()) {
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
