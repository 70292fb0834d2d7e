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

// On a Chinese page (html lang zh-CN) Pagefind searches its own zh-cn index, which it segments
// into words at build time: Chinese words find the Chinese chapters, and only those.
test('the search code loads when the reader opens search, not before; Ctrl+K opens it with the cursor in the box; on /zh-cn/ Chinese words find the Chinese chapters', async ({
  page,
}) => {
  const searchCode: string[] = [];
  page.on('request', (request) => {
    if (/\/_astro\/ui-core\.[\w-]+\.js$/.test(new URL(request.url()).pathname)) searchCode.push(request.url());
  });
  await page.goto('/zh-cn/', { waitUntil: 'networkidle' });
  await page.waitForTimeout(500); // past the idle callback that used to load it
  expect(searchCode).toEqual([]);
  await page.keyboard.press('Control+k');
  const input = page.locator('dialog .pagefind-ui__search-input');
  await expect(input).toBeFocused();
  expect(searchCode).toHaveLength(1);
  const results = page.locator('.pagefind-ui__result-link');
  const hrefs = (): Promise<string[]> => results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  await input.fill('感受野');
  await expect(results.first()).toHaveAttribute('href', /^\/zh-cn\/receptive-fields\//);
  expect((await hrefs()).every((href) => href.startsWith('/zh-cn/'))).toBe(true);
  await input.fill('残差');
  await expect(results.first()).toHaveAttribute('href', /^\/zh-cn\//);
  await expect.poll(hrefs).toContainEqual(expect.stringMatching(/^\/zh-cn\/skip-connections\//));
});
