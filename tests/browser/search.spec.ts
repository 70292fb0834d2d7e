import { expect, test } from '@playwright/test';

test('Pagefind search finds a word that appears in one chapter and links to it', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('button', { name: /search/i })
    .first()
    .click();
  const input = page.locator('dialog .pagefind-ui__search-input');
  await input.fill('cheques');
  const result = page.locator('.pagefind-ui__result-link').first();
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('href', /\/lenet5\//);
  // Pagefind lists the page and its matching sections; all of them are in the LeNet-5 chapter.
  const hrefs = await page
    .locator('.pagefind-ui__result-link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.every((href) => href.startsWith('/lenet5/'))).toBe(true);
});
